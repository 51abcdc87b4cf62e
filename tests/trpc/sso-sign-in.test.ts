import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { finishSsoSignIn, type SsoDeps, SsoConfigurations, startSsoSignIn } from '#server/auth/sso.server.ts'
import { RateLimits, SignInGuard } from '#server/auth/sign-in-guard.server.ts'
import { DEMO_USERS } from '#server/demo/seed.ts'
import { t as translate } from '#shared/i18n/i18n.ts'
import { loginAtProvider } from '#tests/fixtures/oidc-login.ts'
import { startOidcProvider, type TestOidcProvider, UNVERIFIED_PREFIX } from '#tests/fixtures/oidc-provider.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { countRows } from '#tests/setup/test-db.ts'

const REDIRECT_URI = 'http://localhost:3000/sso/callback'

/**
 * The whole single sign-on round trip against a real OpenID Connect provider (oidc-provider, in this process):
 * start, the provider's own login form over HTTP, and the callback with the code, state and nonce.
 */
describe('single sign-on through a real provider', () => {
  const { t, demo } = useDemoDb()
  let idp: TestOidcProvider
  let providerId: string
  let deps: SsoDeps

  beforeAll(async () => {
    idp = await startOidcProvider({ redirectUri: REDIRECT_URI })
  })
  afterAll(async () => {
    await idp.close()
  })

  beforeEach(async () => {
    const saved = await demo.callerFor('admin').sso.save({ schoolId: demo.schoolId, label: 'Maple District', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret })
    providerId = saved.id
    // One fixed moment: the lock's waits are then exact, whatever the machine's speed.
    deps = { db: t.db, now: new Date(), redirectUri: REDIRECT_URI, guard: new SignInGuard(), limits: new RateLimits(), client: { ip: '10.1.2.3', deviceCookie: null }, configurations: new SsoConfigurations() }
  })

  /** Start, log in at the provider as `login`, and come back: the callback address and the browser's state cookie. */
  async function roundTrip(login: string, redirectTo = '/today') {
    const started = await startSsoSignIn(deps, providerId, redirectTo)
    if (!started.ok) throw new Error(`start refused: ${started.message}`)
    const url = new URL(started.location)
    expect(url.origin).toBe(idp.issuer)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('scope')).toBe('openid email profile')
    expect(url.searchParams.get('nonce')).toBeTruthy()
    expect(url.searchParams.get('state')).toBe(started.state)
    // The verifier never leaves the server.
    expect(started.location).not.toContain(t.sqlite.prepare('select code_verifier from sso_pending_logins').pluck().get() as string)
    return { callback: new URL(await loginAtProvider(started.location, login, REDIRECT_URI)), state: started.state }
  }

  const refusedAudits = () => t.sqlite.prepare("select after from audit_log where entity = 'sso_provider' and action = 'sign_in_refused'").pluck().all() as string[]

  test('a staff member the provider vouches for is signed in to her own account, case aside, and sent where she was going', async () => {
    const { callback, state } = await roundTrip(DEMO_USERS.caseManager.email.toUpperCase())
    const finished = await finishSsoSignIn(deps, { url: callback, cookieState: state })
    expect(finished).toEqual({ ok: true, userId: demo.users.caseManager, email: DEMO_USERS.caseManager.email, redirectTo: '/today' })
    expect(t.sqlite.prepare('select used_at is not null from sso_pending_logins').pluck().get()).toBe(1)
  })

  test('the school admin and a para may sign in with it too', async () => {
    for (const key of ['admin', 'para'] as const) {
      const { callback, state } = await roundTrip(DEMO_USERS[key].email)
      const finished = await finishSsoSignIn(deps, { url: callback, cookieState: state })
      expect(finished.ok && finished.userId, key).toBe(demo.users[key])
    }
  })

  test('a state from another browser (no cookie, or another cookie) is refused and the sign-in stays unused', async () => {
    const { callback, state } = await roundTrip(DEMO_USERS.caseManager.email)
    for (const cookieState of [null, `${state}x`]) {
      expect(await finishSsoSignIn(deps, { url: callback, cookieState })).toEqual({ ok: false, message: translate('sso.foreignState') })
    }
    expect(t.sqlite.prepare('select used_at from sso_pending_logins').pluck().get()).toBeNull()
    expect(refusedAudits().map((a) => JSON.parse(a).reason)).toEqual(['foreign_state', 'foreign_state'])
  })

  test('a callback replayed after it was used is refused', async () => {
    const { callback, state } = await roundTrip(DEMO_USERS.caseManager.email)
    expect((await finishSsoSignIn(deps, { url: callback, cookieState: state })).ok).toBe(true)
    expect(await finishSsoSignIn(deps, { url: callback, cookieState: state })).toEqual({ ok: false, message: translate('sso.foreignState') })
  })

  test('a sign-in left at the provider past ten minutes is refused', async () => {
    const { callback, state } = await roundTrip(DEMO_USERS.caseManager.email)
    const later = { ...deps, now: new Date(deps.now.getTime() + 11 * 60_000) }
    expect(await finishSsoSignIn(later, { url: callback, cookieState: state })).toEqual({ ok: false, message: translate('sso.foreignState') })
  })

  test('an email the provider has not verified is refused, naming the reason', async () => {
    const { callback, state } = await roundTrip(`${UNVERIFIED_PREFIX}${DEMO_USERS.caseManager.email}`)
    expect(await finishSsoSignIn(deps, { url: callback, cookieState: state })).toEqual({ ok: false, message: translate('sso.unverified') })
    expect(JSON.parse(refusedAudits()[0]!)).toMatchObject({ reason: 'unverified', email: DEMO_USERS.caseManager.email })
  })

  test('a parent’s account is never signed in through the school’s provider', async () => {
    const { callback, state } = await roundTrip(DEMO_USERS.parent.email)
    expect(await finishSsoSignIn(deps, { url: callback, cookieState: state })).toEqual({ ok: false, message: translate('sso.noAccount') })
  })

  test('an email with no account is refused with a message that names no account', async () => {
    const { callback, state } = await roundTrip('nobody@maple.example')
    const finished = await finishSsoSignIn(deps, { url: callback, cookieState: state })
    expect(finished).toEqual({ ok: false, message: translate('sso.noAccount') })
    expect(finished.ok || finished.message).not.toContain('nobody')
  })

  test('a sign-in started before the admin turned the provider off is refused', async () => {
    const { callback, state } = await roundTrip(DEMO_USERS.caseManager.email)
    await demo.callerFor('admin').sso.disable({ schoolId: demo.schoolId })
    expect(await finishSsoSignIn(deps, { url: callback, cookieState: state })).toEqual({ ok: false, message: translate('sso.providerOff') })
    expect(await startSsoSignIn(deps, providerId, '/')).toEqual({ ok: false, message: translate('sso.providerOff') })
  })

  test('refusals change no account and start no session', async () => {
    const before = ['users', 'auth_sessions', 'team_members', 'school_roles'].map((table) => countRows(t.sqlite, table))
    for (const login of [`${UNVERIFIED_PREFIX}${DEMO_USERS.para.email}`, DEMO_USERS.parent.email, 'nobody@maple.example']) {
      const { callback, state } = await roundTrip(login)
      expect((await finishSsoSignIn(deps, { url: callback, cookieState: state })).ok).toBe(false)
    }
    expect(['users', 'auth_sessions', 'team_members', 'school_roles'].map((table) => countRows(t.sqlite, table))).toEqual(before)
  })

  test('refusals for one email count toward that account’s sign-in lock, so the owner then waits too', async () => {
    const email = DEMO_USERS.speech.email
    for (let i = 0; i < 4; i++) {
      const { callback, state } = await roundTrip(`${UNVERIFIED_PREFIX}${email}`)
      expect((await finishSsoSignIn(deps, { url: callback, cookieState: state })).ok).toBe(false)
    }
    const { callback, state } = await roundTrip(email)
    const finished = await finishSsoSignIn(deps, { url: callback, cookieState: state })
    expect(finished).toMatchObject({ ok: false, retryAfter: 1 })
    // The password form shares the lock: the same account from the same client waits as well.
    expect(deps.guard.begin(email, deps.client, deps.now.getTime())).toEqual({ wait: 1 })
  })

  test('foreign states count toward the client’s lock: past the free tries, starting again must wait', async () => {
    const { callback } = await roundTrip(DEMO_USERS.caseManager.email)
    for (let i = 0; i < 21; i++) expect((await finishSsoSignIn(deps, { url: callback, cookieState: 'not-this-browser' })).ok).toBe(false)
    const started = await startSsoSignIn(deps, providerId, '/')
    expect(started).toMatchObject({ ok: false, retryAfter: 1 })
  })
})
