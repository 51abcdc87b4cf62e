import { describe, expect, test } from 'vitest'
import { instructionalDaysBack, instructionalDaysBetween, isInstructionalDay, lastInstructionalDays } from '#shared/school-calendar.ts'

// November 2026: Thanksgiving is Thursday the 26th, the school also closes Friday the 27th.
// 2026-11-21/22 and 2026-11-28/29 are weekends. Winter break runs Monday 2026-12-21 to Friday 2027-01-01.
const THANKSGIVING = new Set(['2026-11-26', '2026-11-27'])
const WINTER_BREAK = new Set([
  '2026-12-21',
  '2026-12-22',
  '2026-12-23',
  '2026-12-24',
  '2026-12-25',
  '2026-12-28',
  '2026-12-29',
  '2026-12-30',
  '2026-12-31',
  '2027-01-01',
])
const NONE = new Set<string>()

describe('isInstructionalDay', () => {
  test('a plain Tuesday is a school day', () => {
    expect(isInstructionalDay('2026-11-17', NONE)).toBe(true)
  })

  test('Saturday and Sunday are not, even with no closures', () => {
    expect(isInstructionalDay('2026-11-21', NONE)).toBe(false)
    expect(isInstructionalDay('2026-11-22', NONE)).toBe(false)
  })

  test('a weekday closure is not; the weekdays around it still are', () => {
    expect(isInstructionalDay('2026-11-26', THANKSGIVING)).toBe(false)
    expect(isInstructionalDay('2026-11-27', THANKSGIVING)).toBe(false)
    expect(isInstructionalDay('2026-11-25', THANKSGIVING)).toBe(true)
    expect(isInstructionalDay('2026-11-30', THANKSGIVING)).toBe(true)
    // The same Thursday without the closure list is a school day: the closure is what removes it.
    expect(isInstructionalDay('2026-11-26', NONE)).toBe(true)
  })
})

describe('instructionalDaysBetween', () => {
  test('skips a two-day closure and the weekend after it, both ends included, oldest first', () => {
    expect(instructionalDaysBetween('2026-11-23', '2026-12-01', THANKSGIVING)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-30',
      '2026-12-01',
    ])
  })

  test('a range that starts and ends on non-school days keeps only the school days inside', () => {
    expect(instructionalDaysBetween('2026-11-26', '2026-11-29', THANKSGIVING)).toEqual([])
    expect(instructionalDaysBetween('2026-11-21', '2026-11-24', NONE)).toEqual(['2026-11-23', '2026-11-24'])
  })

  test('one day, and an empty range when start is after end', () => {
    expect(instructionalDaysBetween('2026-11-17', '2026-11-17', NONE)).toEqual(['2026-11-17'])
    expect(instructionalDaysBetween('2026-11-18', '2026-11-17', NONE)).toEqual([])
  })
})

describe('lastInstructionalDays', () => {
  test('across the Thanksgiving week: the count asked for, oldest first, ending on asOf', () => {
    expect(lastInstructionalDays('2026-11-30', 5, THANKSGIVING)).toEqual([
      '2026-11-20',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-30',
    ])
  })

  test('asOf on a closure is not counted; the days before it are', () => {
    expect(lastInstructionalDays('2026-11-27', 2, THANKSGIVING)).toEqual(['2026-11-24', '2026-11-25'])
  })

  test('reaches back over a two-week winter break', () => {
    expect(lastInstructionalDays('2027-01-04', 3, WINTER_BREAK)).toEqual(['2026-12-17', '2026-12-18', '2027-01-04'])
  })

  test('count 0 is empty', () => {
    expect(lastInstructionalDays('2026-11-17', 0, NONE)).toEqual([])
  })
})

describe('instructionalDaysBack', () => {
  test('today is 0 and the school day before is 1', () => {
    expect(instructionalDaysBack('2026-11-17', '2026-11-17', NONE)).toBe(0)
    expect(instructionalDaysBack('2026-11-16', '2026-11-17', NONE)).toBe(1)
  })

  test('Friday seen from Monday is 1: the weekend does not count', () => {
    expect(instructionalDaysBack('2026-11-13', '2026-11-16', NONE)).toBe(1)
    expect(instructionalDaysBack('2026-11-10', '2026-11-17', NONE)).toBe(5)
  })

  test('closures do not count either', () => {
    // Wednesday before Thanksgiving seen from the Monday after: only the Monday lies in between.
    expect(instructionalDaysBack('2026-11-25', '2026-11-30', THANKSGIVING)).toBe(1)
    expect(instructionalDaysBack('2026-11-25', '2026-11-30', NONE)).toBe(3)
  })

  test('a future day is -1', () => {
    expect(instructionalDaysBack('2026-11-18', '2026-11-17', NONE)).toBe(-1)
    expect(instructionalDaysBack('2027-01-04', '2026-11-17', WINTER_BREAK)).toBe(-1)
  })
})
