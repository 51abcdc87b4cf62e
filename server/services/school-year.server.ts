import { DomainError } from '#shared/domain-error.ts'
import type { Executor } from './audit.server.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { t } from '#shared/i18n/i18n.ts'

/** Refuses a plan date outside the student's school year, naming the year so the person can fix it. */
export async function assertInSchoolYear(db: Executor, studentId: string, date: string, field: string): Promise<void> {
  const school = await db
    .selectFrom('students')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .select(['schools.year_start', 'schools.year_end'])
    .where('students.id', '=', studentId)
    .executeTakeFirstOrThrow()
  if (!school.year_start || !school.year_end) return
  if (date < school.year_start || date > school.year_end) {
    throw new DomainError(
      'BAD_REQUEST',
      t('refusals.outsideSchoolYear', {
        start: formatDay(school.year_start),
        startYear: school.year_start.slice(0, 4),
        end: formatDay(school.year_end),
        endYear: school.year_end.slice(0, 4),
      }),
      field,
    )
  }
}
