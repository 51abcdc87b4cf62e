import { describe, expect, test } from 'vitest'
import { accommodationFidelity, asPlannedTargets, type CheckRecord, type CheckStatus, latestByDay } from '#shared/accommodation-fidelity.ts'
import type { Applies } from '#shared/schemas/plan.ts'

/**
 * Worked examples of the definition in docs/formats.md#accommodation-fidelity:
 * applicableDays = instructional days from startDate up to asOf on which it applies (daily: every one;
 * weekdays: the listed days; subject and tests: only days with a record); recordedDays = those with a record;
 * usedDays = those whose latest record is `used`; fidelity = used ÷ (applicable − days recorded not_needed),
 * 3 decimals, 1 when the divisor is 0.
 *
 * The fortnight used below: Mon 2026-11-02 … Fri 2026-11-13, ten school days, no closures.
 */
const FORTNIGHT = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13']
const DAILY: Applies = { kind: 'daily' }
const NONE = new Set<string>()

/** A record made at 3 p.m. UTC on its own day unless a time is given. */
function rec(date: string, status: CheckStatus, time = '15:00'): CheckRecord {
  return { date, status, recordedAt: `${date}T${time}:00.000Z` }
}

describe('accommodationFidelity', () => {
  test('daily over 10 school days: 7 used, 1 not needed, 1 not provided, 1 unrecorded', () => {
    const records = [
      ...FORTNIGHT.slice(0, 7).map((d) => rec(d, 'used')), // 02, 03, 04, 05, 06, 09, 10
      rec('2026-11-11', 'not_needed'),
      rec('2026-11-12', 'not_provided'),
      // 2026-11-13: nobody recorded.
    ]
    const result = accommodationFidelity({ applies: DAILY, startDate: '2026-11-02', records, closures: NONE, asOf: '2026-11-13' })
    // applicable 10, recorded 9, used 7; divisor 10 − 1 not_needed = 9; 7/9 = 0.7777… → 0.778.
    expect(result).toEqual({ applicableDays: 10, recordedDays: 9, usedDays: 7, notNeededDays: 1, fidelity: 0.778, unrecordedDates: ['2026-11-13'] })
  })

  test('declined counts as recorded but neither used nor subtracted from the divisor', () => {
    const records = [rec('2026-11-02', 'used'), rec('2026-11-03', 'used'), rec('2026-11-04', 'declined')]
    const result = accommodationFidelity({ applies: DAILY, startDate: '2026-11-02', records, closures: NONE, asOf: '2026-11-04' })
    // 2 used ÷ (3 applicable − 0 not_needed) = 0.6666… → 0.667.
    expect(result).toEqual({ applicableDays: 3, recordedDays: 3, usedDays: 2, notNeededDays: 0, fidelity: 0.667, unrecordedDates: [] })
  })

  test('weekdays (tue, thu) counts only those days; a record on another day is ignored', () => {
    const records = [
      rec('2026-11-02', 'used'), // a Monday: not a listed day
      rec('2026-11-03', 'used'),
      rec('2026-11-05', 'used'),
      rec('2026-11-10', 'not_provided'),
      // Thursday 2026-11-12: nobody recorded.
    ]
    const result = accommodationFidelity({
      applies: { kind: 'weekdays', days: ['tue', 'thu'] },
      startDate: '2026-11-02',
      records,
      closures: NONE,
      asOf: '2026-11-13',
    })
    // Tue/Thu in the fortnight: 03, 05, 10, 12 → applicable 4, recorded 3, used 2, 2/4 = 0.5.
    expect(result).toEqual({ applicableDays: 4, recordedDays: 3, usedDays: 2, notNeededDays: 0, fidelity: 0.5, unrecordedDates: ['2026-11-12'] })
  })

  test('a subject accommodation counts only the days that have a record', () => {
    const records = [rec('2026-11-03', 'used'), rec('2026-11-05', 'declined'), rec('2026-11-09', 'not_needed')]
    const result = accommodationFidelity({
      applies: { kind: 'subject', subject: 'Math' },
      startDate: '2026-11-02',
      records,
      closures: NONE,
      asOf: '2026-11-13',
    })
    // applicable = recorded = 3 (the other 7 school days are unknown, not gaps); 1 ÷ (3 − 1) = 0.5.
    expect(result).toEqual({ applicableDays: 3, recordedDays: 3, usedDays: 1, notNeededDays: 1, fidelity: 0.5, unrecordedDates: [] })
  })

  test('a tests-only accommodation likewise; with no record at all nothing is applicable and fidelity is 1', () => {
    const tests: Applies = { kind: 'tests' }
    const base = { applies: tests, startDate: '2026-11-02', closures: NONE, asOf: '2026-11-13' }
    expect(accommodationFidelity({ ...base, records: [rec('2026-11-06', 'used')] })).toEqual({
      applicableDays: 1,
      recordedDays: 1,
      usedDays: 1, notNeededDays: 0,
      fidelity: 1,
      unrecordedDates: [],
    })
    expect(accommodationFidelity({ ...base, records: [] })).toEqual({ applicableDays: 0, recordedDays: 0, usedDays: 0, notNeededDays: 0, fidelity: 1, unrecordedDates: [] })
  })

  test('a correction later the same day: the later record counts, whatever order the records come in', () => {
    const records = [
      rec('2026-11-02', 'not_provided', '14:00'), // Monday's later record…
      rec('2026-11-02', 'used', '10:00'), // …listed after the earlier one it corrects
      rec('2026-11-03', 'not_provided', '09:00'),
      rec('2026-11-03', 'used', '11:00'),
    ]
    const result = accommodationFidelity({ applies: DAILY, startDate: '2026-11-02', records, closures: NONE, asOf: '2026-11-03' })
    // Monday counts as not_provided, Tuesday as used: 2 days, each counted once; 1/2.
    expect(result).toEqual({ applicableDays: 2, recordedDays: 2, usedDays: 1, notNeededDays: 0, fidelity: 0.5, unrecordedDates: [] })
    expect([...latestByDay(records).values()].map((r) => [r.date, r.status])).toEqual([
      ['2026-11-02', 'not_provided'],
      ['2026-11-03', 'used'],
    ])
  })

  test('days before the accommodation’s startDate do not count, even inside the window', () => {
    const records = [rec('2026-11-05', 'used'), rec('2026-11-06', 'used'), rec('2026-11-09', 'used'), rec('2026-11-10', 'used')]
    const result = accommodationFidelity({
      applies: DAILY,
      startDate: '2026-11-09',
      records,
      closures: NONE,
      asOf: '2026-11-13',
      from: '2026-11-02',
    })
    // Counted from 09 (the later of from and startDate) to 13: 5 days, used on 09 and 10; 2/5 = 0.4.
    expect(result).toEqual({
      applicableDays: 5,
      recordedDays: 2,
      usedDays: 2, notNeededDays: 0,
      fidelity: 0.4,
      unrecordedDates: ['2026-11-11', '2026-11-12', '2026-11-13'],
    })
  })

  test('the `from` window: days before it are not counted', () => {
    const records = [
      ...FORTNIGHT.slice(0, 5).map((d) => rec(d, 'not_provided')), // the first week, outside the window
      ...FORTNIGHT.slice(5).map((d) => rec(d, 'used')),
    ]
    const input = { applies: DAILY, startDate: '2026-09-08', records, closures: NONE, asOf: '2026-11-13' }
    expect(accommodationFidelity({ ...input, from: '2026-11-09' })).toEqual({
      applicableDays: 5,
      recordedDays: 5,
      usedDays: 5, notNeededDays: 0,
      fidelity: 1,
      unrecordedDates: [],
    })
    // The control: without `from` everything since 2026-09-08 counts, and the first week pulls it down.
    expect(accommodationFidelity(input).applicableDays).toBeGreaterThan(10)
    expect(accommodationFidelity(input).fidelity).toBeLessThan(1)
  })

  test('closures are not school days: not applicable, and a stray record on one is ignored', () => {
    const closures = new Set(['2026-11-26', '2026-11-27'])
    const records = [rec('2026-11-23', 'used'), rec('2026-11-24', 'used'), rec('2026-11-25', 'used'), rec('2026-11-26', 'not_provided')]
    const result = accommodationFidelity({ applies: DAILY, startDate: '2026-11-23', records, closures, asOf: '2026-11-30' })
    // School days 23, 24, 25, 30 (26–27 closed, 28–29 weekend): 3 used of 4.
    expect(result).toEqual({ applicableDays: 4, recordedDays: 3, usedDays: 3, notNeededDays: 0, fidelity: 0.75, unrecordedDates: ['2026-11-30'] })
  })

  test('records after asOf are not counted', () => {
    const records = [rec('2026-11-02', 'used'), rec('2026-11-03', 'not_provided')]
    expect(accommodationFidelity({ applies: DAILY, startDate: '2026-11-02', records, closures: NONE, asOf: '2026-11-02' })).toEqual({
      applicableDays: 1,
      recordedDays: 1,
      usedDays: 1, notNeededDays: 0,
      fidelity: 1,
      unrecordedDates: [],
    })
  })

  test('every day recorded not_needed: the divisor is 0 and fidelity is 1', () => {
    const records = [rec('2026-11-02', 'not_needed'), rec('2026-11-03', 'not_needed')]
    expect(accommodationFidelity({ applies: DAILY, startDate: '2026-11-02', records, closures: NONE, asOf: '2026-11-03' })).toEqual({
      applicableDays: 2,
      recordedDays: 2,
      usedDays: 0, notNeededDays: 2,
      fidelity: 1,
      unrecordedDates: [],
    })
  })

  test('unrecordedDates lists the gaps oldest first, whatever order the records come in', () => {
    const records = [rec('2026-11-10', 'used'), rec('2026-11-04', 'used')]
    const result = accommodationFidelity({ applies: DAILY, startDate: '2026-11-02', records, closures: NONE, asOf: '2026-11-13' })
    expect(result.unrecordedDates).toEqual(['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-06', '2026-11-09', '2026-11-11', '2026-11-12', '2026-11-13'])
    // 2 used of 10 applicable.
    expect(result.fidelity).toBe(0.2)
  })
})

