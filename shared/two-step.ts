/**
 * Two-step sign-in (docs/two-step.md): the pure rules. The server computes the codes (RFC 6238, with
 * @oslojs/otp) and keeps the last accepted step; these functions decide which steps to try, which match counts,
 * and what a typed code or recovery code must look like.
 */

/** Codes change every 30 seconds and have 6 digits: what every authenticator app does by default. */
export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
/** One step either side of now is accepted: a phone's clock a little off, or a code typed as it changed. */
export const TOTP_WINDOW_STEPS = 1
/** How many recovery codes a person gets, each usable once. */
export const RECOVERY_CODE_COUNT = 10
/** A recovery code: 16 letters and digits (80 random bits), shown in groups of four. */
export const RECOVERY_CODE_LENGTH = 16
/** The second step of a sign-in waits this long, and allows this many tries, before the password is asked again. */
export const CHALLENGE_TTL_MS = 5 * 60_000
export const CHALLENGE_MAX_ATTEMPTS = 5

/** The 30-second step a moment falls in (its count since 1970). */
export function timeStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS)
}

/** The steps whose codes are accepted at `nowMs`: now first, then the one before and the one after. */
export function acceptedSteps(nowMs: number): number[] {
  const now = timeStep(nowMs)
  const steps = [now]
  for (let d = 1; d <= TOTP_WINDOW_STEPS; d++) steps.push(now - d, now + d)
  return steps
}

export type CodeDecision = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'replayed' }

/**
 * Given the steps (from `acceptedSteps`) whose code matched what was typed and the last step a code was accepted
 * for: the latest matching step later than that one is accepted; a match only at or before it is a replay.
 */
export function decideCode(matchedSteps: readonly number[], lastStep: number | null): CodeDecision {
  if (!matchedSteps.length) return { ok: false, reason: 'wrong' }
  const fresh = matchedSteps.filter((s) => lastStep === null || s > lastStep)
  if (!fresh.length) return { ok: false, reason: 'replayed' }
  return { ok: true, step: Math.max(...fresh) }
}

/** A typed code as six digits, spaces and dashes dropped ("123 456" is fine); null when it is not one. */
export function normalizeCode(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '')
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(digits) ? digits : null
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** A recovery code made from random bytes (one byte per character, kept unbiased by rejecting the top). */
export function recoveryCodeFrom(bytes: Uint8Array): string | null {
  const limit = 256 - (256 % RECOVERY_ALPHABET.length)
  let code = ''
  for (const b of bytes) {
    if (b >= limit) continue
    code += RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]
    if (code.length === RECOVERY_CODE_LENGTH) return code
  }
  return null
}

/** A typed recovery code in its stored form (lower case, no spaces or dashes); null when it cannot be one. */
export function normalizeRecoveryCode(typed: string): string | null {
  const plain = typed.replace(/[\s-]/g, '').toLowerCase()
  return plain.length === RECOVERY_CODE_LENGTH && [...plain].every((c) => RECOVERY_ALPHABET.includes(c)) ? plain : null
}

/** A recovery code as shown: groups of four joined by dashes. */
export function showRecoveryCode(code: string): string {
  return groups(code, 4).join('-')
}

/** The key in base32 as a person types it into an app: groups of four, separated by spaces. */
export function showKey(base32: string): string {
  return groups(base32, 4).join(' ')
}

function groups(text: string, size: number): string[] {
  const out: string[] = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out
}

/** Pages an account that owes its two-step set-up may still open: signing out, and the set-up itself. */
export function openWhileSetUpOwed(pathname: string): boolean {
  return pathname === '/sign-out' || pathname === TWO_STEP_SETUP_PATH || pathname.startsWith(`${TWO_STEP_SETUP_PATH}/`)
}

export const TWO_STEP_SETUP_PATH = '/account/two-step'
/** The cookie that holds a sign-in's challenge token between the password and the code. */
export const TWO_STEP_COOKIE = 'same_page_two_step'

/** Where a sign-in whose password was right asks for the code. */
export const SECOND_STEP_PATH = '/sign-in/code'
