import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import type { Server } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { DEMO_USERS, type DemoUserKey } from '#server/demo/seed.ts'
import { createApp } from '#server/app.server.ts'
import { SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import { acceptInviteAsUser, describeInvite } from '#server/services/invites.server.ts'
import { IMPORT_ACCOUNT, importPlan, importPlanFromJson } from '#server/services/plan-import.server.ts'
import { isDomainError } from '#shared/domain-error.ts'
import { isPlanImportError } from '#shared/plan-import/errors.ts'
import { validatePlanText } from '#shared/plan-import/validate.ts'
import { seedDemoTeam, type Demo } from '#tests/fixtures/demo.ts'
import { baseUrl, closeServer, listenOnFreePort } from '#tests/setup/http-server.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { countRows, createTestDb, type TestDb } from '#tests/setup/test-db.ts'
import { trpcError } from './call.ts'

// Friday 16 October 2026, 3 p.m.: the demo school year is 2026-08-31 to 2027-06-18 and docs/examples/plan-ava.json's
// records (8 September to 15 October) are all in the past.
const NOW = new Date('2026-10-16T15:00:00')
const EXAMPLE = fs.readFileSync(path.resolve('docs/examples/plan-ava.json'), 'utf8')

interface PlanJson {
  school: { name: string; closures: { date: string; label: string }[] }
  student: Record<string, unknown>
  team: { email: string; role: string }[]
  services: Record<string, unknown>[]
  sessions: Record<string, unknown>[]
  accommodationChecks: Record<string, unknown>[]
}

/** The example with one change, as the text a person would paste. */
function exampleWith(change: (plan: PlanJson) => void): string {
  const plan = JSON.parse(EXAMPLE) as PlanJson
  change(plan)
  return JSON.stringify(plan, null, 2)
}

/** A closure the demo school does not have yet (the example names only closures the demo school has, so that a case manager can import it). */
const NEW_CLOSURE = '2027-02-12'
const WITH_NEW_CLOSURE = exampleWith((p) => p.school.closures.push({ date: NEW_CLOSURE, label: 'Teacher workday' }))
const OAK_PARENT = 'parent@oak.example'
const OAK_TEACHER = 'teacher@oak.example'
const onlyKnownClosures = () => exampleWith((p) => (p.school.closures = p.school.closures.filter((c) => c.date !== NEW_CLOSURE)))

describe('plan import (imports.plan and importPlan)', () => {
  const { t, demo } = useDemoDb({ now: NOW })

  const tables = () =>
    (t.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'").all() as { name: string }[])
      .map((r) => r.name)
      .sort()
  /** Every table's row count, to prove what an import wrote (or that it wrote nothing). */
  const counts = () => Object.fromEntries(tables().map((table) => [table, countRows(t.sqlite, table)]))
  const importAs = (user: DemoUserKey | null, json: string, schoolId = demo.schoolId) => demo.callerFor(user, NOW).imports.plan({ schoolId, json })

  describe('who may import', () => {
    test.each(['admin', 'caseManager'] as const)('%s (school admin, or case manager of the school) may', async (user) => {
      // The case manager's file names only closures the school already has (see below).
      const result = await importAs(user, user === 'admin' ? EXAMPLE : onlyKnownClosures())
      expect(result.studentId).toEqual(expect.any(String))
      expect(result.invites.map((i) => [i.email, i.role])).toEqual([['maria.lopez@family.example', 'parent']])
      const student = await demo.callerFor(user, NOW).students.get({ studentId: result.studentId })
      expect(student).toMatchObject({ name: 'Ava Lopez', grade: 4, schoolId: demo.schoolId })
    })

    test.each(['para', 'parent', 'speech'] as const)('%s may not: NOT_FOUND, naming nothing, writing nothing', async (user) => {
      const before = counts()
      const error = await trpcError(importAs(user, EXAMPLE))
      expect(error.code).toBe('NOT_FOUND')
      expect(error.message).not.toContain('Maple')
      expect(counts()).toEqual(before)
      // The page's query is behind the same gate.
      expect((await trpcError(demo.callerFor(user, NOW).imports.school({ schoolId: demo.schoolId }))).code).toBe('NOT_FOUND')
    })

    test('signed out: UNAUTHORIZED, writing nothing', async () => {
      const before = counts()
      expect((await trpcError(importAs(null, EXAMPLE))).code).toBe('UNAUTHORIZED')
      expect(counts()).toEqual(before)
    })

    test('a school that is not theirs is NOT_FOUND', async () => {
      expect((await trpcError(importAs('admin', EXAMPLE, 'no-such-school'))).code).toBe('NOT_FOUND')
    })

    test('another school that exists: its case managers and admin only; Maple’s case manager and admin get NOT_FOUND', async () => {
      t.sqlite.prepare("insert into schools (id, name, created_at) values ('oak', 'Oak Middle', '2026-08-01T00:00:00.000Z')").run()
      const json = exampleWith((p) => (p.school.name = 'Oak Middle'))
      const before = counts()
      for (const user of ['caseManager', 'admin'] as const) {
        const error = await trpcError(importAs(user, json, 'oak'))
        expect([error.code, error.message], user).toEqual(['NOT_FOUND', 'School not found.'])
        expect((await trpcError(demo.callerFor(user, NOW).imports.school({ schoolId: 'oak' }))).code).toBe('NOT_FOUND')
      }
      expect(counts()).toEqual(before)
    })

    test('a case manager’s file cannot add a closure to the school calendar (the school admin’s); nothing is written', async () => {
      const before = counts()
      const error = await trpcError(importAs('caseManager', WITH_NEW_CLOSURE))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message.split('\n')).toEqual([
        `school.closures[3]: "${NEW_CLOSURE}" is not a closure on Maple Elementary’s calendar, and only the school admin adds closures: a date the school already has expected (ask the school admin to add it, or leave it out)`,
      ])
      expect(counts()).toEqual(before)
      // Closures the school already has are fine, and the school admin may add new ones.
      await importAs('caseManager', onlyKnownClosures())
      await importAs('admin', WITH_NEW_CLOSURE.replace('"S-1001"', '"S-2003"'))
      expect(t.sqlite.prepare('select count(*) as n from school_closures where school_id = ? and date = ?').get(demo.schoolId, NEW_CLOSURE)).toEqual({ n: 1 })
    })

    test('imports.school names the school for the page', async () => {
      expect(await demo.callerFor('caseManager', NOW).imports.school({ schoolId: demo.schoolId })).toEqual({ id: demo.schoolId, name: 'Maple Elementary' })
    })

    test('a case manager who imports a student they are not listed for joins as its case manager', async () => {
      const json = exampleWith((p) => {
        p.team = p.team.filter((m) => m.email !== DEMO_USERS.caseManager.email)
        p.school.closures = p.school.closures.filter((c) => c.date !== NEW_CLOSURE)
      })
      const { studentId } = await importAs('caseManager', json)
      const team = await demo.callerFor('caseManager', NOW).team.list({ studentId })
      expect(team.find((m) => m.email === DEMO_USERS.caseManager.email)?.role).toBe('case_manager')
      // A school admin sees the school's students anyway, so is not added.
      const other = await importAs('admin', exampleWith((p) => (p.student.externalId = 'S-2002')))
      expect((await demo.callerFor('admin', NOW).team.list({ studentId: other.studentId })).map((m) => m.email)).not.toContain(DEMO_USERS.admin.email)
    })
  })

  test('the IEP dates are optional and additive: a file without them imports as before; bad ones are refused at their path', async () => {
    const withDates = JSON.parse(EXAMPLE) as Record<string, unknown>
    const { iep, ...older } = withDates
    expect(iep).toBeDefined()
    const { studentId } = await importAs('admin', JSON.stringify(older))
    expect(t.sqlite.prepare('select count(*) as n from iep_plans where student_id = ?').get(studentId)).toEqual({ n: 0 })
    expect((await demo.callerFor('admin', NOW).iepCalendar.get({ studentId })).plan).toBeNull()
    const bad = { ...withDates, student: { name: 'Bea Lopez' }, iep: { startDate: '2026-09-15', endDate: '2026-09-01' } }
    const error = await trpcError(importAs('admin', JSON.stringify(bad)))
    expect(error.message).toContain('iep.endDate')
  })

  test('docs/examples/plan-ava.json imports, creating exactly the expected rows', async () => {
    const before = counts()
    const { studentId, invites } = await importAs('admin', EXAMPLE)
    const after = counts()
    const added = Object.fromEntries(
      Object.keys(after)
        .map((table) => [table, after[table]! - before[table]!])
        .filter(([, n]) => n !== 0),
    )
    expect(added).toEqual({
      students: 1,
      team_members: 4, // case manager, speech, OT, para; the parent has no account yet
      invites: 1,
      mail_outbox: 1, // the parent's invite, by mail
      goals: 2,
      goal_versions: 2,
      accommodations: 4,
      accommodation_versions: 4,
      services: 2,
      service_terms: 2,
      session_records: 20,
      accommodation_checks: 10,
      iep_plans: 1, // the file's IEP dates (docs/iep-calendar.md)
      numbers_generations: 1, // the new student's numbers changed (docs/performance.md)
      // no school_closures: Labor Day, Indigenous Peoples’ Day and Thanksgiving are already closures
      audit_log: 1 + 1 + 4 + 1 + 2 + 4 + 2 + 20 + 10, // student, IEP dates, members, invite, goals, accommodations, services, sessions, checks
    })

    // Everything is version 1, and every row is the admin's.
    expect(t.sqlite.prepare('select distinct version from session_records where student_id = ?').all(studentId)).toEqual([{ version: 1 }])
    expect(t.sqlite.prepare('select count(*) as n from goal_versions where version = 1 and created_by = ?').get(demo.users.admin)).toEqual({ n: 2 })
    const audit = t.sqlite.prepare("select distinct actor_id, json_extract(after, '$.source') as source from audit_log where at = ?").all(NOW.toISOString())
    expect(audit).toEqual([{ actor_id: demo.users.admin, source: 'same-page/plan@1 import' }])
    expect((t.sqlite.prepare("select count(*) as n from audit_log where student_id = ? and entity = 'session_record'").get(studentId) as { n: number }).n).toBe(20)

    // What the team reads back through the app.
    const admin = demo.callerFor('admin', NOW)
    const speech = demo.callerFor('speech', NOW)
    expect((await admin.goals.list({ studentId })).map((g) => [g.area, g.version, g.unit, g.mastery.threshold])).toEqual([
      ['communication', 1, 'count', 4],
      ['reading', 1, 'minutes', 90],
    ])
    const services = await speech.services.list({ studentId })
    expect(services.map((s) => [s.key, s.providerName, s.current.minutesPerSession, s.current.weekdays, s.grouping, s.groupName])).toEqual([
      ['ot', 'Jordan Lee', 45, ['wed'], 'group', 'Wednesday motor group'],
      ['speech', 'Priya Shah', 30, ['tue', 'thu'], 'individual', null],
    ])
    const log = await speech.sessions.log({ studentId })
    expect(log).toHaveLength(20)
    expect(log.filter((r) => r.kind === 'make_up').map((r) => [r.serviceName, r.date, r.minutes, r.repaysDate])).toEqual([
      ['Speech-language therapy', '2026-09-11', 30, '2026-09-10'],
      ['Occupational therapy', '2026-10-02', 20, '2026-09-30'],
    ])
    const team = await admin.team.list({ studentId })
    expect(team.map((m) => [m.email, m.role])).toEqual([
      [DEMO_USERS.caseManager.email, 'case_manager'],
      [DEMO_USERS.speech.email, 'provider'],
      [DEMO_USERS.ot.email, 'provider'],
      [DEMO_USERS.para.email, 'para'],
    ])
    const checks = t.sqlite.prepare('select client_id, late from accommodation_checks where student_id = ?').all(studentId) as { client_id: string; late: number }[]
    expect(checks.every((c) => /^import-[A-Za-z0-9-]+$/.test(c.client_id) && c.late === 0)).toBe(true)

    // The invite link works, once, for the parent's email.
    expect(invites).toHaveLength(1)
    expect(await describeInvite(t.db, invites[0]!.token, NOW)).toMatchObject({ status: 'valid', email: 'maria.lopez@family.example', role: 'parent', studentName: 'Ava Lopez' })

    // The numbers see the imported record: speech's provider-absent miss was made up in full.
    const numbers = await admin.accountability.student({ studentId, asOf: '2026-10-16' })
    const speechNumbers = numbers.services.find((s) => s.key === 'speech')!
    expect(speechNumbers.sessions).toMatchObject({ missed: 2, madeUp: 1 })
    expect(speechNumbers.ledger.minutesMadeUp).toBe(30)
  })

  test('an invalid file with three errors lists all three and writes nothing', async () => {
    const json = exampleWith((p) => {
      p.services[0]!.weekdays = ['tue', 'fri day']
      p.sessions[4]!.service = 'spech'
      p.accommodationChecks[0]!.status = 'skipped'
    })
    const before = counts()
    const error = await trpcError(importAs('admin', json))
    expect(error.code).toBe('BAD_REQUEST')
    const lines = [
      'services[0].weekdays[1]: "fri day" is not a weekday: "mon"…"fri" expected',
      'sessions[4].service: "spech" is not a service key in this file: "speech", "ot" expected',
      'accommodationChecks[0].status: "skipped" is not a check status: "used", "not_needed", "not_provided", "declined" expected',
    ]
    expect(error.message.split('\n')).toEqual(lines)
    expect(isPlanImportError(error.cause) && error.cause.errors.map((e) => `${e.path}: ${e.message}`)).toEqual(lines)
    expect(counts()).toEqual(before)
  })

  test('problems only the database can see are all listed too, and nothing is written', async () => {
    // Ava is already imported; the same file again is refused by her external id.
    await importAs('admin', EXAMPLE)
    const json = exampleWith((p) => {
      p.school.name = 'Oak Elementary'
      p.team.push({ email: 'new.slp@maple.example', role: 'provider' })
      p.services[1]!.providerEmail = 'new.slp@maple.example'
      p.school.closures = p.school.closures.filter((c) => c.date !== '2026-10-12')
      p.sessions.push({ service: 'speech', date: '2026-10-12', status: 'make_up', minutes: 10, repays: '2026-09-24' })
      p.services[0]!.startDate = '2026-08-03'
    })
    expect(validatePlanText(json, { today: '2026-10-16' }).ok).toBe(true)
    const before = counts()
    const error = await trpcError(importAs('admin', json))
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.message.split('\n')).toEqual([
      'school.name: "Oak Elementary" does not match the school you are importing into: "Maple Elementary" expected',
      'student.externalId: "S-1001" is already a student at Maple Elementary: an id no other student has expected (was this file imported before?)',
      expect.stringMatching(/^services\[1\]\.providerEmail: "new.slp@maple.example" is not on staff at Maple Elementary in a role that joins this team at once/),
      'services[0].startDate: "2026-08-03" is outside Maple Elementary’s school year (2026-08-31 to 2027-06-18): a start date in the school year expected',
      'sessions[20].date: "2026-10-12" is a closure at Maple Elementary (Indigenous Peoples’ Day): a school day expected',
    ])
    expect(counts()).toEqual(before)
  })

  test('the size limit is the procedure’s too', async () => {
    const error = await trpcError(importAs('admin', ' '.repeat(5 * 1024 * 1024 + 1)))
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.message).toMatch(/larger than 5 MB/)
  })

  test('a database failure half-way rolls everything back', async () => {
    // The checks are written last: by then the student, team, plan, services and sessions are in the transaction.
    t.sqlite.exec("create trigger fail_checks before insert on accommodation_checks begin select raise(abort, 'disk trouble'); end")
    const before = counts()
    await expect(importPlanFromJson(t.db, EXAMPLE, { schoolId: demo.schoolId, actorId: demo.users.admin, now: NOW })).rejects.toThrow(/disk trouble/)
    expect(counts()).toEqual(before)
    t.sqlite.exec('drop trigger fail_checks')
    await importPlanFromJson(t.db, EXAMPLE, { schoolId: demo.schoolId, actorId: demo.users.admin, now: NOW })
    expect(countRows(t.sqlite, 'students')).toBe(before.students! + 1)
  })

  test('importPlanFromJson validates first and writes nothing for an invalid file', async () => {
    const before = counts()
    const error = await importPlanFromJson(t.db, '{"format": "same-page/plan@1"', { schoolId: demo.schoolId, actorId: null, now: NOW }).catch((e: unknown) => e)
    expect(isPlanImportError(error) && error.errors).toEqual([{ path: '', message: expect.stringMatching(/^is not valid JSON/) }])
    expect(counts()).toEqual(before)
  })

  test('with nobody signed in (the command line), audit rows name no actor and say where the import came from', async () => {
    const validation = validatePlanText(EXAMPLE, { today: '2026-10-16' })
    if (!validation.ok) throw new Error('the example must validate')
    const source = 'command line: npm run import -- plan-ava.json'
    const { studentId, invites } = await importPlan(t.db, { plan: validation.plan, schoolId: demo.schoolId, actorId: null, now: NOW, source })
    const rows = t.sqlite.prepare('select actor_id, after from audit_log where at = ? order by id').all(NOW.toISOString()) as { actor_id: string | null; after: string }[]
    expect(rows.length).toBe(46) // the 45 of a signed-in import, and the import account's creation
    expect(rows.every((r) => r.actor_id === null && (JSON.parse(r.after) as { source: string }).source === source)).toBe(true)
    // Rows that must name an author name the import account, which nobody can sign in as.
    expect(t.sqlite.prepare('select name, password_hash from users where id = ?').get(IMPORT_ACCOUNT.id)).toEqual({ name: IMPORT_ACCOUNT.name, password_hash: '!' })
    expect((await demo.callerFor('admin', NOW).goals.list({ studentId }))[0]!.updatedBy).toBe(IMPORT_ACCOUNT.name)
    expect(await describeInvite(t.db, invites[0]!.token, NOW)).toMatchObject({ inviterName: IMPORT_ACCOUNT.name })
    // A second command-line import reuses the account.
    await importPlan(t.db, { plan: { ...validation.plan, student: { name: 'Ava Lopez', externalId: 'S-3003' } }, schoolId: demo.schoolId, actorId: null, now: NOW, source })
    expect(countRows(t.sqlite, 'users')).toBe(Object.keys(DEMO_USERS).length + 1)
  })
})

