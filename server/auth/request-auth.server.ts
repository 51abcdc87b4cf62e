import type { DB } from '#db/client.server.ts'
import { checkCredentials, INVALID_CREDENTIALS, lockedMessage } from './sign-in.server.ts'
import { type AppLucia, withSecure } from './lucia.server.ts'
import { collabHub } from '../services/collab-hub.server.ts'
import type { SessionUser } from '../trpc/context.server.ts'

export type SignInResult = { ok: true; setCookie: string; userId: string } | { ok: false; message: string }

/** Auth operations bound to one request (its session and whether it came over https). */
export interface RequestAuth {
  user: SessionUser | null
  signIn(email: string, password: string): Promise<SignInResult>
  /** Starts a session for a user who just proved who they are (a new account from an invite). */
  startSession(userId: string): Promise<string>
  signOut(): Promise<string>
}

export function createRequestAuth(args: {
  db: DB
  lucia: AppLucia
  user: SessionUser | null
  sessionId: string | null
  secure: boolean
  now: () => Date
}): RequestAuth {
  const { db, lucia, secure } = args
  const startSession = async (userId: string) => {
    const session = await lucia.createSession(userId, {})
    return withSecure(lucia.createSessionCookie(session.id), secure)
  }
  return {
    user: args.user,
    async signIn(email, password) {
      const result = await checkCredentials(db, email, password, args.now())
      if (result.ok) return { ok: true, userId: result.userId, setCookie: await startSession(result.userId) }
      return { ok: false, message: result.reason === 'locked' ? lockedMessage(result.minutes) : INVALID_CREDENTIALS }
    },
    startSession,
    async signOut() {
      if (args.sessionId) {
        await lucia.invalidateSession(args.sessionId)
        // An open notebook in another tab would otherwise keep editing on a session that no longer exists.
        collabHub.sessionEnded(args.sessionId)
      }
      return withSecure(lucia.createBlankSessionCookie(), secure)
    },
  }
}
