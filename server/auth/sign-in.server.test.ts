import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { DEMO_PASSWORD, DEMO_USERS } from '#server/demo/seed.ts'
import { seedDemoTeam, type Demo } from '#tests/fixtures/demo.ts'
import { createTestDb, type TestDb } from '#tests/setup/test-db.ts'
import { checkCredentials, invalidCredentialsMessage, signInWithThrottle, type SignInOutcome } from './sign-in.server.ts'
import { RateLimits, type SignInClient, SignInGuard } from './sign-in-guard.server.ts'

const T0 = new Date('2026-03-02T09:00:00.000Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const PARA = DEMO_USERS.para.email
const ATTACKER: SignInClient = { ip: '203.0.113.7', deviceCookie: null }
const OWNER_ELSEWHERE: SignInClient = { ip: '198.51.100.20', deviceCookie: null }

describe('signInWithThrottle', () => {
  let t: TestDb
  let demo: Demo
  let guard: SignInGuard
  let limits: RateLimits
  beforeEach(async () => {
    t = createTestDb()
    demo = await seedDemoTeam(t, T0)
    guard = new SignInGuard()
    limits = new RateLimits()
  })
  afterEach(() => t.close())

  const signIn = (email: string, password: string, client: SignInClient, now: Date): Promise<SignInOutcome> =>
    signInWithThrottle({ db: t.db, guard, limits, now }, email, password, client)
  const audit = (action: string) =>
    t.sqlite.prepare("select actor_id, entity_id, after from audit_log where entity = 'auth' and action = ? order by id").all(action) as {
      actor_id: string | null
      entity_id: string
      after: string
    }[]

  test('the right password signs in, and the sign-in is in the audit log', async () => {
    const result = await signIn(PARA, DEMO_PASSWORD, ATTACKER, T0)
    expect(result).toMatchObject({ ok: true, userId: demo.users.para })
    expect(audit('sign_in')).toEqual([{ actor_id: demo.users.para, entity_id: demo.users.para, after: JSON.stringify({ client: ATTACKER.ip }) }])
  })

  test('a wrong password and an unknown email read the same, and each failure is in the audit log', async () => {
    expect(await signIn(PARA, 'not-the-password', ATTACKER, T0)).toEqual({ ok: false, reason: 'invalid' })
    expect(await signIn('nobody@maple.example', DEMO_PASSWORD, ATTACKER, T0)).toEqual({ ok: false, reason: 'invalid' })
    expect(invalidCredentialsMessage()).toBe('That email and password do not match an account. Check them and try again.')
    expect(audit('sign_in.failed').map((r) => [r.actor_id, r.entity_id])).toEqual([
      [null, PARA],
      [null, 'nobody@maple.example'],
    ])
  })

  test('after 3 free failures the wait grows 1, 2, 4, 8 s for that account from that client; early tries are not checked', async () => {
    let now = 0
    for (let i = 0; i < 4; i++) expect(await signIn(PARA, 'wrong', ATTACKER, at(now))).toEqual({ ok: false, reason: 'invalid' })
    for (const wait of [1, 2, 4, 8]) {
      expect(await signIn(PARA, DEMO_PASSWORD, ATTACKER, at(now))).toEqual({ ok: false, reason: 'wait', seconds: wait })
      now += wait * 1000
      expect(await signIn(PARA, 'wrong', ATTACKER, at(now))).toEqual({ ok: false, reason: 'invalid' })
    }
    // Refused tries check no password and write nothing: 8 failures in the log, not 12.
    expect(audit('sign_in.failed')).toHaveLength(8)
    // An unknown email is throttled exactly the same way.
    for (let i = 0; i < 4; i++) await signIn('nobody@maple.example', 'wrong', ATTACKER, at(now))
    expect(await signIn('nobody@maple.example', 'wrong', ATTACKER, at(now))).toEqual({ ok: false, reason: 'wait', seconds: 1 })
  })

  test('the owner is not locked out: from another client the right password works at once', async () => {
    for (let i = 0; i < 4; i++) await signIn(PARA, 'wrong', ATTACKER, T0)
    expect(await signIn(PARA, DEMO_PASSWORD, ATTACKER, T0)).toMatchObject({ ok: false, reason: 'wait' })
    expect(await signIn(PARA, DEMO_PASSWORD, OWNER_ELSEWHERE, T0)).toMatchObject({ ok: true, userId: demo.users.para })
  })

  test('the owner’s own browser (its device cookie) signs in at once even from the attacker’s address', async () => {
    const first = await signIn(PARA, DEMO_PASSWORD, OWNER_ELSEWHERE, T0)
    if (first.ok !== true) throw new Error('the owner must sign in')
    const ownerHere: SignInClient = { ip: ATTACKER.ip, deviceCookie: first.deviceCookie }
    for (let i = 0; i < 30; i++) await signIn(`user${i}@maple.example`, 'wrong', ATTACKER, at(i))
    expect(await signIn(PARA, 'wrong', ATTACKER, at(100))).toMatchObject({ ok: false, reason: 'wait' })
    expect(await signIn(PARA, DEMO_PASSWORD, ownerHere, at(100))).toMatchObject({ ok: true })
    // A forged or other account's cookie earns nothing.
    expect(await signIn(PARA, DEMO_PASSWORD, { ip: ATTACKER.ip, deviceCookie: 'AAAAAAAAAAAAAAAAAAAAAA' }, at(100))).toMatchObject({ reason: 'wait' })
  })

  test('a client failing across many accounts waits after 20 failures, for every account', async () => {
    for (let i = 0; i < 20; i++) expect(await signIn(`user${i}@maple.example`, 'wrong', ATTACKER, T0)).toMatchObject({ reason: 'invalid' })
    expect(await signIn(`user20@maple.example`, 'wrong', ATTACKER, T0)).toMatchObject({ reason: 'invalid' })
    expect(await signIn(PARA, DEMO_PASSWORD, ATTACKER, T0)).toEqual({ ok: false, reason: 'wait', seconds: 1 })
    // Another client is not affected.
    expect(await signIn(PARA, DEMO_PASSWORD, OWNER_ELSEWHERE, T0)).toMatchObject({ ok: true })
  })

  test('a success takes back the failure counted in advance, so a busy school’s good sign-ins never slow it', async () => {
    for (let i = 0; i < 100; i++) expect(await signIn(PARA, DEMO_PASSWORD, ATTACKER, at(i))).toMatchObject({ ok: true })
    for (let i = 0; i < 20; i++) expect(await signIn(`user${i}@maple.example`, 'wrong', ATTACKER, at(200))).toMatchObject({ reason: 'invalid' })
  })

  test('failures across 10 accounts from one client within 10 minutes raise one spraying alert: a structured warning and an audit row', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      for (let i = 0; i < 9; i++) await signIn(`user${i}@maple.example`, 'wrong', ATTACKER, at(i * 1000))
      expect(warn).not.toHaveBeenCalled()
      await signIn('user9@maple.example', 'wrong', ATTACKER, at(9000))
      for (let i = 10; i < 15; i++) await signIn(`user${i}@maple.example`, 'wrong', ATTACKER, at(i * 1000))
      expect(warn).toHaveBeenCalledTimes(1)
      expect(JSON.parse(String(warn.mock.calls[0]![0]))).toEqual({
        level: 'warn',
        event: 'sign_in.spray_alert',
        client: ATTACKER.ip,
        accounts: 10,
        windowMinutes: 10,
        at: at(9000).toISOString(),
      })
      expect(audit('sign_in.spray_alert')).toEqual([
        { actor_id: null, entity_id: ATTACKER.ip, after: JSON.stringify({ client: ATTACKER.ip, accounts: 10, windowMinutes: 10 }) },
      ])
    } finally {
      warn.mockRestore()
    }
  })

  test('one client may make 30 sign-in requests a minute that do not succeed; good ones are given back', async () => {
    // 40 good sign-ins from one address (a school at 8 a.m.) use none of its allowance.
    for (let i = 0; i < 40; i++) expect(await signIn(PARA, DEMO_PASSWORD, ATTACKER, T0), `sign-in ${i}`).toMatchObject({ ok: true })
    // 30 failed or throttled requests use it all (past the 20th failure the client also waits, a few seconds).
    for (let i = 0; i < 30; i++) await signIn(`user${i}@maple.example`, 'wrong', ATTACKER, at(i * 60))
    const over = await signIn(PARA, DEMO_PASSWORD, ATTACKER, at(2000))
    expect(over).toMatchObject({ ok: false, reason: 'wait' })
    expect(over.ok === false && over.reason === 'wait' && over.seconds).toBeGreaterThan(50)
    // The owner's own browser is its own client for the limit too.
    expect(await signIn(PARA, DEMO_PASSWORD, OWNER_ELSEWHERE, at(2000))).toMatchObject({ ok: true })
  })
})

describe('checkCredentials', () => {
  let t: TestDb
  beforeEach(async () => {
    t = createTestDb()
    await seedDemoTeam(t, T0)
  })
  afterEach(() => t.close())

  test('checks only the password, remembering nothing', async () => {
    expect((await checkCredentials(t.db, PARA, DEMO_PASSWORD)).ok).toBe(true)
    expect(await checkCredentials(t.db, PARA, 'wrong')).toEqual({ ok: false, reason: 'invalid' })
  })
})
