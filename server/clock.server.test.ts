import { describe, expect, test } from 'vitest'
import { clockForRequest, clockFromEnvironment, clockStartingAt, parseClockSetting, TEST_CLOCK_COOKIE } from './clock.server.ts'

describe('parseClockSetting', () => {
  test('a date alone is 10:00 that morning, local time', () => {
    const at = parseClockSetting('2026-12-05')!
    expect([at.getFullYear(), at.getMonth() + 1, at.getDate(), at.getHours()]).toEqual([2026, 12, 5, 10])
  })

  test('a date and time, local or with an offset', () => {
    expect(parseClockSetting('2027-07-14T15:30:00')!.getHours()).toBe(15)
    expect(parseClockSetting('2027-07-14T15:30:00Z')!.toISOString()).toBe('2027-07-14T15:30:00.000Z')
  })

  test.each(['', 'now', '2026-02-30', '2026-13-01', '1999-12-31', '2101-01-01', '9999-12-31', '2026-12-05 10:00'])('refuses %j', (text) => {
    expect(parseClockSetting(text)).toBeNull()
  })
})

describe('clocks', () => {
  test('a clock started at a moment runs on with real time', () => {
    let real = 1_000
    const clock = clockStartingAt(new Date('2026-12-05T10:00:00Z'), () => real)
    expect(clock().toISOString()).toBe('2026-12-05T10:00:00.000Z')
    real += 90_000
    expect(clock().toISOString()).toBe('2026-12-05T10:01:30.000Z')
  })

  test('the environment sets the clock outside production only', () => {
    const at = clockFromEnvironment({ NODE_ENV: 'test', SAME_PAGE_NOW: '2027-07-14T12:00:00Z' })()
    expect(at.toISOString().slice(0, 10)).toBe('2027-07-14')
    const real = clockFromEnvironment({ NODE_ENV: 'production', SAME_PAGE_NOW: '2027-07-14T12:00:00Z' })()
    expect(Math.abs(real.getTime() - Date.now())).toBeLessThan(60_000)
  })

  test('an unreadable setting stops the start rather than running on the wrong day', () => {
    expect(() => clockFromEnvironment({ NODE_ENV: 'test', SAME_PAGE_NOW: 'soon' })).toThrow(/SAME_PAGE_NOW/)
  })

  test('the test cookie picks the day for one browser; anything else keeps the fallback', () => {
    const fallback = () => new Date('2026-11-18T10:00:00Z')
    const saturday = clockForRequest(`a=1; ${TEST_CLOCK_COOKIE}=2026-12-05T10%3A00%3A00Z`, fallback)
    expect(saturday().toISOString().slice(0, 10)).toBe('2026-12-05')
    expect(clockForRequest(undefined, fallback)).toBe(fallback)
    expect(clockForRequest('a=1', fallback)).toBe(fallback)
    expect(clockForRequest(`${TEST_CLOCK_COOKIE}=garbage`, fallback)).toBe(fallback)
    expect(clockForRequest(`${TEST_CLOCK_COOKIE}=%E0%A4%A`, fallback)).toBe(fallback)
  })
})
