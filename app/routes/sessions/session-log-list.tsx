import { Form, Link } from '@remix-run/react'
import { createContext, useContext, type ReactNode } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import type { ActiveDispute, AttachmentList, SessionRecord } from '#app/utils/api-types.ts'
import { AttachmentsCard } from '#app/components/attachments-card.tsx'
import { formatDay } from '#shared/i18n/format.ts'
import type { LogEntry } from './session-log-rows.ts'
import { disputeTarget, type DisputeActionData } from './session-forms.ts'
import { describeRecord, recordedAt, sessionBadge, sessionName } from '#app/utils/session-text.ts'
import { Button } from '#app/components/button.tsx'
import { TextareaField } from '#app/components/field.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { MadeUpLines, Repays, VersionsLabel } from './session-record-parts.tsx'
import { attachments } from '#shared/i18n/en/attachments.ts'
import { sessions } from '#shared/i18n/en/sessions.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ attachments, sessions })

/** The disputes that stand on the log's records, and whether the reader may flag records (a parent). */
export interface DisputeState {
  disputes: Record<string, ActiveDispute>
  mayDispute: boolean
  /** The answer to the last dispute form sent, which a refused form shows beside its comment. */
  answer?: DisputeActionData | undefined
}

export const DisputeContext = createContext<DisputeState>({ disputes: {}, mayDispute: false })

/** Files on the session records (docs/attachments.md): counted for all, listed for the one record opened. */
export interface RecordFilesState {
  studentId: string
  counts: Record<string, number>
  mayAdd: boolean
  open: { recordId: string; list: AttachmentList } | null
}

export const RecordFilesContext = createContext<RecordFilesState | null>(null)

/** A record's files: the link that opens them ("Attached files (2)", or "Attach a file"), or, once open, the list and form. */
function RecordFiles({ recordId, name, voided }: { recordId: string; name: string; voided: boolean }) {
  const { t } = useTranslation()
  const files = useContext(RecordFilesContext)
  if (!files) return null
  if (files.open?.recordId === recordId) {
    return (
      <AttachmentsCard
        bare
        headingLevel={4}
        studentId={files.studentId}
        ownerKind="session_record"
        ownerId={recordId}
        list={files.open.list}
        title={t('attachments.filesOf', { name })}
        closeTo="."
      />
    )
  }
  const count = files.counts[recordId] ?? 0
  if (count === 0 && (!files.mayAdd || voided)) return null
  return (
    <p>
      <Link to={`?files=${encodeURIComponent(recordId)}#attachments-${recordId}`} preventScrollReset className={LINK}>
        {count ? t('attachments.filesCount', { count }) : t('attachments.attachAFile')}
        <span className="sr-only">{t('attachments.forRecord', { name })}</span>
      </Link>
    </p>
  )
}

