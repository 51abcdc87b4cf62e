import type { Cookie } from 'lucia'
import type { Language } from '#shared/i18n/i18n.ts'
import type { AppLucia } from './lucia.server.ts'

/** Who a request or a socket speaks for: the signed-in person, as every check and every audit row sees them. */
export interface SessionUser {
  id: string
  email: string
  name: string
  /** What they read pages and mail in (docs/languages.md). */
  language: Language
}

export type SessionRead =
  | { user: SessionUser; sessionId: string; cookie: Cookie | null }
  | { user: null; sessionId: null; cookie: Cookie | null }

/**
 * The session a Cookie header carries, read the same way for pages, the API and the notebooks' socket, so a
 * session that opens one opens the others and a signed-out one opens none. `cookie` is what to send back, if
 * anything: the extended cookie of a session Lucia refreshed, or a blank one that clears a dead session's.
 */
export async function readSession(lucia: AppLucia, cookieHeader: string | undefined): Promise<SessionRead> {
  const sessionId = lucia.readSessionCookie(cookieHeader ?? '')
  if (!sessionId) return { user: null, sessionId: null, cookie: null }
  const { session, user } = await lucia.validateSession(sessionId)
  if (!session) return { user: null, sessionId: null, cookie: lucia.createBlankSessionCookie() }
  return {
    user: { id: user.id, email: user.email, name: user.name, language: user.language },
    sessionId: session.id,
    cookie: session.fresh ? lucia.createSessionCookie(session.id) : null,
  }
}
