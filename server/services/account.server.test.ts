import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createLucia } from '#server/auth/lucia.server.ts'
import { verifyPassword } from '#server/auth/password.server.ts'
import { RateLimits } from '#server/auth/sign-in-guard.server.ts'
import { createServerLoadContext } from '#server/remix-context.server.ts'
import { DEMO_PASSWORD, DEMO_USERS } from '#server/demo/seed.ts'
import { seedDemoTeam, type Demo } from '#tests/fixtures/demo.ts'
import { countRows, createTestDb, type TestDb } from '#tests/setup/test-db.ts'
import { changePassword, confirmEmailChange, hashAccountToken, requestEmailChange, requestPasswordReset, resetLinkStatus, resetPassword } from './account.server.ts'

const T0 = new Date('2026-03-02T09:00:00.000Z')
const later = (ms: number) => new Date(T0.getTime() + ms)
const NEW_PASSWORD = 'a brand new password'
const PARA = DEMO_USERS.para.email

describe('account links', () => {
  let t: TestDb
  let demo: Demo
  beforeEach(async () => {
    t = createTestDb()
    demo = await seedDemoTeam(t, T0)
  })
  afterEach(() => t.close())

  const mails = (kind: string) => t.sqlite.prepare('select to_email, text_body, school_id from mail_outbox where kind = ? order by created_at').all(kind) as { to_email: string; text_body: string; school_id: string | null }[]
  const tokenFrom = (text: string, path: string) => text.match(new RegExp(`${path}/([\\w-]+)`))![1]!
  const passwordHash = (userId: string) => (t.sqlite.prepare('select password_hash from users where id = ?').get(userId) as { password_hash: string }).password_hash
  const sessions = (userId: string) => (t.sqlite.prepare('select id from auth_sessions where user_id = ?').all(userId) as { id: string }[]).map((s) => s.id)

  async function mailedResetToken(email = PARA, now = T0): Promise<string> {
    await requestPasswordReset(t.db, { email, now })
    return tokenFrom(mails('password_reset').at(-1)!.text_body, '/reset-password')
  }

  test('a reset link is mailed to the account, signed by its school, and only its hash is stored', async () => {
    const token = await mailedResetToken()
    const [mail] = mails('password_reset')
    expect(mail!.to_email).toBe(PARA)
    expect(mail!.school_id).toBe(demo.schoolId)
    const rows = t.sqlite.prepare('select * from password_resets').all() as { token_hash: string; expires_at: string; used_at: null }[]
    expect(rows).toHaveLength(1)
    expect(rows[0]!.token_hash).toBe(hashAccountToken(token))
    expect(JSON.stringify(rows)).not.toContain(token)
    expect(rows[0]!.expires_at).toBe(later(60 * 60 * 1000).toISOString())
  })

  test('an address with no account gets nothing queued and nothing stored', async () => {
    expect(await requestPasswordReset(t.db, { email: 'nobody@example.org', now: T0 })).toEqual({ mailed: false })
    expect(countRows(t.sqlite, 'password_resets')).toBe(0)
    expect(countRows(t.sqlite, 'mail_outbox')).toBe(0)
  })

  test('a valid link sets the password, ends every session, uses up every open link and sends a notice', async () => {
    const lucia = createLucia(t.db)
    const userId = demo.users.para
    await lucia.createSession(userId, {})
    await lucia.createSession(userId, {})
    const older = await mailedResetToken()
    const token = await mailedResetToken()

    const result = await resetPassword(t.db, { token, password: NEW_PASSWORD, now: later(10 * 60 * 1000) })
    expect(result).toEqual({ ok: true, userId, email: PARA })
    expect(await verifyPassword(passwordHash(userId), NEW_PASSWORD)).toBe(true)
    expect(sessions(userId)).toEqual([])
    expect(mails('password_changed').map((m) => m.to_email)).toEqual([PARA])

    // Single use, and the older link went with it; neither changes anything now.
    const hash = passwordHash(userId)
    expect(await resetPassword(t.db, { token, password: 'yet another password', now: later(11 * 60 * 1000) })).toEqual({ ok: false, status: 'used' })
    expect(await resetPassword(t.db, { token: older, password: 'yet another password', now: later(11 * 60 * 1000) })).toEqual({ ok: false, status: 'used' })
    expect(passwordHash(userId)).toBe(hash)
  })

  test('an expired or unknown link is refused by name and changes nothing', async () => {
    const token = await mailedResetToken()
    const hash = passwordHash(demo.users.para)
    expect(await resetLinkStatus(t.db, token, later(59 * 60 * 1000))).toBe('valid')
    expect(await resetPassword(t.db, { token, password: NEW_PASSWORD, now: later(60 * 60 * 1000) })).toEqual({ ok: false, status: 'expired' })
    expect(await resetPassword(t.db, { token: 'not-a-real-token', password: NEW_PASSWORD, now: T0 })).toEqual({ ok: false, status: 'invalid' })
    expect(passwordHash(demo.users.para)).toBe(hash)
    expect(mails('password_changed')).toEqual([])
  })

  test('changing the password needs the current one, and keeps only this session', async () => {
    const lucia = createLucia(t.db)
    const userId = demo.users.para
    const here = await lucia.createSession(userId, {})
    await lucia.createSession(userId, {})
    const hash = passwordHash(userId)
    expect(await changePassword(t.db, { userId, sessionId: here.id, current: 'wrong password', password: NEW_PASSWORD, now: T0 })).toEqual({ ok: false, reason: 'wrong_password' })
    expect(passwordHash(userId)).toBe(hash)
    expect(sessions(userId)).toHaveLength(2)

    expect(await changePassword(t.db, { userId, sessionId: here.id, current: DEMO_PASSWORD, password: NEW_PASSWORD, now: T0 })).toEqual({ ok: true })
    expect(await verifyPassword(passwordHash(userId), NEW_PASSWORD)).toBe(true)
    expect(sessions(userId)).toEqual([here.id])
  })

  test('a new email is confirmed by a link to it; the old address is told; a taken address is refused', async () => {
    const userId = demo.users.para
    const current = DEMO_PASSWORD
    expect(await requestEmailChange(t.db, { userId, email: DEMO_USERS.speech.email, current, now: T0 })).toEqual({ ok: false, reason: 'email_taken' })
    expect(await requestEmailChange(t.db, { userId, email: 'sam.new@example.org', current: 'wrong', now: T0 })).toEqual({ ok: false, reason: 'wrong_password' })
    expect(await requestEmailChange(t.db, { userId, email: 'sam.new@example.org', current, now: T0 })).toEqual({ ok: true })
    const [confirm] = mails('email_change')
    expect(confirm!.to_email).toBe('sam.new@example.org')
    const token = tokenFrom(confirm!.text_body, '/account/email')
    expect(JSON.stringify(t.sqlite.prepare('select * from email_changes').all())).not.toContain(token)

    expect(await confirmEmailChange(t.db, { token, now: later(23 * 60 * 60 * 1000) })).toEqual({ ok: true, email: 'sam.new@example.org' })
    expect((t.sqlite.prepare('select email from users where id = ?').get(userId) as { email: string }).email).toBe('sam.new@example.org')
    expect(mails('email_change').map((m) => m.to_email)).toEqual(['sam.new@example.org', PARA])
    expect(await confirmEmailChange(t.db, { token, now: later(23 * 60 * 60 * 1000) })).toEqual({ ok: false, status: 'used' })
  })

  test('a confirmation link for an address another account took meanwhile is refused', async () => {
    const userId = demo.users.para
    await requestEmailChange(t.db, { userId, email: 'shared@example.org', current: DEMO_PASSWORD, now: T0 })
    const token = tokenFrom(mails('email_change')[0]!.text_body, '/account/email')
    t.sqlite.prepare('update users set email = ? where id = ?').run('shared@example.org', demo.users.speech)
    expect(await confirmEmailChange(t.db, { token, now: T0 })).toEqual({ ok: false, status: 'email_taken' })
    expect((t.sqlite.prepare('select email from users where id = ?').get(userId) as { email: string }).email).toBe(PARA)
  })

  test('reset requests are limited per address and per client, the same for addresses with and without an account', async () => {
    const limits = new RateLimits()
    const contextFor = (ip: string) =>
      createServerLoadContext({ db: t.db, lucia: createLucia(t.db), user: null, sessionId: null, secure: false, now: () => T0, limits, client: { ip, deviceCookie: null } })
    for (const email of [PARA, 'nobody@example.org']) {
      for (let i = 0; i < 3; i++) expect(await contextFor(`10.0.0.${i}`).account.requestPasswordReset(email)).toBe(0)
      expect(await contextFor('10.0.0.9').account.requestPasswordReset(email)).toBeGreaterThan(0)
    }
    expect(mails('password_reset')).toHaveLength(3)
    const one = contextFor('10.1.1.1')
    for (let i = 0; i < 10; i++) expect(await one.account.requestPasswordReset(`someone${i}@example.org`)).toBe(0)
    expect(await one.account.requestPasswordReset('someone.else@example.org')).toBeGreaterThan(0)
  })
})
