/**
 * Pages under load (issue #20, part 4): the production server as a child process (`node --import tsx
 * server/index.ts`, NODE_ENV=production, its own fresh database), and at the same time
 *   - 50 signed-in readers, each request with its own session: 20 on Today (the demo para), 15 on the student
 *     page (the demo parent, their own child), 10 on the accountability JSON (the case manager) and 5 on the
 *     school view (the school admin's school accountability page);
 *   - 20 writers through the app's own tRPC mutations: 10 recording accommodation checks (the para, each a new
 *     tap with its own change id on one of the last school days) and 10 correcting session records (the speech
 *     provider, each correction a new version with its own note).
 * Each group's p50/p99 latency, request count, non-2xx answers and connection errors come from autocannon; a
 * SQLITE_BUSY (or "database is locked") that reaches a person is counted from 5xx bodies and the server's log.
 *
 * Data: the demo team, plus a generated school around it (EXTRA_STUDENTS more students, each with six daily
 * supports and four weeks of checks, all on the case manager's caseload; five of them on the para's, so Today
 * shows eight students as in the Today bench). `quick` runs ~5 s instead of 30 s.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { migrateToLatest, openDatabase, type DB } from '#db/client.server.ts'
import { seedDemo, type DemoIds } from '#server/demo/seed.ts'
import { createLucia } from '#server/auth/lucia.server.ts'
import { SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import { hashPassword } from '#server/auth/password.server.ts'
import { closureSet, closuresForSchool } from '#server/services/calendar.server.ts'
import { lastInstructionalDays, RECORDING_WINDOW } from '#shared/school-calendar.ts'
import { localIsoDate } from '#shared/school-date.ts'

const EXTRA_STUDENTS = 300
const CHECK_DAYS = 20
const READERS = { today: 20, student: 15, json: 10, school: 5 }
const WRITERS = { checks: 10, corrections: 10 }
const BUSY = /SQLITE_BUSY|database is locked/i
/** Each page alone: requests to warm up, then requests timed (their median is reported). */
const ALONE = { warmUp: 20, timed: 21 }

interface Fixture {
  demo: DemoIds
  /** Session ids per person, one per simulated client. */
  sessions: Record<'para' | 'parent' | 'caseManager' | 'admin' | 'speech', string[]>
  /** The para's students' daily supports and the school days a check may be recorded for. */
  checkTargets: { studentId: string; accommodationId: string }[]
  checkDays: string[]
  /** Johnny's speech records the speech provider corrects. */
  speechRecords: string[]
  schoolDay: string
}

