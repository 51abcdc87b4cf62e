import { describe, expect, test } from 'vitest'
import { accommodationFidelity } from './accommodation-fidelity.ts'
import { serviceNumbers, weeklyTrend } from './accountability.ts'
import { complaintTimeline } from './concerns.ts'
import { instructionalDaysBack, instructionalDaysBetween, lastInstructionalDays } from './school-calendar.ts'
import { addDays, DATE_MAX, DATE_MIN, DateSpanError, daysBetween, eachDay, MAX_LOOP_DAYS } from './school-date.ts'
import { isScheduledOn, scheduledSessions, type ServiceSchedule } from './services.ts'
import { sessionRows } from './session-status.ts'

/**
 * Every function that walks the calendar day by day, on the dates that once made `d <= end` loop forever
 * (addDays('9999-12-31', 1) was '+010000-01', which sorts before '9999-12-31'). Each call must end: with an
 * answer, or refused with a DateSpanError (never another error, never a hang).
 */
const EXTREMES = ['0001-01-01', DATE_MIN, '2026-11-17', DATE_MAX, '9999-12-31'] as const
const PAIRS = EXTREMES.flatMap((a) => EXTREMES.map((b) => [a, b] as const))
const NONE = new Set<string>()

function ends(run: () => unknown): 'answered' | 'refused' {
  try {
    run()
    return 'answered'
  } catch (error) {
    expect(error).toBeInstanceOf(DateSpanError)
    return 'refused'
  }
}

const service = (startDate: string, endDate: string): ServiceSchedule => ({
  startDate,
  endDate,
  terms: [{ effectiveFrom: startDate, minutesPerSession: 30, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] }],
})

const LOOPS: [string, (a: string, b: string) => unknown][] = [
  ['eachDay', (a, b) => eachDay(a, b)],
  ['instructionalDaysBetween', (a, b) => instructionalDaysBetween(a, b, NONE)],
  ['lastInstructionalDays', (a, b) => lastInstructionalDays(b, 10, new Set([a]))],
  ['lastInstructionalDays (a huge count)', (_a, b) => lastInstructionalDays(b, 1_000_000_000, NONE)],
  ['instructionalDaysBack', (a, b) => instructionalDaysBack(a, b, NONE)],
  ['scheduledSessions', (a, b) => scheduledSessions(service(a, b), NONE, a, b)],
  ['scheduledSessions (the whole range asked of a short service)', (a, b) => scheduledSessions(service('2026-09-01', '2027-06-15'), NONE, a, b)],
  ['isScheduledOn', (a, b) => isScheduledOn(service(a, b), NONE, b)],
  ['accommodationFidelity', (a, b) => accommodationFidelity({ applies: { kind: 'daily' }, startDate: a, records: [], closures: NONE, asOf: b })],
  ['serviceNumbers', (a, b) => serviceNumbers({ service: service(a, b), records: [], closures: NONE, asOf: b })],
  ['weeklyTrend', (a, b) => weeklyTrend({ service: service(a, b), records: [], closures: NONE, asOf: b })],
  ['sessionRows', (a, b) => sessionRows([{ date: a, minutes: 30 }], [], NONE, b, () => true)],
  ['complaintTimeline', (a, b) => complaintTimeline(a, b)],
]

describe('every loop over days ends on the extreme dates', () => {
  test.each(LOOPS)('%s ends for every pair of extremes, both ways round', (_name, run) => {
    for (const [a, b] of PAIRS) expect(['answered', 'refused']).toContain(ends(() => run(a, b)))
  })

  test.each(LOOPS)('%s answers for the whole accepted range %s…%s', (_name, run) => {
    expect(ends(() => run(DATE_MIN, DATE_MAX))).toBe('answered')
  })
})

describe('eachDay', () => {
  test('counts the days from start to end, both included, and none for a reversed range', () => {
    expect(eachDay('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'])
    expect(eachDay('2026-03-02', '2026-03-02')).toEqual(['2026-03-02'])
    expect(eachDay('2026-03-02', '2026-02-27')).toEqual([])
    expect(eachDay('9999-12-31', '0001-01-01')).toEqual([])
  })

  test('walks the last day of the calendar without leaving it', () => {
    expect(eachDay('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31'])
    expect(eachDay('0000-01-01', '0000-01-02')).toEqual(['0000-01-01', '0000-01-02'])
  })

  test(`the whole accepted range (${DATE_MIN}…${DATE_MAX}) is within the cap`, () => {
    const days = eachDay(DATE_MIN, DATE_MAX)
    expect(days).toHaveLength(36_890)
    expect(days.at(-1)).toBe(DATE_MAX)
    expect(days.length).toBeLessThan(MAX_LOOP_DAYS)
  })

  test('a stretch longer than the cap is refused before the loop starts, naming the span', () => {
    expect(() => eachDay('0001-01-01', '9999-12-31')).toThrow(DateSpanError)
    expect(() => eachDay('0001-01-01', '9999-12-31')).toThrow(/3652059 days: at most 40000 days/)
    expect(() => eachDay(DATE_MIN, addDays(DATE_MIN, MAX_LOOP_DAYS))).toThrow(DateSpanError)
    expect(eachDay(DATE_MIN, addDays(DATE_MIN, MAX_LOOP_DAYS - 1))).toHaveLength(MAX_LOOP_DAYS)
  })

  test('anything that is not a date is refused', () => {
    expect(() => eachDay('not a date', '2026-01-01')).toThrow(DateSpanError)
    expect(() => eachDay('2026-01-01', '+010000-01-01')).toThrow(DateSpanError)
  })
})

describe('addDays and daysBetween at the edges of the calendar', () => {
  test('adding past 9999-12-31 is refused instead of giving "+010000-01"', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(DateSpanError)
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31')
  })

  test('going back before year 0000 is refused', () => {
    expect(() => addDays('0000-01-01', -1)).toThrow(DateSpanError)
  })

  test('daysBetween counts calendar days either way', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3)
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3)
    expect(daysBetween('0001-01-01', '9999-12-31')).toBe(3_652_058)
  })
})

describe('the calendar loops on the extremes give sensible answers', () => {
  test('lastInstructionalDays stops at year 0000 instead of leaving the calendar', () => {
    // 0000-01-01 was a Saturday: the only school days before Tuesday the 4th are Monday the 3rd and the 4th.
    expect(lastInstructionalDays('0000-01-04', 10, NONE)).toEqual(['0000-01-03', '0000-01-04'])
  })

  test('lastInstructionalDays with a huge count looks back at most MAX_LOOP_DAYS days', () => {
    const days = lastInstructionalDays(DATE_MAX, 1_000_000_000, NONE)
    expect(days.length).toBeLessThanOrEqual(MAX_LOOP_DAYS)
    expect(days.at(-1)).toBe('2100-12-31')
  })

  test('instructionalDaysBack is -1 for a later date and refuses a span beyond the cap', () => {
    expect(instructionalDaysBack('9999-12-31', DATE_MAX, NONE)).toBe(-1)
    expect(instructionalDaysBack(DATE_MAX, DATE_MAX, NONE)).toBe(0)
    expect(() => instructionalDaysBack('0001-01-01', '9999-12-31', NONE)).toThrow(DateSpanError)
  })

  test('the last day of the calendar is a Friday school day', () => {
    expect(instructionalDaysBetween('9999-12-31', '9999-12-31', NONE)).toEqual(['9999-12-31'])
    expect(scheduledSessions(service('9999-12-27', '9999-12-31'), NONE, '9999-12-27', '9999-12-31')).toHaveLength(5)
  })
})
