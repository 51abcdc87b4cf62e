import type { DB } from '#db/client.server.ts'
import { invalidCredentialsMessage, signInWithThrottle, switchedOffMessage, tryAgainMessage } from './sign-in.server.ts'
import { type AppLucia, withSecure } from './lucia.server.ts'
import { DEVICE_COOKIE, RateLimits, type SignInClient, SignInGuard } from './sign-in-guard.server.ts'
import { collabHub } from '../services/collab-hub.server.ts'
import { recordAudit } from '../services/audit.server.ts'
import type { SessionUser } from './session.server.ts'

export type SignInResult =
  | { ok: true; setCookie: string; deviceCookie: string; userId: string }
  | { ok: false; message: string; retryAfter?: number }

/** Auth operations bound to one request (its session, its client and whether it came over https). */
export interface RequestAuth {
  user: SessionUser | null
  signIn(email: string, password: string): Promise<SignInResult>
  /**
   * Starts a session for a user who just proved who they are (a new account from an invite): its Set-Cookie headers,
   * the session's and the device cookie that makes this browser the owner's for later sign-ins.
   */
  startSession(userId: string, email: string, method?: SessionMethod): Promise<string[]>
  signOut(): Promise<string>
}

/** How a session began: shown in the person's device list and kept in the history of sign-ins. */
export type SessionMethod = 'password' | 'invite' | 'password_reset' | 'sso'

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
    async signIn(email, password) {
      const result = await signInWithThrottle({ db, guard, limits, now: args.now() }, email, password, client)
      if (result.ok) {
        return { ok: true, userId: result.userId, setCookie: await createCookie(result.userId, 'password'), deviceCookie: deviceCookieHeader(result.deviceCookie, secure) }
      }
      if (result.reason === 'wait') return { ok: false, message: tryAgainMessage(result.seconds), retryAfter: result.seconds }
      return { ok: false, message: result.reason === 'switched_off' ? switchedOffMessage() : invalidCredentialsMessage() }
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
