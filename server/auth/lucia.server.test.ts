import { Cookie } from 'lucia'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createTestDb, type TestDb } from '#tests/setup/test-db.ts'
import { createLucia, SESSION_COOKIE, withSecure } from './lucia.server.ts'

function attributes(cookie: string): string[] {
  return cookie.split(';').map((part) => part.trim())
}

describe('withSecure', () => {
  let t: TestDb
  beforeEach(() => {
    t = createTestDb()
  })
  afterEach(() => t.close())

  test('a session cookie is HttpOnly and SameSite=Lax, and Secure only when asked', () => {
    const cookie = createLucia(t.db).createSessionCookie('session-id-123')
    const plain = attributes(withSecure(cookie, false))
    expect(plain[0]).toBe(`${SESSION_COOKIE}=session-id-123`)
    expect(plain).toContain('HttpOnly')
    expect(plain).toContain('SameSite=Lax')
    expect(plain).toContain('Path=/')
    expect(plain).not.toContain('Secure')

    const secure = attributes(withSecure(cookie, true))
    expect(secure).toContain('HttpOnly')
    expect(secure).toContain('SameSite=Lax')
    expect(secure).toContain('Secure')
  })

  test('overrides whatever the cookie said about Secure, HttpOnly and SameSite', () => {
    const loose = new Cookie(SESSION_COOKIE, 'v', { secure: true, httpOnly: false, sameSite: 'none' })
    const out = attributes(withSecure(loose, false))
    expect(out).toContain('HttpOnly')
    expect(out).toContain('SameSite=Lax')
    expect(out).not.toContain('Secure')
    expect(out).not.toContain('SameSite=None')
  })

  test('the blank cookie that signs out expires at once', () => {
    const blank = attributes(withSecure(createLucia(t.db).createBlankSessionCookie(), true))
    expect(blank[0]).toBe(`${SESSION_COOKIE}=`)
    expect(blank).toContain('Max-Age=0')
    expect(blank).toContain('HttpOnly')
    expect(blank).toContain('Secure')
  })
})
