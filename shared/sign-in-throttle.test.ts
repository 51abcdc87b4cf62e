import { describe, expect, test } from 'vitest'
import {
  ACCOUNT_CLIENT_RULE,
  addFailure,
  CLIENT_RULE,
  currentRun,
  delayAfter,
  type FailureRun,
  RATE_LIMITS,
  secondsToWait,
  SPRAY_RULE,
  sprayAlertDue,
  tryAgainMessage,
  withdrawFailure,
} from './sign-in-throttle.ts'

const T0 = Date.parse('2026-03-02T09:00:00.000Z')
const MINUTE = 60_000
/** n failures, each at the moment the rule first allows it (an attacker as fast as allowed). */
function failFast(n: number, rule = ACCOUNT_CLIENT_RULE): { run: FailureRun | undefined; at: number } {
  let run: FailureRun | undefined
  let at = T0
  for (let i = 0; i < n; i++) {
    at += secondsToWait(run, at, rule) * 1000
    run = addFailure(run, at, rule)
  }
  return { run, at }
}

describe('delayAfter', () => {
  test('the first failures are free, then the wait doubles from 1 s', () => {
    expect([0, 1, 2, 3].map((n) => delayAfter(n, ACCOUNT_CLIENT_RULE))).toEqual([0, 0, 0, 0])
    expect([4, 5, 6, 7, 8].map((n) => delayAfter(n, ACCOUNT_CLIENT_RULE))).toEqual([1, 2, 4, 8, 16])
  })

  test('it stops growing at the ceiling of 15 minutes, and stays finite for any count', () => {
    expect(delayAfter(13, ACCOUNT_CLIENT_RULE)).toBe(512)
    expect(delayAfter(14, ACCOUNT_CLIENT_RULE)).toBe(900)
    expect(delayAfter(1_000_000, ACCOUNT_CLIENT_RULE)).toBe(900)
  })

  test('a client (every email from one address) has 20 free failures before the same growth', () => {
    expect(delayAfter(20, CLIENT_RULE)).toBe(0)
    expect(delayAfter(21, CLIENT_RULE)).toBe(1)
    expect(delayAfter(25, CLIENT_RULE)).toBe(16)
  })
})

describe('secondsToWait', () => {
  test('nothing to wait without failures, or within the free ones', () => {
    expect(secondsToWait(undefined, T0, ACCOUNT_CLIENT_RULE)).toBe(0)
    expect(secondsToWait({ failures: 3, lastAt: T0 }, T0, ACCOUNT_CLIENT_RULE)).toBe(0)
    // Even when the clock seems to run backwards (a free failure stamped later than now).
    expect(secondsToWait({ failures: 3, lastAt: T0 + 15_000 }, T0, ACCOUNT_CLIENT_RULE)).toBe(0)
  })

  test('counts down from the last failure, rounded up', () => {
    const run = { failures: 6, lastAt: T0 } // 4 s
    expect(secondsToWait(run, T0, ACCOUNT_CLIENT_RULE)).toBe(4)
    expect(secondsToWait(run, T0 + 2500, ACCOUNT_CLIENT_RULE)).toBe(2)
    expect(secondsToWait(run, T0 + 3999, ACCOUNT_CLIENT_RULE)).toBe(1)
    expect(secondsToWait(run, T0 + 4000, ACCOUNT_CLIENT_RULE)).toBe(0)
  })

  test('an attacker as fast as allowed gets 14 tries in its first 17 minutes, then 4 an hour', () => {
    const { at } = failFast(14)
    // The 4th to 13th failures each impose a wait: 1 + 2 + … + 512 s.
    expect((at - T0) / 1000).toBe(1023)
    const hourLater = failFast(18)
    expect(hourLater.at - at).toBe(4 * 900 * 1000)
  })

  test('a run is forgotten after a quiet day (account+client) or hour (client)', () => {
    const run = { failures: 30, lastAt: T0 }
    expect(currentRun(run, T0 + 24 * 60 * MINUTE, ACCOUNT_CLIENT_RULE)).toBe(run)
    expect(currentRun(run, T0 + 24 * 60 * MINUTE + 1, ACCOUNT_CLIENT_RULE)).toBeUndefined()
    expect(currentRun(run, T0 + 60 * MINUTE + 1, CLIENT_RULE)).toBeUndefined()
    expect(addFailure(run, T0 + 60 * MINUTE + 1, CLIENT_RULE)).toEqual({ failures: 1, lastAt: T0 + 60 * MINUTE + 1 })
  })
})

describe('addFailure and withdrawFailure', () => {
  test('each failure adds one and moves the clock', () => {
    expect(addFailure(undefined, T0, ACCOUNT_CLIENT_RULE)).toEqual({ failures: 1, lastAt: T0 })
    expect(addFailure({ failures: 4, lastAt: T0 }, T0 + 5000, ACCOUNT_CLIENT_RULE)).toEqual({ failures: 5, lastAt: T0 + 5000 })
  })

  test('a failure counted in advance is given back on success', () => {
    expect(withdrawFailure({ failures: 5, lastAt: T0 })).toEqual({ failures: 4, lastAt: T0 })
    expect(withdrawFailure({ failures: 1, lastAt: T0 })).toBeUndefined()
    expect(withdrawFailure(undefined)).toBeUndefined()
  })
})

describe('sprayAlertDue', () => {
  const failed = (n: number, at = T0) => new Map(Array.from({ length: n }, (_, i) => [`user${i}@maple.example`, at]))

  test('10 different emails failing from one client within 10 minutes is an alert', () => {
    expect(SPRAY_RULE).toEqual({ accounts: 10, windowMs: 10 * MINUTE })
    expect(sprayAlertDue(failed(9), T0, undefined)).toBeNull()
    expect(sprayAlertDue(failed(10), T0, undefined)).toEqual({ accounts: 10 })
  })

  test('failures older than the window do not count', () => {
    const map = failed(9, T0 - 11 * MINUTE)
    map.set('fresh@maple.example', T0)
    expect(sprayAlertDue(map, T0, undefined)).toBeNull()
  })

  test('at most one alert per client per window', () => {
    expect(sprayAlertDue(failed(12), T0, T0 - 5 * MINUTE)).toBeNull()
    expect(sprayAlertDue(failed(12), T0, T0 - 10 * MINUTE)).toEqual({ accounts: 12 })
  })
})

describe('limits and messages', () => {
  test('the per-client limits', () => {
    expect(RATE_LIMITS).toEqual({
      signIn: { points: 30, durationSeconds: 60 },
      invite: { points: 20, durationSeconds: 600 },
      import: { points: 20, durationSeconds: 600 },
      passwordReset: { points: 10, durationSeconds: 3600 },
      passwordResetAddress: { points: 3, durationSeconds: 3600 },
    })
  })

  test('the message says how long to wait, in seconds or minutes', () => {
    expect(tryAgainMessage(1)).toMatch(/^Too many failed sign-in attempts from here\. Wait 1 second, then try again\./)
    expect(tryAgainMessage(45)).toContain('Wait 45 seconds')
    expect(tryAgainMessage(900)).toContain('Wait 15 minutes')
    expect(tryAgainMessage(30, 'requests')).toBe('Too many requests from here. Wait 30 seconds, then try again.')
  })
})
