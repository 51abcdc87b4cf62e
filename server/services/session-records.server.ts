import type { AuditActionOf } from '#shared/audit-events.ts'
import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import type { Insertable } from 'kysely'
import type { SessionRecordsTable } from '#db/schema.ts'
import { DomainError } from '#shared/domain-error.ts'
import { instructionalDaysBack, isInstructionalDay } from '#shared/school-calendar.ts'
import { PENDING_DAYS } from '#shared/session-status.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { isScheduledOn, type MissedReason, REASON_LABELS } from '#shared/services.ts'
import { recordableOn } from '#shared/service-periods.ts'
import type { RecordSessionInput } from '#shared/schemas/services.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { closureSet, closuresForStudent } from './calendar.server.ts'
import { closePlanFor } from './make-up-plan-store.server.ts'
import { notifyParentsOfMiss } from './notifications.server.ts'
import { makeUpReasonsForStudent } from './make-up-policy.server.ts'
import { getService, type Service } from './services.server.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { t } from '#shared/i18n/i18n.ts'

export interface SessionRecord {
  id: string
  recordId: string
  version: number
  serviceId: string
  date: IsoDate
  kind: 'delivered' | 'missed' | 'make_up'
  minutes: number | null
  reason: MissedReason | null
  note: string | null
  repaysDate: IsoDate | null
  voided: boolean
  changeReason: string | null
  recordedBy: string | null
  recordedAt: string
  /** Shared by the records one group recording wrote; null for a session recorded on its own. */
  groupSessionId: string | null
}

type Row = Pick<
  SessionRecordsTable,
  'id' | 'record_id' | 'version' | 'service_id' | 'date' | 'kind' | 'minutes' | 'reason' | 'note' | 'repays_date' | 'voided' | 'change_reason' | 'recorded_at'
> & { recorded_by_name: string | null; group_session_id: string | null }

function shape(r: Row): SessionRecord {
  return {
    id: r.id,
    recordId: r.record_id,
    version: r.version,
    serviceId: r.service_id,
    date: r.date,
    kind: r.kind,
    minutes: r.minutes,
    reason: r.reason as MissedReason | null,
    note: r.note,
    repaysDate: r.repays_date,
    voided: r.voided === 1,
    changeReason: r.change_reason,
    recordedBy: r.recorded_by_name,
    recordedAt: r.recorded_at,
    groupSessionId: r.group_session_id,
  }
}

function baseQuery(db: Executor) {
  return db
    .selectFrom('session_records as sr')
    .leftJoin('users', 'users.id', 'sr.recorded_by')
    .select([
      'sr.id',
      'sr.record_id',
      'sr.version',
      'sr.service_id',
      'sr.date',
      'sr.kind',
      'sr.minutes',
      'sr.reason',
      'sr.note',
      'sr.repays_date',
      'sr.voided',
      'sr.change_reason',
      'sr.recorded_at',
      'sr.group_session_id',
      'users.name as recorded_by_name',
    ])
}

/** The current version of every record (voided ones included, flagged) for the given services. */
export async function currentRecords(db: Executor, serviceIds: string[], range?: { from?: IsoDate; to?: IsoDate }): Promise<SessionRecord[]> {
  if (serviceIds.length === 0) return []
  let q = baseQuery(db)
    .where('sr.service_id', 'in', serviceIds)
    .where(({ eb, selectFrom }) =>
      eb('sr.version', '=', selectFrom('session_records as newer').select((n) => n.fn.max('newer.version').as('v')).whereRef('newer.record_id', '=', 'sr.record_id')),
    )
  if (range?.from) q = q.where('sr.date', '>=', range.from)
  if (range?.to) q = q.where('sr.date', '<=', range.to)
  const rows = await q.orderBy('sr.date').orderBy('sr.recorded_at').execute()
  return rows.map(shape)
}

export async function recordVersions(db: Executor, studentId: string, recordId: string): Promise<SessionRecord[]> {
  const rows = await baseQuery(db).where('sr.record_id', '=', recordId).where('sr.student_id', '=', studentId).orderBy('sr.version', 'desc').execute()
  if (rows.length === 0) throw new DomainError('NOT_FOUND', t('refusals.sessionRecordNotFound'))
  return rows.map(shape)
}

