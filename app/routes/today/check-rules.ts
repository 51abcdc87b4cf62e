import { parseForm, type FormParse } from '#app/utils/parse-form.ts'
import { checkFormSchema, recordCheckSchema } from '#shared/schemas/today.ts'
import { fieldErrors } from '#shared/zod-errors.ts'
import type { QueuedCheck } from './check-queue.client.ts'

/**
 * The server's own rules for a tap, applied on the phone before it is queued: a change that could never be
 * accepted is not queued at all. Loaded just after the page (check-rules-loader.ts), so Today's first load
 * carries no schema library.
 */
export function readTap(item: QueuedCheck): { ok: true; reason: string | undefined } | { ok: false; fieldErrors: Record<string, string[]> } {
  const parsed = recordCheckSchema.safeParse(item)
  return parsed.success ? { ok: true, reason: parsed.data.reason } : { ok: false, fieldErrors: fieldErrors(parsed.error) }
}

/** The "why not provided" form, read as the page's action reads it without scripts. */
export function readReasonForm(form: FormData): FormParse<{ reason?: string | undefined }> {
  return parseForm(form, checkFormSchema)
}
