import { describe, expect, test } from 'vitest'
import { datesToClose, impactSentence, MAX_BREAK_DAYS, sessionsOnDates } from './closure-change.ts'
import type { ServiceSchedule } from './services.ts'

const YEAR = { start: '2026-08-31', end: '2027-06-18' }
const NONE = new Set<string>()

describe('datesToClose', () => {
  test('one weekday in the year is one date; a date already closed adds nothing', () => {
    expect(datesToClose('2026-12-03', undefined, YEAR, NONE)).toEqual({ ok: true, dates: ['2026-12-03'] })
    expect(datesToClose('2026-12-03', '2026-12-03', YEAR, NONE)).toEqual({ ok: true, dates: ['2026-12-03'] })
    expect(datesToClose('2026-11-26', undefined, YEAR, new Set(['2026-11-26']))).toEqual({ ok: true, dates: [] })
  })

  test('one day on a weekend is refused on the date field', () => {
    expect(datesToClose('2026-12-05', undefined, YEAR, NONE)).toEqual({ ok: false, field: 'date', message: 'Saturday, December 5 is a weekend day, and school is closed then anyway: choose a weekday.' })
  })

  test('a day outside the school year is refused, naming the year', () => {
    const message = 'Aug 3, 2028 is outside the school year (Aug 31, 2026 to Jun 18, 2027): choose a day in it.'
    expect(datesToClose('2028-08-03', undefined, YEAR, NONE)).toEqual({ ok: false, field: 'date', message })
    expect(datesToClose('2026-08-28', undefined, YEAR, NONE)).toMatchObject({ ok: false, field: 'date' })
    // A range ending after the year is refused on its last day.
    expect(datesToClose('2027-06-14', '2027-06-25', YEAR, NONE)).toMatchObject({ ok: false, field: 'endDate', message: /Jun 25, 2027 is outside the school year/ })
  })

  test('a school without a year set refuses only weekends', () => {
    expect(datesToClose('2030-01-02', undefined, { start: null, end: null }, NONE)).toEqual({ ok: true, dates: ['2030-01-02'] })
  })

  test('a break is every weekday from start to end that is not closed already', () => {
    // Mon 21 Dec to Fri 1 Jan: ten weekdays; Christmas Day is already a closure.
    const result = datesToClose('2026-12-21', '2027-01-01', YEAR, new Set(['2026-12-25']))
    expect(result).toEqual({
      ok: true,
      dates: ['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01'],
    })
    // A range may start or end on a weekend: only its weekdays close.
    expect(datesToClose('2026-12-19', '2026-12-22', YEAR, NONE)).toEqual({ ok: true, dates: ['2026-12-21', '2026-12-22'] })
  })

  test('an end before the start, a range over a year, or one already closed are refused', () => {
    expect(datesToClose('2026-12-10', '2026-12-09', YEAR, NONE)).toEqual({ ok: false, field: 'endDate', message: 'The last day is before the first day: choose a day on or after it.' })
    const open = { start: null, end: null }
    expect(datesToClose('2030-01-01', '2031-01-02', open, NONE)).toEqual({ ok: false, field: 'endDate', message: `A break is at most ${MAX_BREAK_DAYS} days long: choose an earlier last day.` })
    expect(datesToClose('2030-01-01', '2031-01-01', open, NONE)).toMatchObject({ ok: true })
    expect(datesToClose('2026-11-26', '2026-11-27', YEAR, new Set(['2026-11-26', '2026-11-27']))).toMatchObject({ ok: false, field: 'date', message: /already a closure/ })
  })
})

describe('sessionsOnDates', () => {
  const service = (studentId: string, weekdays: ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[], startDate = '2026-09-01'): ServiceSchedule & { studentId: string } => ({
    studentId,
    startDate,
    endDate: '2027-06-18',
    terms: [{ effectiveFrom: startDate, minutesPerSession: 30, weekdays }],
  })
  const services = [service('ava', ['tue', 'thu']), service('ava', ['thu']), service('ben', ['thu']), service('cal', ['mon']), service('dee', ['thu'], '2027-01-04')]

  test('a Thursday: the sessions that fall on it, and whose they are (a service not started yet counts none)', () => {
    expect(sessionsOnDates(services, NONE, ['2026-12-03'])).toEqual({ sessions: 3, students: 2 })
  })

  test('counted as if the dates were open, so removing a closure and adding it give the same count', () => {
    expect(sessionsOnDates(services, new Set(['2026-11-26']), ['2026-11-26'])).toEqual({ sessions: 3, students: 2 })
  })

  test('other closures in the range still count as closed; no dates, nothing', () => {
    expect(sessionsOnDates(services, new Set(['2026-12-03']), ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-04'])).toEqual({ sessions: 2, students: 2 })
    expect(sessionsOnDates(services, NONE, [])).toEqual({ sessions: 0, students: 0 })
  })

  test('in words', () => {
    expect(impactSentence('remove', { sessions: 3, students: 2 })).toBe('3 sessions of 2 students become due again.')
    expect(impactSentence('add', { sessions: 3, students: 2 })).toBe('3 sessions of 2 students are no longer due.')
    expect(impactSentence('add', { sessions: 1, students: 1 })).toBe('1 session of 1 student is no longer due.')
    expect(impactSentence('remove', { sessions: 0, students: 0 })).toBe('No session is scheduled on it: nobody’s sessions change.')
  })
})
