import type { DB } from '#db/client.server.ts'
import { invalidCredentialsMessage, signInWithThrottle, switchedOffMessage, tryAgainMessage } from './sign-in.server.ts'
import { type AppLucia, withSecure } from './lucia.server.ts'
import { DEVICE_COOKIE, RateLimits, type SignInClient, SignInGuard } from './sign-in-guard.server.ts'
import { collabHub } from '../services/collab-hub.server.ts'
import { recordAudit } from '../services/audit.server.ts'
import type { SessionUser } from './session.server.ts'
import { answerChallenge, challengeCookieHeader, clearChallengeCookieHeader, createChallenge, type SecondStepAnswer } from './two-step-sign-in.server.ts'
import { isTwoStepOn } from '../services/two-step.server.ts'
import { t } from '#shared/i18n/i18n.ts'

export type SignInResult =
  | { ok: true; setCookie: string; deviceCookie: string; userId: string }
  | { ok: false; message: string; retryAfter?: number }
  /** The password was right and the account asks for a code too: the challenge cookie, and no session yet (docs/two-step.md). */
  | { ok: 'second_step'; setCookie: string }

export type SecondStepResult =
  | { ok: true; headers: string[]; redirectTo: string }
  /** `ended`: the challenge is gone (expired, out of tries, or never there): the person signs in again. */
  | { ok: false; message: string; retryAfter?: number; ended: boolean; headers: string[] }

/** Auth operations bound to one request (its session, its client and whether it came over https). */
export interface RequestAuth {
  user: SessionUser | null
  signIn(email: string, password: string, redirectTo?: string): Promise<SignInResult>
  /** The second step of a sign-in: the browser's challenge token (its cookie) and the code or recovery code typed. */
  answerSecondStep(challengeToken: string | null, answer: SecondStepAnswer): Promise<SecondStepResult>
  /**
   * Starts a session for a user who just proved who they are (a new account from an invite): its Set-Cookie headers,
   * the session's and the device cookie that makes this browser the owner's for later sign-ins.
   */
  startSession(userId: string, email: string, method?: SessionMethod): Promise<string[]>
  signOut(): Promise<string>
}

/** How a session began: shown in the person's device list and kept in the history of sign-ins. */
export type SessionMethod = 'password' | 'invite' | 'password_reset' | 'sso' | 'two_step'

const USER_AGENT_MAX = 300

const YEAR_SECONDS = 365 * 24 * 60 * 60

/** The device cookie (sign-in-guard.server.ts): long-lived, HttpOnly, and carrying only HMAC tags, never an email. */
export function deviceCookieHeader(value: string, secure: boolean): string {
  return `${DEVICE_COOKIE}=${value}; Path=/; Max-Age=${YEAR_SECONDS}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

/** The device cookie's value from a Cookie header, if any. */
export function readDeviceCookie(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === DEVICE_COOKIE) return rest.join('=') || null
  }
  return null
}

export function createRequestAuth(args: {
  db: DB
  lucia: AppLucia
  user: SessionUser | null
  sessionId: string | null
  secure: boolean
  now: () => Date
  /** The app's one guard and limits; a bare instance for callers that never sign in (tests of sign-out). */
  guard?: SignInGuard
  limits?: RateLimits
  client?: SignInClient
}): RequestAuth {
  const { db, lucia, secure } = args
  const guard = args.guard ?? new SignInGuard()
  const limits = args.limits ?? new RateLimits()
  const client = args.client ?? { ip: 'unknown', deviceCookie: null }
  const createCookie = async (userId: string, method: SessionMethod) => {
    const session = await lucia.createSession(userId, {
      created_at: args.now().getTime(),
      user_agent: client.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      ip: client.ip.slice(0, 64),
      method,
    })
    return withSecure(lucia.createSessionCookie(session.id), secure)
  }
  return {
    user: args.user,
    async signIn(email, password, redirectTo = '/') {
      const needsSecondStep = (userId: string) => isTwoStepOn(db, userId)
      const result = await signInWithThrottle({ db, guard, limits, now: args.now(), needsSecondStep }, email, password, client)
      if (result.ok === 'second_step') {
        const token = await createChallenge(db, { userId: result.userId, redirectTo, now: args.now() })
        return { ok: 'second_step', setCookie: challengeCookieHeader(token, secure) }
      }
      if (result.ok) {
        return { ok: true, userId: result.userId, setCookie: await createCookie(result.userId, 'password'), deviceCookie: deviceCookieHeader(result.deviceCookie, secure) }
      }
      if (result.reason === 'wait') return { ok: false, message: tryAgainMessage(result.seconds), retryAfter: result.seconds }
      return { ok: false, message: result.reason === 'switched_off' ? switchedOffMessage() : invalidCredentialsMessage() }
    },
    async answerSecondStep(challengeToken, answer) {
      const outcome = await answerChallenge({ db, guard, limits, now: args.now() }, challengeToken, answer, client)
      const cleared = clearChallengeCookieHeader(secure)
      if (outcome.ok) {
        return { ok: true, redirectTo: outcome.redirectTo, headers: [cleared, ...(await this.startSession(outcome.userId, outcome.email, 'two_step'))] }
      }
      if (outcome.reason === 'wait') return { ok: false, message: tryAgainMessage(outcome.seconds), retryAfter: outcome.seconds, ended: false, headers: [] }
      if (outcome.reason === 'ended') return { ok: false, message: t('twoStep.challengeGone'), ended: true, headers: [cleared] }
      if (outcome.ended) return { ok: false, message: t('twoStep.tooManyTries'), ended: true, headers: [cleared] }
      const message = outcome.reason === 'replayed' ? t('twoStep.replayedCode') : outcome.reason === 'wrong_recovery' ? t('twoStep.wrongRecoveryCode') : t('twoStep.wrongCode')
      return { ok: false, message, ended: false, headers: [] }
    },
    async startSession(userId, email, method = 'invite') {
      // A new account from an invite, a password just set from a reset link, or a person the school's sign-in service vouched for.
      await recordAudit(db, { actorId: userId, entity: 'auth', entityId: userId, action: 'sign_in', after: { client: client.ip, method }, at: args.now() })
      return [await createCookie(userId, method), deviceCookieHeader(guard.deviceCookieAfterSignIn(client, email), secure)]
    },
    async signOut() {
      if (args.sessionId) {
        await lucia.invalidateSession(args.sessionId)
        // An open notebook in another tab would otherwise keep editing on a session that no longer exists.
        collabHub.sessionEnded(args.sessionId)
        if (args.user) await recordAudit(db, { actorId: args.user.id, entity: 'auth', entityId: args.user.id, action: 'sign_out', after: { client: client.ip }, at: args.now() })
      }
      return withSecure(lucia.createBlankSessionCookie(), secure)
    },
  }
}
