import { describe, expect, test } from 'vitest'
import { addDays, isIsoDate, weekdayOf } from './school-date.ts'

describe('isIsoDate', () => {
  test.each(['2026-02-28', '2024-02-29', '2025-08-31', '2026-12-31'])('accepts the real date %s', (date) => {
    expect(isIsoDate(date)).toBe(true)
  })

  test.each([
    ['a day February does not have', '2026-02-30'],
    ['February 29 outside a leap year', '2026-02-29'],
    ['a thirteenth month', '2026-13-01'],
    ['day zero', '2026-01-00'],
    ['unpadded month and day', '2026-1-5'],
    ['a timestamp', '2026-01-05T00:00:00Z'],
    ['slashes', '2026/01/05'],
    ['nothing', ''],
  ])('refuses %s (%s)', (_name, date) => {
    expect(isIsoDate(date)).toBe(false)
  })
})

describe('addDays', () => {
  test('within a month, and backwards', () => {
    expect(addDays('2026-03-02', 3)).toBe('2026-03-05')
    expect(addDays('2026-03-05', -3)).toBe('2026-03-02')
  })

  test('across a month end, in a leap year too', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  test('across a year end, both ways', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(addDays('2025-12-20', 14)).toBe('2026-01-03')
  })

  test('zero days is the same date', () => {
    expect(addDays('2026-03-02', 0)).toBe('2026-03-02')
  })
})

describe('weekdayOf', () => {
  test('names each day of a week', () => {
    const week = Array.from({ length: 7 }, (_, i) => weekdayOf(addDays('2026-03-01', i)))
    expect(week).toEqual(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'])
  })

  test('is a calendar fact, not a time-zone one', () => {
    expect(weekdayOf('2025-08-31')).toBe('sun')
    expect(weekdayOf('2026-06-18')).toBe('thu')
    expect(weekdayOf('2024-02-29')).toBe('thu')
  })
})
