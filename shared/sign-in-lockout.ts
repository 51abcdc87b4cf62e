export const MAX_FAILURES = 10
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000

/**
 * When sign-in for one account is locked: 10 failures within 15 minutes lock it for 15 minutes from
 * the 10th. Failures made while locked are not recorded, so the lock cannot be extended by an attacker.
 */
export function lockedUntil(failures: readonly Date[], now: Date): Date | null {
  const times = failures
    .map((d) => d.getTime())
    .filter((t) => t <= now.getTime())
    .sort((a, b) => a - b)
  // Any run of 10 failures spanning less than 15 minutes locks until 15 minutes after the run's last one.
  // (Counting only the last 15 minutes from `now` would lift the lock 15 minutes after the 1st failure.)
  let until = 0
  for (let last = MAX_FAILURES - 1; last < times.length; last++) {
    if (times[last]! - times[last - MAX_FAILURES + 1]! < LOCKOUT_WINDOW_MS) until = Math.max(until, times[last]! + LOCKOUT_WINDOW_MS)
  }
  return until > now.getTime() ? new Date(until) : null
}

export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000))
}
