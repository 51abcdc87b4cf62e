import { describe, expect, test } from 'vitest'
import { LOCKOUT_WINDOW_MS, lockedUntil, MAX_FAILURES, minutesLeft } from './sign-in-lockout.ts'

const MINUTE = 60_000
const T0 = new Date('2026-03-02T09:00:00.000Z').getTime()
const at = (ms: number) => new Date(T0 + ms)
/** n failures, one every `gap` ms, starting at T0 + start. */
const failures = (n: number, gap = 1000, start = 0) => Array.from({ length: n }, (_, i) => at(start + i * gap))

describe('lockedUntil', () => {
  test('the rule is 10 failures within 15 minutes', () => {
    expect(MAX_FAILURES).toBe(10)
    expect(LOCKOUT_WINDOW_MS).toBe(15 * MINUTE)
  })

  test('no failures, no lock', () => {
    expect(lockedUntil([], at(0))).toBeNull()
  })

  test('9 failures do not lock', () => {
    const nine = failures(9)
    expect(lockedUntil(nine, at(9 * 1000))).toBeNull()
  })

  test('10 failures within 15 minutes lock for 15 minutes from the 10th', () => {
    const ten = failures(10)
    const tenth = ten[9]!.getTime()
    expect(lockedUntil(ten, new Date(tenth))?.toISOString()).toBe(new Date(tenth + 15 * MINUTE).toISOString())
  })

  test('10 failures spread over 14 minutes lock for 15 minutes from the 10th, not from the 1st', () => {
    const spread = failures(10, (14 * MINUTE) / 9)
    const tenth = spread[9]!.getTime()
    const until = new Date(tenth + 15 * MINUTE).toISOString()
    expect(lockedUntil(spread, new Date(tenth))?.toISOString()).toBe(until)
    // By now the 1st failure is 20 minutes old, but the lock started at the 10th and has 9 minutes to go.
    expect(lockedUntil(spread, new Date(tenth + 6 * MINUTE))?.toISOString()).toBe(until)
    expect(lockedUntil(spread, new Date(tenth + 15 * MINUTE - 1))?.toISOString()).toBe(until)
  })

  test('failures older than 15 minutes are ignored', () => {
    const old = failures(9, 1000, -20 * MINUTE)
    expect(lockedUntil([...old, at(0)], at(0))).toBeNull()
  })

  test('10 failures spread over more than 15 minutes do not lock', () => {
    const spread = failures(10, (16 * MINUTE) / 9)
    expect(lockedUntil(spread, spread[9]!)).toBeNull()
  })

  test('failures in the future (clock skew) do not count', () => {
    expect(lockedUntil(failures(10, 1000, MINUTE), at(0))).toBeNull()
  })

  test('the lock ends 15 minutes after the 10th failure', () => {
    const ten = failures(10)
    const tenth = ten[9]!.getTime()
    expect(lockedUntil(ten, new Date(tenth + 15 * MINUTE - 1))).not.toBeNull()
    expect(lockedUntil(ten, new Date(tenth + 15 * MINUTE))).toBeNull()
    expect(lockedUntil(ten, new Date(tenth + 60 * MINUTE))).toBeNull()
  })

  test('order of the failures does not matter', () => {
    const ten = failures(10).reverse()
    expect(lockedUntil(ten, at(9000))?.toISOString()).toBe(at(9000 + 15 * MINUTE).toISOString())
  })
})

describe('minutesLeft', () => {
  test('rounds up and never says 0', () => {
    expect(minutesLeft(at(15 * MINUTE), at(0))).toBe(15)
    expect(minutesLeft(at(14 * MINUTE + 1), at(0))).toBe(15)
    expect(minutesLeft(at(1000), at(0))).toBe(1)
    expect(minutesLeft(at(0), at(0))).toBe(1)
  })
})
