import { initTRPC, TRPCError } from '@trpc/server'
import { z, ZodError } from 'zod'
import { can, canInSchool, type Action, type OwnedAction, type SchoolAction } from '#shared/permissions.ts'
import { studentInputSchema } from '#shared/schemas/team.ts'
import { resolveSchoolRole, resolveStudentAccess } from '../services/memberships.server.ts'
import { isDomainError } from '#shared/domain-error.ts'
import { type RecordKind, recordKindForPath } from '#shared/record-access.ts'
import { recordAccess, rolesFor } from '../services/record-access.server.ts'
import { isPlanImportError } from '#shared/plan-import/errors.ts'
import { describeZodError, fieldErrors } from '#shared/zod-errors.ts'
import { busyMessage, isDatabaseBusy } from '../http/busy.server.ts'
import type { Context } from './context.server.ts'
import { t } from '#shared/i18n/i18n.ts'

/** Every procedure declares its scope; the router-walking test uses it to prove nothing slips past the gate. */
export interface Meta {
  scope: 'user' | 'student' | 'school'
  action?: Action | SchoolAction
  /** The owned action the procedure checks for its record (server/trpc/owned.server.ts): the router test walks each. */
  owned?: OwnedAction
  /** Open to someone who owes their two-step set-up (the set-up itself); every other procedure refuses them. */
  twoStepSetUp?: true
}

const trpc = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Stack traces only under `npm run dev`: an unset NODE_ENV must not leak them.
    isDev: process.env.NODE_ENV === 'development',
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? error.cause : null
      return {
        ...shape,
        message: zodError
          ? describeZodError(zodError)
          : // tRPC's own streamed-size refusal (maxBodySize) says only "PAYLOAD_TOO_LARGE".
            error.code === 'PAYLOAD_TOO_LARGE' && shape.message === 'PAYLOAD_TOO_LARGE'
            ? t('refusals.tooLarge')
            : shape.message,
        data: {
          ...shape.data,
          fieldErrors: zodError ? fieldErrors(zodError) : isDomainError(error.cause) && error.cause.field ? { [error.cause.field]: [error.message] } : null,
          // A refused plan import: every problem with its JSON path, for clients that list them.
          ...(isPlanImportError(error.cause) ? { planErrors: error.cause.errors } : {}),
        },
      }
    },
  })

export const router = trpc.router
export const createCallerFactory = trpc.createCallerFactory

/**
 * Domain refusals become tRPC errors with the same message, so people read why. So does a stretch of
 * calendar too long to count (DateSpanError, shared/school-date.ts): inputs are bounded, but a date that
 * slipped past validation is the caller's error, not the server's.
 */
const domainErrors = trpc.middleware(async ({ next }) => {
  const result = await next()
  if (!result.ok && isDomainError(result.error.cause)) {
    const cause = result.error.cause
    throw new TRPCError({ code: cause.code, message: cause.message, cause })
  }
  // A held database lock is a moment's wait: 503 with Retry-After (server/http/busy.server.ts), never a 500.
  if (!result.ok && result.error.code !== 'SERVICE_UNAVAILABLE' && isDatabaseBusy(result.error.cause)) {
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: busyMessage(), cause: result.error.cause })
  }
  if (!result.ok && result.error.cause instanceof Error && result.error.cause.name === 'DateSpanError') {
    throw new TRPCError({ code: 'BAD_REQUEST', message: result.error.cause.message, cause: result.error.cause })
  }
  return result
})

const baseProcedure = trpc.procedure.use(domainErrors)

export const authedProcedure = baseProcedure.meta({ scope: 'user' }).use(async ({ ctx, next, meta }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: t('refusals.signIn') })
  // A school requires two-step sign-in of this person and it is not on yet: nothing but the set-up (docs/two-step.md).
  if (!meta?.twoStepSetUp && (await ctx.twoStepOwed())) throw new TRPCError({ code: 'FORBIDDEN', message: t('twoStep.setUpFirst') })
  return next({ ctx: { ...ctx, user: ctx.user } })
})

/**
 * The one gate: resolves the caller's role for `input.studentId` and checks the permission table before the
 * procedure sees any data. Not on the team → NOT_FOUND, naming nothing of the student.
 * A query that returned the student's records to someone at school is logged in the record of access
 * (FERPA 34 CFR 99.32; shared/record-access.ts says which kind each query reads).
 * `owned` names the owned action the procedure then checks for the one record it touches (requireOwned).
 */
export function studentProcedure(action: Action, owned?: OwnedAction) {
  return authedProcedure
    .meta(owned ? { scope: 'student', action, owned } : { scope: 'student', action })
    .input(studentInputSchema)
    .use(async ({ ctx, input, next, path, type }) => {
      const access = await resolveStudentAccess(ctx.db, ctx.user.id, input.studentId, ctx.now())
      if (!access) throw new TRPCError({ code: 'NOT_FOUND', message: t('refusals.studentNotFound') })
      if (!can(access.role, action)) {
        throw new TRPCError({ code: 'FORBIDDEN', message: t('refusals.roleCannot') })
      }
      const result = await next({ ctx: { ...ctx, access } })
      const what = type === 'query' && result.ok ? recordKindForPath(path) : null
      if (what) {
        await recordAccess(ctx.db, { userId: ctx.user.id, reads: [{ studentId: access.student.id, role: access.role }], what, via: path, now: ctx.now() })
      }
      return result
    })
}

/**
 * For user-scoped queries that return several students' records at once (Today, the week's sessions, a caseload):
 * logs one read per student shown, with the role the caller holds for each.
 */
export async function recordCaseloadRead(ctx: Context & { user: { id: string } }, studentIds: readonly string[], what: RecordKind, via: string): Promise<void> {
  if (!studentIds.length) return
  const reads = await rolesFor(ctx.db, ctx.user.id, studentIds, ctx.now())
  await recordAccess(ctx.db, { userId: ctx.user.id, reads, what, via, now: ctx.now() })
}

/** Who writes and when: what every mutation hands its service, so the audit trail names them. */
export function actor(ctx: { user: { id: string }; now: () => Date }): { actorId: string; now: Date } {
  return { actorId: ctx.user.id, now: ctx.now() }
}

const schoolInput = z.object({ schoolId: z.string({ error: () => t('refusals.schoolIdRequired') }).min(1).max(64) })

/** The school-level gate: school admins (and, for some actions, case managers of the school's students). */
export function schoolProcedure(action: SchoolAction) {
  return authedProcedure
    .meta({ scope: 'school', action })
    .input(schoolInput)
    .use(async ({ ctx, input, next }) => {
      const role = await resolveSchoolRole(ctx.db, ctx.user.id, input.schoolId)
      if (!role) throw new TRPCError({ code: 'NOT_FOUND', message: t('refusals.schoolNotFound') })
      if (!canInSchool(role, action)) throw new TRPCError({ code: 'FORBIDDEN', message: t('refusals.schoolAdminOnly') })
      return next({ ctx: { ...ctx, schoolRole: role } })
    })
}
