import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { applicabilityOn } from '#shared/accommodation-schedule.ts'
import { type CheckChoice, type CheckRecord, type CheckStatus, type Fidelity, RECENT_FIDELITY_DAYS, recentFidelity } from '#shared/accommodation-fidelity.ts'
import { DomainError } from '#shared/domain-error.ts'
import { instructionalDaysBack, isInstructionalDay, lastInstructionalDays, RECORDING_WINDOW } from '#shared/school-calendar.ts'
import type { IsoDate } from '#shared/school-date.ts'
import type { RecordCheckInput } from '#shared/schemas/today.ts'
import { listAccommodations } from './accommodations.server.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { calendarForStudent, closureSet, closuresForStudent } from './calendar.server.ts'
import { assertInSchoolYear } from './school-year.server.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { t } from '#shared/i18n/i18n.ts'
import { notifyParentsOfSupportNotProvided } from './notifications.server.ts'

export interface CheckView {
  id: string
  accommodationId: string
  date: IsoDate
  status: CheckStatus
  reason: string | null
  recordedBy: string
  recordedAt: string
  late: boolean
}

export interface RecordedCheck extends CheckView {
  /** True when this client id had already been saved with the same content: nothing new was written. */
  duplicate: boolean
}

/**
 * Records one tap. Idempotent on the browser-made client id: a resend of the same change returns the saved
 * record; the same id with different content is refused, because that is a bug, not a retry.
 */
export async function recordCheck(
  db: DB,
  args: RecordCheckInput & { actorId: string; now: Date; today: IsoDate },
): Promise<RecordedCheck> {
  const reason = args.status === 'not_provided' ? (args.reason ?? '').trim() : args.status === 'cleared' ? null : args.reason?.trim() || null
  return db.transaction().execute(async (trx) => {
    const existing = await checkViews(trx).where('accommodation_checks.client_id', '=', args.clientId).executeTakeFirst()
    if (existing) {
      const same =
        existing.student_id === args.studentId &&
        existing.accommodation_id === args.accommodationId &&
        existing.date === args.date &&
        shape(existing).status === args.status &&
        (existing.reason ?? null) === (reason || null)
      if (!same) throw new DomainError('CONFLICT', t('refusals.changeIdReused'))
      return { ...shape(existing), duplicate: true }
    }

    if (args.date > args.today) throw new DomainError('BAD_REQUEST', t('refusals.futureSupports'), 'date')
    await assertInSchoolYear(trx, args.studentId, args.date, 'date')
    const closures = await closuresForStudent(trx, args.studentId)
    const closed = closures.find((c) => c.date === args.date)
    if (closed) throw new DomainError('BAD_REQUEST', t('refusals.noSchoolOn', { date: formatDay(args.date), label: closed.label }), 'date')
    const set = closureSet(closures)
    if (!isInstructionalDay(args.date, set)) throw new DomainError('BAD_REQUEST', t('refusals.notSchoolDay', { date: formatDay(args.date) }), 'date')
    if (instructionalDaysBack(args.date, args.today, set) > RECORDING_WINDOW) {
      throw new DomainError(
        'BAD_REQUEST',
        t('refusals.pastRecordingWindow', { days: RECORDING_WINDOW, date: formatDay(args.date) }),
        'date',
      )
    }
    const accommodation = (await listAccommodations(trx, args.studentId)).find((a) => a.id === args.accommodationId)
    if (!accommodation) throw new DomainError('NOT_FOUND', t('refusals.accommodationNotFound'))
    if (applicabilityOn(accommodation.applies, accommodation.startDate, args.date) === 'not_today') {
      throw new DomainError('BAD_REQUEST', t('refusals.accommodationNotToday', { title: accommodation.title, date: formatDay(args.date) }), 'date')
    }

    const previous = await trx
      .selectFrom('accommodation_checks')
      .select(['id', 'status', 'reason', 'kind'])
      .where('accommodation_id', '=', args.accommodationId)
      .where('date', '=', args.date)
      .orderBy('recorded_at', 'desc')
      .executeTakeFirst()
    const standing = previous && previous.kind === 'record' ? previous : undefined
    // An undo takes back the choice that stands; with none standing there is nothing to take back.
    if (args.status === 'cleared' && !standing) throw new DomainError('BAD_REQUEST', t('today.quick.nothingToUndo', { title: accommodation.title }))
    const row = {
      id: randomUUID(),
      client_id: args.clientId,
      accommodation_id: args.accommodationId,
      student_id: args.studentId,
      date: args.date,
      status: args.status === 'cleared' ? standing!.status : args.status,
      kind: args.status === 'cleared' ? ('clear' as const) : ('record' as const),
      reason: reason || null,
      recorded_by: args.actorId,
      recorded_at: args.now.toISOString(),
      late: args.date < args.today ? 1 : 0,
    }
    await trx.insertInto('accommodation_checks').values(row).execute()
    await recordChange(trx, args, {
      entity: 'accommodation_check',
      entityId: row.id,
      action: previous ? 'update' : 'create',
      before: previous ? { status: previous.kind === 'clear' ? 'cleared' : previous.status, reason: previous.reason } : undefined,
      after: { accommodationId: args.accommodationId, title: accommodation.title, date: args.date, status: args.status, reason: row.reason, late: Boolean(row.late) },
    })
    // A support recorded "not provided" reaches the family (only a fresh record: an undo or a repeat says nothing new).
    if (row.kind === 'record' && row.status === 'not_provided' && !(standing && standing.status === 'not_provided')) {
      await notifyParentsOfSupportNotProvided(trx, { studentId: args.studentId, checkId: row.id, support: accommodation.title, date: args.date, reason: row.reason, actorId: args.actorId, now: args.now })
    }
    const name = await trx.selectFrom('users').select('name').where('id', '=', args.actorId).executeTakeFirstOrThrow()
    return { ...shape({ ...row, recorded_by: name.name }), duplicate: false }
  })
}

