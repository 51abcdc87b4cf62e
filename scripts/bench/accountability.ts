/**
 * Benchmark for the accountability views (issue #6): a generated district — 2,000 students with 3 services
 * each and a full school year of session records — then the median time of the student view and the school
 * view, each against one plain SQL query over the same data in the same run (the ratio says what the
 * docs/formats.md rules cost over raw aggregation).
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

const STUDENTS = 2000
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

export async function benchAccountability(): Promise<Record<string, string | number>> {
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
      student.run(studentId, schoolId, `Student ${String(i + 1).padStart(4, '0')}`, 3, at)
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
    return { studentIds, adminId }
  })
  const started = performance.now()
  const { studentIds, adminId } = generate()
  const generatedIn = performance.now() - started
  const recordCount = (sqlite.prepare('select count(*) as n from session_records').get() as { n: number }).n

  const sample = Array.from({ length: 50 }, (_, i) => studentIds[(i * 37) % studentIds.length]!)
  let k = 0
  const studentView = await time(50, () => studentAccountability(db, sample[k++ % sample.length]!, asOf))
  // The plain baseline: delivered minutes and misses per service, one aggregate query, no calendar rules.
  const plainStudent = sqlite.prepare(
    "select service_id, sum(case when kind in ('delivered','make_up') then minutes else 0 end) as delivered, sum(kind = 'missed') as missed from session_records where student_id = ? and date <= ? group by service_id",
  )
  k = 0
  const studentSql = await time(50, () => plainStudent.all(sample[k++ % sample.length]!, asOf))

  const schoolView = await time(5, () => caseload(db, { userId: adminId, asOf, scope: { schoolId } }))
  const plainSchool = sqlite.prepare(
    "select sr.service_id, sum(case when sr.kind in ('delivered','make_up') then sr.minutes else 0 end) as delivered, sum(sr.kind = 'missed') as missed from session_records sr join students s on s.id = sr.student_id where s.school_id = ? and sr.date <= ? group by sr.service_id",
  )
  const schoolSql = await time(5, () => plainSchool.all(schoolId, asOf))

  await db.destroy()
  if (sqlite.open) sqlite.close()
  fs.rmSync(dir, { recursive: true, force: true })
  const r1 = (n: number) => Math.round(n * 10) / 10
  return {
    'district: students × services, session records': `${STUDENTS} × ${SERVICES.length}, ${recordCount}`,
    'district: generated in s': r1(generatedIn / 1000),
    'student view: median ms (50 students)': r1(studentView),
    'student view: plain SQL median ms': r1(studentSql),
    'student view: ratio to plain SQL': r1(studentView / studentSql),
    'school view: median ms (5 runs)': r1(schoolView),
    'school view: plain SQL median ms': r1(schoolSql),
    'school view: ratio to plain SQL': r1(schoolView / schoolSql),
  }
}
