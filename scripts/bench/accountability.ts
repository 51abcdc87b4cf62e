/**
 * Benchmark for the accountability views (issues #6 and #20): a generated school — 2,000 students with 3 services
 * each and a full school year of session records, and (without --quick) a district-sized one of 20,000 — then the
 * median time of the student view, a case manager's caseload and the school view, each against one plain SQL query
 * over the same data in the same run (the ratio says what the docs/formats.md rules cost over raw aggregation).
 * The views read kept numbers (docs/performance.md): "cold" is the first view after the numbers changed (computed
 * from the records), the medians are the kept path every later view takes.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { demoClosures } from '#server/demo/seed-calendar.ts'
import { caseload, studentAccountability } from '#server/services/accountability.server.ts'
import { instructionalDaysBetween } from '#shared/school-calendar.ts'
import { weekdayOf } from '#shared/school-date.ts'

const SERVICES = [
  { key: 'speech', name: 'Speech-language therapy', minutes: 30, weekdays: ['tue', 'thu'] },
  { key: 'ot', name: 'Occupational therapy', minutes: 45, weekdays: ['wed'] },
  { key: 'counseling', name: 'Counseling', minutes: 30, weekdays: ['mon'] },
] as const
const REASONS = ['provider_absent', 'staff_vacancy', 'student_absent', 'scheduling_conflict', 'student_declined']

/** A small deterministic PRNG so every run measures the same district. */
function prng(seed: number) {
  let s = seed
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648)
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

async function time<T>(runs: number, fn: () => Promise<T> | T): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    times.push(performance.now() - started)
  }
  return median(times)
}

export async function benchAccountability(opts: { quick?: boolean } = {}): Promise<Record<string, string | number>> {
  const school = await benchSchool(2000)
  if (opts.quick) return school
  return { ...school, ...(await benchSchool(20_000)) }
}

