import { describe, expect, test } from 'vitest'
import { serviceNumbers, weeklyTrend } from './accountability.ts'
import { periodProgress } from './period-mandate.ts'
import { periodBounds, recordableOn, schoolPeriodSpan, servicePeriods } from './service-periods.ts'
import type { ServiceSchedule, ServiceTerm } from './services.ts'
import { delivered, makeUp, missed } from '#tests/fixtures/builders.ts'

/*
 * The worked example of docs/formats.md#period-mandates, and more cases computed by hand.
 * September 2026 has 22 weekdays; Thu 09-17 is closed, so 21 school days. October 2026 has 22 school days.
 */
const CLOSED = new Set(['2026-09-17'])
const NONE = new Set<string>()
const FOUR_OF_15: ServiceTerm = { effectiveFrom: '2026-09-15', minutesPerSession: 15, weekdays: [], per: 'month', sessionsPerPeriod: 4 }
const counseling: ServiceSchedule = { startDate: '2026-09-15', endDate: '2027-06-11', terms: [FOUR_OF_15] }
const records = [delivered('2026-09-22', 10), missed('2026-09-29', 'student_absent'), delivered('2026-10-07', 15)]

describe('periodBounds', () => {
  test('a month is its calendar month, February of a leap year included', () => {
    expect(periodBounds('month', '2026-09-17')).toEqual({ start: '2026-09-01', end: '2026-09-30' })
    expect(periodBounds('month', '2028-02-10')).toEqual({ start: '2028-02-01', end: '2028-02-29' })
  })
  test('reporting periods are three months from 1 September, across the new year', () => {
    expect(periodBounds('reporting_period', '2026-09-01')).toEqual({ start: '2026-09-01', end: '2026-11-30' })
    expect(periodBounds('reporting_period', '2027-01-15')).toEqual({ start: '2026-12-01', end: '2027-02-28' })
    expect(periodBounds('reporting_period', '2027-05-31')).toEqual({ start: '2027-03-01', end: '2027-05-31' })
    expect(periodBounds('reporting_period', '2027-07-04')).toEqual({ start: '2027-06-01', end: '2027-08-31' })
  })
})

// A school's own periods (docs/formats.md#reporting-periods): Q1 and Q2 with a gap of a week between them.
const SCHOOL_PERIODS = [
  { start: '2026-08-31', end: '2026-11-06' },
  { start: '2026-11-16', end: '2027-01-29' },
]

describe('the school’s own reporting periods', () => {
  test('a day counts in the period holding it', () => {
    expect(periodBounds('reporting_period', '2026-09-01', SCHOOL_PERIODS)).toEqual({ start: '2026-08-31', end: '2026-11-06' })
    expect(periodBounds('reporting_period', '2026-11-16', SCHOOL_PERIODS)).toEqual({ start: '2026-11-07', end: '2027-01-29' })
  })
  test('a day between two periods counts in the next, so no mandate is lost in a gap and the spans never overlap', () => {
    expect(schoolPeriodSpan(SCHOOL_PERIODS, '2026-11-10')).toEqual({ start: '2026-11-07', end: '2027-01-29' })
    expect(schoolPeriodSpan(SCHOOL_PERIODS, '2026-11-06')).toEqual({ start: '2026-08-31', end: '2026-11-06' })
  })
  test('before the first or after the last period, and with no periods, calendar quarters count', () => {
    expect(schoolPeriodSpan(SCHOOL_PERIODS, '2027-03-01')).toBeNull()
    expect(periodBounds('reporting_period', '2027-03-01', SCHOOL_PERIODS)).toEqual({ start: '2027-03-01', end: '2027-05-31' })
    expect(periodBounds('reporting_period', '2026-08-30', SCHOOL_PERIODS)).toEqual({ start: '2026-06-01', end: '2026-08-31' })
    expect(periodBounds('reporting_period', '2026-09-01', [])).toEqual({ start: '2026-09-01', end: '2026-11-30' })
  })
  test('months ignore the school’s periods', () => {
    expect(periodBounds('month', '2026-09-01', SCHOOL_PERIODS)).toEqual({ start: '2026-09-01', end: '2026-09-30' })
  })
  test('a service of 600 minutes a reporting period owes them per school period, not per calendar quarter', () => {
    const term: ServiceTerm = { effectiveFrom: '2026-08-31', minutesPerSession: 30, weekdays: [], per: 'reporting_period', minutesPerPeriod: 600 }
    const svc: ServiceSchedule = { startDate: '2026-08-31', endDate: '2027-01-29', terms: [term], reportingPeriods: SCHOOL_PERIODS }
    const periods = servicePeriods(svc, NONE)
    expect(periods.map((p) => [p.start, p.end, p.lastDay, p.minutes])).toEqual([
      ['2026-08-31', '2026-11-06', '2026-11-06', 600],
      ['2026-11-07', '2027-01-29', '2027-01-29', 600],
    ])
  })
})

