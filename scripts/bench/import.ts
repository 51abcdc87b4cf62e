/**
 * Benchmark for the plan import (docs/formats.md#plan-import, `same-page/plan@1`): a generated file with two school years of
 * session records for 5 services (every scheduled session recorded; some missed, the school's misses made up on
 * the next school day), imported end to end — read, validated, written in one transaction with its audit rows —
 * into a fresh database each run. The figure is the median of 3 runs.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { demoClosures } from '#server/demo/seed-calendar.ts'
import { importPlanFromJson } from '#server/services/plan-import.server.ts'
import { instructionalDaysBetween } from '#shared/school-calendar.ts'
import { weekdayOf } from '#shared/school-date.ts'

const FROM = '2024-09-03'
const TODAY = '2026-06-18'
const SERVICES = [
  { key: 'speech', name: 'Speech-language therapy', minutes: 30, weekdays: ['tue', 'thu'] },
  { key: 'ot', name: 'Occupational therapy', minutes: 45, weekdays: ['wed'] },
  { key: 'counseling', name: 'Counseling', minutes: 30, weekdays: ['mon'] },
  { key: 'pt', name: 'Physical therapy', minutes: 30, weekdays: ['fri'] },
  { key: 'reading', name: 'Specialized reading instruction', minutes: 45, weekdays: ['mon', 'wed', 'fri'] },
] as const
const REASONS = ['provider_absent', 'staff_vacancy', 'student_absent', 'scheduling_conflict'] as const

/** A small deterministic PRNG so every run imports the same file. */
function prng(seed: number) {
  let s = seed
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

/** The plan file's text, and how many session records it holds. */
export function generatePlan(): { json: string; sessions: number } {
  const rand = prng(7)
  const closures = [...demoClosures(2024), ...demoClosures(2025)]
  const closed = new Set(closures.map((c) => c.date))
  const days = instructionalDaysBetween(FROM, TODAY, closed)
  const sessions: Record<string, unknown>[] = []
  for (const s of SERVICES) {
    const held = days.filter((d) => (s.weekdays as readonly string[]).includes(weekdayOf(d)))
    for (const date of held) {
      const r = rand()
      if (r < 0.08) {
        const reason = REASONS[Math.floor(rand() * REASONS.length)]!
        sessions.push({ service: s.key, date, status: 'missed', reason, note: 'Generated miss.' })
        const next = days[days.indexOf(date) + 1]
        if (next && reason !== 'student_absent') sessions.push({ service: s.key, date: next, status: 'make_up', minutes: s.minutes, repays: date })
      } else sessions.push({ service: s.key, date, status: 'delivered', minutes: r < 0.12 ? s.minutes - 10 : s.minutes })
    }
  }
  const plan = {
    format: 'same-page/plan@1',
    school: { name: 'Import Bench School', closures },
    student: { externalId: 'BENCH-1', name: 'Bench Student', grade: 5 },
    team: [
      { email: 'cm@bench.example', role: 'case_manager' },
      ...SERVICES.map((s) => ({ email: `${s.key}@bench.example`, role: 'provider' })),
      { email: 'parent@family.example', role: 'parent' },
    ],
    goals: [
      {
        area: 'communication',
        officialText: 'Given a visual choice board, the student will request a break using an AAC device in 4 of 5 opportunities.',
        plain: { means: 'Asks for a break.', looksLike: 'Taps BREAK.', adultsHelp: 'Point once, then wait.', measure: 'Count out of 5 chances.' },
        baseline: '1 of 5',
        target: '4 of 5',
      },
    ],
    accommodations: [{ title: 'Break card', description: 'A 3-minute break on request.', category: 'regulation', applies: { kind: 'daily' }, startDate: FROM }],
    services: SERVICES.map((s) => ({
      key: s.key,
      name: s.name,
      providerEmail: `${s.key}@bench.example`,
      minutesPerSession: s.minutes,
      weekdays: s.weekdays,
      setting: 'pull-out',
      group: false,
      startDate: FROM,
      endDate: TODAY,
    })),
    sessions,
  }
  return { json: JSON.stringify(plan, null, 2), sessions: sessions.length }
}

async function importOnce(json: string): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-import-bench-'))
  const { db, sqlite } = openDatabase(path.join(dir, 'import.db'))
  try {
    await migrateToLatest(db)
    const at = new Date().toISOString()
    const schoolId = randomUUID()
    const adminId = randomUUID()
    // No school year set: the file spans two of them.
    sqlite.prepare('insert into schools (id, name, created_at) values (?, ?, ?)').run(schoolId, 'Import Bench School', at)
    const user = sqlite.prepare('insert into users (id, email, name, password_hash, created_at) values (?, ?, ?, ?, ?)')
    user.run(adminId, 'admin@bench.example', 'Bench admin', 'x', at)
    // The file's staff already work at the school (on another student's team), so they join at once and may
    // provide services (shared/team-join.ts); a school with no staff would turn them into invites.
    const existingStudent = randomUUID()
    sqlite.prepare('insert into students (id, school_id, name, grade, created_at) values (?, ?, ?, ?, ?)').run(existingStudent, schoolId, 'Existing Student', 4, at)
    const member = sqlite.prepare('insert into team_members (id, student_id, user_id, role, added_at) values (?, ?, ?, ?, ?)')
    const staff = [{ email: 'cm@bench.example', name: 'Bench case manager', role: 'case_manager' }, ...SERVICES.map((s) => ({ email: `${s.key}@bench.example`, name: `${s.name} provider`, role: 'provider' }))]
    for (const person of staff) {
      const id = randomUUID()
      user.run(id, person.email, person.name, 'x', at)
      member.run(randomUUID(), existingStudent, id, person.role, at)
    }
    sqlite.prepare("insert into school_roles (id, school_id, user_id, role, created_at) values (?, ?, ?, 'school_admin', ?)").run(randomUUID(), schoolId, adminId, at)
    const started = performance.now()
    await importPlanFromJson(db, json, { schoolId, actorId: adminId, now: new Date(`${TODAY}T15:00:00`) })
    return performance.now() - started
  } finally {
    await db.destroy()
    if (sqlite.open) sqlite.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchImport(): Promise<Record<string, number>> {
  const { json } = generatePlan()
  const times: number[] = []
  for (let i = 0; i < 3; i++) times.push(await importOnce(json))
  return { 'import: 2 years × 5 services, ms': Math.round(median(times)) }
}
