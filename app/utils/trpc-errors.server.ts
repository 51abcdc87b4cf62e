import { redirect } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import { ZodError } from '#shared/zod.ts'
import { isDomainError } from '#shared/domain-error.ts'
import { t } from '#shared/i18n/i18n.ts'
import { fieldErrors } from '#shared/zod-errors.ts'

/** For loaders: a missing or invisible record is a 404 that names nothing; a lost session goes to sign-in. */
export async function loadOr404<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN') throw new Response(t('common.notFound'), { status: 404 })
      if (error.code === 'UNAUTHORIZED') throw redirect('/sign-in')
      // A bad value in the address (a date out of range, say) is the asker's mistake: 400, not a server error.
      if (error.code === 'BAD_REQUEST') {
        const message = error.cause instanceof ZodError ? error.cause.issues.map((i) => i.message).join(' ') : error.message
        throw new Response(message, { status: 400 })
      }
    }
    throw error
  }
}

export interface ActionFailure {
  ok: false
  message: string
  fieldErrors: Record<string, string[]>
}

/**
 * For actions: a refusal (bad input, conflict, not allowed) comes back as a message for the form; a page the
 * person may no longer see (removed from the team) is a 404, like any other student they cannot see.
 */
export async function actionResult<T>(call: () => Promise<T>): Promise<{ ok: true; data: T } | ActionFailure> {
  try {
    return { ok: true, data: await call() }
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === 'NOT_FOUND' && !isDomainError(error.cause)) throw new Response(t('common.notFound'), { status: 404 })
      if (error.code === 'UNAUTHORIZED') throw redirect('/sign-in')
      if (error.cause instanceof ZodError) {
        return { ok: false, message: t('common.correctFields'), fieldErrors: fieldErrors(error.cause) }
      }
      const field = isDomainError(error.cause) ? error.cause.field : undefined
      return { ok: false, message: error.message, fieldErrors: field ? { [field]: [error.message] } : {} }
    }
    throw error
  }
}
