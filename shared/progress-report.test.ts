import { describe, expect, it } from 'vitest'
import { reportGoalInput } from '#tests/fixtures/progress-report-doc.ts'
import type { ServiceNumbers } from './accountability.ts'
import type { ProgressPoint } from './mastery.ts'
import {
  codeLabel,
  defaultProgressCodes,
  goalCautions,
  goalSection,
  MIN_POINTS_TO_JUDGE,
  missingCodes,
  periodServiceNumbers,
  regulationCounts,
  type ReportGoal,
} from './progress-report.ts'
import type { MasteryRule, RegulationState } from './schemas/plan.ts'

const RULE: MasteryRule = { threshold: 20, consecutive: 3, independentOnly: false }
const point = (date: string, value: number, regulation: RegulationState = 'calm'): ProgressPoint => ({ date, value, regulation, promptLevel: 'independent' })
const PERIOD = { start: '2026-09-07', end: '2026-10-30' }

describe('goalCautions', () => {
  it('none for a goal with enough calm points', () => {
    const points = [point('2026-09-08', 10), point('2026-09-15', 12), point('2026-09-22', 14)]
    expect(goalCautions(points, points, RULE)).toEqual([])
  })

  it('met on paper: the latest value reaches the goal while a recent point was dysregulated', () => {
    const points = [point('2026-09-08', 18), point('2026-09-15', 21, 'dysregulated'), point('2026-09-22', 22)]
    expect(goalCautions(points, points, RULE)).toEqual(['met_on_paper'])
    // The same numbers, calm: met, and nothing to caution.
    const calm = points.map((p) => ({ ...p, regulation: 'calm' as const }))
    expect(goalCautions(calm, calm, RULE)).toEqual([])
  })

  it('met on paper is read over the points up to the period’s end, not the period alone', () => {
    const before = point('2026-09-01', 20, 'dysregulated')
    const inPeriod = [point('2026-09-08', 21), point('2026-09-15', 22)]
    expect(goalCautions(inPeriod, [before, ...inPeriod], RULE)).toEqual(['met_on_paper', 'too_few_points'])
    expect(goalCautions(inPeriod, inPeriod, RULE)).toEqual(['too_few_points'])
  })

  it(`too few points: fewer than ${MIN_POINTS_TO_JUDGE} in the period`, () => {
    expect(MIN_POINTS_TO_JUDGE).toBe(3)
    const two = [point('2026-09-08', 10), point('2026-09-15', 12)]
    expect(goalCautions(two, two, RULE)).toEqual(['too_few_points'])
    expect(goalCautions([], [], RULE)).toEqual(['too_few_points'])
    // Points before the period do not count towards it.
    const earlier = [point('2026-08-01', 8), point('2026-08-02', 9)]
    expect(goalCautions(two, [...earlier, ...two], RULE)).toEqual(['too_few_points'])
  })

  it('too few points: fewer than the mastery rule’s run, when that is longer', () => {
    const five: MasteryRule = { threshold: 20, consecutive: 5, independentOnly: false }
    const four = ['2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11'].map((d) => point(d, 10))
    expect(goalCautions(four, four, five)).toEqual(['too_few_points'])
    expect(goalCautions(four, four, RULE)).toEqual([])
    const withFifth = [...four, point('2026-09-14', 11)]
    expect(goalCautions(withFifth, withFifth, five)).toEqual([])
  })

  it('both cautions at once', () => {
    const points = [point('2026-09-08', 21, 'dysregulated')]
    expect(goalCautions(points, points, RULE)).toEqual(['met_on_paper', 'too_few_points'])
  })
})

describe('goalSection', () => {
  const points = [
    point('2026-09-01', 5),
    point('2026-09-07', 8, 'uneasy'),
    point('2026-09-20', 10),
    point('2026-10-05', 12, 'dysregulated'),
    point('2026-10-30', 14),
    point('2026-11-02', 2),
  ]
  const goal = reportGoalInput({ points: [...points].reverse() })

  it('keeps the period’s points (first and last days included), oldest first, with their regulation counted', () => {
    const section = goalSection(goal, PERIOD, PERIOD.end)
    expect(section.points.map((p) => p.date)).toEqual(['2026-09-07', '2026-09-20', '2026-10-05', '2026-10-30'])
    expect(section.points[0]).toEqual({ date: '2026-09-07', value: 8, regulation: 'uneasy', promptLevel: 'independent' })
    expect(section.regulation).toEqual({ calm: 2, uneasy: 1, dysregulated: 1 })
    expect(regulationCounts(section.points)).toEqual(section.regulation)
  })

  it('carries the goal’s words and the rule in words', () => {
    const section = goalSection(goal, PERIOD, PERIOD.end)
    expect(section).toMatchObject({ goalId: 'g1', area: 'behavior', target: '20 minutes', unit: 'minutes', plain: goal.plain, officialText: goal.officialText, baseline: goal.baseline })
    expect(section.ruleText).toContain('20')
    expect(section).not.toHaveProperty('code')
  })

  it('reads the status from every point up to the period’s end, never after it', () => {
    // A point after the period (2 minutes, a sharp drop) would read "needs attention"; it is not in this report.
    const section = goalSection(goal, PERIOD, PERIOD.end)
    expect(section.status.status).toBe('on_track')
    expect(goalSection(goal, PERIOD, '2026-11-02').status.status).toBe('on_track')
    // The status reads points before the period too: with the period holding one point, the trend still shows.
    const late = goalSection(reportGoalInput({ points: [point('2026-08-01', 30), point('2026-08-02', 30), point('2026-09-08', 5)] }), PERIOD, PERIOD.end)
    expect(late.points).toHaveLength(1)
    expect(late.status.status).toBe('needs_attention')
  })

  it('an asOf before the period’s end cuts the points (a draft read mid-period)', () => {
    const section = goalSection(goal, PERIOD, '2026-10-04')
    expect(section.points.map((p) => p.date)).toEqual(['2026-09-07', '2026-09-20'])
    expect(section.regulation).toEqual({ calm: 1, uneasy: 1, dysregulated: 0 })
    expect(section.cautions).toEqual(['too_few_points'])
  })

  it('the met-on-paper goal of the demo: the caution rides along with the section', () => {
    const demo = [point('2026-09-08', 17), point('2026-09-10', 20, 'uneasy'), point('2026-09-14', 21, 'dysregulated'), point('2026-09-16', 22, 'dysregulated')]
    const section = goalSection(reportGoalInput({ points: demo }), PERIOD, PERIOD.end)
    expect(section.status.status).toBe('met')
    expect(section.cautions).toEqual(['met_on_paper'])
  })
})

