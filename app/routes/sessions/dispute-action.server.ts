import type { AppLoadContext } from '@remix-run/node'
import { t } from '#shared/i18n/i18n.ts'
import { disputeFormSchema } from '#shared/schemas/concerns.ts'
import { disputeTarget, type DisputeActionData } from './session-forms.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'

/** The dispute forms' action, shared by the pages that show records (the session log, the accommodation records). */
export async function disputeAction(context: AppLoadContext, studentId: string, form: FormData): Promise<DisputeActionData> {
  // What was typed goes back to the form that asked, so the comment is not lost on a refusal.
  const values: Record<string, string> = {}
  for (const [key, value] of form) if (typeof value === 'string') values[key] = value
  const refused = (failure: { message: string; fieldErrors: Record<string, string[]> }): DisputeActionData => ({
    ok: false,
    message: failure.fieldErrors.intent ? t('sessions.unknownAction') : failure.message,
    fieldErrors: failure.fieldErrors,
    target: disputeTarget(values.kind ?? '', values.recordId ?? ''),
    comment: values.comment ?? '',
  })
  const parsed = parseForm(form, disputeFormSchema)
  if (!parsed.ok) return refused(parsed)
  const { intent, ...fields } = parsed.value
  const result = await actionResult(() =>
    intent === 'dispute' ? context.trpc.disputes.flag({ studentId, ...fields }) : context.trpc.disputes.withdraw({ studentId, ...fields }),
  )
  if (!result.ok) return refused(result)
  return { ok: true, message: t(intent === 'dispute' ? 'sessions.flagged' : 'sessions.withdrawn') }
}
