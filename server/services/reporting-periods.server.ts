import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { t } from '#shared/i18n/i18n.ts'
import { defaultProgressCodes, type ProgressCode } from '#shared/progress-report.ts'
import { checkPeriod, type ReportingPeriod } from '#shared/reporting-periods.ts'
import { type Executor, recordChange } from './audit.server.ts'

/** A school's reporting periods, in date order. */
export async function listPeriods(db: Executor, schoolId: string): Promise<ReportingPeriod[]> {
  const rows = await db.selectFrom('reporting_periods').select(['id', 'name', 'start_date', 'end_date']).where('school_id', '=', schoolId).orderBy('start_date').execute()
  return rows.map((r) => ({ id: r.id, name: r.name, start: r.start_date, end: r.end_date }))
}

export async function periodsForStudent(db: Executor, studentId: string): Promise<ReportingPeriod[]> {
  const student = await db.selectFrom('students').select('school_id').where('id', '=', studentId).executeTakeFirstOrThrow()
  return listPeriods(db, student.school_id)
}

interface PeriodChange {
  schoolId: string
  name: string
  start: string
  end: string
  actorId: string
  now: Date
}

async function assertFits(db: Executor, args: PeriodChange & { periodId?: string }): Promise<void> {
  const [school, periods] = await Promise.all([
    db.selectFrom('schools').select(['year_start', 'year_end']).where('id', '=', args.schoolId).executeTakeFirstOrThrow(),
    listPeriods(db, args.schoolId),
  ])
  const check = checkPeriod({ id: args.periodId, name: args.name, start: args.start, end: args.end }, periods, { start: school.year_start, end: school.year_end })
  if (!check.ok) throw new DomainError('BAD_REQUEST', check.message, check.field)
}

export async function addPeriod(db: DB, args: PeriodChange): Promise<{ periodId: string }> {
  return db.transaction().execute(async (trx) => {
    await assertFits(trx, args)
    const id = randomUUID()
    await trx
      .insertInto('reporting_periods')
      .values({ id, school_id: args.schoolId, name: args.name, start_date: args.start, end_date: args.end, created_at: args.now.toISOString(), created_by: args.actorId })
      .execute()
    await recordChange(trx, args, { entity: 'reporting_period', entityId: id, action: 'create', after: { name: args.name, start: args.start, end: args.end } })
    return { periodId: id }
  })
}

async function periodOfSchool(db: Executor, schoolId: string, periodId: string) {
  const row = await db.selectFrom('reporting_periods').selectAll().where('id', '=', periodId).where('school_id', '=', schoolId).executeTakeFirst()
  if (!row) throw new DomainError('NOT_FOUND', t('reports.periods.notFound'))
  return row
}

async function issuedIn(db: Executor, periodId: string): Promise<number> {
  const row = await db
    .selectFrom('progress_report_versions')
    .innerJoin('progress_reports', 'progress_reports.id', 'progress_report_versions.report_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('progress_reports.period_id', '=', periodId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Renaming a period is always allowed; moving its dates is refused once a report of it was issued, because the
 * issued report counted the days the period had then.
 */
export async function updatePeriod(db: DB, args: PeriodChange & { periodId: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await periodOfSchool(trx, args.schoolId, args.periodId)
    if ((before.start_date !== args.start || before.end_date !== args.end) && (await issuedIn(trx, args.periodId)) > 0) {
      throw new DomainError('CONFLICT', t('reports.periods.issuedDatesFixed', { name: before.name }), 'start')
    }
    await assertFits(trx, args)
    await trx.updateTable('reporting_periods').set({ name: args.name, start_date: args.start, end_date: args.end }).where('id', '=', args.periodId).execute()
    await recordChange(trx, args, {
      entity: 'reporting_period',
      entityId: args.periodId,
      action: 'update',
      before: { name: before.name, start: before.start_date, end: before.end_date },
      after: { name: args.name, start: args.start, end: args.end },
    })
  })
}

/** Only a period nobody has started a report for may go: a draft's words are never thrown away by a settings page. */
export async function removePeriod(db: DB, args: { schoolId: string; periodId: string; actorId: string; now: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await periodOfSchool(trx, args.schoolId, args.periodId)
    const report = await trx.selectFrom('progress_reports').select('id').where('period_id', '=', args.periodId).executeTakeFirst()
    if (report) throw new DomainError('CONFLICT', t('reports.periods.hasReports', { name: before.name }))
    await trx.deleteFrom('reporting_periods').where('id', '=', args.periodId).execute()
    await recordChange(trx, args, { entity: 'reporting_period', entityId: args.periodId, action: 'remove', before: { name: before.name, start: before.start_date, end: before.end_date } })
  })
}

export async function progressCodes(db: Executor, schoolId: string): Promise<{ codes: ProgressCode[]; isDefault: boolean }> {
  const school = await db.selectFrom('schools').select('progress_codes').where('id', '=', schoolId).executeTakeFirst()
  if (!school?.progress_codes) return { codes: defaultProgressCodes(), isDefault: true }
  return { codes: JSON.parse(school.progress_codes) as ProgressCode[], isDefault: false }
}

/**
 * The school's codes, from labels in order. A label that was already in the list keeps its key, so drafts that
 * chose it still read it; a new label gets a new key. A code a draft chose and the list lost still prints in that
 * draft with its old words (shared/progress-report.ts codeLabel) and must be chosen again before issuing.
 */
export async function setProgressCodes(db: DB, args: { schoolId: string; labels: string[]; actorId: string; now: Date }): Promise<ProgressCode[]> {
  return db.transaction().execute(async (trx) => {
    const before = (await progressCodes(trx, args.schoolId)).codes
    const seen = new Set<string>()
    const codes: ProgressCode[] = []
    for (const label of args.labels) {
      const lower = label.toLowerCase()
      if (seen.has(lower)) throw new DomainError('BAD_REQUEST', t('reports.form.codeTwice', { label }), 'labels')
      seen.add(lower)
      codes.push({ key: before.find((c) => c.label.toLowerCase() === lower)?.key ?? randomUUID().slice(0, 8), label })
    }
    await trx.updateTable('schools').set({ progress_codes: JSON.stringify(codes) }).where('id', '=', args.schoolId).execute()
    await recordChange(trx, args, { entity: 'progress_codes', entityId: args.schoolId, action: 'update', before: { codes: before }, after: { codes } })
    return codes
  })
}
