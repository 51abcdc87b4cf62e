import { Cookie, Lucia, TimeSpan } from 'lucia'
import type { DB } from '#db/client.server.ts'
import type { Language } from '#shared/i18n/i18n.ts'
import { KyselyLuciaAdapter } from './lucia-adapter.server.ts'

export const SESSION_COOKIE = 'same_page_session'

export function createLucia(db: DB) {
  return new Lucia(new KyselyLuciaAdapter(db), {
    sessionExpiresIn: new TimeSpan(30, 'd'),
    sessionCookie: { name: SESSION_COOKIE, attributes: { sameSite: 'lax', path: '/' } },
    getUserAttributes: (attributes) => ({ email: attributes.email, name: attributes.name, language: attributes.language }),
  })
}

export type AppLucia = ReturnType<typeof createLucia>

declare module 'lucia' {
  interface Register {
    Lucia: AppLucia
    DatabaseUserAttributes: { email: string; name: string; language: Language }
    /** Written once when a session starts (lucia-adapter.server.ts); the device list and idle limits read them. */
    DatabaseSessionAttributes: { created_at?: number; user_agent?: string | null; ip?: string | null; method?: string | null }
  }
}

/** Lucia fixes `secure` once; we decide per request so http://localhost works and https is always Secure. */
export function withSecure(cookie: Cookie, secure: boolean): string {
  return new Cookie(cookie.name, cookie.value, { ...cookie.attributes, httpOnly: true, sameSite: 'lax', secure }).serialize()
}
