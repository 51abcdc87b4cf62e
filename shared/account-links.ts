/** How long a link mailed for an account change stays usable: short for a password, a day for a new address. */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000
/** The settings link at the foot of a notice or digest: a term's worth of kept emails can still be acted on. */
export const NOTICE_SETTINGS_LINK_TTL_MS = 90 * 24 * 60 * 60 * 1000

export type LinkStatus = 'valid' | 'expired' | 'used' | 'invalid'

/**
 * What a mailed link is worth now. A used link says so even once past its hour, because "already used" is what
 * the person needs to hear (someone, maybe they, already changed it); no row at all is "not valid".
 */
export function linkStatus(row: { expires_at: string; used_at: string | null } | undefined, now: Date): LinkStatus {
  if (!row) return 'invalid'
  if (row.used_at) return 'used'
  return now.getTime() >= Date.parse(row.expires_at) ? 'expired' : 'valid'
}

/** The instant a link made now stops working. */
export function linkExpiry(now: Date, ttlMs: number): string {
  return new Date(now.getTime() + ttlMs).toISOString()
}
