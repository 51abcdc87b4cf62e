import { describe, expect, test } from 'vitest'
import {
  acceptedSteps,
  decideCode,
  normalizeCode,
  normalizeRecoveryCode,
  openWhileSetUpOwed,
  RECOVERY_CODE_LENGTH,
  recoveryCodeFrom,
  showKey,
  showRecoveryCode,
  timeStep,
} from './two-step.ts'

describe('time steps', () => {
  test('a step is 30 seconds, counted from 1970', () => {
    expect(timeStep(0)).toBe(0)
    expect(timeStep(29_999)).toBe(0)
    expect(timeStep(30_000)).toBe(1)
    expect(timeStep(Date.UTC(2026, 11, 8, 9, 0, 0))).toBe(Math.floor(Date.UTC(2026, 11, 8, 9, 0, 0) / 30_000))
  })

  test('now, one step before and one after are accepted; two away are not', () => {
    const now = 1_000 * 30_000 + 12_000
    expect(acceptedSteps(now)).toEqual([1000, 999, 1001])
    expect(acceptedSteps(now)).not.toContain(998)
    expect(acceptedSteps(now)).not.toContain(1002)
  })
})

describe('decideCode', () => {
  test('no matching step: wrong (or expired)', () => {
    expect(decideCode([], null)).toEqual({ ok: false, reason: 'wrong' })
    expect(decideCode([], 5)).toEqual({ ok: false, reason: 'wrong' })
  })

  test('a match after the last accepted step is accepted, the latest one when several match', () => {
    expect(decideCode([1000], null)).toEqual({ ok: true, step: 1000 })
    expect(decideCode([999, 1001], 998)).toEqual({ ok: true, step: 1001 })
  })

  test('a match at or before the last accepted step is a replay', () => {
    expect(decideCode([1000], 1000)).toEqual({ ok: false, reason: 'replayed' })
    expect(decideCode([999], 1000)).toEqual({ ok: false, reason: 'replayed' })
  })
})

describe('what a typed code must look like', () => {
  test('six digits, spaces and dashes allowed', () => {
    expect(normalizeCode('123456')).toBe('123456')
    expect(normalizeCode(' 123 456 ')).toBe('123456')
    expect(normalizeCode('123-456')).toBe('123456')
    for (const bad of ['', '12345', '1234567', '12345a', 'abcdef']) expect(normalizeCode(bad)).toBeNull()
  })

  test('recovery codes: 16 characters of the code alphabet, any case, dashes and spaces dropped', () => {
    const code = recoveryCodeFrom(Uint8Array.from({ length: 32 }, (_, i) => i * 7))!
    expect(code).toHaveLength(RECOVERY_CODE_LENGTH)
    expect(normalizeRecoveryCode(showRecoveryCode(code))).toBe(code)
    expect(normalizeRecoveryCode(showRecoveryCode(code).toUpperCase())).toBe(code)
    expect(showRecoveryCode('abcdefghjkmnpqrs')).toBe('abcd-efgh-jkmn-pqrs')
    // Letters that read like others (i, l, o, 0, 1) are never in a code, so a typed one is refused rather than guessed.
    expect(normalizeRecoveryCode('abcd-efgh-jkmn-pqr1')).toBeNull()
    expect(normalizeRecoveryCode('abcd-efgh-jkmn')).toBeNull()
  })

  test('a recovery code is drawn without bias: bytes past the last whole alphabet are skipped', () => {
    expect(recoveryCodeFrom(new Uint8Array(16).fill(255))).toBeNull()
    expect(recoveryCodeFrom(Uint8Array.from([255, ...new Array<number>(16).fill(0)]))).toBe('a'.repeat(16))
  })

  test('the key is shown in groups of four', () => {
    expect(showKey('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')
  })
})

test('an account that owes its set-up may open only sign-out and the set-up page', () => {
  expect(openWhileSetUpOwed('/sign-out')).toBe(true)
  expect(openWhileSetUpOwed('/account/two-step')).toBe(true)
  for (const path of ['/', '/account', '/today', '/students/x', '/account/two-steps', '/school/s1']) expect(openWhileSetUpOwed(path), path).toBe(false)
})
