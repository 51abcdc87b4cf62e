import { parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'
import { t } from '#shared/i18n/i18n.ts'

/** What a refused form sends back: one message for the top of the form and each field's own messages. */
export interface FormFailure {
  ok: false
  message: string
  fieldErrors: Record<string, string[]>
}

export type FormParse<T> = { ok: true; value: T } | FormFailure

/**
 * The one way a form is read. Fields are named by their schema path ("plain.means", "mastery.threshold"), so
 * conform builds the nested value, turns "" into "not given" and text into numbers, booleans and dates as the
 * schema asks, and every problem comes back at once under the name of the field it belongs to. Problems of
 * the whole form (no path) are listed under "form".
 */
export function parseForm<Schema extends z.ZodType>(form: FormData | URLSearchParams, schema: Schema): FormParse<z.output<Schema>> {
  const submission = parseWithZod(form, { schema })
  if (submission.status === 'success') return { ok: true, value: submission.value as z.output<Schema> }
  const fieldErrors: Record<string, string[]> = {}
  for (const [name, messages] of Object.entries(submission.error ?? {})) {
    if (messages?.length) fieldErrors[name === '' ? 'form' : name] = messages
  }
  return { ok: false, message: t('common.correctFields'), fieldErrors }
}
