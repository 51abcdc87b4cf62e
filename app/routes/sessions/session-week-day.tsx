import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import type { Closure, ServiceSessions, SessionRecord } from '#app/utils/api-types.ts'
import { formatDay } from '#shared/i18n/format.ts'
import type { SessionRow } from '#shared/session-status.ts'
import { sessionTarget, type SessionActionData } from './session-forms.ts'
import { describeRecord, sessionBadge, sessionName, statusHelp } from '#app/utils/session-text.ts'
import { Card } from '#app/components/card.tsx'
import { ChangeRecordForms, RecordSessionForms } from './session-actions.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { MadeUpLines, Repays, SavedMessage, VersionsLabel } from './session-record-parts.tsx'
import { GroupSessionItem, groupDaySessions } from './group-session-row.tsx'
import { sessions } from '#shared/i18n/en/sessions.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ sessions })

export interface WeekStudent {
  id: string
  name: string
  services: ServiceSessions[]
}

/** One school day of the week: its closure, every session of the caller's students, and the make-ups held. */
export function SessionWeekDay({
  date,
  today,
  closures,
  students,
  result,
  children,
}: {
  date: string
  today: string
  closures: Closure[]
  students: WeekStudent[]
  result: SessionActionData | undefined
  /** More of the day, below its sessions: the make-ups planned for it (make-up-plan-day.tsx), or nothing. */
  children?: ReactNode
}) {
  const sessions = students.flatMap((student) =>
    student.services.flatMap((svc) => svc.rows.filter((row) => row.date === date).map((row) => ({ student, svc, row }))),
  )
  const makeUps = students.flatMap((student) =>
    student.services.flatMap((svc) => svc.makeUps.filter((m) => m.date === date).map((record) => ({ student, svc, record }))),
  )
  const { groups, single } = groupDaySessions(sessions)
  const { t } = useTranslation()
  const closed = closures.filter((c) => c.date === date)
  const headingId = `day-${date}`
  return (
    <Card title={t(date === today ? 'sessions.dayTitleToday' : 'sessions.dayTitle', { date: formatDay(date) })} headingId={headingId}>
      {closed.length ? (
        <p className="mb-3 flex flex-wrap items-center gap-2 text-slate-700">
          <StatusBadge tone="neutral">{t('sessions.schoolClosed', { labels: closed.map((c) => c.label).join(t('sessions.listSeparator')) })}</StatusBadge>
          <span>{t('sessions.closedNothingOwed')}</span>
        </p>
      ) : null}
      {sessions.length === 0 && makeUps.length === 0 ? (
        closed.length || children ? null : <p className="text-slate-700">{t('sessions.noSessionsScheduled')}</p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-labelledby={headingId}>
          {groups.map((group) => (
            <GroupSessionItem
              key={group.key}
              group={group}
              date={date}
              result={result}
              renderMember={({ student, svc, row }) => <SessionItem key={svc.service.id} student={student} svc={svc} row={row} result={result} />}
            />
          ))}
          {single.map(({ student, svc, row }) => (
            <SessionItem key={`${svc.service.id}-${row.date}`} student={student} svc={svc} row={row} result={result} />
          ))}
          {makeUps.map(({ student, svc, record }) => (
            <MakeUpItem key={record.recordId} student={student} svc={svc} record={record} result={result} />
          ))}
        </ul>
      )}
      {children}
    </Card>
  )
}

