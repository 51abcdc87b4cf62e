import { createHash, randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { serviceNumbers } from '#shared/accountability.ts'
import { recentFidelity } from '#shared/accommodation-fidelity.ts'
import { DomainError } from '#shared/domain-error.ts'
import { t } from '#shared/i18n/i18n.ts'
import { formatSchoolDate, type IsoDate, addDays } from '#shared/school-date.ts'
import {
  goalSection,
  type IssuedVersion,
  missingCodes,
  periodServiceNumbers,
  type ProgressReportDoc,
  REPORT_FORMAT,
  type ReportConcern,
} from '#shared/progress-report.ts'
import type { ReportingPeriod } from '#shared/reporting-periods.ts'
import { checkRecord } from './accommodation-checks.server.ts'
import { listAccommodations } from './accommodations.server.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { closureSet, closuresForStudent } from './calendar.server.ts'
import { openConcerns } from './concerns-read.server.ts'
import { goalsWithLivePoints } from './goals.server.ts'
import { makeUpReasonsForStudent } from './make-up-policy.server.ts'
import { notify } from './notice-mail.server.ts'
import { renderProgressReportPdf } from './progress-report-pdf.server.ts'
import { periodsForStudent, progressCodes } from './reporting-periods.server.ts'
import { currentRecords } from './session-records.server.ts'
import { listServices } from './services.server.ts'

/**
 * Progress reports (docs/progress-reports.md). A draft is never stored whole: it is built from the records each
 * time it is read, with the team's words (the parts) laid over it, so a point recorded late is in it at once.
 * Issuing freezes it: the document and its PDF are stored as a version that is never changed or deleted; a
 * correction is the next version, with its reason.
 */

async function periodOf(db: Executor, studentId: string, periodId: string): Promise<ReportingPeriod> {
  const period = (await periodsForStudent(db, studentId)).find((p) => p.id === periodId)
  if (!period) throw new DomainError('NOT_FOUND', t('reports.periods.notFound'))
  return period
}

async function reportRow(db: Executor, studentId: string, periodId: string) {
  return db.selectFrom('progress_reports').select('id').where('student_id', '=', studentId).where('period_id', '=', periodId).executeTakeFirst()
}

/** The document as the records stand on `today` (or at the period's end, if that is earlier), with the draft's words. */
export async function buildReport(db: DB, args: { studentId: string; periodId: string; today: IsoDate }): Promise<ProgressReportDoc> {
  const period = await periodOf(db, args.studentId, args.periodId)
  const asOf = args.today < period.end ? args.today : period.end
  const student = await db
    .selectFrom('students')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .select(['students.name', 'students.grade', 'students.school_id', 'schools.name as school_name'])
    .where('students.id', '=', args.studentId)
    .executeTakeFirstOrThrow()
  const [{ codes }, goals, report, services, closures, owedReasons, accommodations, concerns] = await Promise.all([
    progressCodes(db, student.school_id),
    goalsWithLivePoints(db, args.studentId, period.start),
    reportRow(db, args.studentId, args.periodId),
    listServices(db, { studentIds: [args.studentId], today: asOf }),
    closuresForStudent(db, args.studentId).then(closureSet),
    makeUpReasonsForStudent(db, args.studentId),
    listAccommodations(db, args.studentId),
    // The report goes to the family and into the school's file: concerns the whole team sees, never family-only ones.
    openConcerns(db, { studentId: args.studentId, seesFamilyOnly: false }),
  ])
  const parts = report
    ? await db
        .selectFrom('progress_report_parts')
        .leftJoin('users', 'users.id', 'progress_report_parts.updated_by')
        .select(['goal_id', 'code', 'narrative', 'users.name as writer'])
        .where('report_id', '=', report.id)
        .execute()
    : []
  const partOf = new Map(parts.map((p) => [p.goal_id, p]))

  const dayBefore = addDays(period.start, -1)
  const records = await currentRecords(
    db,
    services.map((s) => s.id),
    { to: asOf },
  )
  const reportServices = services
    .filter((s) => s.startDate <= asOf && s.endDate >= period.start)
    .map((s) => {
      const own = records.filter((r) => r.serviceId === s.id)
      const atEnd = serviceNumbers({ service: s, records: own, closures, asOf, owedReasons })
      const before = s.startDate <= dayBefore ? serviceNumbers({ service: s, records: own, closures, asOf: dayBefore, owedReasons }) : null
      return { key: s.key, name: s.name, providerName: s.providerName, ...periodServiceNumbers(atEnd, before) }
    })

  const checks = await db
    .selectFrom('accommodation_checks')
    .select(['accommodation_id', 'date', 'status', 'kind', 'recorded_at'])
    .where('student_id', '=', args.studentId)
    .where('date', '>=', period.start)
    .where('date', '<=', asOf)
    .execute()
  const reportAccommodations = accommodations
    .filter((a) => a.startDate <= asOf)
    .map((a) => {
      const f = recentFidelity({
        applies: a.applies,
        startDate: a.startDate,
        records: checks.filter((c) => c.accommodation_id === a.id).map(checkRecord),
        closures,
        asOf,
        from: period.start,
      })
      return { title: a.title, applicableDays: f.applicableDays, recordedDays: f.recordedDays, usedDays: f.usedDays, notNeededDays: f.notNeededDays, fidelity: f.fidelity }
    })

  return {
    format: REPORT_FORMAT,
    school: { name: student.school_name },
    student: { name: student.name, grade: student.grade },
    period: { name: period.name, start: period.start, end: period.end },
    asOf,
    codes,
    goals: goals.map((g) => {
      const part = partOf.get(g.id)
      return {
        ...goalSection({ goalId: g.id, area: g.area, officialText: g.officialText, plain: g.plain, baseline: g.baseline, target: g.target, unit: g.unit, mastery: g.mastery, points: g.points, effects: g.effects }, period, asOf),
        code: part?.code ?? null,
        narrative: part?.narrative ?? '',
        writtenBy: part?.writer ?? null,
      }
    }),
    services: reportServices,
    accommodations: reportAccommodations,
    concerns: await linkedConcerns(db, concerns, goals, services),
  }
}

/** Open concerns linked to one of the report's goals (through a data point) or services (through a session record). */
async function linkedConcerns(
  db: Executor,
  open: { id: string; date: IsoDate; issue: string }[],
  goals: { id: string; area: string }[],
  services: { id: string; name: string }[],
): Promise<ReportConcern[]> {
  if (open.length === 0) return []
  const links = await db
    .selectFrom('concern_links as l')
    .leftJoin('progress_points as p', (j) => j.onRef('p.id', '=', 'l.record_id').on('l.kind', '=', 'progress'))
    .leftJoin('session_records as r', (j) => j.onRef('r.record_id', '=', 'l.record_id').on('l.kind', '=', 'session'))
    .select(['l.concern_id', 'p.goal_id', 'r.service_id'])
    .where(
      'l.concern_id',
      'in',
      open.map((c) => c.id),
    )
    .execute()
  const goalArea = new Map(goals.map((g) => [g.id, g.area]))
  const serviceName = new Map(services.map((s) => [s.id, s.name]))
  const out: ReportConcern[] = []
  for (const c of open) {
    const names = new Set<string>()
    for (const l of links.filter((x) => x.concern_id === c.id)) {
      if (l.goal_id && goalArea.has(l.goal_id)) names.add(t('reports.concernGoal', { area: goalArea.get(l.goal_id)! }))
      if (l.service_id && serviceName.has(l.service_id)) names.add(serviceName.get(l.service_id)!)
    }
    if (names.size) out.push({ date: c.date, issue: c.issue, linkedTo: [...names] })
  }
  return out
}

export interface ReportVersionView extends IssuedVersion {
  acknowledgments: { userId: string; name: string; at: string; comment: string | null }[]
}

export interface ReportSummary {
  period: ReportingPeriod
  /** A draft exists (someone wrote a part), whether or not a version was issued. */
  drafted: boolean
  versions: ReportVersionView[]
}

async function versionsOf(db: Executor, reportIds: string[]): Promise<Map<string, ReportVersionView[]>> {
  const out = new Map<string, ReportVersionView[]>()
  if (reportIds.length === 0) return out
  const rows = await db
    .selectFrom('progress_report_versions as v')
    .leftJoin('users', 'users.id', 'v.issued_by')
    .select(['v.id', 'v.report_id', 'v.version', 'v.issued_at', 'v.correction_reason', 'v.pdf_sha256', 'users.name as issuer'])
    .where('v.report_id', 'in', reportIds)
    .orderBy('v.version')
    .execute()
  const acks = rows.length
    ? await db
        .selectFrom('progress_report_acks as a')
        .innerJoin('users', 'users.id', 'a.user_id')
        .select(['a.version_id', 'a.user_id', 'users.name', 'a.acknowledged_at', 'a.comment'])
        .where(
          'a.version_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('a.acknowledged_at')
        .execute()
    : []
  for (const r of rows) {
    const list = out.get(r.report_id) ?? []
    list.push({
      version: r.version,
      issuedAt: r.issued_at,
      issuedBy: r.issuer ?? '',
      correctionReason: r.correction_reason,
      pdfSha256: r.pdf_sha256,
      acknowledgments: acks.filter((a) => a.version_id === r.id).map((a) => ({ userId: a.user_id, name: a.name, at: a.acknowledged_at, comment: a.comment })),
    })
    out.set(r.report_id, list)
  }
  return out
}

/** Every reporting period of the student's school, with its report's state. `issuedOnly`: what a parent may know. */
export async function listReports(db: DB, args: { studentId: string; issuedOnly: boolean }): Promise<ReportSummary[]> {
  const periods = await periodsForStudent(db, args.studentId)
  const reports = await db.selectFrom('progress_reports').select(['id', 'period_id']).where('student_id', '=', args.studentId).execute()
  const versions = await versionsOf(
    db,
    reports.map((r) => r.id),
  )
  return periods
    .map((period) => {
      const report = reports.find((r) => r.period_id === period.id)
      const v = report ? (versions.get(report.id) ?? []) : []
      return { period, drafted: !!report && !args.issuedOnly, versions: v }
    })
    .filter((s) => !args.issuedOnly || s.versions.length > 0)
}

export async function reportVersions(db: DB, studentId: string, periodId: string): Promise<ReportVersionView[]> {
  const report = await reportRow(db, studentId, periodId)
  if (!report) return []
  return (await versionsOf(db, [report.id])).get(report.id) ?? []
}

async function ensureReport(trx: Executor, args: { studentId: string; periodId: string; actorId: string; now: Date }): Promise<string> {
  const existing = await reportRow(trx, args.studentId, args.periodId)
  if (existing) return existing.id
  const id = randomUUID()
  await trx.insertInto('progress_reports').values({ id, student_id: args.studentId, period_id: args.periodId, created_at: args.now.toISOString(), created_by: args.actorId }).execute()
  return id
}

/** One goal's part of the draft. A code must be one of the school's current codes; an empty code clears it. */
export async function saveGoalPart(
  db: DB,
  args: { studentId: string; periodId: string; goalId: string; code: string | null; narrative: string; actorId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const period = await periodOf(trx, args.studentId, args.periodId)
    const goal = await trx.selectFrom('goals').select('id').where('id', '=', args.goalId).where('student_id', '=', args.studentId).executeTakeFirst()
    if (!goal) throw new DomainError('NOT_FOUND', t('refusals.goalNotFound'))
    if (args.code) {
      const student = await trx.selectFrom('students').select('school_id').where('id', '=', args.studentId).executeTakeFirstOrThrow()
      const { codes } = await progressCodes(trx, student.school_id)
      if (!codes.some((c) => c.key === args.code)) throw new DomainError('BAD_REQUEST', t('reports.form.codeFromList'), 'code')
    }
    const reportId = await ensureReport(trx, args)
    const at = args.now.toISOString()
    await trx
      .insertInto('progress_report_parts')
      .values({ report_id: reportId, goal_id: args.goalId, code: args.code, narrative: args.narrative, updated_at: at, updated_by: args.actorId })
      .onConflict((oc) => oc.columns(['report_id', 'goal_id']).doUpdateSet({ code: args.code, narrative: args.narrative, updated_at: at, updated_by: args.actorId }))
      .execute()
    await recordChange(
      trx,
      { ...args, studentId: args.studentId },
      { entity: 'progress_report', entityId: reportId, action: 'write_part', after: { period: period.name, goalId: args.goalId, code: args.code, narrative: args.narrative } },
    )
  })
}

/**
 * Issues the draft as the next version: the document built now, frozen with its PDF. The first version needs every
 * goal coded; a later one is a correction and needs its reason. Parents are told (and mailed, as they chose).
 */
export async function issueReport(db: DB, args: { studentId: string; periodId: string; reason: string | null; actorId: string; now: Date; today: IsoDate }): Promise<{ version: number }> {
  const doc = await buildReport(db, args)
  if (doc.period.start > args.today) throw new DomainError('BAD_REQUEST', t('reports.issue.notStarted', { start: formatSchoolDate(doc.period.start) }))
  const missing = missingCodes(doc)
  if (missing.length) throw new DomainError('BAD_REQUEST', t('reports.issue.codesMissing', { count: missing.length }), 'code')
  const stale = doc.goals.filter((g) => g.code && !doc.codes.some((c) => c.key === g.code))
  if (stale.length) throw new DomainError('BAD_REQUEST', t('reports.issue.codesStale', { count: stale.length }), 'code')
  // The PDF is drawn before the write transaction opens: SQLite has one writer, and nobody else's save should wait
  // on a drawing. The transaction then checks that no other version was issued meanwhile.
  const existing = await reportRow(db, args.studentId, args.periodId)
  const lastBefore = existing ? await lastVersion(db, existing.id) : 0
  const version = lastBefore + 1
  const reason = args.reason?.trim() || null
  if (version > 1 && !reason) throw new DomainError('BAD_REQUEST', t('reports.issue.reasonRequired'), 'reason')
  const issuedAt = args.now.toISOString()
  const pdf = await renderProgressReportPdf(doc, { version, issuedAt, correctionReason: version > 1 ? reason : null })
  return db.transaction().execute(async (trx) => {
    const reportId = await ensureReport(trx, args)
    if ((await lastVersion(trx, reportId)) !== lastBefore) throw new DomainError('CONFLICT', t('reports.issue.issuedMeanwhile'))
    await trx
      .insertInto('progress_report_versions')
      .values({
        id: randomUUID(),
        report_id: reportId,
        version,
        content: JSON.stringify(doc),
        pdf,
        pdf_sha256: createHash('sha256').update(pdf).digest('hex'),
        correction_reason: version > 1 ? reason : null,
        issued_at: issuedAt,
        issued_by: args.actorId,
      })
      .execute()
    await recordChange(trx, args, {
      entity: 'progress_report',
      entityId: reportId,
      action: version > 1 ? 'correct' : 'issue',
      after: { period: doc.period.name, version, ...(version > 1 ? { reason } : {}) },
    })
    const parents = await trx
      .selectFrom('team_members')
      .select('user_id')
      .distinct()
      .where('student_id', '=', args.studentId)
      .where('role', '=', 'parent')
      .where('removed_at', 'is', null)
      .execute()
    const text = () =>
      version > 1
        ? t('reports.notice.corrected', { period: doc.period.name, version, reason: reason ?? '' })
        : t('reports.notice.issued', { period: doc.period.name })
    for (const p of parents) {
      await notify(trx, { userId: p.user_id, studentId: args.studentId, kind: 'progress_report', text, relatedId: reportId, actorId: args.actorId, subject: () => ({ service: doc.period.name }) }, args.now)
    }
    return { version }
  })
}

async function lastVersion(db: Executor, reportId: string): Promise<number> {
  const last = await db.selectFrom('progress_report_versions').select((eb) => eb.fn.max('version').as('v')).where('report_id', '=', reportId).executeTakeFirst()
  return Number(last?.v ?? 0)
}

async function versionRow(db: Executor, studentId: string, periodId: string, version: number) {
  const row = await db
    .selectFrom('progress_report_versions as v')
    .innerJoin('progress_reports as r', 'r.id', 'v.report_id')
    .select(['v.id', 'v.report_id', 'v.content', 'v.pdf', 'v.version'])
    .where('r.student_id', '=', studentId)
    .where('r.period_id', '=', periodId)
    .where('v.version', '=', version)
    .executeTakeFirst()
  if (!row) throw new DomainError('NOT_FOUND', t('reports.versionNotFound'))
  return row
}

/** An issued version exactly as it was issued. */
export async function issuedReport(db: DB, args: { studentId: string; periodId: string; version: number }): Promise<{ doc: ProgressReportDoc; versions: ReportVersionView[] }> {
  const row = await versionRow(db, args.studentId, args.periodId, args.version)
  return { doc: JSON.parse(row.content) as ProgressReportDoc, versions: await reportVersions(db, args.studentId, args.periodId) }
}

/** The PDF's bytes as stored at issue: the same bytes every time. */
export async function issuedPdf(db: DB, args: { studentId: string; periodId: string; version: number }): Promise<{ pdf: Uint8Array; fileName: string }> {
  const row = await versionRow(db, args.studentId, args.periodId, args.version)
  const doc = JSON.parse(row.content) as ProgressReportDoc
  const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '')
  return { pdf: new Uint8Array(row.pdf), fileName: `progress-report-${safe(doc.student.name)}-${safe(doc.period.name)}-v${row.version}.pdf` }
}

/** A parent read this version; the comment, if any, joins the record beside it. Once per parent per version. */
export async function acknowledgeReport(
  db: DB,
  args: { studentId: string; periodId: string; version: number; comment: string | null; actorId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await versionRow(trx, args.studentId, args.periodId, args.version)
    const done = await trx.selectFrom('progress_report_acks').select('user_id').where('version_id', '=', row.id).where('user_id', '=', args.actorId).executeTakeFirst()
    if (done) throw new DomainError('CONFLICT', t('reports.ack.already'))
    const comment = args.comment?.trim() || null
    await trx.insertInto('progress_report_acks').values({ version_id: row.id, user_id: args.actorId, acknowledged_at: args.now.toISOString(), comment }).execute()
    const doc = JSON.parse(row.content) as ProgressReportDoc
    await recordChange(trx, args, { entity: 'progress_report', entityId: row.report_id, action: 'acknowledge', after: { period: doc.period.name, version: row.version, comment } })
  })
}


