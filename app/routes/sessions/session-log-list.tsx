import { Form, Link } from '@remix-run/react'
import { createContext, useContext, type ReactNode } from 'react'
import type { ActiveDispute, SessionRecord } from '#app/utils/api-types.ts'
import { formatSchoolDate } from '#shared/school-date.ts'
import type { LogEntry } from './session-log-rows.ts'
import { describeRecord, recordedAt, sessionBadge, sessionName } from '#app/utils/session-text.ts'
import { Button } from '#app/components/button.tsx'
import { TextareaField } from '#app/components/field.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'

/** The disputes that stand on the log's records, and whether the reader may flag records (a parent). */
export interface DisputeState {
  disputes: Record<string, ActiveDispute>
  mayDispute: boolean
}

export const DisputeContext = createContext<DisputeState>({ disputes: {}, mayDispute: false })

/** A parent's dispute flag on a record: shown to everyone; a parent may flag a record or withdraw her flag. */
export function DisputeMark({ kind, recordId, name }: { kind: 'session' | 'check'; recordId: string; name: string }) {
  const { disputes, mayDispute } = useContext(DisputeContext)
  const dispute = disputes[`${kind}:${recordId}`]
  return (
    <div className="space-y-1">
      {dispute ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge tone="bad">Disputed</StatusBadge>
          <span className="text-slate-800">
            {dispute.byName}: “{dispute.comment}”
          </span>
        </p>
      ) : null}
      {mayDispute ? (
        dispute ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="withdraw-dispute" />
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="recordId" value={recordId} />
            <Button type="submit" variant="secondary" aria-label={`Withdraw dispute: ${name}`}>
              Withdraw dispute
            </Button>
          </Form>
        ) : (
          <details>
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700 underline" aria-label={`Dispute this record: ${name}`}>
              Dispute this record
            </summary>
            <Form method="post" preventScrollReset className="mt-2 space-y-2">
              <input type="hidden" name="intent" value="dispute" />
              <input type="hidden" name="kind" value={kind} />
              <input type="hidden" name="recordId" value={recordId} />
              <TextareaField id={`dispute-${recordId}`} label={`What is wrong with this record (${name})?`} name="comment" rows={2} required />
              <Button type="submit">Flag as disputed</Button>
            </Form>
          </details>
        )
      ) : null}
    </div>
  )
}

const LINK = 'inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline'

/** One month of the session log: each session's status, its record, voided records struck through. */
export function SessionLogMonth({
  headingId,
  entries,
  shownVersions,
  versions,
}: {
  headingId: string
  entries: LogEntry[]
  /** The record whose versions are open (at most one: they load on demand). */
  shownVersions: string | null
  versions: SessionRecord[] | null
}) {
  const versionsProps = { shownVersions, versions }
  return (
    <ul className="divide-y divide-slate-200" aria-labelledby={headingId}>
      {entries.map((entry) =>
        entry.type === 'session' ? (
          <SessionEntry key={entry.key} entry={entry} {...versionsProps} />
        ) : (
          <li key={entry.key} className="space-y-1 py-3">
            <EntryHeading date={entry.date} serviceName={`${entry.serviceName}, make-up`} />
            <RecordLine record={entry.record} name={`make-up ${sessionName(entry.serviceName, entry.date)}`} {...versionsProps}>
              {entry.record.voided ? null : <StatusBadge tone="good">{describeRecord(entry.record)}</StatusBadge>}
              <span className="text-sm text-slate-700">repays {entry.record.repaysDate ? formatSchoolDate(entry.record.repaysDate) : 'a missed session'}</span>
            </RecordLine>
          </li>
        ),
      )}
    </ul>
  )
}

function EntryHeading({ date, serviceName }: { date: string; serviceName: string }) {
  return (
    <p className="font-medium text-slate-900">
      <time dateTime={date}>{formatSchoolDate(date)}</time> · {serviceName}
    </p>
  )
}