function SessionItem({ student, svc, row, result }: { student: WeekStudent; svc: ServiceSessions; row: SessionRow<SessionRecord>; result: SessionActionData | undefined }) {
  const badge = sessionBadge(row.status, row.record, row.mandateMinutes)
  const name = sessionName(svc.service.name, row.date, student.name)
  const target = sessionTarget(svc.service.id, row.date)
  const touched = [target, row.record?.recordId, ...row.voided.map((v) => v.recordId)]
  const saved = result?.ok && touched.includes(result.target) ? result.message : null
  const help = statusHelp(row.status)
  const { t } = useTranslation()
  return (
    <li className={`space-y-2 py-3 ${row.status === 'unrecorded' ? 'border-l-4 border-red-700 pl-3' : ''}`}>
      <div>
        <p className="font-medium text-slate-900">{t('sessions.studentService', { student: student.name, service: svc.service.name })}</p>
        <p className="text-sm text-slate-700">{t('sessions.minutesMandated', { minutes: row.mandateMinutes })}</p>
      </div>
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge tone={badge.tone}>{badge.label}</StatusBadge>
        {row.owedMinutes > 0 ? <span className="text-sm font-medium text-red-800">{t('sessions.minutesOwed', { minutes: row.owedMinutes })}</span> : null}
      </p>
      {help ? <p className="text-sm text-slate-700">{help}</p> : null}
      {row.record?.note ? <p className="text-sm text-slate-700">{t('sessions.note', { note: row.record.note })}</p> : null}
      {row.record?.recordedBy ? <p className="text-sm text-slate-600">{t('sessions.recordedBy', { name: row.record.recordedBy })}</p> : null}
      <MadeUpLines makeUps={row.makeUps} />
      <VoidedRecords records={row.voided} />
      <SavedMessage message={saved} />
      {row.record ? (
        <RecordActions studentId={student.id} record={row.record} name={name} result={result} />
      ) : row.status !== 'upcoming' ? (
        <RecordSessionForms
          session={{ studentId: student.id, serviceId: svc.service.id, date: row.date, mandateMinutes: row.mandateMinutes, name, target }}
          result={result}
        />
      ) : null}
    </li>
  )
}

function MakeUpItem({ student, svc, record, result }: { student: WeekStudent; svc: ServiceSessions; record: SessionRecord; result: SessionActionData | undefined }) {
  const { t } = useTranslation()
  const name = t('sessions.makeUpName', { name: sessionName(svc.service.name, record.date, student.name) })
  const saved = result?.ok && result.target === record.recordId ? result.message : null
  return (
    <li className="space-y-2 py-3">
      <p className="font-medium text-slate-900">{t('sessions.studentService', { student: student.name, service: svc.service.name })}</p>
      {record.voided ? (
        <VoidedRecords records={[record]} />
      ) : (
        <p className="flex flex-wrap items-center gap-2">
          <StatusBadge tone="good">{describeRecord(record)}</StatusBadge>
          <Repays date={record.repaysDate} />
        </p>
      )}
      <SavedMessage message={saved} />
      {record.voided ? null : <RecordActions studentId={student.id} record={record} name={name} result={result} />}
    </li>
  )
}

/** Voided records stay visible, struck through, with why (docs/domain.md#records-are-evidence). */
function VoidedRecords({ records }: { records: SessionRecord[] }) {
  const { t } = useTranslation()
  return records.map((v) => (
    <p key={v.recordId} className="text-sm text-slate-700">
      <s>{describeRecord(v)}</s>
      {v.recordedBy ? t('sessions.voidedBy', { name: v.recordedBy, reason: v.changeReason ?? '' }) : t('sessions.voided', { reason: v.changeReason ?? '' })}
    </p>
  ))
}

function RecordActions({ studentId, record, name, result }: { studentId: string; record: SessionRecord; name: string; result: SessionActionData | undefined }) {
  const { t } = useTranslation()
  return (
    <div className="space-y-1">
      <ChangeRecordForms
        key={record.id}
        record={{ studentId, recordId: record.recordId, kind: record.kind, minutes: record.minutes, reason: record.reason, note: record.note, name }}
        result={result}
      />
      <Link
        to={`/students/${studentId}/sessions?versions=${record.recordId}#record-${record.recordId}`}
        aria-label={t('sessions.versionsOf', { name })}
        className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline"
      >
        <VersionsLabel version={record.version} />
      </Link>
    </div>
  )
}
