import { describe, expect, test } from 'vitest'
import { isWatched, itemState, WATCH_SCHOOL_DAYS, watchEnds } from './agreements.ts'
import { schoolCalendar } from './school-day.ts'

describe('itemState', () => {
  test('due up to and including its day, late from the next day', () => {
    expect(itemState({ dueOn: '2026-11-18', doneOn: null }, '2026-11-17')).toBe('due')
    expect(itemState({ dueOn: '2026-11-18', doneOn: null }, '2026-11-18')).toBe('due')
    expect(itemState({ dueOn: '2026-11-18', doneOn: null }, '2026-11-19')).toBe('late')
  })

  test('done whenever it was marked done, even after its day', () => {
    expect(itemState({ dueOn: '2026-11-18', doneOn: '2026-11-20' }, '2026-11-25')).toBe('done')
    expect(itemState({ dueOn: '2026-11-18', doneOn: '2026-11-10' }, '2026-11-12')).toBe('done')
  })
})

describe('watchEnds / isWatched', () => {
  const noYear = schoolCalendar({ start: null, end: null }, [])

  test('60 school days: weekends do not count', () => {
    expect(WATCH_SCHOOL_DAYS).toBe(60)
    // Mon 2026-09-07 agreed: 60 weekdays after are 12 weeks, ending Mon 2026-11-30.
    expect(watchEnds('2026-09-07', noYear)).toBe('2026-11-30')
    expect(watchEnds('2026-09-07', noYear, 1)).toBe('2026-09-08')
    // Agreed on a Friday: the first school day counted is the Monday.
    expect(watchEnds('2026-09-11', noYear, 1)).toBe('2026-09-14')
  })

  test('a closure does not count', () => {
    const withHoliday = schoolCalendar({ start: null, end: null }, [{ date: '2026-09-08', label: 'Holiday' }])
    expect(watchEnds('2026-09-07', withHoliday, 1)).toBe('2026-09-09')
    expect(watchEnds('2026-09-07', withHoliday)).toBe('2026-12-01')
  })

  test('the watch ends with the school year when the year ends first', () => {
    const year = schoolCalendar({ start: '2026-08-24', end: '2027-06-11' }, [])
    expect(watchEnds('2027-05-28', year)).toBe('2027-06-11')
    expect(watchEnds('2027-06-11', year)).toBe('2027-06-11')
  })

  test('watched after the agreement day up to and including the last day', () => {
    expect(isWatched('2026-09-07', '2026-09-07', noYear)).toBe(false)
    expect(isWatched('2026-09-07', '2026-09-08', noYear)).toBe(true)
    expect(isWatched('2026-09-07', '2026-11-30', noYear)).toBe(true)
    expect(isWatched('2026-09-07', '2026-12-01', noYear)).toBe(false)
  })
})
