import { describe, expect, it } from 'vitest'
import { addDays } from './school-date.ts'
import { checkPeriod, MAX_PERIODS, periodOn, quartersOf, type ReportingPeriod } from './reporting-periods.ts'

const YEAR = { start: '2026-08-31', end: '2027-06-18' }
const Q1: ReportingPeriod = { id: 'q1', name: 'Quarter 1', start: '2026-08-31', end: '2026-11-06' }
const Q2: ReportingPeriod = { id: 'q2', name: 'Quarter 2', start: '2026-11-09', end: '2027-01-29' }
const OTHERS = [Q1, Q2]

describe('checkPeriod', () => {
  it('accepts a period inside the year that touches no other; a one-day period is a period', () => {
    expect(checkPeriod({ name: 'Quarter 3', start: '2027-02-01', end: '2027-04-09' }, OTHERS, YEAR)).toEqual({ ok: true })
    expect(checkPeriod({ name: 'Check-in', start: '2027-02-01', end: '2027-02-01' }, OTHERS, YEAR)).toEqual({ ok: true })
  })

  it('refuses a period that ends before it starts, on the last day', () => {
    expect(checkPeriod({ name: 'Backwards', start: '2027-03-10', end: '2027-03-09' }, OTHERS, YEAR)).toEqual({
      ok: false,
      field: 'end',
      message: 'The last day must be on or after the first day.',
    })
  })

  it('refuses a period that starts before the school year (on the first day) or ends after it (on the last day)', () => {
    const message = 'A reporting period must fall inside the school year (Mon, Aug 31 to Fri, Jun 18).'
    expect(checkPeriod({ name: 'Early', start: '2026-08-30', end: '2026-09-30' }, [], YEAR)).toEqual({ ok: false, field: 'start', message })
    expect(checkPeriod({ name: 'Late', start: '2027-05-01', end: '2027-06-19' }, [], YEAR)).toEqual({ ok: false, field: 'end', message })
    // The year's own first and last days are inside it.
    expect(checkPeriod({ name: 'Whole year', start: YEAR.start, end: YEAR.end }, [], YEAR)).toEqual({ ok: true })
  })

  it('without a school year, any dates that run forwards will do', () => {
    expect(checkPeriod({ name: 'Any', start: '2020-01-01', end: '2030-01-01' }, [], { start: null, end: null })).toEqual({ ok: true })
  })

  it('refuses a name another period already has, whatever its case and spaces', () => {
    expect(checkPeriod({ name: '  quarter 1 ', start: '2027-02-01', end: '2027-02-26' }, OTHERS, YEAR)).toEqual({
      ok: false,
      field: 'name',
      message: 'Another period is already called “Quarter 1”. Give this one its own name.',
    })
  })

  it('refuses an overlap, naming the other period and its days', () => {
    expect(checkPeriod({ name: 'Fall', start: '2026-10-01', end: '2026-11-20' }, OTHERS, YEAR)).toEqual({
      ok: false,
      field: 'start',
      message: 'This overlaps “Quarter 1” (Mon, Aug 31 to Fri, Nov 6). A day can belong to one period only.',
    })
    // A period inside another, or around it, overlaps it too.
    expect(checkPeriod({ name: 'Inside', start: '2026-09-10', end: '2026-09-11' }, OTHERS, YEAR)).toMatchObject({ ok: false, field: 'start' })
    expect(checkPeriod({ name: 'Around', start: '2026-11-07', end: '2027-02-05' }, OTHERS, YEAR)).toMatchObject({ ok: false, message: expect.stringContaining('“Quarter 2”') })
  })

  it('refuses two periods that share a single day, on either side; the day after is fine', () => {
    expect(checkPeriod({ name: 'Starts on Q2’s last day', start: Q2.end, end: '2027-02-26' }, OTHERS, YEAR)).toMatchObject({ ok: false, message: expect.stringContaining('“Quarter 2”') })
    expect(checkPeriod({ name: 'Ends on Q1’s first day', start: '2026-08-31', end: Q1.start }, [Q1], YEAR)).toMatchObject({ ok: false, message: expect.stringContaining('“Quarter 1”') })
    expect(checkPeriod({ name: 'Quarter 3', start: addDays(Q2.end, 1), end: '2027-02-26' }, OTHERS, YEAR)).toEqual({ ok: true })
  })

  it('an edit of a period is checked against the others, not against itself', () => {
    expect(checkPeriod({ id: 'q1', name: 'Quarter 1', start: Q1.start, end: '2026-11-05' }, OTHERS, YEAR)).toEqual({ ok: true })
    expect(checkPeriod({ id: 'q1', name: 'QUARTER 1', start: Q1.start, end: Q1.end }, OTHERS, YEAR)).toEqual({ ok: true })
    // …but it may not grow into its neighbour, nor take its name.
    expect(checkPeriod({ id: 'q1', name: 'Quarter 1', start: Q1.start, end: Q2.start }, OTHERS, YEAR)).toMatchObject({ ok: false, message: expect.stringContaining('“Quarter 2”') })
    expect(checkPeriod({ id: 'q1', name: 'Quarter 2', start: Q1.start, end: Q1.end }, OTHERS, YEAR)).toMatchObject({ ok: false, field: 'name' })
  })

  it(`refuses a period beyond ${MAX_PERIODS}; editing one of ${MAX_PERIODS} is still allowed`, () => {
    const many: ReportingPeriod[] = Array.from({ length: MAX_PERIODS }, (_, i) => ({ id: `p${i}`, name: `Week ${i + 1}`, start: addDays('2026-09-01', i), end: addDays('2026-09-01', i) }))
    expect(checkPeriod({ name: 'One more', start: '2027-03-01', end: '2027-03-05' }, many, YEAR)).toEqual({
      ok: false,
      field: 'name',
      message: `A school can have at most ${MAX_PERIODS} reporting periods.`,
    })
    expect(checkPeriod({ name: 'One more', start: '2027-03-01', end: '2027-03-05' }, many.slice(1), YEAR)).toEqual({ ok: true })
    expect(checkPeriod({ id: 'p0', name: 'Week one', start: many[0]!.start, end: many[0]!.end }, many, YEAR)).toEqual({ ok: true })
  })
})