/** Minutes still owed for a missed or unrecorded session: its mandate minus the make-ups that repay it. */
function remainingOwed(records: SessionRecord[], mandateMinutes: number, repaysDate: IsoDate): number {
  const repaid = records
    .filter((r) => r.kind === 'make_up' && !r.voided && r.repaysDate === repaysDate)
    .reduce((sum, r) => sum + (r.minutes ?? 0), 0)
  return mandateMinutes - repaid
}

/**
 * Writes one version of a record with its audit entry and, when it newly says "missed", the family's notice: all in
 * the caller's transaction, so there is no record without its notice and no notice without a record.
 */
/** What a session came to: each of the record's forms (delivered, missed, make-up) fits. */
export interface SessionOutcome {
  kind: SessionRecordsTable['kind']
  minutes?: number | null
  reason?: string | null
  repaysDate?: string | null
}

/** One version of a session record, as recording, a correction or a plan import states it. */
export interface SessionVersion {
  recordId: string
  version: number
  serviceId: string
  studentId: string
  date: string
  note: string | null
  voided?: boolean
  changeReason?: string | null
  recordedBy: string
  recordedAt: string
  /** The group recording that wrote it; later versions keep it. */
  groupSessionId?: string | null
}

/**
 * A session version as its row. The one rule for what each kind keeps: a missed session has a reason and no
 * minutes, any other has minutes and no reason, and only a make-up names the day it repays.
 */
export function sessionRecordRow(v: SessionVersion, o: SessionOutcome): Insertable<SessionRecordsTable> {
  return {
    id: randomUUID(),
    record_id: v.recordId,
    version: v.version,
    service_id: v.serviceId,
    student_id: v.studentId,
    date: v.date,
    kind: o.kind,
    minutes: o.kind === 'missed' ? null : (o.minutes ?? null),
    reason: o.kind === 'missed' ? (o.reason ?? null) : null,
    note: v.note,
    repays_date: o.kind === 'make_up' ? (o.repaysDate ?? null) : null,
    voided: v.voided ? 1 : 0,
    change_reason: v.changeReason ?? null,
    recorded_by: v.recordedBy,
    recorded_at: v.recordedAt,
    group_session_id: v.groupSessionId ?? null,
  }
}

async function saveVersion(
  trx: Executor,
  row: Insertable<SessionRecordsTable>,
  audit: { actorId: string; studentId: string; now: Date; action: AuditActionOf<'session_record'>; before?: unknown; after: unknown },
  notice: { serviceName: string; reason: MissedReason } | null,
): Promise<SessionRecord> {
  await trx.insertInto('session_records').values(row).execute()
  const { actorId, studentId, now } = audit
  await recordChange(trx, audit, { entity: 'session_record', entityId: row.record_id, action: audit.action, before: audit.before, after: audit.after })
  if (notice) await notifyParentsOfMiss(trx, { studentId, ...notice, date: row.date, recordId: row.record_id, actorId, now })
  const [saved] = await recordVersions(trx, studentId, row.record_id)
  return saved!
}

export type RecordSessionArgs = RecordSessionInput & { actorId: string; now: Date; today: IsoDate }

export function recordSession(db: DB, args: RecordSessionArgs): Promise<SessionRecord> {
  return db.transaction().execute((trx) => writeSession(trx, args))
}

/**
 * One new session record, by the rules of recording one, in the caller's transaction: a group recording writes
 * each student's record through here with the group's id, and a week recorded in one go (week-bulk.server.ts)
 * each of its sessions, so every rule holds for each.
 */
