import { describe, expect, it } from 'vitest'
import { DAY_MS, limitsFor, MINUTE_MS, sessionDeadline, sessionEnded, STAFF_MAX_MS } from './session-limits.ts'

const school = (staffIdleMinutes: number, familySessionDays = 30) => ({ staffIdleMinutes, familySessionDays })

describe('session limits', () => {
  it('staff: the strictest idle limit of their schools, 30 minutes without a school, and 12 hours at most', () => {
    expect(limitsFor('staff', [])).toEqual({ audience: 'staff', idleMs: 30 * MINUTE_MS, maxMs: STAFF_MAX_MS })
    expect(limitsFor('staff', [school(45), school(15)]).idleMs).toBe(15 * MINUTE_MS)
  })

  it('families: days, not minutes, and no absolute limit', () => {
    expect(limitsFor('family', [school(15, 14)])).toEqual({ audience: 'family', idleMs: 14 * DAY_MS, maxMs: null })
    expect(limitsFor('family', []).idleMs).toBe(30 * DAY_MS)
  })

  it('a stored value out of bounds falls back to the default rather than to no limit', () => {
    expect(limitsFor('staff', [school(0)]).idleMs).toBe(30 * MINUTE_MS)
    expect(limitsFor('staff', [school(100_000)]).idleMs).toBe(30 * MINUTE_MS)
    expect(limitsFor('family', [school(30, 1.5)]).idleMs).toBe(30 * DAY_MS)
  })

  it('ends idle at the idle limit after the last activity; activity moves it', () => {
    const staff = limitsFor('staff', [school(30)])
    const start = Date.UTC(2026, 11, 7, 8)
    expect(sessionEnded(staff, start, start, start + 30 * MINUTE_MS - 1)).toBeNull()
    expect(sessionEnded(staff, start, start, start + 30 * MINUTE_MS)).toBe('idle')
    expect(sessionEnded(staff, start, start + 20 * MINUTE_MS, start + 30 * MINUTE_MS)).toBeNull()
  })

  it('a busy staff session still ends 12 hours after signing in, and says so', () => {
    const staff = limitsFor('staff', [school(30)])
    const start = Date.UTC(2026, 11, 7, 7)
    const busy = start + 12 * 60 * MINUTE_MS - MINUTE_MS
    expect(sessionDeadline(staff, start, busy)).toEqual({ at: start + STAFF_MAX_MS, reason: 'max' })
    expect(sessionEnded(staff, start, busy, start + STAFF_MAX_MS)).toBe('max')
  })

  it('a family session lasts as long as it is used', () => {
    const family = limitsFor('family', [school(30, 30)])
    const start = Date.UTC(2026, 11, 7, 7)
    expect(sessionEnded(family, start, start + 60 * DAY_MS, start + 80 * DAY_MS)).toBeNull()
    expect(sessionEnded(family, start, start + 60 * DAY_MS, start + 90 * DAY_MS)).toBe('idle')
  })
})
