import type { ReactNode } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import type { ServiceSessions, SessionRecord } from '#app/utils/api-types.ts'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { SelectField, SessionMinutesField } from '#app/components/field.tsx'
import { formatDay } from '#shared/i18n/format.ts'
import { DEFAULT_ABSENT_REASON, groupKeyOf } from '#shared/group-sessions.ts'
import type { SessionRow } from '#shared/session-status.ts'
import { failureFor, type SessionActionData } from './session-forms.ts'
import { ActionDisclosure, ReasonOptions, SessionForm } from './session-actions.tsx'
import { SavedMessage } from './session-record-parts.tsx'
import type { WeekStudent } from './session-week-day.tsx'
import { sessions } from '#shared/i18n/en/sessions.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ sessions })

/** One session of the day: a student, the service, and its row. */
export interface DaySession {
  student: WeekStudent
  svc: ServiceSessions
  row: SessionRow<SessionRecord>
}

export interface DayGroup {
  key: string
  name: string
  members: DaySession[]
}

/** The day's sessions of services delivered in a group, one entry per group (docs/domain.md#group-sessions); the rest one by one. */
export function groupDaySessions(sessions: DaySession[]): { groups: DayGroup[]; single: DaySession[] } {
  const groups = new Map<string, DayGroup>()
  const single: DaySession[] = []
  for (const s of sessions) {
    const key = groupKeyOf(s.svc.service)
    if (!key) {
      single.push(s)
      continue
    }
    const group = groups.get(key)
    if (group) group.members.push(s)
    else groups.set(key, { key, name: s.svc.service.groupName!.trim(), members: [s] })
  }
  return { groups: [...groups.values()], single }
}

/**
 * One row for a group's session of the day: how many of its students are recorded, "Record group session", and
 * the students with their own status and forms (the `renderMember` of the week) behind a disclosure.
 */
export function GroupSessionItem({
  group,
  date,
  result,
  renderMember,
}: {
  group: DayGroup
  date: string
  result: SessionActionData | undefined
  renderMember: (member: DaySession) => ReactNode
}) {
  const { t } = useTranslation()
  const target = `group:${group.key}:${date}`
  const count = group.members.length
  const recorded = group.members.filter((m) => m.row.record).length
  const open = group.members.filter((m) => !m.row.record && m.row.status !== 'upcoming')
  const saved = result?.ok && result.target === target ? result.message : null
  const day = formatDay(date)
  return (
    <li className="space-y-2 py-3">
      <div>
        <p className="font-medium text-slate-900">{t('sessions.groups.rowTitle', { group: group.name, count })}</p>
        <p className="text-sm text-slate-700">{t('sessions.minutesMandated', { minutes: group.members[0]!.row.mandateMinutes })}</p>
      </div>
      <p>
        <StatusBadge tone={recorded === count ? 'good' : open.length ? 'warn' : 'neutral'}>{t('sessions.groups.recordedCount', { recorded, count })}</StatusBadge>
      </p>
      <SavedMessage message={saved} />
      <div className="flex flex-wrap gap-2">
        {open.length ? <GroupSessionForm group={group} open={open} date={date} target={target} result={result} /> : null}
        <ActionDisclosure summary={t('sessions.groups.studentsSummary')} label={t('sessions.groups.studentsOf', { group: group.name, date: day })}>
          <ul className="divide-y divide-slate-200">{group.members.map((m) => renderMember(m))}</ul>
        </ActionDisclosure>
      </div>
    </li>
  )
}

/** Minutes once, everyone ticked as there; an unticked student is missed with the reason chosen beside them. */
function GroupSessionForm({ group, open, date, target, result }: { group: DayGroup; open: DaySession[]; date: string; target: string; result: SessionActionData | undefined }) {
  const { t } = useTranslation()
  const failure = failureFor(result, 'group', target)
  const anchor = open[0]!
  const done = group.members.filter((m) => m.row.record)
  // Students already recorded are named too, so the confirmation says they were left alone.
  const hidden: Record<string, string> = { studentId: anchor.student.id, serviceId: anchor.svc.service.id, date }
  done.forEach((m, i) => {
    hidden[`students[${open.length + i}].studentId`] = m.student.id
    hidden[`students[${open.length + i}].present`] = 'on'
  })
  const day = formatDay(date)
  return (
    <ActionDisclosure summary={t('sessions.groups.record')} label={t('sessions.groups.recordFor', { group: group.name, date: day })} open={failure ? true : undefined}>
      <SessionForm intent="group" target={target} hidden={hidden} failure={failure} fields={['minutes']} submitLabel={t('sessions.groups.save')}>
        <SessionMinutesField
          label={t('sessions.groups.minutesLabel')}
          name="minutes"
          hint={t('sessions.planSays', { minutes: anchor.row.mandateMinutes })}
          defaultValue={failure?.values.minutes ?? anchor.row.mandateMinutes}
          errors={failure?.fieldErrors.minutes}
        />
        <fieldset className="space-y-3">
          <legend className="font-medium text-slate-900">{t('sessions.groups.whoWasThere')}</legend>
          <p className="text-sm text-slate-700">{t('sessions.groups.whoWasThereHint')}</p>
          {open.map((m, i) => (
            <div key={m.student.id} className="space-y-2 rounded-md border border-slate-200 p-2">
              <input type="hidden" name={`students[${i}].studentId`} value={m.student.id} />
              <label className="flex min-h-11 items-center gap-3">
                <input
                  type="checkbox"
                  name={`students[${i}].present`}
                  defaultChecked={failure ? failure.values[`students[${i}].present`] === 'on' : true}
                  className="h-5 w-5"
                />
                <span>{t('sessions.groups.present', { name: m.student.name })}</span>
              </label>
              <SelectField
                label={t('sessions.groups.whyMissed', { name: m.student.name })}
                name={`students[${i}].reason`}
                defaultValue={failure?.values[`students[${i}].reason`] ?? DEFAULT_ABSENT_REASON}
                errors={failure?.fieldErrors[`students[${i}].reason`]}
              >
                <ReasonOptions />
              </SelectField>
            </div>
          ))}
          {done.map((m) => (
            <p key={m.student.id} className="text-sm text-slate-700">
              {t('sessions.groups.alreadyRecorded', { name: m.student.name })}
            </p>
          ))}
        </fieldset>
      </SessionForm>
    </ActionDisclosure>
  )
}
