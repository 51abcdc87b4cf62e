import { describe, expect, it } from 'vitest'
import { linkExpiry, linkStatus, PASSWORD_RESET_TTL_MS } from './account-links.ts'

describe('linkStatus', () => {
  const now = new Date('2026-12-07T10:00:00.000Z')
  const expires = linkExpiry(now, PASSWORD_RESET_TTL_MS)

  it('is valid until its hour is up, expired from that instant', () => {
    expect(expires).toBe('2026-12-07T11:00:00.000Z')
    expect(linkStatus({ expires_at: expires, used_at: null }, new Date('2026-12-07T10:59:59.999Z'))).toBe('valid')
    expect(linkStatus({ expires_at: expires, used_at: null }, new Date('2026-12-07T11:00:00.000Z'))).toBe('expired')
  })

  it('says "used" for a used link, even after it would have expired', () => {
    expect(linkStatus({ expires_at: expires, used_at: now.toISOString() }, now)).toBe('used')
    expect(linkStatus({ expires_at: expires, used_at: now.toISOString() }, new Date('2026-12-08T00:00:00.000Z'))).toBe('used')
  })

  it('calls an unknown token not valid', () => {
    expect(linkStatus(undefined, now)).toBe('invalid')
  })
})