/** A parent's dispute flag on a record: shown to everyone; a parent may flag a record or withdraw her flag. */
export function DisputeMark({ kind, recordId, name }: { kind: 'session' | 'check'; recordId: string; name: string }) {
  const { t } = useTranslation()
  const { disputes, mayDispute, answer } = useContext(DisputeContext)
  const target = disputeTarget(kind, recordId)
  const dispute = disputes[target]
  const failure = answer && !answer.ok && answer.target === target ? answer : null
  return (
    <div className="space-y-1">
      {dispute ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge tone="bad">{t('sessions.disputed')}</StatusBadge>
          <span className="text-slate-800">{t('sessions.disputeComment', { name: dispute.byName, comment: dispute.comment })}</span>
        </p>
      ) : null}
      {mayDispute ? (
        dispute ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="withdraw-dispute" />
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="recordId" value={recordId} />
            <Button type="submit" variant="secondary" aria-label={t('sessions.withdrawDisputeFor', { name })}>
              {t('sessions.withdrawDispute')}
            </Button>
          </Form>
        ) : (
          <details open={failure ? true : undefined}>
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700 underline" aria-label={t('sessions.disputeRecordFor', { name })}
            >
              {t('sessions.disputeRecord')}
            </summary>
            <Form method="post" preventScrollReset className="mt-2 space-y-2">
              <input type="hidden" name="intent" value="dispute" />
              <input type="hidden" name="kind" value={kind} />
              <input type="hidden" name="recordId" value={recordId} />
              <TextareaField
                id={`dispute-${recordId}`}
                label={t('sessions.disputeWhat', { name })}
                name="comment"
                rows={2}
                required
                defaultValue={failure?.comment}
                errors={failure?.fieldErrors.comment}
              />
              <Button type="submit">{t('sessions.flagDisputed')}</Button>
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
  const { t } = useTranslation()
  const versionsProps = { shownVersions, versions }
  return (
    <ul className="divide-y divide-slate-200" aria-labelledby={headingId}>
      {entries.map((entry) =>
        entry.type === 'session' ? (
          <SessionEntry key={entry.key} entry={entry} {...versionsProps} />
        ) : (
          <li key={entry.key} className="space-y-1 py-3">
            <EntryHeading date={entry.date} serviceName={t('sessions.makeUpEntry', { service: entry.serviceName })} />
            <RecordLine record={entry.record} name={t('sessions.makeUpName', { name: sessionName(entry.serviceName, entry.date) })} {...versionsProps}>
              {entry.record.voided ? null : <StatusBadge tone="good">{describeRecord(entry.record)}</StatusBadge>}
              <Repays date={entry.record.repaysDate} />
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
      <time dateTime={date}>{formatDay(date)}</time>
      {` · ${serviceName}`}
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
  const { t } = useTranslation()
  const { row } = entry
  const badge = sessionBadge(row.status, row.record, row.mandateMinutes)
  const name = sessionName(entry.serviceName, row.date)
  const owed = row.owedMinutes > 0 ? <span className="text-sm font-medium text-red-800">{t('sessions.minutesOwed', { minutes: row.owedMinutes })}</span> : null
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
          <span className="text-sm text-slate-700">{t('sessions.noRecord', { minutes: row.mandateMinutes })}</span>
          {owed}
        </p>
      )}
      <MadeUpLines makeUps={row.makeUps} />
      {row.voided.map((v) => (
        <RecordLine key={v.recordId} record={v} name={t('sessions.voidedName', { name })} shownVersions={shownVersions} versions={versions} />
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
  const { t } = useTranslation()
  const open = shownVersions === record.recordId
  const by = { name: record.recordedBy ?? t('sessions.theImport'), at: recordedAt(record.recordedAt) }
  return (
    <div id={`record-${record.recordId}`} className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        {children}
        {record.groupSessionId ? <StatusBadge tone="info">{t('sessions.groups.fromGroup')}</StatusBadge> : null}
        {record.voided ? (
          <span className="text-slate-700">
            <s>{describeRecord(record)}</s>
            {t('sessions.voided', { reason: record.changeReason ?? '' })}
          </span>
        ) : null}
      </p>
      {record.note ? <p className="text-sm text-slate-700">{t('sessions.note', { note: record.note })}</p> : null}
      <p className="text-sm text-slate-600">
        {record.version > 1 ? t('sessions.lastChangedBy', by) : t('sessions.recordedByAt', by)}
        {record.version > 1 && !record.voided && record.changeReason ? t('sessions.why', { reason: record.changeReason }) : ''}
      </p>
      <DisputeMark kind="session" recordId={record.recordId} name={name} />
      <RecordFiles recordId={record.recordId} name={name} voided={record.voided} />
      {open ? (
        <>
          <VersionList versions={versions ?? []} name={name} />
          <Link to="." preventScrollReset className={LINK} aria-label={t('sessions.hideVersionsOf', { name })}>
            {t('sessions.hideVersions')}
          </Link>
        </>
      ) : (
        <Link to={`?versions=${record.recordId}#record-${record.recordId}`} preventScrollReset className={LINK} aria-label={t('sessions.versionsOf', { name })}
        >
          <VersionsLabel version={record.version} />
        </Link>
      )}
    </div>
  )
}

function VersionList({ versions, name }: { versions: SessionRecord[]; name: string }) {
  const { t } = useTranslation()
  return (
    <ol className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" aria-label={t('sessions.versionsList', { name })}>
      {versions.map((v) => (
        <li key={v.id}>
          <p className="font-medium text-slate-900">
            {t('sessions.version', { version: v.version })}
            {v.voided ? <s>{describeRecord(v)}</s> : describeRecord(v)}
            {v.voided ? t('sessions.versionVoided') : ''}
          </p>
          <p className="text-slate-700">
            {t('sessions.byAt', { name: v.recordedBy ?? t('sessions.theImportCapital'), at: recordedAt(v.recordedAt) })}
            {v.changeReason ? t('sessions.why', { reason: v.changeReason }) : v.version === 1 ? t('sessions.firstRecord') : ''}
          </p>
          {v.note ? <p className="text-slate-700">{t('sessions.note', { note: v.note })}</p> : null}
        </li>
      ))}
    </ol>
  )
}
