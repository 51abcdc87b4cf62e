import { describe, expect, test } from 'vitest'
import { accessEndsAt, ADVOCATE_MAX_DAYS, grantStatus, isOpen, lastDayForDays, lastDayOf, lastDayProblem, latestLastDay, linkExpiresAt } from './advocates.ts'

const NOW = new Date('2026-11-17T15:00:00')
const grant = (over: Partial<Parameters<typeof grantStatus>[0]> = {}) => ({
  expiresAt: accessEndsAt('2026-11-30').toISOString(),
  inviteExpiresAt: new Date('2026-11-24T15:00:00').toISOString(),
  acceptedAt: null,
  revokedAt: null,
  ...over,
})

describe('a grant’s dates', () => {
  test('access ends at the first moment after the last day, where the school is', () => {
    expect(accessEndsAt('2026-11-30').getTime()).toBe(new Date('2026-12-01T00:00:00').getTime())
    expect(lastDayOf(accessEndsAt('2026-11-30').toISOString())).toBe('2026-11-30')
  })

  test('"for n days" counts today: 1 day is today, 90 days is the latest last day', () => {
    expect(lastDayForDays('2026-11-17', 1)).toBe('2026-11-17')
    expect(lastDayForDays('2026-11-17', ADVOCATE_MAX_DAYS)).toBe(latestLastDay('2026-11-17'))
  })

  test('the last day is today at the earliest and 89 days later at the latest (90 days, today included)', () => {
    expect(ADVOCATE_MAX_DAYS).toBe(90)
    expect(latestLastDay('2026-11-17')).toBe('2027-02-14')
    expect(lastDayProblem('2026-11-17', NOW)).toBeNull()
    expect(lastDayProblem('2027-02-14', NOW)).toBeNull()
    expect(lastDayProblem('2027-02-15', NOW)).toBe('Access can last at most 90 days, today included: the last day can be 2027-02-14 at the latest.')
    expect(lastDayProblem('2026-11-16', NOW)).toBe('The last day cannot be before today (2026-11-17).')
    expect(lastDayProblem('2000-01-01', NOW)).not.toBeNull()
    expect(lastDayProblem('2100-12-31', NOW)).not.toBeNull()
  })

  test('the link works for a week, never past the access itself', () => {
    expect(linkExpiresAt(NOW, accessEndsAt('2027-01-31')).getTime()).toBe(NOW.getTime() + 7 * 86_400_000)
    expect(linkExpiresAt(NOW, accessEndsAt('2026-11-18')).getTime()).toBe(accessEndsAt('2026-11-18').getTime())
  })
})

describe('where a grant stands', () => {
  test('invited until the link expires, then unused', () => {
    expect(grantStatus(grant(), NOW)).toBe('invited')
    expect(grantStatus(grant(), new Date('2026-11-24T15:00:00'))).toBe('unused')
  })

  test('active once accepted, ended exactly at expiresAt and not a millisecond later', () => {
    const accepted = grant({ acceptedAt: NOW.toISOString() })
    const end = accessEndsAt('2026-11-30').getTime()
    expect(grantStatus(accepted, new Date(end - 1))).toBe('active')
    expect(grantStatus(accepted, new Date(end))).toBe('expired')
  })

  test('revoked wins over everything', () => {
    expect(grantStatus(grant({ acceptedAt: NOW.toISOString(), revokedAt: NOW.toISOString() }), NOW)).toBe('revoked')
  })

  test('only invited and active grants are open', () => {
    expect((['invited', 'active', 'revoked', 'expired', 'unused'] as const).filter(isOpen)).toEqual(['invited', 'active'])
  })
})
