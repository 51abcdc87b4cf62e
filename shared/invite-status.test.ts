import { describe, expect, test } from 'vitest'
import { INVITE_LIFETIME_MS, INVITE_STATUS_MESSAGES, inviteExpiry, inviteStatus } from './invite-status.ts'

const DAY = 24 * 60 * 60 * 1000
const created = new Date('2026-03-02T09:00:00.000Z')
const expiresAt = new Date(created.getTime() + 7 * DAY).toISOString()
const fresh = { expiresAt, usedAt: null, revokedAt: null }

describe('inviteStatus', () => {
  test('an invite lasts 7 days', () => {
    expect(INVITE_LIFETIME_MS).toBe(7 * DAY)
    expect(inviteExpiry(created).toISOString()).toBe(expiresAt)
  })

  test('valid when unused, not revoked and before expiry', () => {
    expect(inviteStatus(fresh, created)).toBe('valid')
    expect(inviteStatus(fresh, new Date(created.getTime() + 7 * DAY - 1))).toBe('valid')
  })

  test('expired exactly at 7 days, and after', () => {
    expect(inviteStatus(fresh, new Date(created.getTime() + 7 * DAY))).toBe('expired')
    expect(inviteStatus(fresh, new Date(created.getTime() + 30 * DAY))).toBe('expired')
  })

  test('used once used, even before expiry', () => {
    expect(inviteStatus({ ...fresh, usedAt: created.toISOString() }, created)).toBe('used')
  })

  test('revoked once revoked', () => {
    expect(inviteStatus({ ...fresh, revokedAt: created.toISOString() }, created)).toBe('revoked')
  })

  test('used wins over revoked and expired: the link did its job', () => {
    const later = new Date(created.getTime() + 8 * DAY)
    expect(inviteStatus({ expiresAt, usedAt: created.toISOString(), revokedAt: created.toISOString() }, later)).toBe('used')
  })

  test('every refusal has a message a person can act on', () => {
    for (const message of Object.values(INVITE_STATUS_MESSAGES)) expect(message).toMatch(/case manager/)
    expect(INVITE_STATUS_MESSAGES.expired).toMatch(/7 days/)
  })
})