export async function benchLoad(buildDir: string, opts: { quick?: boolean } = {}): Promise<Record<string, string | number>> {
  const seconds = opts.quick ? 5 : 30
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-bench-load-'))
  const file = path.join(dir, 'load.db')
  const fixture = await prepare(file)
  const server = await startServer(buildDir, file)
  try {
    const origin = `http://127.0.0.1:${server.port}`
    const { demo, sessions } = fixture
    // One of each first, so a broken page fails the bench instead of measuring fast refusals.
    await expectOk(origin, `/today?date=${fixture.schoolDay}`, sessions.para[0]!, 'Bench Student 5')
    await expectOk(origin, `/students/${demo.johnnyId}`, sessions.parent[0]!, 'Johnny')
    await expectOk(origin, `/api/students/${demo.johnnyId}/accountability`, sessions.caseManager[0]!, 'same-page/accountability@1')
    await expectOk(origin, `/school/${demo.schoolId}/accountability`, sessions.admin[0]!, 'Johnny')

    // Each page alone first, warmed up: what a request costs when nothing else is running.
    const alone: Record<string, number> = {
      'Today (para)': await medianAlone(origin, `/today?date=${fixture.schoolDay}`, sessions.para[0]!),
      'Student page (parent)': await medianAlone(origin, `/students/${demo.johnnyId}`, sessions.parent[0]!),
      'Accountability JSON (case manager)': await medianAlone(origin, `/api/students/${demo.johnnyId}/accountability`, sessions.caseManager[0]!),
      'School view (admin)': await medianAlone(origin, `/school/${demo.schoolId}/accountability`, sessions.admin[0]!),
    }

    const busyBodies = { count: 0 }
    let check = 0
    let correction = 0
    const runs = {
      'Today (para)': reader(origin, seconds, READERS.today, `/today?date=${fixture.schoolDay}`, sessions.para.slice(0, READERS.today), busyBodies),
      'Student page (parent)': reader(origin, seconds, READERS.student, `/students/${demo.johnnyId}`, sessions.parent, busyBodies),
      'Accountability JSON (case manager)': reader(origin, seconds, READERS.json, `/api/students/${demo.johnnyId}/accountability`, sessions.caseManager, busyBodies),
      'School view (admin)': reader(origin, seconds, READERS.school, `/school/${demo.schoolId}/accountability`, sessions.admin, busyBodies),
      'Writes: accommodation checks (para)': writer(origin, seconds, WRITERS.checks, 'checks.record', sessions.para, busyBodies, () => {
        const n = check++
        const target = fixture.checkTargets[n % fixture.checkTargets.length]!
        const date = fixture.checkDays[Math.floor(n / fixture.checkTargets.length) % fixture.checkDays.length]!
        const status = (['used', 'not_needed', 'declined'] as const)[n % 3]
        return { ...target, date, status, clientId: `load-${randomUUID()}` }
      }),
      'Writes: session corrections (speech)': writer(origin, seconds, WRITERS.corrections, 'sessions.correct', sessions.speech, busyBodies, () => {
        const n = correction++
        const recordId = fixture.speechRecords[n % fixture.speechRecords.length]!
        return { studentId: demo.johnnyId, recordId, note: `Load test note ${n}`, changeReason: `Load test correction ${n}` }
      }),
    }
    const results = Object.fromEntries(await Promise.all(Object.entries(runs).map(async ([name, run]) => [name, await run] as const)))

    const out: Record<string, string | number> = {
      'Load: data': `demo team + ${EXTRA_STUDENTS} generated students (${CHECK_DAYS} days of checks each); para sees 8 students`,
      'Load: seconds': seconds,
    }
    for (const [name, ms] of Object.entries(alone)) out[`Alone ${name}: median ms (${ALONE.timed} requests one at a time, after ${ALONE.warmUp} to warm up)`] = ms
    for (const [name, r] of Object.entries(results)) {
      out[`Load ${name}: requests`] = r.requests.total
      out[`Load ${name}: p50 ms`] = r.latency.p50
      out[`Load ${name}: p99 ms`] = r.latency.p99
      out[`Load ${name}: non-2xx`] = r.non2xx
      out[`Load ${name}: errors`] = r.errors
    }
    const writes = results['Writes: accommodation checks (para)']!['2xx'] + results['Writes: session corrections (speech)']!['2xx']
    out['Load writes: accepted per second (20 writers)'] = Math.round((writes / seconds) * 10) / 10
    out['Load: SQLITE_BUSY reaching a response (5xx bodies)'] = busyBodies.count
    out['Load: SQLITE_BUSY or "database is locked" in the server log'] = server.log().split('\n').filter((l) => BUSY.test(l)).length
    const failures = server.log().split('\n').filter((l) => /failed|error/i.test(l)).slice(0, 5)
    if (failures.length) out['Load: first server errors'] = failures.join(' | ')
    return out
  } finally {
    await server.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The fresh database: the demo, the generated school, and a session per simulated client. */
export async function prepare(file: string): Promise<Fixture> {
  const { db, sqlite } = openDatabase(file)
  try {
    await migrateToLatest(db)
    const demo = await seedDemo(db, hashPassword)
    await generateSchool(db, demo)
    const schoolDay = lastInstructionalDays(localIsoDate(new Date()), 1, closureSet(await closuresForSchool(db, demo.schoolId)))[0]!
    const lucia = createLucia(db)
    const sessionsFor = async (userId: string, n: number) => {
      const ids: string[] = []
      for (let i = 0; i < n; i++) ids.push((await lucia.createSession(userId, {})).id)
      return ids
    }
    const sessions = {
      para: await sessionsFor(demo.users.para, READERS.today + WRITERS.checks),
      parent: await sessionsFor(demo.users.parent, READERS.student),
      caseManager: await sessionsFor(demo.users.caseManager, READERS.json),
      admin: await sessionsFor(demo.users.admin, READERS.school),
      speech: await sessionsFor(demo.users.speech, WRITERS.corrections),
    }
    const checkTargets = await dailySupportsOfPara(db, demo.users.para)
    // The last school days, inside the recording window (today may be a weekend: then the days before it).
    const checkDays = lastInstructionalDays(localIsoDate(new Date()), RECORDING_WINDOW, closureSet(await closuresForSchool(db, demo.schoolId)))
    const speechRecords = (
      await db
        .selectFrom('session_records')
        .select('record_id')
        .where('service_id', '=', demo.speechServiceId)
        .where('kind', '!=', 'make_up')
        .where('voided', '=', 0)
        .where('version', '=', 1)
        .execute()
    ).map((r) => r.record_id)
    if (speechRecords.length === 0 || checkTargets.length === 0) throw new Error('The demo has no speech records or daily supports to write to')
    return { demo, sessions, checkTargets, checkDays, speechRecords, schoolDay }
  } finally {
    await db.destroy()
    sqlite.close()
  }
}

/** EXTRA_STUDENTS more students at the demo school, in one transaction (a second, not a minute). */
async function generateSchool(db: DB, demo: DemoIds): Promise<void> {
  const at = new Date().toISOString()
  const closures = closureSet(await closuresForSchool(db, demo.schoolId))
  const days = lastInstructionalDays(localIsoDate(new Date()), CHECK_DAYS, closures)
  const statuses = ['used', 'used', 'used', 'not_needed', 'declined'] as const
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < EXTRA_STUDENTS; i++) {
      const studentId = randomUUID()
      await trx
        .insertInto('students')
        .values({ id: studentId, school_id: demo.schoolId, name: `Bench Student ${i + 1}`, preferred_name: null, grade: 1 + (i % 5), external_id: null, created_at: at })
        .execute()
      const team = [{ user: demo.users.caseManager, role: 'case_manager' as const }, ...(i < 5 ? [{ user: demo.users.para, role: 'para' as const }] : [])]
      for (const m of team) {
        await trx
          .insertInto('team_members')
          .values({ id: randomUUID(), student_id: studentId, user_id: m.user, role: m.role, added_at: at, added_by: null, removed_at: null, removed_by: null })
          .execute()
      }
      for (const kind of ['communication', 'regulation'] as const) {
        await trx
          .insertInto('profile_versions')
          .values({ id: randomUUID(), student_id: studentId, kind, version: 1, content: JSON.stringify({ whatHelps: 'A quiet word.' }), created_at: at, created_by: demo.users.caseManager })
          .execute()
      }
      for (let a = 0; a < 6; a++) {
        const id = randomUUID()
        await trx.insertInto('accommodations').values({ id, student_id: studentId, created_at: at, created_by: demo.users.caseManager }).execute()
        await trx
          .insertInto('accommodation_versions')
          .values({ id: randomUUID(), accommodation_id: id, version: 1, title: `Support ${a + 1}`, description: 'Plain words.', category: 'regulation', applies: '{"kind":"daily"}', start_date: '2020-01-01', created_at: at, created_by: demo.users.caseManager })
          .execute()
        const checks = days.map((date, d) => ({
          id: randomUUID(),
          client_id: `seed-${randomUUID()}`,
          accommodation_id: id,
          student_id: studentId,
          date,
          status: statuses[(i + a + d) % statuses.length]!,
          kind: 'record' as const,
          reason: null,
          recorded_by: demo.users.caseManager,
          recorded_at: `${date}T15:00:00.000Z`,
          late: 0,
        }))
        await trx.insertInto('accommodation_checks').values(checks).execute()
      }
    }
  })
}