describe('servicePeriods', () => {
  test('a partial first month owes its share of whole sessions: 4 × 11 of 21 school days = 2.1 → 2 sessions, 30 min', () => {
    const [september, october] = servicePeriods(counseling, CLOSED)
    expect(september).toEqual({ per: 'month', start: '2026-09-01', end: '2026-09-30', lastDay: '2026-09-30', minutes: 30, sessions: 2, sessionMinutes: 15 })
    expect(october).toMatchObject({ lastDay: '2026-10-30', minutes: 60, sessions: 4 })
  })
  test('an amendment mid-month prorates each term by its school days: (2 × 11 + 4 × 11) ÷ 22 = 3 sessions', () => {
    const svc: ServiceSchedule = {
      startDate: '2026-09-01',
      endDate: '2026-12-18',
      terms: [
        { effectiveFrom: '2026-09-01', minutesPerSession: 30, weekdays: [], per: 'month', sessionsPerPeriod: 2 },
        { effectiveFrom: '2026-09-16', minutesPerSession: 30, weekdays: [], per: 'month', sessionsPerPeriod: 4 },
      ],
    }
    expect(servicePeriods(svc, NONE)[0]).toMatchObject({ minutes: 90, sessions: 3 })
  })
  test('minutes per period prorate to the minute; the last month ends with the service', () => {
    const svc: ServiceSchedule = {
      startDate: '2026-10-01',
      endDate: '2026-11-13',
      terms: [{ effectiveFrom: '2026-10-01', minutesPerSession: 30, weekdays: [], per: 'month', minutesPerPeriod: 60 }],
    }
    // November 2026: 21 weekdays; the service runs on 10 of them (Nov 2–13): 60 × 10 ÷ 21 = 28.57 → 29 min, 1 session.
    expect(servicePeriods(svc, NONE)).toEqual([
      { per: 'month', start: '2026-10-01', end: '2026-10-31', lastDay: '2026-10-30', minutes: 60, sessions: 2, sessionMinutes: 30 },
      { per: 'month', start: '2026-11-01', end: '2026-11-30', lastDay: '2026-11-13', minutes: 29, sessions: 1, sessionMinutes: 30 },
    ])
  })
  test('a weekly service has no periods', () => {
    expect(servicePeriods({ startDate: '2026-09-01', endDate: '2026-12-18', terms: [{ effectiveFrom: '2026-09-01', minutesPerSession: 30, weekdays: ['tue'] }] }, NONE)).toEqual([])
  })
})

