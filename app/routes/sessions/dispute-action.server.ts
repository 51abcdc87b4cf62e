import type { AppLoadContext } from '@remix-run/node'
import { actionResult } from '#app/utils/trpc-errors.server.ts'

/** The dispute forms' action, shared by the pages that show records (the session log, the accountability view). */
export async function disputeAction(context: AppLoadContext, studentId: string, form: FormData) {
  const intent = form.get('intent')
  const kind = form.get('kind') === 'check' ? 'check' : 'session'
  const recordId = String(form.get('recordId') ?? '')
  const comment = String(form.get('comment') ?? '')
  if (intent === 'dispute') {
    const result = await actionResult(() => context.trpc.disputes.flag({ studentId, kind, recordId, comment }))
    return { ok: result.ok, message: result.ok ? 'The record is flagged as disputed. Everyone on the team sees the flag and your comment.' : result.message }
  }
  if (intent === 'withdraw-dispute') {
    const result = await actionResult(() => context.trpc.disputes.withdraw({ studentId, kind, recordId, comment }))
    return { ok: result.ok, message: result.ok ? 'Dispute withdrawn. The earlier flag stays in the record’s history.' : result.message }
  }
  return { ok: false, message: 'Unknown action.' }
}