describe('asPlannedTargets (All as planned)', () => {
  test('takes every support that applies and has no record yet; conditional and recorded ones are left alone', () => {
    const rows = [
      { id: 'daily-unrecorded', applicability: 'applies', recorded: false },
      { id: 'daily-recorded', applicability: 'applies', recorded: true },
      { id: 'math-only', applicability: 'conditional', recorded: false },
      { id: 'weekday-unrecorded', applicability: 'applies', recorded: false },
    ] as const
    expect(asPlannedTargets(rows).map((r) => r.id)).toEqual(['daily-unrecorded', 'weekday-unrecorded'])
  })

  test('nothing left to record: nothing to do (the button is not shown)', () => {
    expect(asPlannedTargets([{ applicability: 'applies', recorded: true }])).toEqual([])
    expect(asPlannedTargets([])).toEqual([])
  })
})

describe('an undo (`cleared`) takes the day back to not recorded', () => {
  test('latestByDay leaves out a day whose latest record is cleared, and keeps one recorded again after it', () => {
    const latest = latestByDay([rec('2026-11-02', 'used', '10:00'), rec('2026-11-02', 'cleared', '10:01'), rec('2026-11-03', 'used', '10:00'), rec('2026-11-03', 'cleared', '10:01'), rec('2026-11-03', 'declined', '10:02')])
    expect([...latest.keys()]).toEqual(['2026-11-03'])
    expect(latest.get('2026-11-03')!.status).toBe('declined')
  })

  test('in the numbers an undone day is a gap, neither used nor recorded', () => {
    const records = FORTNIGHT.flatMap((d) => [rec(d, 'used', '10:00')]).concat([rec('2026-11-13', 'cleared', '10:01')])
    const f = accommodationFidelity({ applies: DAILY, startDate: FORTNIGHT[0]!, records, closures: NONE, asOf: '2026-11-13' })
    expect(f).toMatchObject({ applicableDays: 10, recordedDays: 9, usedDays: 9, fidelity: 0.9, unrecordedDates: ['2026-11-13'] })
  })
})
