/**
 * Benchmark for progress reports (issue #18): one student with 8 goals and a whole school year of data (3 points
 * a week per goal, 4 services recorded twice a week, 3 accommodations checked daily), then the median time to
 * build the draft of the last quarter (every service's numbers over the year, twice) and of the first, and the
 * median time to issue a version (build, PDF, store), with the stored PDF's size.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { demoClosures } from '#server/demo/seed-calendar.ts'
import { buildReport, issueReport } from '#server/services/progress-reports.server.ts'
import { listPeriods } from '#server/services/reporting-periods.server.ts'
import { quartersOf } from '#shared/reporting-periods.ts'
import { instructionalDaysBetween } from '#shared/school-calendar.ts'
import { weekdayOf } from '#shared/school-date.ts'
import { medianMs } from './measure.ts'

const GOALS = 8
const SERVICES = [
  { key: 'speech', minutes: 30, weekdays: ['tue', 'thu'] },
  { key: 'ot', minutes: 45, weekdays: ['wed', 'fri'] },
  { key: 'counseling', minutes: 30, weekdays: ['mon', 'wed'] },
  { key: 'reading', minutes: 45, weekdays: ['tue', 'thu'] },
] as const

export async function benchReportDraft(): Promise<Record<string, string | number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-report-'))
  const { db, sqlite } = openDatabase(path.join(dir, 'report.db'))
  await migrateToLatest(db)
  const at = new Date().toISOString()
  const yearStart = '2025-08-31'
  const yearEnd = '2026-06-18'
  const closures = demoClosures(2025)
  const days = instructionalDaysBetween(yearStart, yearEnd, new Set(closures.map((c) => c.date)))
  const ids = { school: randomUUID(), student: randomUUID(), cm: randomUUID() }

  sqlite.transaction(() => {
    sqlite.prepare('insert into schools (id, name, created_at, year_start, year_end) values (?, ?, ?, ?, ?)').run(ids.school, 'Bench School', at, yearStart, yearEnd)
    const closure = sqlite.prepare('insert into school_closures (id, school_id, date, label, created_at) values (?, ?, ?, ?, ?)')
    for (const c of closures) closure.run(randomUUID(), ids.school, c.date, c.label, at)
    sqlite.prepare('insert into users (id, email, name, password_hash, created_at) values (?, ?, ?, ?, ?)').run(ids.cm, 'cm@bench.example', 'Case Manager', 'x', at)
    sqlite.prepare('insert into students (id, school_id, name, grade, created_at) values (?, ?, ?, ?, ?)').run(ids.student, ids.school, 'Bench Student', 3, at)
    sqlite.prepare("insert into team_members (id, student_id, user_id, role, added_at) values (?, ?, ?, 'case_manager', ?)").run(randomUUID(), ids.student, ids.cm, at)
    const period = sqlite.prepare('insert into reporting_periods (id, school_id, name, start_date, end_date, created_at) values (?, ?, ?, ?, ?, ?)')
    for (const q of quartersOf(yearStart, yearEnd)) period.run(randomUUID(), ids.school, q.name, q.start, q.end, at)
    const goal = sqlite.prepare('insert into goals (id, student_id, position, created_at, created_by) values (?, ?, ?, ?, ?)')
    const version = sqlite.prepare(
      `insert into goal_versions (id, goal_id, version, area, official_text, plain_means, plain_looks_like, plain_adults_help, plain_measure, baseline, target, unit, mastery, created_at, created_by)
       values (?, ?, 1, 'behavior', ?, ?, ?, ?, ?, '8 minutes', '20 minutes', 'minutes', ?, ?, ?)`,
    )
    const point = sqlite.prepare(
      "insert into progress_points (id, goal_id, student_id, date, value, prompt_level, regulation, note, recorded_by, recorded_at) values (?, ?, ?, ?, ?, 'verbal', ?, '', ?, ?)",
    )
    for (let g = 0; g < GOALS; g++) {
      const goalId = randomUUID()
      goal.run(goalId, ids.student, g + 1, at, ids.cm)
      version.run(randomUUID(), goalId, `Official goal ${g + 1}, as written in the IEP.`, 'What it means.', 'What it looks like.', 'How adults help.', 'How it is measured.', JSON.stringify({ threshold: 20, consecutive: 3, independentOnly: false }), at, ids.cm)
      days.forEach((day, i) => {
        if (['mon', 'wed', 'fri'].includes(weekdayOf(day))) point.run(randomUUID(), goalId, ids.student, day, 8 + Math.round((i / days.length) * 14), i % 7 === 0 ? 'dysregulated' : i % 3 === 0 ? 'uneasy' : 'calm', ids.cm, at)
      })
    }
    const service = sqlite.prepare(
      "insert into services (id, student_id, key, name, provider_id, setting, grouping, start_date, end_date, created_at) values (?, ?, ?, ?, ?, 'pull-out', 'individual', ?, ?, ?)",
    )
    const term = sqlite.prepare('insert into service_terms (id, service_id, effective_from, minutes_per_session, weekdays, created_at) values (?, ?, ?, ?, ?, ?)')
    const record = sqlite.prepare(
      'insert into session_records (id, record_id, version, service_id, student_id, date, kind, minutes, reason, recorded_at) values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)',
    )
    for (const s of SERVICES) {
      const serviceId = randomUUID()
      service.run(serviceId, ids.student, s.key, s.key, ids.cm, yearStart, yearEnd, at)
      term.run(randomUUID(), serviceId, yearStart, s.minutes, JSON.stringify(s.weekdays), at)
      days.forEach((day, i) => {
        if (!(s.weekdays as readonly string[]).includes(weekdayOf(day))) return
        const missed = i % 11 === 0
        record.run(randomUUID(), randomUUID(), serviceId, ids.student, day, missed ? 'missed' : 'delivered', missed ? null : s.minutes, missed ? 'provider_absent' : null, at)
      })
    }
    const accommodation = sqlite.prepare('insert into accommodations (id, student_id, created_at, created_by) values (?, ?, ?, ?)')
    const accVersion = sqlite.prepare(
      "insert into accommodation_versions (id, accommodation_id, version, title, description, category, applies, start_date, created_at, created_by) values (?, ?, 1, ?, 'd', 'setting', ?, ?, ?, ?)",
    )
    const check = sqlite.prepare(
      "insert into accommodation_checks (id, client_id, accommodation_id, student_id, date, status, recorded_by, recorded_at, late) values (?, ?, ?, ?, ?, 'used', ?, ?, 0)",
    )
    for (let a = 0; a < 3; a++) {
      const accId = randomUUID()
      accommodation.run(accId, ids.student, at, ids.cm)
      accVersion.run(randomUUID(), accId, `Support ${a + 1}`, JSON.stringify({ kind: 'daily' }), yearStart, at, ids.cm)
      for (const day of days) check.run(randomUUID(), randomUUID(), accId, ids.student, day, ids.cm, at)
    }
  })()

  const [q1, , , q4] = await listPeriods(db, ids.school)
  const draftQ4 = await medianMs(15, () => buildReport(db, { studentId: ids.student, periodId: q4!.id, today: yearEnd }))
  const draftQ1 = await medianMs(15, () => buildReport(db, { studentId: ids.student, periodId: q1!.id, today: yearEnd }))
  const doc = await buildReport(db, { studentId: ids.student, periodId: q4!.id, today: yearEnd })
  // Issuing needs every goal coded; the bench writes the parts straight to the table.
  const reportId = randomUUID()
  sqlite.prepare('insert into progress_reports (id, student_id, period_id, created_at) values (?, ?, ?, ?)').run(reportId, ids.student, q4!.id, at)
  for (const g of doc.goals) sqlite.prepare("insert into progress_report_parts (report_id, goal_id, code, narrative, updated_at) values (?, ?, 'sufficient', 'Steady progress this quarter.', ?)").run(reportId, g.goalId, at)
  let n = 0
  const issue = await medianMs(9, () => issueReport(db, { studentId: ids.student, periodId: q4!.id, reason: n++ ? 'Bench correction' : null, actorId: ids.cm, now: new Date(`${yearEnd}T15:00:00Z`), today: yearEnd }))
  const size = (sqlite.prepare('select length(pdf) as n from progress_report_versions order by version desc limit 1').get() as { n: number }).n
  sqlite.close()
  fs.rmSync(dir, { recursive: true, force: true })
  return {
    'report draft, 8 goals × a year of data, last quarter (median ms)': Math.round(draftQ4 * 10) / 10,
    'report draft, first quarter (median ms)': Math.round(draftQ1 * 10) / 10,
    'report issue: build + PDF + store (median ms)': Math.round(issue * 10) / 10,
    'report PDF stored (KB)': Math.round(size / 102.4) / 10,
  }
}
