import type { DB } from '#db/client.server.ts'
import { CHALLENGE_MAX_ATTEMPTS, CHALLENGE_TTL_MS, TWO_STEP_COOKIE } from '#shared/two-step.ts'
import { hashAccountToken, newAccountToken } from '../services/account.server.ts'
import { recordAudit } from '../services/audit.server.ts'
import { acceptCode, spendRecoveryCode } from '../services/two-step.server.ts'
import { countFailure } from './sign-in.server.ts'
import type { RateLimits, SignInClient, SignInGuard } from './sign-in-guard.server.ts'

/**
 * The second step of a sign-in (docs/two-step.md). A right password for an account with two-step sign-in on makes a
 * challenge instead of a session: the browser gets its token in a short-lived cookie, the table keeps its hash, and
 * the session starts only when a code from the app (or an unused recovery code) is right.
 */

const CHALLENGE_SECONDS = CHALLENGE_TTL_MS / 1000

/** HttpOnly and SameSite=Lax like the session cookie, Secure over https, and gone with the challenge. */
export function challengeCookieHeader(token: string, secure: boolean): string {
  return `${TWO_STEP_COOKIE}=${token}; Path=/; Max-Age=${CHALLENGE_SECONDS}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

export function clearChallengeCookieHeader(secure: boolean): string {
  return `${TWO_STEP_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

/** A challenge for a user whose password was just right; finished challenges of anyone are cleared on the way. */
export async function createChallenge(db: DB, args: { userId: string; redirectTo: string; now: Date }): Promise<string> {
  const token = newAccountToken()
  const at = args.now.toISOString()
  await db.deleteFrom('two_step_challenges').where('expires_at', '<=', at).execute()
  await db
    .insertInto('two_step_challenges')
    .values({
      token_hash: hashAccountToken(token),
      user_id: args.userId,
      created_at: at,
      expires_at: new Date(args.now.getTime() + CHALLENGE_TTL_MS).toISOString(),
      attempts: 0,
      redirect_to: args.redirectTo.slice(0, 500),
    })
    .execute()
  return token
}

async function liveChallenge(db: DB, token: string | null, now: Date) {
  if (!token) return null
  const row = await db.selectFrom('two_step_challenges').selectAll().where('token_hash', '=', hashAccountToken(token)).executeTakeFirst()
  if (!row || row.expires_at <= now.toISOString() || row.attempts >= CHALLENGE_MAX_ATTEMPTS) return null
  return row
}

export type SecondStepAnswer = { kind: 'code' | 'recovery'; value: string }

export type SecondStepOutcome =
  | { ok: true; userId: string; email: string; redirectTo: string }
  /** No challenge, or it expired or ran out of tries: sign in again with the password. */
  | { ok: false; reason: 'ended' }
  | { ok: false; reason: 'wait'; seconds: number }
  /** `ended`: that was the challenge's last try. */
  | { ok: false; reason: 'wrong' | 'replayed' | 'wrong_recovery'; ended: boolean }

export interface SecondStepDeps {
  db: DB
  guard: SignInGuard
  limits: RateLimits
  now: Date
}

/**
 * Answers a challenge. Each try passes the same rate limit and sign-in throttle as a password (the account from this
 * client): a wrong, expired or used code is a failed sign-in, counted before it is checked, and past the free ones
 * the client waits. Right: the failures counted for the password and for this try are taken back.
 */
export async function answerChallenge(deps: SecondStepDeps, token: string | null, answer: SecondStepAnswer, client: SignInClient): Promise<SecondStepOutcome> {
  const { db, guard, limits, now } = deps
  const challenge = await liveChallenge(db, token, now)
  if (!challenge) return { ok: false, reason: 'ended' }
  const user = await db.selectFrom('users').select(['id', 'email']).where('id', '=', challenge.user_id).executeTakeFirstOrThrow()
  const limitKey = guard.limitKey(user.email, client)
  const limited = await limits.take('signIn', limitKey)
  if (limited) return { ok: false, reason: 'wait', seconds: limited }
  const gate = guard.begin(user.email, client, now.getTime())
  if ('wait' in gate) return { ok: false, reason: 'wait', seconds: gate.wait }

  const outcome = await db.transaction().execute(async (trx): Promise<SecondStepOutcome> => {
    let failed: 'wrong' | 'replayed' | 'wrong_recovery' | null = null
    if (answer.kind === 'code') {
      const decision = await acceptCode(trx, user.id, answer.value, now)
      if (!decision.ok) failed = decision.reason
    } else if (await spendRecoveryCode(trx, user.id, answer.value, now)) {
      await recordAudit(trx, { actorId: user.id, entity: 'auth', entityId: user.id, action: 'two_step.recovery_used', after: { client: client.ip }, at: now })
    } else {
      failed = 'wrong_recovery'
    }
    if (!failed) {
      await trx.deleteFrom('two_step_challenges').where('token_hash', '=', challenge.token_hash).execute()
      return { ok: true, userId: user.id, email: user.email, redirectTo: challenge.redirect_to }
    }
    const attempts = challenge.attempts + 1
    const ended = attempts >= CHALLENGE_MAX_ATTEMPTS
    if (ended) await trx.deleteFrom('two_step_challenges').where('token_hash', '=', challenge.token_hash).execute()
    else await trx.updateTable('two_step_challenges').set({ attempts }).where('token_hash', '=', challenge.token_hash).execute()
    await recordAudit(trx, { actorId: null, entity: 'auth', entityId: user.id, action: 'sign_in.code_failed', after: { email: user.email, client: client.ip, reason: failed }, at: now })
    return { ok: false, reason: failed, ended }
  })

  if (outcome.ok) {
    // This try's failure and the password's, both counted in advance, are given back.
    guard.succeeded(gate.attempt)
    guard.succeeded(gate.attempt)
    await limits.giveBack('signIn', limitKey)
    await limits.giveBack('signIn', limitKey)
  } else {
    await countFailure(deps, gate.attempt, client)
  }
  return outcome
}
