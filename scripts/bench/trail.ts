/**
 * Benchmark for the trail (issue 12, item 6): audit and access rows written by a day of demo use, simulated through
 * the same tRPC callers the pages use (each "page" calls what its loader calls, an action revalidates its page), and
 * the time `npm run audit:verify` takes to walk the chains: median of 5 runs on that day's database, and on a
 * database with a school year of such days (the day's rows × 180). Run with `npm run bench`, or alone:
 * `npx tsx scripts/bench/trail.ts`.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import SQLite from 'better-sqlite3'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { type DemoUserKey, seedDemo } from '#server/demo/seed.ts'
import { hashPassword } from '#server/auth/password.server.ts'
import { appendChained, verifyTrail } from '#server/services/audit-chain.server.ts'
import { createContext } from '#server/trpc/context.server.ts'
import { createCaller } from '#server/trpc/_app.server.ts'

const DAY = '2026-11-17' // a Tuesday: Johnny's speech day

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

function timeVerify(file: string): { ms: number; rows: number } {
  const runs: number[] = []
  let rows = 0
  for (let i = 0; i < 5; i++) {
    const sqlite = new SQLite(file, { readonly: true })
    const started = performance.now()
    const reports = verifyTrail(sqlite)
    runs.push(performance.now() - started)
    rows = reports.reduce((n, r) => n + r.rows, 0)
    if (reports.some((r) => r.broken)) throw new Error('The chain broke during the bench.')
    sqlite.close()
  }
  return { ms: median(runs), rows }
}

export async function benchTrail(): Promise<Record<string, string | number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-bench-trail-'))
  const file = path.join(dir, 'day.db')
  const { db, sqlite } = openDatabase(file)
  await migrateToLatest(db)
  const demo = await seedDemo(db, hashPassword, new Date(`${DAY}T07:00:00`))
  const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  const start = { audit: count('audit_log'), access: count('access_log') }

  let clock = new Date(`${DAY}T07:55:00`)
  const at = (hhmm: string) => (clock = new Date(`${DAY}T${hhmm}:00`))
  const tick = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000))
  const users = Object.fromEntries(
    (sqlite.prepare('select id, email, name, language from users').all() as { id: string; email: string; name: string; language: 'en' | 'es' }[]).map((u) => [u.id, u]),
  )
  const as = (key: DemoUserKey) => createCaller(createContext({ db, user: users[demo.users[key]]!, now: () => clock }))
  const johnny = { studentId: demo.johnnyId }

  // Each page: what its loader calls (app/routes/*), so the rows are the rows a browser visit makes.
  const home = async (key: DemoUserKey) => {
    const c = as(key)
    await c.students.mine()
    await c.schools.mine()
    await Promise.all([c.notifications.mine({ unseen: true }), c.notifications.alerts()])
  }
  const studentPage = async (key: DemoUserKey, studentId = demo.johnnyId) => {
    const c = as(key)
    const s = { studentId }
    const student = await c.students.get(s)
    await Promise.all([c.profiles.get(s), c.goals.list(s), c.accommodations.list(s), c.team.list(s), c.team.history(s), c.checks.fidelity(s), c.services.list(s)])
    if (student.role === 'case_manager') await c.team.pendingInvites(s)
    if (student.role !== 'school_admin') await c.notebooks.list(s)
  }

  // 08:00 the para opens Today and marks each student's supports through the morning (each mark revalidates Today).
  await home('para')
  at('08:00')
  let view = await as('para').today.forMe({})
  let marks = 0
  for (const [slot, hhmm] of [['morning', '08:30'], ['afternoon', '13:30']] as const) {
    at(hhmm)
    for (const student of view.students) {
      if (!student.canRecord) continue
      for (const a of student.accommodations) {
        if (a.applicability !== 'applies' || (slot === 'afternoon' && marks % 3)) continue
        await as('para').checks.record({ studentId: student.id, accommodationId: a.id, date: DAY, status: 'used', clientId: randomUUID() })
        marks++
        tick(40)
        view = await as('para').today.forMe({})
      }
    }
  }
  at('10:15')
  const sitGoal = { ...johnny, goalId: demo.sitGoalId }
  for (const value of [12, 15]) {
    await as('para').progress.add({ ...sitGoal, date: DAY, value, promptLevel: 'verbal', regulation: 'calm' })
    tick(600)
  }

  // 09:00 the speech provider opens the week, records today's sessions, opens Johnny's page.
  at('09:00')
  await home('speech')
  let week = await as('speech').sessions.week({})
  let sessions = 0
  for (const student of week.students) {
    for (const svc of student.services) {
      for (const row of svc.rows) {
        if (row.date !== DAY || row.record) continue
        tick(1800)
        await as('speech').sessions.record({ studentId: student.id, serviceId: svc.service.id, kind: 'delivered', date: DAY, minutes: row.mandateMinutes })
        sessions++
        week = await as('speech').sessions.week({})
      }
    }
  }
  at('11:30')
  await studentPage('speech')

  // 12:30 the case manager: caseload, Johnny's page, his history and numbers, the meeting brief.
  at('12:30')
  await home('caseManager')
  await as('caseManager').accountability.caseload({})
  tick(90)
  await studentPage('caseManager')
  tick(120)
  await as('caseManager').team.history(johnny)
  await as('caseManager').goals.list(johnny)
  tick(90)
  await as('caseManager').accountability.student(johnny)
  tick(300)
  await as('caseManager').brief.get(johnny)
  tick(600)
  await studentPage('caseManager', demo.mayaId)

  // 19:30 the parent reads at home: Johnny's page, the numbers, the concern log, who opened the records.
  at('19:30')
  await home('parent')
  await studentPage('parent')
  tick(120)
  await as('parent').accountability.student(johnny)
  tick(120)
  await as('parent').concerns.list(johnny)
  tick(60)
  await as('parent').access.list(johnny)

  const day = { audit: count('audit_log') - start.audit, access: count('access_log') - start.access }
  await db.destroy()
  const dayVerify = timeVerify(file)

  // A school year of such days: the day's rows × 180, appended through the chain helper.
  const yearFile = path.join(dir, 'year.db')
  fs.copyFileSync(file, yearFile)
  const year = openDatabase(yearFile)
  const template = year.sqlite.prepare('select at, actor_id, student_id, entity, entity_id, action, before, after from audit_log order by id desc limit ?').all(Math.max(day.audit, 1)) as Record<string, unknown>[]
  const accessTemplate = year.sqlite.prepare('select at, user_id, role, student_id, what, via from access_log order by id desc limit ?').all(Math.max(day.access, 1)) as Record<string, unknown>[]
  for (let d = 0; d < 179; d++) {
    await year.db.transaction().execute(async (trx) => {
      await appendChained(trx, 'audit_log', template as never)
      await appendChained(trx, 'access_log', accessTemplate as never)
    })
  }
  await year.db.destroy()
  const yearVerify = timeVerify(yearFile)
  fs.rmSync(dir, { recursive: true, force: true })

  return {
    'trail: simulated day (para marks, progress points, provider sessions)': `${marks} checks, 2 progress points, ${sessions} sessions`,
    'trail: audit rows for a day of demo use': day.audit,
    'trail: access rows for a day of demo use': day.access,
    'trail: audit:verify of that day’s database, median of 5 (ms)': `${dayVerify.ms.toFixed(1)} ms over ${dayVerify.rows} rows`,
    'trail: audit:verify of a school year of such days, median of 5 (ms)': `${yearVerify.ms.toFixed(0)} ms over ${yearVerify.rows} rows`,
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [name, value] of Object.entries(await benchTrail())) console.log(`${name}: ${value}`)
}
