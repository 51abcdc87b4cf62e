import type { IsoDate } from '#shared/school-date.ts'
import type { Executor } from './audit.server.ts'

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