export async function benchSchool(STUDENTS: number): Promise<Record<string, string | number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-district-'))
  const { db, sqlite } = openDatabase(path.join(dir, 'district.db'))
  await migrateToLatest(db)
  const rand = prng(42)
  const at = new Date().toISOString()
  const schoolId = randomUUID()
  const yearStart = '2025-08-31'
  const asOf = '2026-06-18'
  const closures = demoClosures(2025)
  const closureDates = new Set(closures.map((c) => c.date))
  const days = instructionalDaysBetween('2025-09-01', asOf, closureDates)

  const generate = sqlite.transaction(() => {
    sqlite.prepare('insert into schools (id, name, created_at, year_start, year_end) values (?, ?, ?, ?, ?)').run(schoolId, 'District Bench School', at, yearStart, asOf)
    const closure = sqlite.prepare('insert into school_closures (id, school_id, date, label, created_at) values (?, ?, ?, ?, ?)')
    for (const c of closures) closure.run(randomUUID(), schoolId, c.date, c.label, at)
    const user = sqlite.prepare('insert into users (id, email, name, password_hash, created_at) values (?, ?, ?, ?, ?)')
    const providers = SERVICES.map((s) => {
      const id = randomUUID()
      user.run(id, `${s.key}@bench.example`, `${s.name} provider`, 'x', at)
      return id
    })
    const adminId = randomUUID()
    user.run(adminId, 'admin@bench.example', 'Bench admin', 'x', at)
    const caseManagerId = randomUUID()
    user.run(caseManagerId, 'cm@bench.example', 'Bench case manager', 'x', at)
    const caseManaged = sqlite.prepare("insert into team_members (id, student_id, user_id, role, added_at) values (?, ?, ?, 'case_manager', ?)")
    sqlite.prepare("insert into school_roles (id, school_id, user_id, role, created_at) values (?, ?, ?, 'school_admin', ?)").run(randomUUID(), schoolId, adminId, at)
    const student = sqlite.prepare('insert into students (id, school_id, name, grade, created_at) values (?, ?, ?, ?, ?)')
    const member = sqlite.prepare("insert into team_members (id, student_id, user_id, role, added_at) values (?, ?, ?, 'provider', ?)")
    const service = sqlite.prepare(
      "insert into services (id, student_id, key, name, provider_id, setting, grouping, start_date, end_date, created_at) values (?, ?, ?, ?, ?, 'pull-out', 'individual', '2025-09-01', ?, ?)",
    )
    const term = sqlite.prepare('insert into service_terms (id, service_id, effective_from, minutes_per_session, weekdays, created_at) values (?, ?, ?, ?, ?, ?)')
    const record = sqlite.prepare(
      'insert into session_records (id, record_id, version, service_id, student_id, date, kind, minutes, reason, recorded_at) values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)',
    )
    const studentIds: string[] = []
    for (let i = 0; i < STUDENTS; i++) {
      const studentId = randomUUID()
      studentIds.push(studentId)
      student.run(studentId, schoolId, `Student ${String(i + 1).padStart(5, '0')}`, 3, at)
      if (i < 30) caseManaged.run(randomUUID(), studentId, caseManagerId, at)
      SERVICES.forEach((s, k) => {
        member.run(randomUUID(), studentId, providers[k]!, at)
        const serviceId = randomUUID()
        service.run(serviceId, studentId, s.key, s.name, providers[k]!, asOf, at)
        term.run(randomUUID(), serviceId, '2025-09-01', s.minutes, JSON.stringify(s.weekdays), at)
        for (const date of days) {
          if (!(s.weekdays as readonly string[]).includes(weekdayOf(date))) continue
          const r = rand()
          if (r < 0.05) continue // unrecorded
          if (r < 0.13) record.run(randomUUID(), randomUUID(), serviceId, studentId, date, 'missed', null, REASONS[Math.floor(rand() * REASONS.length)], at)
          else record.run(randomUUID(), randomUUID(), serviceId, studentId, date, 'delivered', r < 0.15 ? s.minutes - 10 : s.minutes, null, at)
        }
      })
    }
    return { studentIds, adminId, caseManagerId }
  })
  // The kept numbers' triggers are set aside while the year is generated (a restore or an import of this size would
  // be one write per student, not per record) and put back before anything is measured.
  const triggers = sqlite.prepare("select name, sql from sqlite_master where type = 'trigger' and name like 'numbers_%'").all() as { name: string; sql: string }[]
  for (const trigger of triggers) sqlite.exec(`drop trigger ${trigger.name}`)
  const started = performance.now()
  const { studentIds, adminId, caseManagerId } = generate()
  const generatedIn = performance.now() - started
  for (const trigger of triggers) sqlite.exec(trigger.sql)
  const recordCount = (sqlite.prepare('select count(*) as n from session_records').get() as { n: number }).n

  const sample = Array.from({ length: 50 }, (_, i) => studentIds[(i * 37) % studentIds.length]!)
  const tag = STUDENTS >= 10_000 ? 'district' : 'school'
  const out: Record<string, string | number> = {}
  const r1 = (n: number) => Math.round(n * 10) / 10
  const r3 = (n: number) => Math.round(n * 1000) / 1000

  // The school view first: cold (every number computed from the records and kept), then kept.
  const coldStarted = performance.now()
  await caseload(db, { userId: adminId, asOf, scope: { schoolId } })
  const schoolCold = performance.now() - coldStarted
  const schoolView = await time(5, () => caseload(db, { userId: adminId, asOf, scope: { schoolId } }))
  const plainSchool = sqlite.prepare(
    "select sr.service_id, sum(case when sr.kind in ('delivered','make_up') then sr.minutes else 0 end) as delivered, sum(sr.kind = 'missed') as missed from session_records sr join students s on s.id = sr.student_id where s.school_id = ? and sr.date <= ? group by sr.service_id",
  )
  const schoolSql = await time(5, () => plainSchool.all(schoolId, asOf))
  out[`${tag}: students × services, session records`] = `${STUDENTS} × ${SERVICES.length}, ${recordCount}`
  out[`${tag}: generated in s`] = r1(generatedIn / 1000)
  out[`${tag} view: cold (first view after a change to every student) ms`] = r1(schoolCold)
  out[`${tag} view: median ms (5 runs)`] = r1(schoolView)
  out[`${tag} view: plain SQL median ms`] = r1(schoolSql)
  out[`${tag} view: ratio to plain SQL`] = r3(schoolView / schoolSql)

  if (tag === 'school') {
    let k = 0
    const coldTimes: number[] = []
    for (const id of sample) {
      const started = performance.now()
      await studentAccountability(db, id, asOf)
      coldTimes.push(performance.now() - started)
    }
    const studentView = await time(50, () => studentAccountability(db, sample[k++ % sample.length]!, asOf))
    // The plain baseline: delivered minutes and misses per service, one aggregate query, no calendar rules.
    const plainStudent = sqlite.prepare(
      "select service_id, sum(case when kind in ('delivered','make_up') then minutes else 0 end) as delivered, sum(kind = 'missed') as missed from session_records where student_id = ? and date <= ? group by service_id",
    )
    k = 0
    const studentSql = await time(50, () => plainStudent.all(sample[k++ % sample.length]!, asOf))
    out['student view: cold median ms (50 students, computed from the records)'] = r1(median(coldTimes))
    out['student view: median ms (50 students)'] = r3(studentView)
    out['student view: plain SQL median ms'] = r3(studentSql)
    out['student view: ratio to plain SQL'] = r1(studentView / studentSql)

    // A case manager's caseload of 30 students: after one of them changed (a session recorded), then kept.
    const write = sqlite.prepare("update session_records set minutes = minutes where student_id = ? and rowid = (select min(rowid) from session_records where student_id = ?)")
    const changedTimes: number[] = []
    for (let i = 0; i < 10; i++) {
      write.run(studentIds[i % 30], studentIds[i % 30])
      const started = performance.now()
      await caseload(db, { userId: caseManagerId, asOf, scope: 'mine' })
      changedTimes.push(performance.now() - started)
    }
    out['caseload (30 students): median ms after one student changed'] = r1(median(changedTimes))
    out['caseload (30 students): median ms'] = r1(await time(20, () => caseload(db, { userId: caseManagerId, asOf, scope: 'mine' })))
  }

  await db.destroy()
  if (sqlite.open) sqlite.close()
  fs.rmSync(dir, { recursive: true, force: true })
  return out
}