function shape(r: {
  id: string
  accommodation_id: string
  date: string
  status: CheckStatus
  kind: 'record' | 'clear'
  reason: string | null
  recorded_by: string
  recorded_at: string
  late: number
}): CheckView {
  return {
    id: r.id,
    accommodationId: r.accommodation_id,
    date: r.date,
    status: r.kind === 'clear' ? 'cleared' : r.status,
    reason: r.reason,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    late: r.late === 1,
  }
}

/** Checks with the name of the person who recorded them. */
function checkViews(db: Executor) {
  return db
    .selectFrom('accommodation_checks')
    .innerJoin('users', 'users.id', 'accommodation_checks.recorded_by')
    .select([
      'accommodation_checks.id',
      'accommodation_checks.student_id',
      'accommodation_checks.accommodation_id',
      'accommodation_checks.date',
      'accommodation_checks.status',
      'accommodation_checks.kind',
      'accommodation_checks.reason',
      'accommodation_checks.recorded_at',
      'accommodation_checks.late',
      'users.name as recorded_by',
    ])
}

/** The latest check per accommodation on one day, for the Today screen. */
export async function latestChecksOn(db: DB, studentIds: string[], date: IsoDate): Promise<Map<string, CheckView>> {
  const out = new Map<string, CheckView>()
  if (studentIds.length === 0) return out
  const rows = await checkViews(db)
    .where('accommodation_checks.student_id', 'in', studentIds)
    .where('accommodation_checks.date', '=', date)
    .orderBy('accommodation_checks.recorded_at')
    .execute()
  for (const r of rows) out.set(r.accommodation_id, shape(r))
  // Undone: the support shows as not recorded again.
  for (const [id, check] of out) if (check.status === 'cleared') out.delete(id)
  return out
}

export interface RecentFidelityRow extends Fidelity {
  accommodationId: string
  title: string
}

/** Each accommodation's fidelity over the last 20 school days, with the days nobody recorded. */
export async function studentRecentFidelity(db: DB, studentId: string, asked: IsoDate): Promise<{ from: IsoDate; to: IsoDate; rows: RecentFidelityRow[] }> {
  const calendar = await calendarForStudent(db, studentId)
  const closures = new Set(calendar.closures.keys())
  // In the summer break the last 20 school days are the year's last 20, not weekdays nobody was at school.
  const asOf = calendar.yearEnd && asked > calendar.yearEnd ? calendar.yearEnd : asked
  const window = lastInstructionalDays(asOf, RECENT_FIDELITY_DAYS, closures)
  const from = window[0] ?? asOf
  const accommodations = await listAccommodations(db, studentId)
  const records = await db
    .selectFrom('accommodation_checks')
    .select(['accommodation_id', 'date', 'status', 'kind', 'recorded_at'])
    .where('student_id', '=', studentId)
    .where('date', '>=', from)
    .where('date', '<=', asOf)
    .execute()
  return {
    from,
    to: asOf,
    rows: accommodations.map((a) => ({
      accommodationId: a.id,
      title: a.title,
      ...recentFidelity({
        applies: a.applies,
        startDate: a.startDate,
        records: records.filter((r) => r.accommodation_id === a.id).map(checkRecord),
        closures,
        asOf,
        from,
      }),
    })),
  }
}

/** A stored row as the fidelity numbers read it: an undo row is `cleared`, whatever choice it took back. */
export function checkRecord(r: { date: string; status: CheckStatus; kind: 'record' | 'clear'; recorded_at: string }): CheckRecord {
  return { date: r.date, status: r.kind === 'clear' ? 'cleared' : r.status, recordedAt: r.recorded_at }
}

export async function checkHistory(db: DB, studentId: string, accommodationId: string, date: IsoDate): Promise<CheckView[]> {
  const rows = await checkViews(db)
    .where('accommodation_checks.student_id', '=', studentId)
    .where('accommodation_checks.accommodation_id', '=', accommodationId)
    .where('accommodation_checks.date', '=', date)
    .orderBy('accommodation_checks.recorded_at', 'desc')
    .execute()
  return rows.map(shape)
}

export interface CheckLogEntry extends Omit<CheckView, 'status'> {
  status: CheckChoice
  title: string
  /** False when a later record for the same accommodation and day replaced it (it stays, as evidence). */
  current: boolean
}

/**
 * Every accommodation check of a student, newest day first; a replaced record stays, marked. An undo is not a
 * record of its own here: the choice it took back stays, marked replaced, and the day shows no current record.
 */
export async function checkLog(db: DB, studentId: string): Promise<CheckLogEntry[]> {
  const titles = new Map((await listAccommodations(db, studentId)).map((a) => [a.id, a.title]))
  const rows = (await checkViews(db).where('accommodation_checks.student_id', '=', studentId).orderBy('accommodation_checks.recorded_at').execute()).map(shape)
  const latest = new Map<string, string>()
  for (const r of rows) latest.set(`${r.accommodationId}:${r.date}`, r.id)
  return rows
    .flatMap((r) => (r.status === 'cleared' ? [] : [{ ...r, status: r.status }]))
    .map((r) => ({ ...r, title: titles.get(r.accommodationId) ?? t('refusals.records.accommodation'), current: latest.get(`${r.accommodationId}:${r.date}`) === r.id }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title) || b.recordedAt.localeCompare(a.recordedAt))
}