export async function writeSession(trx: Executor, args: RecordSessionArgs & { groupSessionId?: string }): Promise<SessionRecord> {
  const service = await getService(trx, args.studentId, args.serviceId)
  if (args.date > args.today) throw new DomainError('BAD_REQUEST', t('refusals.futureSession'), 'date')
  const closures = closureSet(await closuresForStudent(trx, args.studentId))
  const records = await currentRecords(trx, [service.id])

  if (args.kind === 'make_up') {
    if (!isInstructionalDay(args.date, closures)) throw new DomainError('BAD_REQUEST', t('refusals.notSchoolDay', { date: formatDay(args.date) }), 'date')
    // The schema refuses a make-up on or before its session already; this guards any other caller.
    if (args.repaysDate >= args.date) {
      throw new DomainError('BAD_REQUEST', t('services.formErrors.makeUpAfterSession', { date: formatDay(args.repaysDate) }), 'date')
    }
    const owed = isScheduledOn(service, closures, args.repaysDate)
    if (!owed) {
      throw new DomainError('BAD_REQUEST', t('refusals.noSessionToMakeUp', { service: service.name, date: formatDay(args.repaysDate) }), 'repaysDate')
    }
    const original = records.find((r) => r.date === args.repaysDate && r.kind !== 'make_up' && !r.voided)
    const unrecorded = !original && instructionalDaysBack(args.repaysDate, args.today, closures) >= PENDING_DAYS
    if (!(original?.kind === 'missed' || unrecorded)) {
      throw new DomainError('BAD_REQUEST', t('refusals.sessionNotMissed', { service: service.name, date: formatDay(args.repaysDate) }), 'repaysDate')
    }
    // Only what the school's policy owes can be repaid (the same rule as the checklist's owed minutes).
    const missReason = original?.reason ?? 'unrecorded'
    if (!(await makeUpReasonsForStudent(trx, args.studentId)).includes(missReason)) {
      throw new DomainError(
        'BAD_REQUEST',
        t('refusals.noMakeUpOwed', { service: service.name, date: formatDay(args.repaysDate), reason: REASON_LABELS[missReason] }),
        'repaysDate',
      )
    }
    const left = remainingOwed(records, owed.minutes, args.repaysDate)
    if (left <= 0) throw new DomainError('CONFLICT', t('refusals.madeUpInFull', { date: formatDay(args.repaysDate) }), 'repaysDate')
    if (args.minutes > left) throw new DomainError('BAD_REQUEST', t('refusals.minutesStillOwed', { left, date: formatDay(args.repaysDate) }), 'minutes')
  } else {
    if (!recordableOn(service, closures, args.date)) {
      throw new DomainError('BAD_REQUEST', t('refusals.noSessionScheduled', { service: service.name, date: formatDay(args.date) }), 'date')
    }
    const existing = records.find((r) => r.date === args.date && r.kind !== 'make_up' && !r.voided)
    if (existing) {
      throw new DomainError('CONFLICT', t('refusals.alreadyRecorded', { date: formatDay(args.date), kind: existing.kind }), 'date')
    }
  }

  const row = sessionRecordRow(
    {
      recordId: randomUUID(),
      version: 1,
      serviceId: service.id,
      studentId: args.studentId,
      date: args.date,
      note: args.note || null,
      recordedBy: args.actorId,
      recordedAt: args.now.toISOString(),
      groupSessionId: args.groupSessionId ?? null,
    },
    args,
  )
  const group = args.groupSessionId ? { groupSessionId: args.groupSessionId } : {}
  const saved = await saveVersion(
    trx,
    row,
    { ...args, action: 'create', after: { service: service.name, date: row.date, kind: row.kind, minutes: row.minutes, reason: row.reason, note: row.note, repaysDate: row.repays_date, ...group } },
    args.kind === 'missed' ? { serviceName: service.name, reason: args.reason } : null,
  )
  // A make-up planned ahead for that session is done once one is recorded (docs/domain.md#planned-make-ups).
  if (args.kind === 'make_up') await closePlanFor(trx, { serviceId: service.id, serviceName: service.name, repaysDate: args.repaysDate, recordId: saved.recordId, actorId: args.actorId, now: args.now })
  return saved
}

