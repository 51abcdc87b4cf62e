/**
 * How long a signed-in session lasts. Staff sign in on shared classroom devices (an iPad passed between adults), so
 * a staff session ends after a short time without activity and after a school day at most; a family's phone is
 * their own, so theirs lasts days. Each school sets both lengths within the bounds below.
 */

export const MINUTE_MS = 60_000
export const DAY_MS = 24 * 60 * MINUTE_MS

export const STAFF_IDLE_MINUTES = { default: 30, min: 5, max: 240 } as const
export const FAMILY_SESSION_DAYS = { default: 30, min: 1, max: 90 } as const
/** A staff session never outlives a school day, however busy: the next morning starts with a fresh sign-in. */
export const STAFF_MAX_MS = 12 * 60 * MINUTE_MS
/** The page warns this long before an idle sign-out, with a button to stay signed in. */
export const WARN_BEFORE_MS = MINUTE_MS

export type SessionAudience = 'staff' | 'family'

export interface SessionLimits {
  audience: SessionAudience
  /** Ends after this long without activity. */
  idleMs: number
  /** Ends this long after signing in, whatever happens; null: no such limit. */
  maxMs: number | null
}

export type SessionEnd = 'idle' | 'max'

/** One school's settings, as stored. */
export interface SchoolSessionSettings {
  staffIdleMinutes: number
  familySessionDays: number
}

const clamp = (value: number, bounds: { min: number; max: number; default: number }) =>
  Number.isInteger(value) && value >= bounds.min && value <= bounds.max ? value : bounds.default

/**
 * The limits for one person. A person who is a family member anywhere signs in as family (accounts are never both,
 * docs/roles.md). Staff of several schools get the strictest school's idle limit: the device in front of them may
 * be in either.
 */
export function limitsFor(audience: SessionAudience, schools: SchoolSessionSettings[]): SessionLimits {
  if (audience === 'family') {
    const days = schools.length ? Math.min(...schools.map((s) => clamp(s.familySessionDays, FAMILY_SESSION_DAYS))) : FAMILY_SESSION_DAYS.default
    return { audience, idleMs: days * DAY_MS, maxMs: null }
  }
  const minutes = schools.length ? Math.min(...schools.map((s) => clamp(s.staffIdleMinutes, STAFF_IDLE_MINUTES))) : STAFF_IDLE_MINUTES.default
  return { audience, idleMs: minutes * MINUTE_MS, maxMs: STAFF_MAX_MS }
}

/** When a session ends if nothing more happens, and why: the earlier of its idle and its absolute limit. */
export function sessionDeadline(limits: SessionLimits, createdAt: number, lastSeenAt: number): { at: number; reason: SessionEnd } {
  const idleAt = lastSeenAt + limits.idleMs
  if (limits.maxMs === null) return { at: idleAt, reason: 'idle' }
  const maxAt = createdAt + limits.maxMs
  return maxAt <= idleAt ? { at: maxAt, reason: 'max' } : { at: idleAt, reason: 'idle' }
}

/** Why the session has ended at `now`, or null while it lasts. The deadline itself is already too late. */
export function sessionEnded(limits: SessionLimits, createdAt: number, lastSeenAt: number, now: number): SessionEnd | null {
  const deadline = sessionDeadline(limits, createdAt, lastSeenAt)
  return now >= deadline.at ? deadline.reason : null
}

/** The only values a sign-in page accepts as "why you were signed out" (read back from a cookie). */
export function isSessionEnd(value: unknown): value is SessionEnd {
  return value === 'idle' || value === 'max'
}
