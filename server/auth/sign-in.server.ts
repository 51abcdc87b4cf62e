import type { DB } from '#db/client.server.ts'
import { SPRAY_RULE, tryAgainMessage } from '#shared/sign-in-throttle.ts'
import { recordAudit } from '../services/audit.server.ts'
import { dummyPasswordHash, verifyPassword } from './password.server.ts'
import type { Attempt, RateLimits, SignInClient, SignInGuard } from './sign-in-guard.server.ts'
import { t } from '#shared/i18n/i18n.ts'

/** `switched_off`: the right password for an account a school admin deactivated (docs/people.md). */
export type CredentialCheck = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'switched_off' }

export type SignInOutcome =
  | { ok: true; userId: string; deviceCookie: string }
  | { ok: false; reason: 'invalid' | 'switched_off' }
  /** Throttled or rate-limited: answered without checking the password. */
  | { ok: false; reason: 'wait'; seconds: number }
  /**
   * The password was right and the account signs in with a code too (docs/two-step.md): no session yet, and the try
   * stays counted as a failure until the code is right (two-step-sign-in.server.ts), so the password alone resets nothing.
   */
  | { ok: 'second_step'; userId: string }

/** Worded the same for an unknown email and a wrong password, so the answer tells nothing about accounts. */
export function invalidCredentialsMessage(): string {
  return t('refusals.invalidCredentials')
}

/** Said only after the right password, so it tells nothing to someone guessing. */
export function switchedOffMessage(): string {
  return t('people.signIn.switchedOff')
}

export { tryAgainMessage }

/** Checks an email and password. An unknown email costs the same argon2 verification, so timing tells nothing. */
export async function checkCredentials(db: DB, email: string, password: string): Promise<CredentialCheck> {
  const user = await db.selectFrom('users').select(['id', 'password_hash', 'deactivated_at']).where('email', '=', email).executeTakeFirst()
  const valid = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password)
  if (user && valid && user.deactivated_at) return { ok: false, reason: 'switched_off' }
  return user && valid ? { ok: true, userId: user.id } : { ok: false, reason: 'invalid' }
}

export interface SignInDeps {
  db: DB
  guard: SignInGuard
  limits: RateLimits
  now: Date
  /** Whether the account must also give a code before it is signed in. */
  needsSecondStep?: (userId: string) => Promise<boolean>
}

/**
 * A sign-in from one client (docs/decisions/009-sign-in-throttle.md): the per-client rate limit, then the growing
 * waits per account+client and per client, then the password. Everything is the same for an email with or without an
 * account. Sign-ins and failures go to the audit log (entity `auth`); failures across many accounts from one client
 * are a spraying alert, logged as a structured warning and an audit row.
 */
export async function signInWithThrottle(deps: SignInDeps, email: string, password: string, client: SignInClient): Promise<SignInOutcome> {
  const { db, guard, limits, now } = deps
  const limitKey = guard.limitKey(email, client)
  const limited = await limits.take('signIn', limitKey)
  if (limited) return { ok: false, reason: 'wait', seconds: limited }
  const gate = guard.begin(email, client, now.getTime())
  if ('wait' in gate) return { ok: false, reason: 'wait', seconds: gate.wait }

  const result = await checkCredentials(db, email, password)
  if (result.ok && (await deps.needsSecondStep?.(result.userId))) return { ok: 'second_step', userId: result.userId }
  if (result.ok) {
    guard.succeeded(gate.attempt)
    await limits.giveBack('signIn', limitKey)
    await recordAudit(db, { actorId: result.userId, entity: 'auth', entityId: result.userId, action: 'sign_in', after: { client: client.ip }, at: now })
    return { ok: true, userId: result.userId, deviceCookie: guard.deviceCookieAfterSignIn(client, email) }
  }
  // The email as typed, known or not: the log is for the school's administrators, who may see who was tried.
  // A switched-off account counts as a failure too: its password alone must not open a way to try others.
  const switchedOff = result.reason === 'switched_off' ? { reason: 'switched_off' } : {}
  await recordAudit(db, { actorId: null, entity: 'auth', entityId: email.toLowerCase(), action: 'sign_in.failed', after: { email, client: client.ip, ...switchedOff }, at: now })
  await countFailure(deps, gate.attempt, client)
  return { ok: false, reason: result.reason }
}

/** A failed try (a wrong password, or a wrong second-step code) stays counted; many accounts from one client raise the spraying alert. */
export async function countFailure(deps: Pick<SignInDeps, 'db' | 'guard' | 'now'>, attempt: Attempt, client: SignInClient): Promise<void> {
  const { db, guard, now } = deps
  const alert = guard.failed(attempt, now.getTime())
  if (alert) {
    const windowMinutes = SPRAY_RULE.windowMs / 60_000
    console.warn(JSON.stringify({ level: 'warn', event: 'sign_in.spray_alert', client: client.ip, accounts: alert.accounts, windowMinutes, at: now.toISOString() }))
    await recordAudit(db, { actorId: null, entity: 'auth', entityId: client.ip, action: 'sign_in.spray_alert', after: { client: client.ip, accounts: alert.accounts, windowMinutes }, at: now })
  }
}
