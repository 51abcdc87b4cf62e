import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { DEMO_PASSWORD, DEMO_USERS } from '#db/seed.ts'
import { seedDemoTeam, type Demo } from '#tests/fixtures/demo.ts'
import { countRows, createTestDb, type TestDb } from '#tests/setup/test-db.ts'
import { checkCredentials, INVALID_CREDENTIALS, lockedMessage } from './sign-in.server.ts'

const MINUTE = 60_000
const T0 = new Date('2026-03-02T09:00:00.000Z')
const after = (ms: number) => new Date(T0.getTime() + ms)
const PARA = DEMO_USERS.para.email

describe('checkCredentials', () => {
  let t: TestDb
  let demo: Demo
  beforeEach(async () => {
    t = createTestDb()
    demo = await seedDemoTeam(t, T0)
  })
  afterEach(() => t.close())

  /** Fails `n` times, one second apart from `start`, and returns each result. */
  async function failTimes(email: string, n: number, start = 0) {
    const results = []
    for (let i = 0; i < n; i++) results.push(await checkCredentials(t.db, email, 'wrong-password', after(start + i * 1000)))
    return results
  }

  test('the right password signs in as that user', async () => {
    expect(await checkCredentials(t.db, PARA, DEMO_PASSWORD, T0)).toEqual({ ok: true, userId: demo.users.para })
  })

  test('a wrong password is "invalid", with no hint which part was wrong', async () => {
    const wrongPassword = await checkCredentials(t.db, PARA, 'not-the-password', T0)
    const unknownEmail = await checkCredentials(t.db, 'nobody@maple.example', DEMO_PASSWORD, T0)
    expect(wrongPassword).toEqual({ ok: false, reason: 'invalid' })
    expect(unknownEmail).toEqual(wrongPassword)
    expect(INVALID_CREDENTIALS).toBe('That email and password do not match an account. Check them and try again.')
  })

  test('a failure is recorded per email; a success clears that email’s failures', async () => {
    await failTimes(PARA, 3)
    await failTimes(DEMO_USERS.parent.email, 1)
    expect(countRows(t.sqlite, 'sign_in_failures')).toBe(4)
    expect((await checkCredentials(t.db, PARA, DEMO_PASSWORD, after(10_000))).ok).toBe(true)
    const left = t.sqlite.prepare('select email from sign_in_failures').all()
    expect(left).toEqual([{ email: DEMO_USERS.parent.email }])
  })

  test('10 failures lock a real account; then even the right password is refused', async () => {
    const results = await failTimes(PARA, 10)
    expect(results.slice(0, 9).every((r) => !r.ok && r.reason === 'invalid')).toBe(true)
    expect(results[9]).toEqual({ ok: false, reason: 'locked', minutes: 15 })
    expect(await checkCredentials(t.db, PARA, DEMO_PASSWORD, after(10_000))).toEqual({ ok: false, reason: 'locked', minutes: 15 })
    // Attempts while locked are not recorded, so they cannot extend the lock.
    expect(countRows(t.sqlite, 'sign_in_failures')).toBe(10)
    // Other accounts are not affected.
    expect((await checkCredentials(t.db, DEMO_USERS.parent.email, DEMO_PASSWORD, after(10_000))).ok).toBe(true)
  })

  test('an unknown email behaves the same: invalid 9 times, then locked', async () => {
    const results = await failTimes('nobody@maple.example', 10)
    expect(results.slice(0, 9)).toEqual(Array.from({ length: 9 }, () => ({ ok: false, reason: 'invalid' })))
    expect(results[9]).toEqual({ ok: false, reason: 'locked', minutes: 15 })
  })

  test('the lock expires 15 minutes after the 10th failure', async () => {
    await failTimes(PARA, 10) // the 10th at T0 + 9 s
    const tenth = 9_000
    expect(await checkCredentials(t.db, PARA, DEMO_PASSWORD, after(tenth + 15 * MINUTE - 1000))).toEqual({
      ok: false,
      reason: 'locked',
      minutes: 1,
    })
    expect(await checkCredentials(t.db, PARA, DEMO_PASSWORD, after(tenth + 15 * MINUTE))).toEqual({
      ok: true,
      userId: demo.users.para,
    })
  })

  test('failures spread over 14 minutes keep the lock for 15 minutes from the 10th', async () => {
    for (let i = 0; i < 10; i++) await checkCredentials(t.db, PARA, 'wrong-password', after(i * ((14 * MINUTE) / 9)))
    const tenth = 14 * MINUTE
    // 20 minutes after the 1st failure: still locked, with 9 minutes to go.
    expect(await checkCredentials(t.db, PARA, DEMO_PASSWORD, after(tenth + 6 * MINUTE))).toEqual({
      ok: false,
      reason: 'locked',
      minutes: 9,
    })
    expect((await checkCredentials(t.db, PARA, DEMO_PASSWORD, after(tenth + 15 * MINUTE))).ok).toBe(true)
  })

  test('failures older than 15 minutes do not count towards a lock', async () => {
    await failTimes(PARA, 9)
    const later = await checkCredentials(t.db, PARA, 'wrong-password', after(16 * MINUTE))
    expect(later).toEqual({ ok: false, reason: 'invalid' })
  })

  test('the locked message says how long', () => {
    expect(lockedMessage(15)).toContain('locked for 15 more minutes')
    expect(lockedMessage(1)).toContain('locked for 1 more minute.')
  })
})