describe('imports.plan over HTTP', () => {
  let t: TestDb
  let demo: Demo
  let server: Server
  let base: string
  let cookie: string
  beforeEach(async () => {
    t = createTestDb()
    demo = await seedDemoTeam(t)
    const { app, lucia } = createApp({ db: t.db, trustProxy: false })
    server = await listenOnFreePort(app)
    base = baseUrl(server)
    cookie = `${SESSION_COOKIE}=${(await lucia.createSession(demo.users.admin, {})).id}`
  })
  afterEach(async () => {
    await closeServer(server)
    await t.close()
  })

  test('a refused file is a 400 whose error data lists every problem with its path', async () => {
    const before = countRows(t.sqlite, 'students')
    const json = JSON.stringify({ format: 'same-page/plan@2', school: { name: 'Maple Elementary' }, student: { name: 'Ava Lopez', grade: 'four' }, goals: {} })
    const res = await fetch(`${base}/api/trpc/imports.plan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie },
      body: JSON.stringify({ schoolId: demo.schoolId, json }),
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { message: string; data: { code: string; planErrors: { path: string; message: string }[] } } }
    expect(body.error.data.code).toBe('BAD_REQUEST')
    expect(body.error.data.planErrors).toEqual([
      { path: 'format', message: '"same-page/plan@2" is not a supported format: "same-page/plan@1" expected' },
      { path: 'student.grade', message: '"four" is not a number: a whole number 0–12 expected (0 for kindergarten)' },
      { path: 'goals', message: '{} is not a list: a list of goals expected' },
    ])
    expect(body.error.message.split('\n')).toHaveLength(3)
    expect(countRows(t.sqlite, 'students')).toBe(before)
  })

  test('one client may call imports.plan 20 times in 10 minutes; then 429 with Retry-After, before anything is read', async () => {
    const call = () =>
      fetch(`${base}/api/trpc/imports.plan`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base, cookie },
        body: JSON.stringify({ schoolId: demo.schoolId, json: '{}' }),
      })
    for (let i = 0; i < 20; i++) expect((await call()).status, `call ${i}`).toBe(400)
    const res = await call()
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(500)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^Too many requests from here\. Wait \d+ minutes, then try again\.$/)
  })
})

// Each case starts a process (npm, then tsx): slower than the rest, hence the longer timeout.
describe('npm run import', { timeout: 60_000 }, () => {
  let t: TestDb
  let dir: string
  beforeEach(async () => {
    t = createTestDb()
    await seedDemoTeam(t)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-import-'))
  })
  afterEach(async () => {
    await t.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const run = (plan: unknown) => {
    const file = path.join(dir, 'plan.json')
    fs.writeFileSync(file, typeof plan === 'string' ? plan : JSON.stringify(plan))
    const result = spawnSync('npm', ['run', '--silent', 'import', '--', file], { env: { ...process.env, DATABASE_PATH: t.file }, encoding: 'utf8' })
    return { status: result.status, stdout: result.stdout, stderr: result.stderr }
  }
  // No dated records: this runs against the real clock, whatever the day.
  const plan = {
    format: 'same-page/plan@1',
    school: { name: 'Maple Elementary' },
    student: { externalId: 'CLI-1', name: 'Theo Park', grade: 2 },
    team: [
      { email: DEMO_USERS.caseManager.email, role: 'case_manager' },
      { email: 'theo.parent@family.example', role: 'parent' },
    ],
    goals: [
      {
        area: 'reading',
        officialText: 'Theo will decode CVC words with 90% accuracy.',
        plain: { means: 'Theo reads short words like cat.', looksLike: 'He sounds out each letter.', adultsHelp: 'Point to each letter.', measure: 'Count words read right out of 10.' },
        baseline: '40%',
        target: '90%',
      },
    ],
  }

  test('prints the invite links and, last, the new student’s id', () => {
    const { status, stdout, stderr } = run(plan)
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(stdout).toMatch(/theo\.parent@family\.example \(parent\): \/invite\/[A-Za-z0-9_-]{43}\n/)
    const id = stdout.trim().split(/\s+/).at(-1)
    expect(t.sqlite.prepare('select name, external_id from students where id = ?').get(id)).toEqual({ name: 'Theo Park', external_id: 'CLI-1' })
    expect(
      t.sqlite.prepare("select count(*) as n from audit_log where student_id = ? and actor_id is null and json_extract(after, '$.source') = 'command line: npm run import -- plan.json'").get(id),
    ).toEqual({ n: 4 }) // the student, the case manager, the parent's invite, the goal
  })

  test('an invalid file: every problem with its path, exit 1, nothing written', () => {
    const before = countRows(t.sqlite, 'students')
    const { status, stdout, stderr } = run({ ...plan, format: 'plan', student: { name: '' }, team: [{ email: 'x', role: 'parent' }] })
    expect(status).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/was not imported: 3 problems\. Nothing was written\.$/),
      '  format: "plan" is not a supported format: "same-page/plan@1" expected',
      '  student.name: is empty: the student’s full name expected',
      '  team[0].email: "x" is not an email address: name@school.org expected',
    ])
    expect(countRows(t.sqlite, 'students')).toBe(before)
  })

  test('a school that is not in the database is refused', () => {
    const { status, stderr } = run({ ...plan, school: { name: 'Oak Elementary' } })
    expect(status).toBe(1)
    expect(stderr).toContain('school.name: "Oak Elementary" is not a school in this database: one of "Maple Elementary" expected')
  })
})

// Issue 12, item 4: a plan import adds to a team only staff who already belong to the school; everyone else is invited.
describe('imports cannot grant power', () => {
  const { t, demo } = useDemoDb({ now: NOW })
  beforeEach(async () => {
    // Another school of the installation, with its own case manager and a parent of one of its students.
    const at = '2026-08-01T00:00:00.000Z'
    t.sqlite.exec(`
      insert into schools (id, name, created_at) values ('oak', 'Oak Middle', '${at}');
      insert into students (id, school_id, name, created_at) values ('oak-kid', 'oak', 'Olive Park', '${at}');
      insert into users (id, email, name, password_hash, created_at) values
        ('oak-parent', '${OAK_PARENT}', 'Owen Park', '!', '${at}'),
        ('oak-teacher', '${OAK_TEACHER}', 'Opal Reyes', '!', '${at}');
      insert into team_members (id, student_id, user_id, role, added_at) values
        ('oak-m1', 'oak-kid', 'oak-parent', 'parent', '${at}'),
        ('oak-m2', 'oak-kid', 'oak-teacher', 'case_manager', '${at}');
    `)
  })

  const importAs = (user: DemoUserKey, team: { email: string; role: string }[], change?: (p: PlanJson) => void) =>
    demo.callerFor(user, NOW).imports.plan({
      schoolId: demo.schoolId,
      json: exampleWith((p) => {
        p.school.closures = p.school.closures.filter((c) => c.date !== NEW_CLOSURE)
        p.team = team
        change?.(p)
      }),
    })
  const members = (studentId: string) =>
    t.sqlite
      .prepare('select u.email, m.role from team_members m join users u on u.id = m.user_id where m.student_id = ? and m.removed_at is null order by u.email')
      .all(studentId) as { email: string; role: string }[]
  const staff = [
    { email: DEMO_USERS.speech.email, role: 'provider' },
    { email: DEMO_USERS.ot.email, role: 'provider' },
  ]

  test('Laura (a parent) named as case manager is invited, not added, and gets no school-level role', async () => {
    const laura = DEMO_USERS.parent.email
    const { studentId, invites } = await importAs('caseManager', [...staff, { email: laura, role: 'case_manager' }])
    expect(members(studentId).map((m) => m.email)).not.toContain(laura)
    expect(invites.map((i) => [i.email, i.role])).toEqual([[laura, 'case_manager']])
    // No school-level power: the import page and the calendar stay closed to her.
    const asLaura = demo.callerFor('parent', NOW)
    expect((await trpcError(asLaura.imports.school({ schoolId: demo.schoolId }))).code).toBe('NOT_FOUND')
    expect((await trpcError(asLaura.schools.closures({ schoolId: demo.schoolId }))).code).toBe('NOT_FOUND')
    // And a parent's account cannot take the staff role through the link either.
    const refused = await acceptInviteAsUser(t.db, { token: invites[0]!.token, userId: demo.users.parent, now: NOW }).catch((e: unknown) => e)
    expect(isDomainError(refused) && refused.code).toBe('FORBIDDEN')
    expect(members(studentId).map((m) => m.email)).not.toContain(laura)
    expect((await trpcError(asLaura.imports.school({ schoolId: demo.schoolId }))).code).toBe('NOT_FOUND')
  })

  test('Laura named as para or provider is invited too; her invite cannot be accepted with her parent account', async () => {
    const laura = DEMO_USERS.parent.email
    for (const role of ['para', 'provider'] as const) {
      const { studentId, invites } = await importAs('admin', [...staff, { email: laura, role }], (p) => (p.student.externalId = `S-${role}`))
      expect(members(studentId).map((m) => m.email)).not.toContain(laura)
      expect(invites.map((i) => [i.email, i.role])).toEqual([[laura, role]])
    }
  })

  test('another school’s parent named as parent is invited, never added to a Maple student', async () => {
    const { studentId, invites } = await importAs('caseManager', [...staff, { email: OAK_PARENT, role: 'parent' }])
    expect(members(studentId).map((m) => m.email)).not.toContain(OAK_PARENT)
    expect(invites.map((i) => [i.email, i.role])).toEqual([[OAK_PARENT, 'parent']])
  })

  test('another school’s staff are invited, not added', async () => {
    const { studentId, invites } = await importAs('caseManager', [...staff, { email: OAK_TEACHER, role: 'provider' }])
    expect(members(studentId).map((m) => m.email)).not.toContain(OAK_TEACHER)
    expect(invites.map((i) => i.email)).toEqual([OAK_TEACHER])
  })

  test('a Maple parent named as parent of another student is invited (a family confirms), not added', async () => {
    const laura = DEMO_USERS.parent.email
    const { studentId, invites } = await importAs('caseManager', [...staff, { email: laura, role: 'parent' }])
    expect(members(studentId).map((m) => m.email)).not.toContain(laura)
    expect(invites.map((i) => [i.email, i.role])).toEqual([[laura, 'parent']])
    // She accepts it herself: a parent invite is for a parent account.
    await acceptInviteAsUser(t.db, { token: invites[0]!.token, userId: demo.users.parent, now: NOW })
    expect(members(studentId)).toContainEqual({ email: laura, role: 'parent' })
  })

  test('a Maple staff member joins at once with a staff role; a case-manager role only if they are one at Maple already', async () => {
    const { studentId, invites } = await importAs('admin', [
      { email: DEMO_USERS.speech.email, role: 'case_manager' },
      { email: DEMO_USERS.para.email, role: 'para' },
      { email: DEMO_USERS.ot.email, role: 'provider' },
      { email: DEMO_USERS.caseManager.email, role: 'case_manager' },
    ], (p) => {
      // Priya provides speech, but is only invited here (below): the file keeps the OT service alone.
      p.services = p.services.filter((s) => s.key === 'ot')
      p.sessions = p.sessions.filter((s) => s.service === 'ot')
    })
    expect(members(studentId)).toEqual([
      { email: DEMO_USERS.caseManager.email, role: 'case_manager' },
      { email: DEMO_USERS.ot.email, role: 'provider' },
      { email: DEMO_USERS.para.email, role: 'para' },
    ])
    // Priya is a provider at Maple, not a case manager: making her one is an invitation she accepts.
    expect(invites.map((i) => [i.email, i.role])).toEqual([[DEMO_USERS.speech.email, 'case_manager']])
    expect((await trpcError(demo.callerFor('speech', NOW).imports.school({ schoolId: demo.schoolId }))).code).toBe('NOT_FOUND')
  })

  test('a school admin is never given by an import: no school_roles row is written', async () => {
    const before = countRows(t.sqlite, 'school_roles')
    await importAs('caseManager', [...staff, { email: DEMO_USERS.parent.email, role: 'case_manager' }, { email: OAK_TEACHER, role: 'case_manager' }])
    expect(countRows(t.sqlite, 'school_roles')).toBe(before)
  })

  test('the result and errors read the same whether or not an email has an account elsewhere', async () => {
    const nobody = 'nobody.anywhere@oak.example'
    const shape = (r: { invites: { email: string; role: string; token: string }[] }) => r.invites.map((i) => ({ role: i.role, token: i.token.length }))
    const known = await importAs('caseManager', [...staff, { email: OAK_TEACHER, role: 'provider' }], (p) => (p.student.externalId = 'S-A'))
    const unknown = await importAs('caseManager', [...staff, { email: nobody, role: 'provider' }], (p) => (p.student.externalId = 'S-B'))
    expect(shape(known)).toEqual(shape(unknown))
    // As a service's provider: the same refusal, word for word but the email.
    const asProvider = async (email: string, id: string) => {
      const error = await trpcError(
        importAs('caseManager', [...staff, { email, role: 'provider' }], (p) => {
          p.student.externalId = id
          p.services[0]!.providerEmail = email
        }),
      )
      return error.message.replaceAll(email, 'EMAIL')
    }
    const a = await asProvider(OAK_TEACHER, 'S-C')
    const b = await asProvider(nobody, 'S-D')
    expect(a).toBe(b)
    expect(a).toMatch(/^services\[0\]\.providerEmail: "EMAIL" is not on staff at Maple Elementary/)
  })

  test('the command line follows the same rules', async () => {
    const validation = validatePlanText(
      exampleWith((p) => (p.team = [...staff, { email: DEMO_USERS.parent.email, role: 'case_manager' }, { email: OAK_PARENT, role: 'parent' }])),
      { today: '2026-10-16' },
    )
    if (!validation.ok) throw new Error('the example must validate')
    const { studentId, invites } = await importPlan(t.db, { plan: validation.plan, schoolId: demo.schoolId, actorId: null, now: NOW, source: 'command line' })
    expect(members(studentId).map((m) => m.email)).toEqual([DEMO_USERS.ot.email, DEMO_USERS.speech.email])
    expect(invites.map((i) => i.email)).toEqual([DEMO_USERS.parent.email, OAK_PARENT])
  })
})
