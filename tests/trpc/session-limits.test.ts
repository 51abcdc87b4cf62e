import type { Server } from 'node:http'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createApp } from '#server/app.server.ts'
import { type AppLucia, SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { registerCollab, type CollabListener } from '#server/services/collab-hub.server.ts'
import { deviceHandle, listDevices, signOutDevice, signOutOtherDevices } from '#server/services/devices.server.ts'
import { SESSION_ENDED_COOKIE } from '#server/http/session-status.server.ts'
import { seedDemoTeam, type Demo } from '#tests/fixtures/demo.ts'
import { baseUrl, closeServer, listenOnFreePort } from '#tests/setup/http-server.ts'
import { createTestDb, type TestDb } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

const MINUTE = 60_000
const START = new Date('2026-12-07T07:30:00Z').getTime()

/**
 * Session limits through the real Express app: the clock is the test's, so "30 minutes later" is one assignment.
 * What is checked is what a browser sees (status, cookies) and what is left in the database.
 */
describe('session limits over HTTP', () => {
  let t: TestDb
  let demo: Demo
  let server: Server
  let lucia: AppLucia
  let base: string
  let now = START
  const ended: string[] = []
  let unregister: () => void

  beforeEach(async () => {
    now = START
    ended.length = 0
    t = createTestDb()
    demo = await seedDemoTeam(t, new Date(START))
    const created = createApp({ db: t.db, trustProxy: false, now: () => new Date(now) })
    lucia = created.lucia
    server = await listenOnFreePort(created.app)
    base = baseUrl(server)
    const listener: CollabListener = {
      memberRemoved: () => {},
      notebookArchived: () => {},
      sessionEnded: (id) => ended.push(id),
      userDeactivated: () => {},
      flush: async () => {},
      applyStored: () => {},
    }
    unregister = registerCollab(listener)
  })
  afterEach(async () => {
    unregister()
    await closeServer(server)
    await t.close()
  })

  async function signedIn(user: DemoUserKey): Promise<{ id: string; cookie: string }> {
    const session = await lucia.createSession(demo.users[user], { created_at: now })
    return { id: session.id, cookie: `${SESSION_COOKIE}=${session.id}` }
  }
  const status = (cookie: string) => fetch(`${base}/session/status`, { headers: { cookie } })
  /** A request the person made: any signed-in API call. */
  const act = (cookie: string) => fetch(`${base}/api/trpc/students.mine`, { headers: { cookie } })
  const sessionRow = (id: string) => t.sqlite.prepare('select * from auth_sessions where id = ?').get(id)
  const expiries = () => t.sqlite.prepare("select actor_id, after from audit_log where entity = 'auth' and action = 'session_expired'").all() as { actor_id: string; after: string }[]

  test('a staff session ends 30 minutes after its last activity; asking how long is left is not activity', async () => {
    const para = await signedIn('para')
    expect(await (await status(para.cookie)).json()).toEqual({ signedIn: true, remainingMs: 30 * MINUTE, reason: 'idle', warnMs: MINUTE })
    now += 29 * MINUTE
    expect(await (await status(para.cookie)).json()).toMatchObject({ signedIn: true, remainingMs: MINUTE })
    now += MINUTE
    const res = await status(para.cookie)
    expect(res.status).toBe(401)
    const cookies = res.headers.getSetCookie()
    expect(cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=;`))).toBeDefined()
    expect(cookies).toContainEqual(expect.stringContaining(`${SESSION_ENDED_COOKIE}=idle`))
    expect(sessionRow(para.id)).toBeUndefined()
    expect(ended).toEqual([para.id])
    expect(expiries()).toEqual([{ actor_id: demo.users.para, after: expect.stringContaining('"reason":"idle"') }])
    // The session is gone: the API refuses it too.
    expect((await act(para.cookie)).status).toBe(401)
  })

  test('activity moves the deadline; a busy staff session still ends after 12 hours', async () => {
    const teacher = await signedIn('caseManager')
    now += 20 * MINUTE
    expect((await act(teacher.cookie)).status).toBe(200)
    now += 25 * MINUTE
    expect(await (await status(teacher.cookie)).json()).toMatchObject({ signedIn: true, remainingMs: 5 * MINUTE, reason: 'idle' })
    for (let i = 0; i < 34; i++) {
      expect((await act(teacher.cookie)).status).toBe(200)
      now += 20 * MINUTE
    }
    // 45 + 34 × 20 = 725 minutes after signing in would be fine for the idle limit, but not for the day's limit.
    expect((await act(teacher.cookie)).status).toBe(401)
    expect(expiries()).toEqual([{ actor_id: demo.users.caseManager, after: expect.stringContaining('"reason":"max"') }])
  })

  test('near the 12 hours, the status names that limit, which no activity moves', async () => {
    const teacher = await signedIn('caseManager')
    for (let i = 0; i < 35; i++) {
      now += 20 * MINUTE
      expect((await act(teacher.cookie)).status).toBe(200)
    }
    // 700 minutes in, just used: 20 minutes are left of twelve hours, fewer than the idle limit's 30.
    expect(await (await status(teacher.cookie)).json()).toMatchObject({ signedIn: true, remainingMs: 20 * MINUTE, reason: 'max' })
    now = START + 12 * 60 * MINUTE
    expect((await act(teacher.cookie)).status).toBe(401)
  })

  test('a family stays signed in for days, not minutes', async () => {
    const parent = await signedIn('parent')
    now += 29 * 24 * 60 * MINUTE
    expect(await (await status(parent.cookie)).json()).toMatchObject({ signedIn: true, remainingMs: 24 * 60 * MINUTE })
    now += 24 * 60 * MINUTE
    expect((await status(parent.cookie)).status).toBe(401)
  })

  test("the school's own limits apply from the next request", async () => {
    const para = await signedIn('para')
    const parent = await signedIn('parent')
    t.sqlite.prepare('update schools set staff_idle_minutes = 10, family_session_days = 2').run()
    now += 10 * MINUTE
    expect((await act(para.cookie)).status).toBe(401)
    expect((await act(parent.cookie)).status).toBe(200)
    now += 2 * 24 * 60 * MINUTE
    expect((await act(parent.cookie)).status).toBe(401)
  })

  test('"Stay signed in" is activity: it answers the new deadline', async () => {
    const para = await signedIn('para')
    now += 29 * MINUTE + 30_000
    const res = await fetch(`${base}/session/keep-alive`, { method: 'POST', headers: { cookie: para.cookie, origin: base } })
    expect(await res.json()).toEqual({ signedIn: true, remainingMs: 30 * MINUTE, reason: 'idle', warnMs: MINUTE })
    now += 29 * MINUTE
    expect((await status(para.cookie)).status).toBe(200)
  })

  test('a keep-alive from another site is refused like any other state change', async () => {
    const para = await signedIn('para')
    const res = await fetch(`${base}/session/keep-alive`, { method: 'POST', headers: { cookie: para.cookie, origin: 'https://evil.example' } })
    expect(res.status).toBe(403)
  })

  test('signed out, the status says so and names no reason it does not know', async () => {
    const res = await status('')
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ signedIn: false, ended: null })
  })
})

describe("the school's sign-in limits (tRPC)", () => {
  const { as, demo, t } = useDemoDb({ now: new Date('2026-12-07T10:00:00') })
  const school = () => ({ schoolId: demo.schoolId })
  const row = () => t.sqlite.prepare('select staff_idle_minutes, family_session_days from schools where id = ?').get(demo.schoolId)

  test('the school admin reads and sets them; the change is in the history', async () => {
    expect(await as('admin').schools.sessionLimits(school())).toEqual({ staffIdleMinutes: 30, familySessionDays: 30 })
    await as('admin').schools.setSessionLimits({ ...school(), staffIdleMinutes: 15, familySessionDays: 60 })
    expect(row()).toEqual({ staff_idle_minutes: 15, family_session_days: 60 })
    const audit = t.sqlite.prepare("select actor_id, before, after from audit_log where entity = 'school_sessions' order by id desc limit 1").get()
    expect(audit).toEqual({
      actor_id: demo.users.admin,
      before: JSON.stringify({ staffIdleMinutes: 30, familySessionDays: 30 }),
      after: JSON.stringify({ staffIdleMinutes: 15, familySessionDays: 60 }),
    })
  })

  test.each([
    [4, 30, 'Staff minutes must be a whole number from 5 to 240.'],
    [241, 30, 'Staff minutes must be a whole number from 5 to 240.'],
    [30.5, 30, 'Staff minutes must be a whole number from 5 to 240.'],
    [30, 0, 'Family days must be a whole number from 1 to 90.'],
    [30, 91, 'Family days must be a whole number from 1 to 90.'],
  ])('%s minutes / %s days is refused, nothing changed', async (staffIdleMinutes, familySessionDays, message) => {
    const before = row()
    const error = await trpcError(as('admin').schools.setSessionLimits({ ...school(), staffIdleMinutes, familySessionDays }))
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.message).toContain(message)
    expect(row()).toEqual(before)
  })

  test('a case manager is refused; everyone else does not see the school', async () => {
    const before = row()
    for (const call of [as('caseManager').schools.sessionLimits(school()), as('caseManager').schools.setSessionLimits({ ...school(), staffIdleMinutes: 240, familySessionDays: 90 })]) {
      expect((await trpcError(call)).code).toBe('FORBIDDEN')
    }
    for (const user of ['para', 'parent', 'speech', 'ot'] as const) {
      for (const call of [as(user).schools.sessionLimits(school()), as(user).schools.setSessionLimits({ ...school(), staffIdleMinutes: 240, familySessionDays: 90 })]) {
        expect((await trpcError(call)).code).toBe('NOT_FOUND')
      }
    }
    expect((await trpcError(as(null).schools.setSessionLimits({ ...school(), staffIdleMinutes: 240, familySessionDays: 90 }))).code).toBe('UNAUTHORIZED')
    expect(row()).toEqual(before)
  })
})

describe("a person's devices", () => {
  const { demo, t } = useDemoDb({ now: new Date('2026-12-07T10:00:00') })
  const at = new Date('2026-12-07T10:00:00')
  const session = (userId: string, userAgent: string, minutesAgo: number) => {
    const id = `s${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`
    const when = at.getTime() - minutesAgo * MINUTE
    t.sqlite
      .prepare('insert into auth_sessions (id, user_id, expires_at, created_at, last_seen_at, user_agent, ip, method) values (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, userId, Math.floor(at.getTime() / 1000) + 86400, when, when, userAgent, '10.0.0.7', 'password')
    return id
  }
  const IPAD = 'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
  const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36'

  test('lists live sessions only, this one first, named by browser and system, never by session id', async () => {
    const here = session(demo.users.para, PHONE, 1)
    const ipad = session(demo.users.para, IPAD, 5)
    session(demo.users.para, IPAD, 31) // idle past the limit: no longer signed in
    session(demo.users.caseManager, IPAD, 2) // someone else's
    const devices = await listDevices(t.db, { userId: demo.users.para, currentSessionId: here, now: at })
    expect(devices.map((d) => [d.current, d.name, d.handle])).toEqual([
      [true, { browser: 'Chrome', system: 'Android' }, deviceHandle(here)],
      [false, { browser: 'Safari', system: 'iPad' }, deviceHandle(ipad)],
    ])
    expect(JSON.stringify(devices)).not.toContain(ipad)
  })

  test('signs out one of my devices, never anyone else’s, and each ended session closes its notebooks', async () => {
    const closed: string[] = []
    const unregister = registerCollab({ memberRemoved: () => {}, notebookArchived: () => {}, userDeactivated: () => {}, sessionEnded: (id) => closed.push(id), flush: async () => {}, applyStored: () => {} })
    try {
      const here = session(demo.users.para, PHONE, 1)
      const ipad = session(demo.users.para, IPAD, 5)
      const theirs = session(demo.users.caseManager, IPAD, 2)
      expect(await signOutDevice(t.db, { userId: demo.users.para, handle: deviceHandle(theirs), client: 'x', now: at })).toBe(false)
      expect(t.sqlite.prepare('select count(*) as n from auth_sessions where id = ?').get(theirs)).toEqual({ n: 1 })
      expect(await signOutDevice(t.db, { userId: demo.users.para, handle: deviceHandle(ipad), client: 'x', now: at })).toBe(true)
      expect(closed).toEqual([ipad])
      session(demo.users.para, IPAD, 3)
      session(demo.users.para, IPAD, 4)
      expect(await signOutOtherDevices(t.db, { userId: demo.users.para, currentSessionId: here, client: 'x', now: at })).toBe(2)
      expect(t.sqlite.prepare('select id from auth_sessions where user_id = ?').all(demo.users.para)).toEqual([{ id: here }])
      expect(t.sqlite.prepare("select count(*) as n from audit_log where entity = 'auth' and action = 'device_signed_out'").get()).toEqual({ n: 2 })
    } finally {
      unregister()
    }
  })
})
