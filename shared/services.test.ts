import { describe, expect, test } from 'vitest'
import { isScheduledOn, scheduledSessions, termOn, type ServiceSchedule } from './services.ts'

// November 2026: Thanksgiving Thu 26 and Fri 27 closed; Veterans Day Wed 11 closed in this district.
const CLOSURES = new Set(['2026-11-11', '2026-11-26', '2026-11-27'])
const TUE_THU: ServiceSchedule = {
  startDate: '2026-11-02',
  endDate: '2026-11-30',
  terms: [{ effectiveFrom: '2026-11-02', minutesPerSession: 30, weekdays: ['tue', 'thu'] }],
}

describe('scheduledSessions', () => {
  test('only the listed weekdays, on instructional days', () => {
    expect(scheduledSessions(TUE_THU, CLOSURES, '2026-11-02', '2026-11-13').map((s) => s.date)).toEqual([
      '2026-11-03',
      '2026-11-05',
      '2026-11-10',
      '2026-11-12',
    ])
  })

  test('Thanksgiving week keeps only Tuesday', () => {
    expect(scheduledSessions(TUE_THU, CLOSURES, '2026-11-23', '2026-11-27').map((s) => s.date)).toEqual(['2026-11-24'])
  })

  test('a week split by a Wednesday holiday loses only that day', () => {
    const wednesday: ServiceSchedule = { ...TUE_THU, terms: [{ effectiveFrom: '2026-11-02', minutesPerSession: 45, weekdays: ['mon', 'wed', 'fri'] }] }
    expect(scheduledSessions(wednesday, CLOSURES, '2026-11-09', '2026-11-13').map((s) => s.date)).toEqual(['2026-11-09', '2026-11-13'])
  })

  test('the service dates bound the sessions, even mid-week', () => {
    const short: ServiceSchedule = { ...TUE_THU, startDate: '2026-11-05', endDate: '2026-11-10' }
    expect(scheduledSessions(short, CLOSURES, '2026-11-01', '2026-11-30').map((s) => s.date)).toEqual(['2026-11-05', '2026-11-10'])
    expect(scheduledSessions(short, CLOSURES, '2026-11-11', '2026-11-30')).toEqual([])
  })

  test('an amendment from a date: earlier sessions keep the old mandate, the amendment day uses the new one', () => {
    const amended: ServiceSchedule = {
      ...TUE_THU,
      terms: [TUE_THU.terms[0]!, { effectiveFrom: '2026-11-17', minutesPerSession: 45, weekdays: ['tue'] }],
    }
    expect(scheduledSessions(amended, CLOSURES, '2026-11-09', '2026-11-24')).toEqual([
      { date: '2026-11-10', minutes: 30 },
      { date: '2026-11-12', minutes: 30 },
      { date: '2026-11-17', minutes: 45 },
      { date: '2026-11-24', minutes: 45 },
    ])
  })
})

describe('termOn and isScheduledOn', () => {
  test('no term before the first one', () => {
    expect(termOn(TUE_THU.terms, '2026-11-01')).toBeNull()
    expect(termOn(TUE_THU.terms, '2026-11-02')?.minutesPerSession).toBe(30)
  })

  test('a scheduled day, an off weekday, a closure and a day outside the dates', () => {
    expect(isScheduledOn(TUE_THU, CLOSURES, '2026-11-03')).toEqual({ date: '2026-11-03', minutes: 30 })
    expect(isScheduledOn(TUE_THU, CLOSURES, '2026-11-04')).toBeNull()
    expect(isScheduledOn(TUE_THU, CLOSURES, '2026-11-26')).toBeNull()
    expect(isScheduledOn(TUE_THU, CLOSURES, '2026-12-01')).toBeNull()
  })
})
