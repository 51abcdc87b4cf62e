import type { AppLoadContext } from '@remix-run/node'
import { formatDay } from '#shared/i18n/format.ts'
import { t } from '#shared/i18n/i18n.ts'
import { groupSessionFormSchema } from '#shared/schemas/group-sessions.ts'
import { REASON_LABELS } from '#shared/services.ts'
import type { GroupRecording } from '#app/utils/api-types.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'
import type { SessionActionData } from './session-forms.ts'

/** What the provider reads once it is saved: each student's own record, and who was left alone. */
export function groupSavedMessage(saved: GroupRecording): string {
  const date = formatDay(saved.date)
  const each = saved.written.map((r) =>
    r.kind === 'missed'
      ? t('sessions.groups.savedMissed', { name: r.studentName, reason: r.reason ? REASON_LABELS[r.reason] : '' })
      : t('sessions.groups.savedDelivered', { name: r.studentName, minutes: r.minutes ?? 0 }),
  )
  const recorded = each.length
    ? t('sessions.groups.saved', { group: saved.groupName, date, list: each.join(t('sessions.listSeparator')) })
    : t('sessions.groups.nothingNew', { group: saved.groupName, date })
  const left = saved.skipped.map((s) => s.studentName)
  return left.length ? `${recorded} ${t('sessions.groups.leftAlone', { names: left.join(t('sessions.listSeparator')), count: left.length })}` : recorded
}

/** Records a group session through sessions.recordGroup, which checks the person may record for every student. */
export async function groupSessionAction(context: AppLoadContext, form: FormData): Promise<SessionActionData> {
  const values: Record<string, string> = {}
  for (const [key, value] of form) if (typeof value === 'string') values[key] = value
  const target = values.target ?? ''
  const parsed = parseForm(form, groupSessionFormSchema)
  if (!parsed.ok) return { ok: false, intent: 'group', target, message: parsed.message, fieldErrors: parsed.fieldErrors, values }
  const { target: _target, ...input } = parsed.value
  const result = await actionResult(() => context.trpc.sessions.recordGroup(input))
  if (!result.ok) return { ok: false, intent: 'group', target, message: result.message, fieldErrors: result.fieldErrors, values }
  return { ok: true, intent: 'group', target, message: groupSavedMessage(result.data) }
}
