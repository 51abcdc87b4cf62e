/**
 * Benchmark for the weekly digest (issue 16): a school of 300 students, each with three services, a year of session
 * records and a parent on the team; then the digest pass on a Friday evening, which builds and queues one weekly
 * email per parent from the same accountability numbers the app shows. Median of 3 passes (the queued digests are
 * cleared between passes, or the second would find them all sent). Run with `npm run bench`, or alone:
 * `npx tsx scripts/bench/digests.ts`.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { demoClosures } from '#server/demo/seed-calendar.ts'
import { runDigestPass } from '#server/services/digests.server.ts'
import { instructionalDaysBetween } from '#shared/school-calendar.ts'
import { weekdayOf } from '#shared/school-date.ts'

const STUDENTS = 300
const SERVICES = [
  { key: 'speech', name: 'Speech-language therapy', minutes: 30, weekdays: ['tue', 'thu'] },
  { key: 'ot', name: 'Occupational therapy', minutes: 45, weekdays: ['wed'] },
  { key: 'counseling', name: 'Counseling', minutes: 30, weekdays: ['mon'] },
] as const

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

export async function benchDigests(): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-digests-'))
  const { db, sqlite } = openDatabase(path.join(dir, 'school.db'))
  await migrateToLatest(db)
  const at = new Date().toISOString()
  const schoolId = randomUUID()
  const asOf = '2026-06-12' // a Friday
  const closures = demoClosures(2025)
  const days = instructionalDaysBetween('2025-09-01', asOf, new Set(closures.map((c) => c.date)))
  let n = 0
  sqlite.transaction(() => {
    sqlite.prepare('insert into schools (id, name, created_at, year_start, year_end) values (?, ?, ?, ?, ?)').run(schoolId, 'Digest Bench School', at, '2025-08-31', '2026-06-19')
    const closure = sqlite.prepare('insert into school_closures (id, school_id, date, label, created_at) values (?, ?, ?, ?, ?)')
    for (const c of closures) closure.run(randomUUID(), schoolId, c.date, c.label, at)
    const user = sqlite.prepare('insert into users (id, email, name, password_hash, created_at) values (?, ?, ?, ?, ?)')
    const providers = SERVICES.map((s) => {
      const id = randomUUID()
      user.run(id, `${s.key}@bench.example`, `${s.name} provider`, 'x', at)
      return id
    })
    const student = sqlite.prepare('insert into students (id, school_id, name, grade, created_at) values (?, ?, ?, ?, ?)')
    const member = sqlite.prepare('insert into team_members (id, student_id, user_id, role, added_at) values (?, ?, ?, ?, ?)')
    const service = sqlite.prepare(
      "insert into services (id, student_id, key, name, provider_id, setting, grouping, start_date, end_date, created_at) values (?, ?, ?, ?, ?, 'pull-out', 'individual', '2025-09-01', '2026-06-19', ?)",
    )
    const term = sqlite.prepare('insert into service_terms (id, service_id, effective_from, minutes_per_session, weekdays, created_at) values (?, ?, ?, ?, ?, ?)')
    const record = sqlite.prepare(
      'insert into session_records (id, record_id, version, service_id, student_id, date, kind, minutes, reason, recorded_at) values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)',
    )
    for (let i = 0; i < STUDENTS; i++) {
      const studentId = randomUUID()
      student.run(studentId, schoolId, `Student ${String(i + 1).padStart(3, '0')}`, 3, at)
      const parentId = randomUUID()
      user.run(parentId, `parent${i}@family.example`, `Parent ${i}`, 'x', at)
      member.run(randomUUID(), studentId, parentId, 'parent', at)
      SERVICES.forEach((s, k) => {
        member.run(randomUUID(), studentId, providers[k]!, 'provider', at)
        const serviceId = randomUUID()
        service.run(serviceId, studentId, s.key, s.name, providers[k]!, at)
        term.run(randomUUID(), serviceId, '2025-09-01', s.minutes, JSON.stringify(s.weekdays), at)
        for (const date of days) {
          if (!(s.weekdays as readonly string[]).includes(weekdayOf(date))) continue
          n++
          if (n % 9 === 0) record.run(randomUUID(), randomUUID(), serviceId, studentId, date, 'missed', null, 'provider_absent', at)
          else record.run(randomUUID(), randomUUID(), serviceId, studentId, date, 'delivered', s.minutes, null, at)
        }
      })
    }
  })()

  const friday = new Date(`${asOf}T16:00:00`)
  const runs: number[] = []
  let weekly = 0
  for (let run = 0; run < 3; run++) {
    sqlite.prepare('delete from mail_outbox').run()
    const started = performance.now()
    weekly = (await runDigestPass(db, friday)).weekly
    runs.push(performance.now() - started)
  }
  await db.destroy()
  if (sqlite.open) sqlite.close()
  fs.rmSync(dir, { recursive: true, force: true })
  if (weekly !== STUDENTS) throw new Error(`Expected ${STUDENTS} weekly digests, queued ${weekly}.`)
  const ms = median(runs)
  return {
    'digests: weekly digests for a school of 300 students, built and queued, median of 3 (ms)': `${ms.toFixed(0)} ms for ${weekly} digests`,
    'digests: per student (ms)': (ms / weekly).toFixed(1),
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [name, value] of Object.entries(await benchDigests())) console.log(`${name}: ${value}`)
}