describe('serviceNumbers for a monthly service (docs/formats.md#period-mandates)', () => {
  test('the worked example: September is due, October is in progress', () => {
    // Sep owes 2 sessions, 30 min. Delivered 10 min (09-22), missed for the student (09-29): due 2, none unrecorded.
    // Short 20: the student's miss explains 15 (not owed), 5 are owed. Delivered 10 + 15 in October = 25 ÷ 30 = 0.833.
    expect(serviceNumbers({ service: counseling, records, closures: CLOSED, asOf: '2026-10-09' })).toEqual({
      minutesMandated: 30,
      minutesDelivered: 25,
      deliveryRate: 0.833,
      sessions: { due: 2, delivered: 1, missed: 1, unrecorded: 0, pending: 0, madeUp: 0 },
      missedByReason: { student_absent: 1 },
      ledger: { minutesOwed: 5, minutesMadeUp: 0, balance: 5 },
      alerts: ['low_delivery_rate'],
    })
  })
  test('a month short at its end is pending for the 5 school days after, then due', () => {
    // asOf Thu 10-01: the window is 09-25 … 10-01, holding 09-30, and September is 20 min short: pending, nothing due.
    const n = serviceNumbers({ service: counseling, records, closures: CLOSED, asOf: '2026-10-01' })
    expect(n).toMatchObject({ minutesMandated: 0, minutesDelivered: 10, deliveryRate: 1, sessions: { due: 0, pending: 1 } })
  })
  test('a month already met is due at its last school day', () => {
    const met = [delivered('2026-09-22', 15), delivered('2026-09-29', 15)]
    const n = serviceNumbers({ service: counseling, records: met, closures: CLOSED, asOf: '2026-09-30' })
    expect(n).toMatchObject({ minutesMandated: 30, minutesDelivered: 30, deliveryRate: 1, sessions: { due: 2, delivered: 2, pending: 0 } })
  })
  test('nothing recorded: every session unrecorded and owed, two in a row alert', () => {
    const n = serviceNumbers({ service: counseling, records: [], closures: CLOSED, asOf: '2026-10-09' })
    expect(n).toMatchObject({
      minutesMandated: 30,
      sessions: { due: 2, unrecorded: 2 },
      ledger: { minutesOwed: 30, balance: 30 },
      alerts: ['consecutive_misses', 'low_delivery_rate'],
    })
  })
  test("a miss the policy owes is owed in full; a policy that does not owe unrecorded owes only the misses", () => {
    const recs = [missed('2026-09-22', 'provider_absent')]
    expect(serviceNumbers({ service: counseling, records: recs, closures: CLOSED, asOf: '2026-10-09' }).ledger.minutesOwed).toBe(30)
    const policy = ['provider_absent'] as const
    expect(serviceNumbers({ service: counseling, records: recs, closures: CLOSED, asOf: '2026-10-09', owedReasons: policy }).ledger.minutesOwed).toBe(15)
  })
  test('make-ups count as delivered minutes and repay the balance', () => {
    const recs = [makeUp('2026-10-05', '2026-09-30', 30)]
    const n = serviceNumbers({ service: counseling, records: recs, closures: CLOSED, asOf: '2026-10-09' })
    expect(n).toMatchObject({ minutesDelivered: 30, ledger: { minutesOwed: 30, minutesMadeUp: 30, balance: 0 } })
  })
  test('60 minutes a month: a 45-minute session leaves 15 owed as one unrecorded session', () => {
    const svc: ServiceSchedule = {
      startDate: '2026-10-01',
      endDate: '2027-06-11',
      terms: [{ effectiveFrom: '2026-10-01', minutesPerSession: 30, weekdays: [], per: 'month', minutesPerPeriod: 60 }],
    }
    const n = serviceNumbers({ service: svc, records: [delivered('2026-10-06', 45)], closures: NONE, asOf: '2026-11-13' })
    expect(n).toMatchObject({ minutesMandated: 60, minutesDelivered: 45, deliveryRate: 0.75, sessions: { due: 2, delivered: 1, unrecorded: 1 }, ledger: { minutesOwed: 15 } })
  })
  test('the trend puts a month’s mandate in the week of its last school day', () => {
    const points = weeklyTrend({ service: counseling, records, closures: CLOSED, asOf: '2026-10-09' })
    expect(points.find((p) => p.weekOf === '2026-09-28')).toEqual({ weekOf: '2026-09-28', mandated: 30, delivered: 0 })
  })
})

describe('recording a monthly service and its progress', () => {
  test('a record may fall on any school day under a period term, never a weekend, a closure or outside the dates', () => {
    expect(recordableOn(counseling, CLOSED, '2026-09-21')).toEqual({ date: '2026-09-21', minutes: 15 })
    expect(recordableOn(counseling, CLOSED, '2026-09-19')).toBeNull() // Saturday
    expect(recordableOn(counseling, CLOSED, '2026-09-17')).toBeNull() // closed
    expect(recordableOn(counseling, CLOSED, '2026-09-14')).toBeNull() // before the start
  })
  test('a weekly term still takes only its weekdays', () => {
    const weekly: ServiceSchedule = { startDate: '2026-09-01', endDate: '2026-12-18', terms: [{ effectiveFrom: '2026-09-01', minutesPerSession: 30, weekdays: ['tue'] }] }
    expect(recordableOn(weekly, NONE, '2026-09-01')).toEqual({ date: '2026-09-01', minutes: 30 })
    expect(recordableOn(weekly, NONE, '2026-09-02')).toBeNull()
  })
  test('"1 of 2 sessions this month": the period holding the day, its records oldest first, voided ones left out', () => {
    const recs = [delivered('2026-09-29', 15), delivered('2026-09-22', 10), { ...delivered('2026-09-23', 15), voided: true }, missed('2026-09-24', 'student_absent')]
    const progress = periodProgress(counseling, recs, CLOSED, '2026-09-30')
    expect(progress).toMatchObject({ per: 'month', start: '2026-09-01', end: '2026-09-30', sessions: 2, minutes: 30, delivered: 2, minutesDelivered: 25 })
    expect(progress?.records.map((r) => r.date)).toEqual(['2026-09-22', '2026-09-24', '2026-09-29'])
    expect(periodProgress(counseling, recs, CLOSED, '2026-08-31')).toBeNull()
  })
})