async function dailySupportsOfPara(db: DB, paraId: string): Promise<{ studentId: string; accommodationId: string }[]> {
  const rows = await db
    .selectFrom('accommodation_versions as v')
    .innerJoin('accommodations as a', 'a.id', 'v.accommodation_id')
    .innerJoin('team_members as m', 'm.student_id', 'a.student_id')
    .select(['a.student_id', 'a.id', 'v.applies', 'v.version'])
    .where('m.user_id', '=', paraId)
    .where('m.removed_at', 'is', null)
    .where('v.start_date', '<=', '2020-01-01')
    .execute()
  const latest = new Map<string, { studentId: string; accommodationId: string; applies: string; version: number }>()
  for (const r of rows) {
    const seen = latest.get(r.id)
    if (!seen || seen.version < r.version) latest.set(r.id, { studentId: r.student_id, accommodationId: r.id, applies: r.applies, version: r.version })
  }
  return [...latest.values()].filter((r) => r.applies === '{"kind":"daily"}').map(({ studentId, accommodationId }) => ({ studentId, accommodationId }))
}

interface RunningServer {
  port: number
  log(): string
  stop(): Promise<void>
}

/** `server/index.ts` as production runs it (WATCHDOG=0's path), on a free port, its output kept for the busy count. */
export async function startServer(buildDir: string, file: string): Promise<RunningServer> {
  const root = path.resolve(import.meta.dirname, '../..')
  // BENCH_LOAD_NODE_ARGS: flags for the server's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes.
  const nodeArgs = (process.env.BENCH_LOAD_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, 'server/index.ts')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', DATABASE_PATH: file, BUILD_DIR: buildDir, SAME_PAGE_NOW: '', SAME_PAGE_TEST_CLOCK: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on http:\/\/localhost:(\d+)/.exec(output)
      if (m) {
        clearInterval(timer)
        resolve(Number(m[1]))
      } else if (child.exitCode !== null) {
        clearInterval(timer)
        reject(new Error(`The server stopped before listening:\n${output}`))
      }
    }, 50)
  })
  return {
    port,
    log: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

async function expectOk(origin: string, url: string, session: string, text: string): Promise<void> {
  const res = await fetch(origin + url, { headers: { cookie: `${SESSION_COOKIE}=${session}` } })
  const body = await res.text()
  if (res.status !== 200 || !body.includes(text)) throw new Error(`GET ${url} answered ${res.status} without "${text}": ${body.slice(0, 300)}`)
}

async function medianAlone(origin: string, url: string, session: string): Promise<number> {
  const get = async () => {
    const started = performance.now()
    const res = await fetch(origin + url, { headers: { cookie: `${SESSION_COOKIE}=${session}` } })
    await res.text()
    return performance.now() - started
  }
  // The first requests of a fresh server run cold code (JIT, prepared statements): warm up before timing.
  for (let i = 0; i < ALONE.warmUp; i++) await get()
  const times: number[] = []
  for (let i = 0; i < ALONE.timed; i++) times.push(await get())
  return Math.round(times.sort((a, b) => a - b)[Math.floor(ALONE.timed / 2)]! * 10) / 10
}

/**
 * autocannon resets a connection's context after each request, so sessions are dealt round-robin per request: with
 * as many sessions as connections, each is in use by one request at a time on average.
 */
function reader(origin: string, seconds: number, connections: number, url: string, sessions: string[], busy: { count: number }) {
  let next = 0
  return autocannon({
    url: origin,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'GET',
        path: url,
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: `${SESSION_COOKIE}=${sessions[next++ % sessions.length]}` } }),
        onResponse: (status, body) => countBusy(status, body, busy),
      },
    ],
  })
}

