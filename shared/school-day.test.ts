import { describe, expect, test } from 'vitest'
import { describeSchoolDay, isSchoolDay, latestSchoolDay, nextSchoolDay, noSchoolSentence, schoolCalendar, schoolDayKind } from './school-day.ts'

// The 2026–27 year of a school like the demo's: Thanksgiving Thursday and Friday, a winter break, a Monday holiday.
const calendar = schoolCalendar({ start: '2026-08-31', end: '2027-06-18' }, [
  { date: '2026-09-07', label: 'Labor Day' },
  { date: '2026-11-26', label: 'Thanksgiving' },
  { date: '2026-11-27', label: 'Thanksgiving break' },
  ...['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01'].map(
    (date) => ({ date, label: 'Winter break' }),
  ),
  { date: '2027-01-18', label: 'Martin Luther King Jr. Day' },
])

describe('the kind of day', () => {
  test.each([
    ['2026-11-18', 'school_day'], // a Wednesday
    ['2026-11-21', 'weekend'], // Saturday
    ['2026-11-22', 'weekend'], // Sunday
    ['2026-11-26', 'closure'], // Thanksgiving
    ['2026-08-31', 'school_day'], // the first day
    ['2027-06-18', 'school_day'], // the last day
    ['2026-08-28', 'before_year'],
    ['2027-06-21', 'after_year'], // a Monday in the summer break
    ['2027-07-14', 'after_year'],
    ['2027-09-08', 'after_year'], // next school year, not set up
  ] as const)('%s is %s', (date, kind) => {
    expect(schoolDayKind(date, calendar)).toBe(kind)
    expect(isSchoolDay(date, calendar)).toBe(kind === 'school_day')
  })

  test('a school with no year set: only weekends and closures are days off', () => {
    const open = schoolCalendar({ start: null, end: null }, [])
    expect(schoolDayKind('2030-07-10', open)).toBe('school_day')
    expect(schoolDayKind('2030-07-13', open)).toBe('weekend')
  })
})

describe('the next school day', () => {
  test.each([
    ['2026-11-18', '2026-11-19'], // Wednesday → Thursday
    ['2026-11-20', '2026-11-23'], // Friday → Monday
    ['2026-11-21', '2026-11-23'], // Saturday → Monday
    ['2026-11-25', '2026-11-30'], // before Thanksgiving → the Monday after the break
    ['2026-12-18', '2027-01-04'], // over the winter break
    ['2027-01-16', '2027-01-19'], // a Saturday before a Monday holiday → Tuesday, not the holiday
    ['2026-08-20', '2026-08-31'], // before the year → its first day
    ['2026-09-04', '2026-09-08'], // the Friday before Labor Day
  ])('after %s comes %s', (date, next) => {
    expect(nextSchoolDay(date, calendar)).toBe(next)
  })

  test.each(['2027-06-18', '2027-07-14', '2027-09-08'])('after %s the year has none left', (date) => {
    expect(nextSchoolDay(date, calendar)).toBeNull()
  })

  test.each(['2100-12-31', '2000-01-01'])('ends at the range extremes (%s)', (date) => {
    const open = schoolCalendar({ start: null, end: null }, [])
    expect(nextSchoolDay(date, open)).not.toBeNull()
    expect(nextSchoolDay(date, calendar)).toBe(date < '2026' ? '2026-08-31' : null)
  })
})

describe('the latest school day', () => {
  test.each([
    ['2026-11-18', '2026-11-18'],
    ['2026-11-22', '2026-11-20'], // Sunday → Friday
    ['2026-11-29', '2026-11-25'], // Sunday after Thanksgiving → Wednesday before it
    ['2027-07-14', '2027-06-18'], // summer → the last day
    ['2026-08-30', null], // before the year
  ])('on %s it is %s', (date, latest) => {
    expect(latestSchoolDay(date, calendar)).toBe(latest)
  })
})

describe('the sentence a page says on a day without school', () => {
  test.each([
    ['2026-11-18', null],
    ['2026-11-21', 'No school today: it is Saturday. The next school day is Mon, Nov 23.'],
    ['2026-11-22', 'No school today: it is Sunday. The next school day is Mon, Nov 23.'],
    ['2026-11-26', 'No school today: the school is closed (Thanksgiving). The next school day is Mon, Nov 30.'],
    ['2026-08-28', 'No school today: the school year starts on Mon, Aug 31 2026.'],
    ['2027-07-14', 'No school today: the school year ended on Fri, Jun 18 2027. The next school year has not been set up yet.'],
  ])('%s', (date, sentence) => {
    expect(noSchoolSentence(describeSchoolDay(date, calendar))).toBe(sentence)
  })
})
