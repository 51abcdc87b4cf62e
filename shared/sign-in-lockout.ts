export const MAX_FAILURES = 10
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000

/**
 * When sign-in for one account is locked: 10 failures within 15 minutes lock it for 15 minutes from
 * the 10th. Failures made while locked are not recorded, so the lock cannot be extended by an attacker.
 */
export function lockedUntil(failures: readonly Date[], now: Date): Date | null {
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - LOCKOUT_WINDOW_MS && t <= now.getTime())
  if (recent.length < MAX_FAILURES) return null
  const until = Math.max(...recent) + LOCKOUT_WINDOW_MS
  return until > now.getTime() ? new Date(until) : null
}

export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000))
}