function writer(origin: string, seconds: number, connections: number, procedure: string, sessions: string[], busy: { count: number }, input: () => object) {
  let next = 0
  // The writers' sessions are the last ones of the list (the para's first ones read Today).
  const own = sessions.slice(-connections)
  return autocannon({
    url: origin,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: `/api/trpc/${procedure}`,
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, cookie: `${SESSION_COOKIE}=${own[next++ % own.length]}`, origin, 'content-type': 'application/json' },
          body: JSON.stringify(input()),
        }),
        onResponse: (status, body) => {
          countBusy(status, body, busy)
          if (status !== 200 && writeRefusals.length < 3) writeRefusals.push(`${procedure} ${status}: ${body.slice(0, 200)}`)
        },
      },
    ],
  })
}

/** The first few refused writes, printed so a bench that writes nothing says why. */
const writeRefusals: string[] = []
process.on('exit', () => {
  if (writeRefusals.length) console.error(`Refused writes (first ${writeRefusals.length}):\n${writeRefusals.join('\n')}`)
})

function countBusy(status: number, body: string, busy: { count: number }): void {
  // The app answers a held lock 503 in its own words (server/http/busy.server.ts); a raw one would be a 500.
  if (status >= 500 && (status === 503 || BUSY.test(body))) busy.count++
}
