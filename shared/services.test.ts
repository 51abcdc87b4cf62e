import { describe, expect, test } from 'vitest'
import { instructionalDaysBetween } from '#shared/school-calendar.ts'
import { addDays, weekdayOf, type Weekday } from '#shared/school-date.ts'
import { isScheduledOn, scheduledSessions, termOn, type ServiceSchedule, type ServiceTerm } from '#shared/services.ts'

/**
 * The 2026–27 US calendar the demo school uses (server/demo/seed-calendar.ts): Labor Day Mon 2026-09-07, Indigenous
 * Peoples’ Day Mon 2026-10-12, Thanksgiving Thu 2026-11-26 and Fri 2026-11-27, winter break 2026-12-21 to 2027-01-01.
 */
const CLOSURES: ReadonlySet<string> = new Set([
  '2026-09-07',
  '2026-10-12',
  '2026-11-26',
  '2026-11-27',
  ...instructionalDaysBetween('2026-12-21', '2027-01-01', new Set()),
])
const NONE: ReadonlySet<string> = new Set()

const term = (effectiveFrom: string, minutesPerSession: number, weekdays: Weekday[]): ServiceTerm => ({ effectiveFrom, minutesPerSession, weekdays })
/** Johnny's speech: 30 minutes Tuesday and Thursday, the whole year from September 1. */
const SPEECH: ServiceSchedule = { startDate: '2026-09-01', endDate: '2027-06-18', terms: [term('2026-09-01', 30, ['tue', 'thu'])] }
const MWF: ServiceSchedule = { ...SPEECH, terms: [term('2026-09-01', 45, ['mon', 'wed', 'fri'])] }
const DAILY: ServiceSchedule = { ...SPEECH, terms: [term('2026-09-01', 20, ['mon', 'tue', 'wed', 'thu', 'fri'])] }

const dates = (service: ServiceSchedule, from: string, to: string, closures = CLOSURES) => scheduledSessions(service, closures, from, to).map((s) => s.date)

