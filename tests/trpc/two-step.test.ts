import type { AppLoadContext } from '@remix-run/node'
import { generateHOTP } from '@oslojs/otp'
import { beforeEach, describe, expect, test } from 'vitest'
import { twoStepSetUpRedirect } from '#app/utils/two-step-gate.server.ts'
import { createLucia } from '#server/auth/lucia.server.ts'
import { createRequestAuth, type RequestAuth } from '#server/auth/request-auth.server.ts'
import { RateLimits, type SignInClient, SignInGuard } from '#server/auth/sign-in-guard.server.ts'
import { DEMO_PASSWORD, DEMO_USERS, type DemoUserKey } from '#server/demo/seed.ts'
import { createServerLoadContext } from '#server/remix-context.server.ts'
import { acceptCode } from '#server/services/two-step.server.ts'
import { t as translate } from '#shared/i18n/i18n.ts'
import { timeStep } from '#shared/two-step.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// Tuesday 8 December 2026, 09:00:10 UTC: ten seconds into a 30-second step.
const NOW = new Date('2026-12-08T09:00:10.000Z')
const STEP = timeStep(NOW.getTime())
const at = (ms: number) => new Date(NOW.getTime() + ms)
const CLIENT: SignInClient = { ip: '198.51.100.7', deviceCookie: null }
const ROLES: DemoUserKey[] = ['caseManager', 'para', 'speech', 'parent', 'admin', 'ot']

