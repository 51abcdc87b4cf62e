import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { type SchoolCalendar, schoolCalendar } from '#shared/school-day.ts'
import { type Executor, recordChange } from './audit.server.ts'
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

export async function addClosure(db: DB, args: { schoolId: string; date: IsoDate; label: string; actorId: string; now: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('school_closures').select('label').where('school_id', '=', args.schoolId).where('date', '=', args.date).executeTakeFirst()
    if (existing) throw new DomainError('CONFLICT', t('refusals.alreadyClosure', { date: args.date, label: existing.label }), 'date')
    const id = randomUUID()
    await trx
      .insertInto('school_closures')
      .values({ id, school_id: args.schoolId, date: args.date, label: args.label, created_at: args.now.toISOString(), created_by: args.actorId })
      .execute()
    await recordChange(trx, args, { entity: 'school_closure', entityId: id, action: 'create', after: { date: args.date, label: args.label } })
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
