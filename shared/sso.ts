/**
 * Single sign-on with a school's own sign-in service (OpenID Connect): the rules that need no network or database.
 * docs/sign-in-with-district.md explains them for the admins who set it up.
 */

/** Where the provider sends people back: the same path for every school, registered with the provider as is. */
export const SSO_CALLBACK_PATH = '/sso/callback'

/** The claims asked for: who the person is (sub), their email and whether the provider checked it, and their name. */
export const SSO_SCOPE = 'openid email profile'

/** How long a sign-in may take at the provider before its start expires (and its state is refused). */
export const SSO_PENDING_MINUTES = 10

/** How long a provider's discovered settings are reused before they are read again. */
export const SSO_DISCOVERY_CACHE_MS = 5 * 60_000

/** Bounds of what an admin types. */
export const SSO_LIMITS = { label: 60, issuer: 300, clientId: 300, clientSecret: 500 } as const

export type IssuerProblem = 'notUrl' | 'notHttps' | 'hasQuery'

/**
 * Whether an issuer address may be used: https always; plain http only for this machine (localhost, 127.0.0.1)
 * and only outside production, so a test provider works and a real one is never reached unencrypted.
 */
export function issuerProblem(issuer: string, options: { production: boolean }): IssuerProblem | null {
  let url: URL
  try {
    url = new URL(issuer)
  } catch {
    return 'notUrl'
  }
  if (url.search || url.hash || url.username || url.password) return 'hasQuery'
  if (url.protocol === 'https:') return null
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1'
  if (url.protocol === 'http:' && local && !options.production) return null
  return url.protocol === 'http:' || url.protocol === 'https:' ? 'notHttps' : 'notUrl'
}

/**
 * Whether the provider vouches for the email: `email_verified` exactly true (a string "true" is not enough).
 * Microsoft Entra sends no `email_verified`; its optional claim `xms_edov` (the email's domain is verified by the
 * tenant's owner) says the same thing and is read in its place.
 */
export function emailIsVerified(claims: Record<string, unknown>): boolean {
  return claims.email_verified === true || claims.xms_edov === true
}

/** An email as the provider gave it, compared without regard to case; null when there is none worth reading. */
export function normalEmail(email: unknown): string | null {
  if (typeof email !== 'string') return null
  const trimmed = email.trim().toLowerCase()
  return trimmed.length > 0 && trimmed.length <= 254 && trimmed.includes('@') ? trimmed : null
}

/** The team roles whose holders are staff of the school, and may sign in with its provider. Never a parent. */
export const SSO_STAFF_ROLES = ['case_manager', 'provider', 'para'] as const