describe('periodOn', () => {
  it('finds the period holding a day, its first and last days included; none between or outside', () => {
    expect(periodOn(OTHERS, Q1.start)?.id).toBe('q1')
    expect(periodOn(OTHERS, Q1.end)?.id).toBe('q1')
    expect(periodOn(OTHERS, '2026-12-15')?.id).toBe('q2')
    expect(periodOn(OTHERS, '2026-11-07')).toBeUndefined()
    expect(periodOn(OTHERS, '2027-05-01')).toBeUndefined()
    expect(periodOn([], '2026-09-01')).toBeUndefined()
  })
})

describe('quartersOf', () => {
  const years = [
    YEAR,
    { start: '2025-09-02', end: '2026-06-12' },
    // A leap day inside the year.
    { start: '2027-08-30', end: '2028-06-16' },
    { start: '2026-01-01', end: '2026-12-31' },
  ]

  it.each(years)('$start to $end: four runs named Quarter 1 to 4 that cover the year exactly, without gaps or overlaps', (year) => {
    const quarters = quartersOf(year.start, year.end)
    expect(quarters.map((q) => q.name)).toEqual(['Quarter 1', 'Quarter 2', 'Quarter 3', 'Quarter 4'])
    expect(quarters[0]!.start).toBe(year.start)
    expect(quarters.at(-1)!.end).toBe(year.end)
    for (const [i, q] of quarters.entries()) {
      expect(q.start <= q.end).toBe(true)
      if (i > 0) expect(q.start).toBe(addDays(quarters[i - 1]!.end, 1))
    }
    // Nearly equal: the lengths differ by a day at most.
    const lengths = quarters.map((q) => (Date.parse(q.end) - Date.parse(q.start)) / 86_400_000 + 1)
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1)
    // And they pass the period check against each other, one by one.
    const saved: ReportingPeriod[] = []
    for (const q of quarters) {
      expect(checkPeriod(q, saved, year)).toEqual({ ok: true })
      saved.push({ id: q.name, ...q })
    }
  })

  it('Maple’s year splits at known days', () => {
    expect(quartersOf(YEAR.start, YEAR.end)).toEqual([
      { name: 'Quarter 1', start: '2026-08-31', end: '2026-11-11' },
      { name: 'Quarter 2', start: '2026-11-12', end: '2027-01-23' },
      { name: 'Quarter 3', start: '2027-01-24', end: '2027-04-06' },
      { name: 'Quarter 4', start: '2027-04-07', end: '2027-06-18' },
    ])
  })

  it('a year of fewer than four days gives fewer runs, still covering it day by day', () => {
    const quarters = quartersOf('2026-09-01', '2026-09-02')
    expect(quarters.map((q) => [q.start, q.end])).toEqual([
      ['2026-09-01', '2026-09-01'],
      ['2026-09-02', '2026-09-02'],
    ])
  })
})
