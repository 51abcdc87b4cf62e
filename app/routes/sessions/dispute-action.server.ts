import type { AppLoadContext } from '@remix-run/node'
import { t } from '#shared/i18n/i18n.ts'
import { disputeFormSchema } from '#shared/schemas/concerns.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'

/** The dispute forms' action, shared by the pages that show records (the session log, the accommodation records). */
export async function disputeAction(context: AppLoadContext, studentId: string, form: FormData) {
  const parsed = parseForm(form, disputeFormSchema)
  if (!parsed.ok) return { ok: false, message: parsed.fieldErrors.intent ? t('sessions.unknownAction') : parsed.message }
  const { intent, ...fields } = parsed.value
  if (intent === 'dispute') {
    const result = await actionResult(() => context.trpc.disputes.flag({ studentId, ...fields }))
    return { ok: result.ok, message: result.ok ? t('sessions.flagged') : result.message }
  }
  const result = await actionResult(() => context.trpc.disputes.withdraw({ studentId, ...fields }))
  return { ok: result.ok, message: result.ok ? t('sessions.withdrawn') : result.message }
}