describe('scheduledSessions: weekdays and the calendar', () => {
  test('only the listed weekdays, never a weekend, with the term’s minutes', () => {
    // Mon 2 – Sun 15 November: two plain weeks.
    expect(scheduledSessions(SPEECH, CLOSURES, '2026-11-02', '2026-11-15')).toEqual([
      { date: '2026-11-03', minutes: 30 },
      { date: '2026-11-05', minutes: 30 },
      { date: '2026-11-10', minutes: 30 },
      { date: '2026-11-12', minutes: 30 },
    ])
    // Even a service listing every weekday has nothing on Saturday 14 and Sunday 15.
    expect(dates(DAILY, '2026-11-12', '2026-11-17')).toEqual(['2026-11-12', '2026-11-13', '2026-11-16', '2026-11-17'])
  })

  test('over a whole year every session falls on a listed weekday that is an instructional day', () => {
    const all = dates(SPEECH, '2026-09-01', '2027-06-18')
    expect(all.length).toBeGreaterThan(60)
    for (const date of all) {
      expect(['tue', 'thu']).toContain(weekdayOf(date))
      expect(CLOSURES.has(date)).toBe(false)
    }
    // And none is left out: every Tuesday and Thursday of the year that is not closed is there.
    const expected: string[] = []
    for (let d = '2026-09-01'; d <= '2027-06-18'; d = addDays(d, 1)) {
      if ((weekdayOf(d) === 'tue' || weekdayOf(d) === 'thu') && !CLOSURES.has(d)) expected.push(d)
    }
    expect(all).toEqual(expected)
  })

  test('Thanksgiving week: a Tue/Thu service gets only Tuesday; a daily one Monday to Wednesday', () => {
    expect(dates(SPEECH, '2026-11-23', '2026-11-27')).toEqual(['2026-11-24'])
    expect(dates(DAILY, '2026-11-23', '2026-11-29')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25'])
    // The closures are what remove Thursday: with no calendar it is a session day.
    expect(dates(SPEECH, '2026-11-23', '2026-11-27', NONE)).toEqual(['2026-11-24', '2026-11-26'])
  })

  test('a week split by a Monday holiday loses only the Monday', () => {
    // Indigenous Peoples’ Day, Monday 12 October.
    expect(dates(MWF, '2026-10-12', '2026-10-16')).toEqual(['2026-10-14', '2026-10-16'])
    expect(dates(MWF, '2026-10-05', '2026-10-09')).toEqual(['2026-10-05', '2026-10-07', '2026-10-09'])
    expect(dates(DAILY, '2026-10-12', '2026-10-16')).toEqual(['2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16'])
    // A Tue/Thu service does not notice a Monday holiday.
    expect(dates(SPEECH, '2026-10-12', '2026-10-16')).toEqual(['2026-10-13', '2026-10-15'])
  })

  test('winter break: nothing between Friday 18 December and Monday 4 January', () => {
    expect(dates(DAILY, '2026-12-17', '2027-01-05')).toEqual(['2026-12-17', '2026-12-18', '2027-01-04', '2027-01-05'])
  })
})

describe('scheduledSessions: the service’s dates', () => {
  // Starts on a Wednesday, ends on a Tuesday: both mid-week.
  const SHORT: ServiceSchedule = { startDate: '2026-11-04', endDate: '2026-11-17', terms: [term('2026-11-04', 30, ['tue', 'thu'])] }

  test('a mid-week start skips the week’s earlier days; the end date itself is included', () => {
    expect(dates(SHORT, '2026-11-01', '2026-11-30')).toEqual(['2026-11-05', '2026-11-10', '2026-11-12', '2026-11-17'])
  })

  test('a start or end on a session day includes that day', () => {
    const onDays: ServiceSchedule = { startDate: '2026-11-05', endDate: '2026-11-12', terms: [term('2026-11-05', 30, ['tue', 'thu'])] }
    expect(dates(onDays, '2026-11-01', '2026-11-30')).toEqual(['2026-11-05', '2026-11-10', '2026-11-12'])
  })

  test('the asked range and the service’s dates both bound the result', () => {
    expect(dates(SHORT, '2026-11-11', '2026-11-12')).toEqual(['2026-11-12'])
    expect(dates(SHORT, '2026-11-18', '2026-11-30')).toEqual([])
    expect(dates(SHORT, '2026-10-01', '2026-11-04')).toEqual([])
    expect(dates(SHORT, '2026-11-12', '2026-11-10')).toEqual([])
  })

  test('no session before the first term takes effect', () => {
    const lateTerm: ServiceSchedule = { startDate: '2026-11-02', endDate: '2026-11-30', terms: [term('2026-11-10', 30, ['tue', 'thu'])] }
    expect(dates(lateTerm, '2026-11-02', '2026-11-13')).toEqual(['2026-11-10', '2026-11-12'])
  })
})

describe('an amendment mid-year', () => {
  /** From Wednesday 2 December: 45 minutes on Monday and Wednesday instead of 30 on Tuesday and Thursday. */
  const AMENDED: ServiceSchedule = { ...SPEECH, terms: [SPEECH.terms[0]!, term('2026-12-02', 45, ['mon', 'wed'])] }

  test('sessions before keep the old minutes and weekdays; the amendment day uses the new term', () => {
    expect(scheduledSessions(AMENDED, CLOSURES, '2026-11-23', '2026-12-11')).toEqual([
      { date: '2026-11-24', minutes: 30 },
      // Thursday 26 November is Thanksgiving.
      { date: '2026-12-01', minutes: 30 },
      { date: '2026-12-02', minutes: 45 },
      // Thursday 3 December is no longer a session day.
      { date: '2026-12-07', minutes: 45 },
      { date: '2026-12-09', minutes: 45 },
    ])
  })

  test('an amendment of minutes only keeps the weekdays and changes the mandate from its day', () => {
    const longer: ServiceSchedule = { ...SPEECH, terms: [SPEECH.terms[0]!, term('2026-11-12', 40, ['tue', 'thu'])] }
    expect(scheduledSessions(longer, CLOSURES, '2026-11-09', '2026-11-20')).toEqual([
      { date: '2026-11-10', minutes: 30 },
      { date: '2026-11-12', minutes: 40 },
      { date: '2026-11-17', minutes: 40 },
      { date: '2026-11-19', minutes: 40 },
    ])
  })

  test('termOn: null before the first term, then the latest term that has started', () => {
    expect(termOn(AMENDED.terms, '2026-08-31')).toBeNull()
    expect(termOn([], '2026-11-01')).toBeNull()
    expect(termOn(AMENDED.terms, '2026-09-01')).toBe(AMENDED.terms[0])
    expect(termOn(AMENDED.terms, '2026-12-01')).toBe(AMENDED.terms[0])
    expect(termOn(AMENDED.terms, '2026-12-02')).toBe(AMENDED.terms[1])
    expect(termOn(AMENDED.terms, '2027-06-18')).toBe(AMENDED.terms[1])
  })
})

describe('isScheduledOn', () => {
  test('a session day in range gives its date and minutes', () => {
    expect(isScheduledOn(SPEECH, CLOSURES, '2026-11-17')).toEqual({ date: '2026-11-17', minutes: 30 })
  })

  test('a closure, an off weekday, a weekend and a day outside the service’s dates are not', () => {
    expect(isScheduledOn(SPEECH, CLOSURES, '2026-11-26')).toBeNull() // Thanksgiving, a Thursday
    expect(isScheduledOn(SPEECH, CLOSURES, '2026-11-18')).toBeNull() // a Wednesday
    expect(isScheduledOn(DAILY, CLOSURES, '2026-11-21')).toBeNull() // a Saturday
    expect(isScheduledOn(SPEECH, CLOSURES, '2026-08-27')).toBeNull() // a Thursday before the start
    expect(isScheduledOn(SPEECH, CLOSURES, '2027-06-22')).toBeNull() // a Tuesday after the end
  })

  test('follows the amendment: the old weekday stops, the new one starts on its day', () => {
    const amended: ServiceSchedule = { ...SPEECH, terms: [SPEECH.terms[0]!, term('2026-12-02', 45, ['mon', 'wed'])] }
    expect(isScheduledOn(amended, CLOSURES, '2026-12-01')).toEqual({ date: '2026-12-01', minutes: 30 })
    expect(isScheduledOn(amended, CLOSURES, '2026-12-02')).toEqual({ date: '2026-12-02', minutes: 45 })
    expect(isScheduledOn(amended, CLOSURES, '2026-12-03')).toBeNull()
    expect(isScheduledOn(amended, CLOSURES, '2026-11-25')).toBeNull() // a Wednesday before the amendment
  })
})