async function newVersion(
  db: DB,
  args: { studentId: string; recordId: string; actorId: string; now: Date; changeReason: string },
  change: (
    current: SessionRecord,
    service: Service,
    trx: Executor,
  ) => Partial<Pick<SessionRecord, 'kind' | 'minutes' | 'reason' | 'note' | 'voided'>> | Promise<Partial<Pick<SessionRecord, 'kind' | 'minutes' | 'reason' | 'note' | 'voided'>>>,
  action: 'correct' | 'void',
): Promise<SessionRecord> {
  return db.transaction().execute(async (trx) => {
    const [current] = await recordVersions(trx, args.studentId, args.recordId)
    if (!current) throw new DomainError('NOT_FOUND', t('refusals.sessionRecordNotFound'))
    if (current.voided) throw new DomainError('CONFLICT', t('refusals.recordVoided'))
    const service = await getService(trx, args.studentId, current.serviceId)
    const next = { ...current, ...(await change(current, service, trx)) }
    if (next.kind === 'delivered' && !next.minutes) throw new DomainError('BAD_REQUEST', t('refusals.deliveredNeedsMinutes'), 'minutes')
    if (next.kind === 'missed' && !next.reason) throw new DomainError('BAD_REQUEST', t('refusals.missedNeedsReason'), 'reason')
    const row = sessionRecordRow(
      {
        recordId: current.recordId,
        version: current.version + 1,
        serviceId: current.serviceId,
        studentId: args.studentId,
        date: current.date,
        note: next.note,
        voided: next.voided,
        changeReason: args.changeReason,
        recordedBy: args.actorId,
        recordedAt: args.now.toISOString(),
        groupSessionId: current.groupSessionId,
      },
      { ...next, repaysDate: current.repaysDate },
    )
    return saveVersion(
      trx,
      row,
      {
        ...args,
        action,
        before: { kind: current.kind, minutes: current.minutes, reason: current.reason, note: current.note, voided: current.voided },
        // The service and day let the History page name the session ("Priya Shah corrected speech on Tue 1 Dec…").
        after: { service: service.name, date: row.date, kind: row.kind, minutes: row.minutes, reason: row.reason, note: row.note, voided: row.voided === 1, changeReason: args.changeReason },
      },
      // A correction that turns a session into a missed one tells the family, like a new missed record would.
      row.kind === 'missed' && current.kind !== 'missed' && row.voided === 0 && next.reason ? { serviceName: service.name, reason: next.reason } : null,
    )
  })
}

/** A correction is a new version with who, when and why; the earlier one stays. */
export function correctSession(
  db: DB,
  args: {
    studentId: string
    recordId: string
    kind?: 'delivered' | 'missed' | undefined
    minutes?: number | undefined
    reason?: MissedReason | undefined
    note?: string | undefined
    changeReason: string
    actorId: string
    now: Date
  },
): Promise<SessionRecord> {
  return newVersion(
    db,
    args,
    async (current, service, trx) => {
      if (current.kind === 'make_up' && args.kind) throw new DomainError('BAD_REQUEST', t('refusals.makeUpStays'), 'kind')
      if (current.kind === 'make_up' && current.repaysDate && args.minutes !== undefined) {
        // The same cap as when it was recorded: no more than the repaid session still owes without this make-up.
        const owed = isScheduledOn(service, closureSet(await closuresForStudent(trx, args.studentId)), current.repaysDate)
        const others = (await currentRecords(trx, [service.id])).filter((r) => r.recordId !== current.recordId)
        const left = owed ? remainingOwed(others, owed.minutes, current.repaysDate) : null
        if (left !== null && args.minutes > left) {
          throw new DomainError('BAD_REQUEST', t('refusals.minutesStillOwed', { left, date: formatDay(current.repaysDate) }), 'minutes')
        }
      }
      return {
        ...(args.kind ? { kind: args.kind } : {}),
        ...(args.minutes !== undefined ? { minutes: args.minutes } : {}),
        ...(args.reason ? { reason: args.reason } : {}),
        ...(args.note !== undefined ? { note: args.note || null } : {}),
      }
    },
    'correct',
  )
}

/** A wrong record is voided with a reason and stays visible, struck through. */
export function voidSession(
  db: DB,
  args: { studentId: string; recordId: string; changeReason: string; actorId: string; now: Date },
): Promise<SessionRecord> {
  return newVersion(db, args, () => ({ voided: true }), 'void')
}