describe('periodServiceNumbers', () => {
  const numbers = (over: Partial<ServiceNumbers> = {}): ServiceNumbers => ({
    minutesMandated: 0,
    minutesDelivered: 0,
    deliveryRate: 1,
    sessions: { due: 0, delivered: 0, missed: 0, unrecorded: 0, pending: 0, madeUp: 0 },
    missedByReason: {},
    ledger: { minutesOwed: 0, minutesMadeUp: 0, balance: 0 },
    alerts: [],
    ...over,
  })
  const before = numbers({
    minutesMandated: 600,
    minutesDelivered: 540,
    sessions: { due: 20, delivered: 18, missed: 2, unrecorded: 1, pending: 0, madeUp: 1 },
    missedByReason: { provider_absent: 1, student_absent: 1 },
    ledger: { minutesOwed: 30, minutesMadeUp: 30, balance: 0 },
  })
  const atEnd = numbers({
    minutesMandated: 1200,
    minutesDelivered: 1020,
    sessions: { due: 40, delivered: 34, missed: 5, unrecorded: 1, pending: 0, madeUp: 2 },
    missedByReason: { provider_absent: 3, student_absent: 1, scheduling_conflict: 1 },
    ledger: { minutesOwed: 120, minutesMadeUp: 60, balance: 60 },
  })

  it('is the numbers at the end less the numbers the day before the period began', () => {
    expect(periodServiceNumbers(atEnd, before)).toEqual({
      minutesMandated: 600,
      minutesDelivered: 480,
      sessions: { due: 20, delivered: 16, missed: 3, unrecorded: 0, madeUp: 1 },
      missedByReason: { provider_absent: 2, scheduling_conflict: 1 },
      ledger: { minutesOwed: 90, minutesMadeUp: 30, balanceAtEnd: 60 },
    })
  })

  it('drops a reason with no misses in the period rather than print a zero', () => {
    expect(periodServiceNumbers(atEnd, before).missedByReason).not.toHaveProperty('student_absent')
    expect(periodServiceNumbers(numbers({ missedByReason: { student_absent: 0 } }), null).missedByReason).toEqual({})
  })

  it('with nothing before (the service began in the period), the period’s numbers are the numbers at its end', () => {
    expect(periodServiceNumbers(atEnd, null)).toEqual({
      minutesMandated: 1200,
      minutesDelivered: 1020,
      sessions: { due: 40, delivered: 34, missed: 5, unrecorded: 1, madeUp: 2 },
      missedByReason: { provider_absent: 3, student_absent: 1, scheduling_conflict: 1 },
      ledger: { minutesOwed: 120, minutesMadeUp: 60, balanceAtEnd: 60 },
    })
  })

  it('the balance is the one still owed at the end, not the change in the period; unrecorded never goes below zero', () => {
    const recorded = numbers({ ...atEnd, sessions: { ...atEnd.sessions, unrecorded: 0 }, ledger: { minutesOwed: 120, minutesMadeUp: 120, balance: 0 } })
    const busy = numbers({ ...before, sessions: { ...before.sessions, unrecorded: 3 }, ledger: { minutesOwed: 30, minutesMadeUp: 0, balance: 30 } })
    const out = periodServiceNumbers(recorded, busy)
    expect(out.ledger).toEqual({ minutesOwed: 90, minutesMadeUp: 120, balanceAtEnd: 0 })
    expect(out.sessions.unrecorded).toBe(0)
  })
})

describe('missingCodes and codeLabel', () => {
  const goal = (goalId: string, code: string | null) => ({ goalId, code }) as ReportGoal

  it('names the goals without a code, in order; none when all have one', () => {
    expect(missingCodes({ goals: [goal('a', 'sufficient'), goal('b', null), goal('c', ''), goal('d', 'mastered')] })).toEqual(['b', 'c'])
    expect(missingCodes({ goals: [goal('a', 'sufficient')] })).toEqual([])
    expect(missingCodes({ goals: [] })).toEqual([])
  })

  it('reads a code’s label from the report’s own list; an unknown key prints as itself; no code, no label', () => {
    const codes = defaultProgressCodes()
    expect(codes.map((c) => c.key)).toEqual(['mastered', 'sufficient', 'insufficient', 'not_introduced'])
    expect(codeLabel(codes, 'sufficient')).toBe('Sufficient progress to meet the goal')
    expect(codeLabel([{ key: 'k1', label: 'Emerging' }], 'k1')).toBe('Emerging')
    expect(codeLabel(codes, 'gone')).toBe('gone')
    expect(codeLabel(codes, null)).toBeNull()
    expect(codeLabel(codes, '')).toBeNull()
  })
})