describe('two-step sign-in', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  const key = (who: DemoUserKey) => (t.sqlite.prepare('select key from two_step_keys where user_id = ?').get(demo.users[who]) as { key: Buffer }).key
  const codeAt = (who: DemoUserKey, step: number) => generateHOTP(new Uint8Array(key(who)), BigInt(step), 6)
  const audit = (action: string) => t.sqlite.prepare("select actor_id, entity_id, after from audit_log where entity = 'auth' and action = ?").all(action) as { actor_id: string | null; entity_id: string; after: string }[]
  const count = (sql: string, ...params: unknown[]) => (t.sqlite.prepare(sql).get(...params) as { n: number }).n

  /** Turns two-step sign-in on for a demo user at NOW, with a code one step back, and returns the recovery codes. */
  async function turnOn(who: DemoUserKey, when = NOW): Promise<string[]> {
    await as(who, when).twoStep.beginSetUp()
    const { recoveryCodes } = await as(who, when).twoStep.confirmSetUp({ code: codeAt(who, timeStep(when.getTime()) - 1) })
    return recoveryCodes
  }

  describe('set-up', () => {
    test('a new key is shown as a QR code and as text; a wrong first code changes nothing; the right one turns it on with ten recovery codes', async () => {
      await as('para').twoStep.beginSetUp()
      const status = await as('para').twoStep.status()
      expect(status).toMatchObject({ on: false, recoveryCodesLeft: 0, required: false })
      expect(status.pending?.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
      expect(status.pending?.uri).toMatch(/^otpauth:\/\/totp\/Same%20Page:para%40maple\.example\?/)
      expect(status.pending?.uri).toContain('period=30&digits=6')
      // 20 random bytes: 32 base32 letters, in groups of four.
      expect(status.pending?.keyText).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/)
      expect(key('para')).toHaveLength(20)

      const wrong = String((Number(codeAt('para', STEP)) + 1) % 1_000_000).padStart(6, '0')
      const refused = await trpcError(as('para').twoStep.confirmSetUp({ code: wrong }))
      expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: translate('twoStep.wrongCode') })
      expect((await as('para').twoStep.status()).on).toBe(false)
      expect(count('select count(*) as n from two_step_recovery_codes')).toBe(0)
      expect(audit('two_step.set_up')).toEqual([])
      const badFormat = await trpcError(as('para').twoStep.confirmSetUp({ code: 'abcdef' }))
      expect(badFormat.code).toBe('BAD_REQUEST')
      expect(badFormat.message).toContain(translate('twoStep.codeFormat'))

      const { recoveryCodes } = await as('para').twoStep.confirmSetUp({ code: codeAt('para', STEP) })
      expect(recoveryCodes).toHaveLength(10)
      expect(new Set(recoveryCodes).size).toBe(10)
      for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
      expect(await as('para').twoStep.status()).toMatchObject({ on: true, pending: null, recoveryCodesLeft: 10 })
      // Only hashes are stored.
      const stored = t.sqlite.prepare('select code_hash from two_step_recovery_codes').all() as { code_hash: string }[]
      expect(stored).toHaveLength(10)
      for (const { code_hash } of stored) {
        expect(code_hash).toMatch(/^[0-9a-f]{64}$/)
        for (const code of recoveryCodes) expect(code_hash).not.toContain(code.replace(/-/g, ''))
      }
      expect(audit('two_step.set_up')).toEqual([{ actor_id: demo.users.para, entity_id: demo.users.para, after: JSON.stringify({ recoveryCodes: 10 }) }])
      expect(await trpcError(as('para').twoStep.beginSetUp())).toMatchObject({ code: 'CONFLICT', message: translate('twoStep.alreadyOn') })
    })

    test('confirming needs a set-up begun first', async () => {
      expect(await trpcError(as('speech').twoStep.confirmSetUp({ code: '123456' }))).toMatchObject({ code: 'BAD_REQUEST', message: translate('twoStep.noSetUp') })
    })

    test.each(ROLES)('%s may set up their own; signed out is refused', async (who) => {
      await turnOn(who)
      expect((await as(who).twoStep.status()).on).toBe(true)
      expect(await trpcError(as(null).twoStep.status())).toMatchObject({ code: 'UNAUTHORIZED' })
    })
  })

  describe('codes', () => {
    beforeEach(async () => {
      await as('para').twoStep.beginSetUp()
    })

    test('one step either side of now is accepted, two steps away is not', async () => {
      const userId = demo.users.para
      expect(await acceptCode(t.db, userId, codeAt('para', STEP - 2), NOW)).toEqual({ ok: false, reason: 'wrong' })
      expect(await acceptCode(t.db, userId, codeAt('para', STEP + 2), NOW)).toEqual({ ok: false, reason: 'wrong' })
      expect(await acceptCode(t.db, userId, codeAt('para', STEP - 1), NOW)).toEqual({ ok: true, step: STEP - 1 })
      expect(await acceptCode(t.db, userId, codeAt('para', STEP + 1), NOW)).toEqual({ ok: true, step: STEP + 1 })
    })

    test('a code is never accepted twice, nor one older than the last accepted', async () => {
      const userId = demo.users.para
      expect(await acceptCode(t.db, userId, codeAt('para', STEP), NOW)).toEqual({ ok: true, step: STEP })
      expect(await acceptCode(t.db, userId, codeAt('para', STEP), NOW)).toEqual({ ok: false, reason: 'replayed' })
      expect(await acceptCode(t.db, userId, codeAt('para', STEP - 1), NOW)).toEqual({ ok: false, reason: 'replayed' })
      // Thirty seconds on, the next code is fine.
      expect(await acceptCode(t.db, userId, codeAt('para', STEP + 1), at(30_000))).toEqual({ ok: true, step: STEP + 1 })
    })
  })

  describe('signing in', () => {
    const lucia = () => createLucia(t.db)
    let guard: SignInGuard
    let limits: RateLimits
    beforeEach(() => {
      guard = new SignInGuard()
      limits = new RateLimits()
    })
    const auth = (now: Date, g = guard): RequestAuth => createRequestAuth({ db: t.db, lucia: lucia(), user: null, sessionId: null, secure: false, now: () => now, guard: g, limits, client: CLIENT })
    const sessions = () => count('select count(*) as n from auth_sessions where user_id = ?', demo.users.para)

    /** Signs the para in with the password: the challenge token from the cookie it sets. */
    async function password(now = NOW, g = guard): Promise<string> {
      const result = await auth(now, g).signIn(DEMO_USERS.para.email, DEMO_PASSWORD, '/today')
      if (result.ok !== 'second_step') throw new Error(`expected a second step, got ${JSON.stringify(result)}`)
      expect(result.setCookie).toMatch(/^same_page_two_step=[\w-]{43}; Path=\/; Max-Age=300; HttpOnly; SameSite=Lax$/)
      return result.setCookie.split(';')[0]!.split('=')[1]!
    }

    test('without two-step sign-in the password alone signs in, as before', async () => {
      expect(await auth(NOW).signIn(DEMO_USERS.para.email, DEMO_PASSWORD)).toMatchObject({ ok: true })
    })

    test('with it on, the right password makes a challenge and no session; the code then signs in', async () => {
      await turnOn('para')
      const token = await password()
      expect(sessions()).toBe(0)
      expect(count('select count(*) as n from two_step_challenges')).toBe(1)
      // The table keeps the token's hash, never the token.
      expect(count('select count(*) as n from two_step_challenges where token_hash = ?', token)).toBe(0)
      const done = await auth(NOW).answerSecondStep(token, { kind: 'code', value: codeAt('para', STEP) })
      expect(done).toMatchObject({ ok: true, redirectTo: '/today' })
      if (!done.ok) return
      expect(done.headers[0]).toMatch(/^same_page_two_step=; .*Max-Age=0/)
      expect(done.headers.some((h) => h.startsWith('same_page_session='))).toBe(true)
      expect(sessions()).toBe(1)
      expect(JSON.parse(audit('sign_in').at(-1)!.after)).toMatchObject({ method: 'two_step' })
      // The challenge is used up.
      expect(await auth(NOW).answerSecondStep(token, { kind: 'code', value: codeAt('para', STEP + 1) })).toMatchObject({ ok: false, ended: true, message: translate('twoStep.challengeGone') })
    })

    test('a wrong, an expired and a used code are refused with a clear message, nothing changed, and each is logged', async () => {
      await turnOn('para', at(-60_000))
      const token = await password()
      const wrong = await auth(NOW).answerSecondStep(token, { kind: 'code', value: codeAt('para', STEP + 3) })
      expect(wrong).toEqual({ ok: false, message: translate('twoStep.wrongCode'), ended: false, headers: [] })
      // The code the set-up accepted a minute ago (step STEP - 3) has expired by now: refused as wrong.
      const expired = await auth(NOW).answerSecondStep(token, { kind: 'code', value: codeAt('para', STEP - 3) })
      expect(expired).toEqual({ ok: false, message: translate('twoStep.wrongCode'), ended: false, headers: [] })
      expect(sessions()).toBe(0)
      const used = await auth(NOW).answerSecondStep(token, { kind: 'code', value: codeAt('para', STEP) })
      expect(used.ok).toBe(true)
      const again = await password(at(1000))
      expect(await auth(at(1000)).answerSecondStep(again, { kind: 'code', value: codeAt('para', STEP) })).toMatchObject({ ok: false, message: translate('twoStep.replayedCode') })
      expect(sessions()).toBe(1)
      expect(audit('sign_in.code_failed').map((r) => JSON.parse(r.after).reason)).toEqual(['wrong', 'wrong', 'replayed'])
    })

    test('a recovery code signs in once', async () => {
      const [first, second] = await turnOn('para')
      const token = await password()
      expect(await auth(NOW).answerSecondStep(token, { kind: 'recovery', value: first!.toUpperCase() })).toMatchObject({ ok: true })
      expect(audit('two_step.recovery_used')).toHaveLength(1)
      expect((await as('para').twoStep.status()).recoveryCodesLeft).toBe(9)
      const again = await password(at(1000))
      expect(await auth(at(1000)).answerSecondStep(again, { kind: 'recovery', value: first! })).toMatchObject({ ok: false, message: translate('twoStep.wrongRecoveryCode') })
      expect(await auth(at(1000)).answerSecondStep(again, { kind: 'recovery', value: second! })).toMatchObject({ ok: true })
    })

    test('wrong codes count toward the sign-in lock for that account and client: then the code and the password both wait', async () => {
      await turnOn('para', at(-60_000))
      const token = await password()
      // The password's try stays counted until the code is right: with three wrong codes, four failures.
      for (let i = 0; i < 3; i++) expect(await auth(NOW).answerSecondStep(token, { kind: 'code', value: '000000' })).toMatchObject({ ok: false, ended: false })
      const waiting = await auth(NOW).answerSecondStep(token, { kind: 'code', value: codeAt('para', STEP) })
      expect(waiting).toEqual({ ok: false, message: translate('domain.tryAgain.signIn', { wait: translate('domain.tryAgain.seconds', { count: 1 }) }), retryAfter: 1, ended: false, headers: [] })
      expect(await auth(NOW).signIn(DEMO_USERS.para.email, DEMO_PASSWORD)).toMatchObject({ ok: false, retryAfter: 1 })
      expect(sessions()).toBe(0)
      // Once the wait is over the right code works, and the slate is clean again.
      expect(await auth(at(1000)).answerSecondStep(token, { kind: 'code', value: codeAt('para', STEP) })).toMatchObject({ ok: true })
      for (let i = 1; i <= 5; i++) {
        const next = await password(at(i * 30_000))
        expect(await auth(at(i * 30_000)).answerSecondStep(next, { kind: 'code', value: codeAt('para', STEP + i) })).toMatchObject({ ok: true })
      }
    })

    test('five wrong tries end the challenge; so does the end of its five minutes', async () => {
      await turnOn('para', at(-60_000))
      const token = await password()
      // A fresh guard each try, so the throttle does not answer first: this is the challenge's own limit.
      for (let i = 0; i < 4; i++) expect(await auth(NOW, new SignInGuard()).answerSecondStep(token, { kind: 'code', value: '000000' })).toMatchObject({ ended: false })
      const last = await auth(NOW, new SignInGuard()).answerSecondStep(token, { kind: 'code', value: '000000' })
      expect(last).toMatchObject({ ok: false, ended: true, message: translate('twoStep.tooManyTries') })
      expect(await auth(NOW, new SignInGuard()).answerSecondStep(token, { kind: 'code', value: codeAt('para', STEP) })).toMatchObject({ ok: false, ended: true })

      const late = await password(at(1000), new SignInGuard())
      expect(await auth(at(1000 + 5 * 60_000), new SignInGuard()).answerSecondStep(late, { kind: 'code', value: codeAt('para', STEP + 10) })).toMatchObject({
        ok: false,
        ended: true,
        message: translate('twoStep.challengeGone'),
      })
      expect(await auth(NOW).answerSecondStep(null, { kind: 'code', value: '123456' })).toMatchObject({ ok: false, ended: true })
      expect(sessions()).toBe(0)
    })
  })

  describe('turning off and new recovery codes', () => {
    test('turning off needs the current password and a code; then the password alone signs in', async () => {
      await turnOn('para', at(-60_000))
      expect(await trpcError(as('para').twoStep.turnOff({ password: 'not-the-password', code: codeAt('para', STEP) }))).toMatchObject({ code: 'BAD_REQUEST', message: translate('twoStep.wrongPassword') })
      expect(await trpcError(as('para').twoStep.turnOff({ password: DEMO_PASSWORD, code: '000000' }))).toMatchObject({ code: 'BAD_REQUEST', message: translate('twoStep.wrongCode') })
      expect(await trpcError(as('para').twoStep.turnOff({ password: '', code: '000000' }))).toMatchObject({ code: 'BAD_REQUEST' })
      expect((await as('para').twoStep.status()).on).toBe(true)
      expect(audit('two_step.turn_off')).toEqual([])
      await as('para').twoStep.turnOff({ password: DEMO_PASSWORD, code: codeAt('para', STEP) })
      expect(await as('para').twoStep.status()).toMatchObject({ on: false, pending: null })
      expect(count('select count(*) as n from two_step_recovery_codes')).toBe(0)
      expect(audit('two_step.turn_off')).toEqual([{ actor_id: demo.users.para, entity_id: demo.users.para, after: JSON.stringify({ with: 'code' }) }])
      expect(await trpcError(as('para').twoStep.turnOff({ password: DEMO_PASSWORD, code: '123456' }))).toMatchObject({ code: 'CONFLICT' })
    })

    test('a recovery code can stand in for the code when turning off', async () => {
      const [code] = await turnOn('speech')
      await as('speech').twoStep.turnOff({ password: DEMO_PASSWORD, code: code! })
      expect((await as('speech').twoStep.status()).on).toBe(false)
    })

    test('new recovery codes need a code from the app, and the old ones stop working', async () => {
      const old = await turnOn('para', at(-60_000))
      expect(await trpcError(as('para').twoStep.renewRecoveryCodes({ code: '000000' }))).toMatchObject({ code: 'BAD_REQUEST' })
      const { recoveryCodes } = await as('para').twoStep.renewRecoveryCodes({ code: codeAt('para', STEP) })
      expect(recoveryCodes).toHaveLength(10)
      expect(recoveryCodes).not.toContain(old[0])
      expect(audit('two_step.new_codes')).toHaveLength(1)
      expect(await trpcError(as('para', at(30_000)).twoStep.turnOff({ password: DEMO_PASSWORD, code: old[0]! }))).toMatchObject({ message: translate('twoStep.wrongRecoveryCode') })
      await as('para', at(30_000)).twoStep.turnOff({ password: DEMO_PASSWORD, code: recoveryCodes[0]! })
    })
  })

  describe('a school that requires it', () => {
    // The admin who requires it has it on already (requiring it of admins would otherwise lock them out first).
    beforeEach(async () => {
      await turnOn('admin', at(-120_000))
    })

    test.each(ROLES)('%s: only the school admin may see and set the requirement', async (who) => {
      const outcome = await as(who)
        .twoStep.setSchoolRequirement({ schoolId: demo.schoolId, required: true })
        .then(
          () => 'ok',
          (error: { code?: string }) => error.code,
        )
      const read = await as(who)
        .twoStep.schoolRequirement({ schoolId: demo.schoolId })
        .then(
          () => 'ok',
          (error: { code?: string }) => error.code,
        )
      // The case manager is someone to the school (FORBIDDEN); the others are nobody to it (NOT_FOUND).
      const expected = who === 'admin' ? 'ok' : who === 'caseManager' ? 'FORBIDDEN' : 'NOT_FOUND'
      expect([outcome, read]).toEqual([expected, expected])
      expect(count('select count(*) as n from schools where require_two_step = 1')).toBe(who === 'admin' ? 1 : 0)
    })

    test('an admin without two-step sign-in of their own cannot require it yet', async () => {
      await as('admin').twoStep.turnOff({ password: DEMO_PASSWORD, code: codeAt('admin', STEP) })
      expect(await trpcError(as('admin').twoStep.setSchoolRequirement({ schoolId: demo.schoolId, required: true }))).toMatchObject({
        code: 'CONFLICT',
        message: translate('twoStep.schoolAdminFirst'),
      })
      expect(count('select count(*) as n from schools where require_two_step = 1')).toBe(0)
    })

    test('someone from another school is refused, and the change is audited', async () => {
      t.sqlite.prepare("insert into schools (id, name, created_at) values ('other-school', 'Birch School', ?)").run(NOW.toISOString())
      t.sqlite.prepare("insert into school_roles (id, school_id, user_id, role, created_at) values ('r-other', 'other-school', ?, 'school_admin', ?)").run(demo.users.ot, NOW.toISOString())
      expect(await trpcError(as('ot').twoStep.setSchoolRequirement({ schoolId: demo.schoolId, required: true }))).toMatchObject({ code: 'NOT_FOUND' })
      expect(await as('admin').twoStep.setSchoolRequirement({ schoolId: demo.schoolId, required: true })).toEqual({ required: true })
      expect(await as('admin').twoStep.schoolRequirement({ schoolId: demo.schoolId })).toEqual({ required: true })
      expect(audit('two_step.school_required')).toEqual([
        { actor_id: demo.users.admin, entity_id: demo.schoolId, after: JSON.stringify({ required: true }) },
      ])
      // Setting it to what it is already writes nothing.
      await as('admin').twoStep.setSchoolRequirement({ schoolId: demo.schoolId, required: true })
      expect(audit('two_step.school_required')).toHaveLength(1)
    })

    test('school admins and case managers without it are refused everything but the set-up, with a clear message; others are not', async () => {
      await as('admin').twoStep.setSchoolRequirement({ schoolId: demo.schoolId, required: true })
      // A second school admin, without two-step sign-in, is held at the set-up like the case manager.
      t.sqlite.prepare("insert into school_roles (id, school_id, user_id, role, created_at) values ('r-speech', ?, ?, 'school_admin', ?)").run(demo.schoolId, demo.users.speech, NOW.toISOString())
      for (const who of ['speech', 'caseManager'] as const) {
        const refused = await trpcError(as(who).students.mine())
        expect(refused).toMatchObject({ code: 'FORBIDDEN', message: translate('twoStep.setUpFirst') })
        expect(await trpcError(as(who).schools.closures({ schoolId: demo.schoolId }))).toMatchObject({ code: 'FORBIDDEN', message: translate('twoStep.setUpFirst') })
        expect((await as(who).twoStep.status()).required).toBe(true)
      }
      expect(await as('admin').students.mine()).toBeDefined()
      for (const who of ['para', 'parent', 'ot'] as const) {
        expect(await as(who).students.mine()).not.toHaveLength(0)
        expect((await as(who).twoStep.status()).required).toBe(false)
      }
      // Set up: everything opens again, and it cannot be turned off while the school requires it.
      await turnOn('caseManager')
      expect(await as('caseManager').students.mine()).not.toHaveLength(0)
      expect(await trpcError(as('caseManager', at(30_000)).twoStep.turnOff({ password: DEMO_PASSWORD, code: codeAt('caseManager', STEP + 1) }))).toMatchObject({
        code: 'FORBIDDEN',
        message: translate('twoStep.schoolRequires'),
      })
      // No longer required: the other admin is let through.
      await as('admin').twoStep.setSchoolRequirement({ schoolId: demo.schoolId, required: false })
      expect(await as('speech').students.mine()).toBeDefined()
    })

    test('only an active team counts: a removed case manager owes nothing', async () => {
      await as('admin').twoStep.setSchoolRequirement({ schoolId: demo.schoolId, required: true })
      t.sqlite.prepare("update team_members set removed_at = ? where user_id = ? and role = 'case_manager'").run(NOW.toISOString(), demo.users.caseManager)
      expect(await as('caseManager').students.mine()).toEqual([])
    })

    test('pages: every page sends an account that owes the set-up to it, except the set-up and signing out', async () => {
      await as('admin').twoStep.setSchoolRequirement({ schoolId: demo.schoolId, required: true })
      const pageContext = (who: DemoUserKey) =>
        createServerLoadContext({ db: t.db, lucia: createLucia(t.db), user: demo.userOf(who), sessionId: 's', secure: false, now: () => NOW }) as unknown as AppLoadContext
      for (const path of ['/', '/today', '/account', `/school/${demo.schoolId}`]) {
        const response = await twoStepSetUpRedirect(pageContext('caseManager'), path)
        expect(response?.status, path).toBe(302)
        expect(response?.headers.get('Location')).toBe('/account/two-step')
      }
      expect(await twoStepSetUpRedirect(pageContext('caseManager'), '/account/two-step')).toBeNull()
      expect(await twoStepSetUpRedirect(pageContext('caseManager'), '/sign-out')).toBeNull()
      expect(await twoStepSetUpRedirect(pageContext('para'), '/today')).toBeNull()
      const signedOut = createServerLoadContext({ db: t.db, lucia: createLucia(t.db), user: null, sessionId: null, secure: false }) as unknown as AppLoadContext
      expect(await twoStepSetUpRedirect(signedOut, '/today')).toBeNull()
    })
  })
})