function SessionEntry({
  entry,
  shownVersions,
  versions,
}: {
  entry: Extract<LogEntry, { type: 'session' }>
  shownVersions: string | null
  versions: SessionRecord[] | null
}) {
  const { row } = entry
  const badge = sessionBadge(row.status, row.record, row.mandateMinutes)
  const name = sessionName(entry.serviceName, row.date)
  const owed = row.owedMinutes > 0 ? <span className="text-sm font-medium text-red-800">{row.owedMinutes} min of make-up owed</span> : null
  return (
    <li className={`space-y-1 py-3 ${row.status === 'unrecorded' ? 'border-l-4 border-red-700 pl-3' : ''}`}>
      <EntryHeading date={row.date} serviceName={entry.serviceName} />
      {row.record ? (
        <RecordLine record={row.record} name={name} shownVersions={shownVersions} versions={versions}>
          <StatusBadge tone={badge.tone}>{badge.label}</StatusBadge>
          {owed}
        </RecordLine>
      ) : (
        <p className="flex flex-wrap items-center gap-2">
          <StatusBadge tone={badge.tone}>{badge.label}</StatusBadge>
          <span className="text-sm text-slate-700">{row.mandateMinutes} min mandated, no record</span>
          {owed}
        </p>
      )}
      {row.makeUps.map((m) => (
        <p key={m.recordId} className="text-sm text-slate-700">
          Made up on {formatSchoolDate(m.date)}: {m.minutes} min
        </p>
      ))}
      {row.voided.map((v) => (
        <RecordLine key={v.recordId} record={v} name={`voided ${name}`} shownVersions={shownVersions} versions={versions} />
      ))}
    </li>
  )
}

/** A record: what it says (struck through when voided), who wrote it and when, and its versions on demand. */
function RecordLine({
  record,
  name,
  shownVersions,
  versions,
  children,
}: {
  record: SessionRecord
  name: string
  shownVersions: string | null
  versions: SessionRecord[] | null
  children?: ReactNode
}) {
  const open = shownVersions === record.recordId
  return (
    <div id={`record-${record.recordId}`} className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        {children}
        {record.voided ? (
          <span className="text-slate-700">
            <s>{describeRecord(record)}</s> — voided: {record.changeReason}
          </span>
        ) : null}
      </p>
      {record.note ? <p className="text-sm text-slate-700">Note: {record.note}</p> : null}
      <p className="text-sm text-slate-600">
        {record.version > 1 ? 'Last changed' : 'Recorded'} by {record.recordedBy ?? 'the import'}, {recordedAt(record.recordedAt)}
        {record.version > 1 && !record.voided && record.changeReason ? `. Why: ${record.changeReason}` : ''}
      </p>
      <DisputeMark kind="session" recordId={record.recordId} name={name} />
      {open ? (
        <>
          <VersionList versions={versions ?? []} name={name} />
          <Link to="." preventScrollReset className={LINK} aria-label={`Hide versions: ${name}`}>
            Hide versions
          </Link>
        </>
      ) : (
        <Link to={`?versions=${record.recordId}#record-${record.recordId}`} preventScrollReset className={LINK} aria-label={`Versions: ${name}`}>
          Versions{record.version > 1 ? ` (${record.version})` : ''}
        </Link>
      )}
    </div>
  )
}

function VersionList({ versions, name }: { versions: SessionRecord[]; name: string }) {
  return (
    <ol className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" aria-label={`Versions of ${name}, newest first`}>
      {versions.map((v) => (
        <li key={v.id}>
          <p className="font-medium text-slate-900">
            Version {v.version}: {v.voided ? <s>{describeRecord(v)}</s> : describeRecord(v)}
            {v.voided ? ' (voided)' : ''}
          </p>
          <p className="text-slate-700">
            {v.recordedBy ?? 'The import'}, {recordedAt(v.recordedAt)}
            {v.changeReason ? `. Why: ${v.changeReason}` : v.version === 1 ? '. First record.' : ''}
          </p>
          {v.note ? <p className="text-slate-700">Note: {v.note}</p> : null}
        </li>
      ))}
    </ol>
  )
}
