import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { type ClosureImpact, datesToClose, sessionsOnDates } from '#shared/closure-change.ts'
import { DomainError } from '#shared/domain-error.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { type SchoolCalendar, schoolCalendar } from '#shared/school-day.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { listServices } from './services.server.ts'
import { t } from '#shared/i18n/i18n.ts'

export interface Closure {
  date: IsoDate
  label: string
}

export async function closuresForSchool(db: Executor, schoolId: string): Promise<Closure[]> {
  return db.selectFrom('school_closures').select(['date', 'label']).where('school_id', '=', schoolId).orderBy('date').execute()
}

export async function closuresForStudent(db: Executor, studentId: string): Promise<Closure[]> {
  return db
    .selectFrom('school_closures')
    .innerJoin('students', 'students.school_id', 'school_closures.school_id')
    .select(['school_closures.date', 'school_closures.label'])
    .where('students.id', '=', studentId)
    .orderBy('school_closures.date')
    .execute()
}

export function closureSet(closures: readonly Closure[]): Set<IsoDate> {
  return new Set(closures.map((c) => c.date))
}

/** One day (`date`) or a break (`date` to `endDate`); `change` says whether it is being added or removed. */
export interface ClosureRequest {
  schoolId: string
  change: 'add' | 'remove'
  date: IsoDate
  endDate?: IsoDate | undefined
}

/**
 * The dates a request changes, refused as the change itself would be: a new closure on a weekend, outside the
 * school year or on a date already closed; removing a date that is not a closure.
 */
async function datesChanged(db: Executor, args: ClosureRequest): Promise<{ dates: IsoDate[]; closures: Closure[] }> {
  const [school, closures] = await Promise.all([
    db.selectFrom('schools').select(['year_start', 'year_end']).where('id', '=', args.schoolId).executeTakeFirst(),
    closuresForSchool(db, args.schoolId),
  ])
  const existing = closures.find((c) => c.date === args.date)
  if (args.change === 'remove') {
    if (!existing) throw new DomainError('NOT_FOUND', t('refusals.notClosure', { date: args.date }), 'date')
    return { dates: [args.date], closures }
  }
  const single = args.endDate === undefined || args.endDate === args.date
  if (single && existing) throw new DomainError('CONFLICT', t('refusals.alreadyClosure', { date: args.date, label: existing.label }), 'date')
  const result = datesToClose(args.date, args.endDate, { start: school?.year_start ?? null, end: school?.year_end ?? null }, closureSet(closures))
  if (!result.ok) throw new DomainError('BAD_REQUEST', result.message, result.field)
  return { dates: result.dates, closures }
}

/** What a closure change would do, before it is made: the dates, and the sessions that stop or start being due. */
export async function previewClosureChange(db: Executor, args: ClosureRequest): Promise<ClosureImpact & { dates: IsoDate[]; label: string | null }> {
  const { dates, closures } = await datesChanged(db, args)
  const students = await db.selectFrom('students').select('id').where('school_id', '=', args.schoolId).execute()
  const services = await listServices(db, { studentIds: students.map((s) => s.id) })
  const impact = sessionsOnDates(services, closureSet(closures), dates)
  return { ...impact, dates, label: closures.find((c) => c.date === args.date)?.label ?? null }
}

/** Adds one closure, or one per weekday of a break, with the same label; returns how many dates were added. */
export async function addClosure(db: DB, args: { schoolId: string; date: IsoDate; endDate?: IsoDate | undefined; label: string; actorId: string; now: Date }): Promise<{ added: number }> {
  return db.transaction().execute(async (trx) => {
    const { dates } = await datesChanged(trx, { ...args, change: 'add' })
    for (const date of dates) {
      const id = randomUUID()
      await trx
        .insertInto('school_closures')
        .values({ id, school_id: args.schoolId, date, label: args.label, created_at: args.now.toISOString(), created_by: args.actorId })
        .execute()
      await recordChange(trx, args, { entity: 'school_closure', entityId: id, action: 'create', after: { date, label: args.label } })
    }
    return { added: dates.length }
  })
}

/** Calendar settings are configuration, not evidence: a closure entered by mistake is removed, with an audit row. */
export async function removeClosure(db: DB, args: { schoolId: string; date: IsoDate; actorId: string; now: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('school_closures').select(['id', 'label']).where('school_id', '=', args.schoolId).where('date', '=', args.date).executeTakeFirst()
    if (!existing) throw new DomainError('NOT_FOUND', t('refusals.notClosure', { date: args.date }), 'date')
    await trx.deleteFrom('school_closures').where('id', '=', existing.id).execute()
    await recordChange(trx, args, { entity: 'school_closure', entityId: existing.id, action: 'remove', before: { date: args.date, label: existing.label } })
  })
}

/** A school's year and closures as one calendar (shared/school-day.ts): what kind of day a date is there. */
export async function calendarForSchool(db: Executor, schoolId: string): Promise<SchoolCalendar> {
  const [school, closures] = await Promise.all([
    db.selectFrom('schools').select(['year_start', 'year_end']).where('id', '=', schoolId).executeTakeFirst(),
    closuresForSchool(db, schoolId),
  ])
  return schoolCalendar({ start: school?.year_start ?? null, end: school?.year_end ?? null }, closures)
}

export async function calendarForStudent(db: Executor, studentId: string): Promise<SchoolCalendar> {
  const student = await db.selectFrom('students').select('school_id').where('id', '=', studentId).executeTakeFirst()
  return calendarForSchool(db, student?.school_id ?? '')
}
