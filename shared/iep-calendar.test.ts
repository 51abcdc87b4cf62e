import { describe, expect, test } from 'vitest'
import { type CalendarFacts, dueItems, dueState, goalDataDue, goalDataLate, iepDatesProblems, sortDueItems } from './iep-calendar.ts'
import { iepDatesFormSchema, nextPlanFormSchema, setIepDatesSchema } from './schemas/iep-calendar.ts'

const TODAY = '2026-12-09'
const none = { startDate: null, endDate: null, annualReviewDate: null, reevaluationDate: null }

describe('dueState: due within 30 days, late once past', () => {
  test('exactly 30 days ahead is due; 31 is not yet', () => {
    expect(dueState('2027-01-08', TODAY)).toBe('due')
    expect(dueState('2027-01-09', TODAY)).toBeNull()
  })
  test('due today is due, not late; past by one day is late', () => {
    expect(dueState(TODAY, TODAY)).toBe('due')
    expect(dueState('2026-12-08', TODAY)).toBe('late')
  })
  test('no date, nothing due', () => expect(dueState(null, TODAY)).toBeNull())
})

describe('goal data: three weeks without data', () => {
  test('latest data exactly 21 days ago is late; 20 days ago is not', () => {
    expect(goalDataLate({ createdOn: '2026-09-01', lastDataOn: '2026-11-18' }, TODAY)).toBe(true)
    expect(goalDataLate({ createdOn: '2026-09-01', lastDataOn: '2026-11-19' }, TODAY)).toBe(false)
  })
  test('a goal with no data counts from its creation', () => {
    expect(goalDataLate({ createdOn: '2026-11-19', lastDataOn: null }, TODAY)).toBe(false)
    expect(goalDataLate({ createdOn: '2026-11-18', lastDataOn: null }, TODAY)).toBe(true)
    expect(goalDataDue({ createdOn: '2026-11-18', lastDataOn: null })).toBe(TODAY)
  })
})

const facts = (over: Partial<CalendarFacts> = {}): CalendarFacts => ({
  studentId: 's1',
  studentName: 'Johnny',
  plan: { id: 'p1', ...none },
  periods: [],
  goals: [],
  ...over,
})

describe('dueItems', () => {
  test('annual review and re-evaluation: due, late, or not yet', () => {
    const items = dueItems(facts({ plan: { id: 'p1', ...none, annualReviewDate: '2027-01-08', reevaluationDate: '2026-12-08' } }), TODAY)
    expect(items.map((i) => [i.kind, i.state, i.href])).toEqual([
      ['annual_review', 'due', '/students/s1'],
      ['reevaluation', 'late', '/students/s1'],
    ])
    expect(dueItems(facts({ plan: { id: 'p1', ...none, annualReviewDate: '2027-01-09' } }), TODAY)).toEqual([])
  })

  test('a report is owed for a period ended (late) or ending within 30 days (due), unless issued', () => {
    const periods = [
      { id: 'q1', name: 'Quarter 1', startDate: '2026-09-01', endDate: '2026-12-08', issued: false },
      { id: 'q2', name: 'Quarter 2', startDate: '2026-12-09', endDate: '2027-01-08', issued: false },
      { id: 'q3', name: 'Quarter 3', startDate: '2027-01-09', endDate: '2027-03-31', issued: false },
      { id: 'q0', name: 'Summer', startDate: '2026-07-01', endDate: '2026-08-01', issued: true },
    ]
    const items = dueItems(facts({ periods }), TODAY)
    expect(items.map((i) => [i.label, i.state, i.href])).toEqual([
      ['Quarter 1', 'late', '/students/s1/reports'],
      ['Quarter 2', 'due', '/students/s1/reports'],
    ])
  })

  test('periods that ended before the current plan started belong to the earlier plan', () => {
    const periods = [{ id: 'q1', name: 'Quarter 1', startDate: '2026-09-01', endDate: '2026-11-01', issued: false }]
    expect(dueItems(facts({ plan: { id: 'p1', ...none, startDate: '2026-11-02' }, periods }), TODAY)).toEqual([])
  })

  test('a goal without data for 3 weeks links to its page', () => {
    const goals = [
      { id: 'g1', area: 'reading', createdOn: '2026-09-01', lastDataOn: '2026-11-18' },
      { id: 'g2', area: 'math', createdOn: '2026-09-01', lastDataOn: '2026-12-01' },
    ]
    const items = dueItems(facts({ goals }), TODAY)
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ kind: 'goal_data', state: 'late', href: '/students/s1/goals/g1', label: 'reading', date: TODAY })
  })

  test('late first, oldest first; then due, soonest first', () => {
    const items = dueItems(
      facts({
        plan: { id: 'p1', ...none, annualReviewDate: '2026-12-20', reevaluationDate: '2026-12-01' },
        goals: [{ id: 'g1', area: 'reading', createdOn: '2026-09-01', lastDataOn: '2026-11-01' }],
      }),
      TODAY,
    )
    expect(sortDueItems(items).map((i) => i.kind)).toEqual(['goal_data', 'reevaluation', 'annual_review'])
  })
})

describe('the dates refused', () => {
  test('end before (or on) the start', () => {
    expect(iepDatesProblems({ ...none, startDate: '2026-09-01', endDate: '2026-08-31' })[0]?.field).toBe('endDate')
    expect(iepDatesProblems({ ...none, startDate: '2026-09-01', endDate: '2026-09-01' })[0]?.field).toBe('endDate')
    expect(iepDatesProblems({ ...none, startDate: '2026-09-01', endDate: '2027-08-31' })).toEqual([])
  })
  test('a plan much longer than a year (a year typed wrong)', () => {
    expect(iepDatesProblems({ ...none, startDate: '2026-09-01', endDate: '2028-08-31' })[0]?.field).toBe('endDate')
  })
  test('an annual review more than 30 days after the end, or before the start', () => {
    const plan = { ...none, startDate: '2026-09-01', endDate: '2027-06-30' }
    expect(iepDatesProblems({ ...plan, annualReviewDate: '2027-07-30' })).toEqual([])
    expect(iepDatesProblems({ ...plan, annualReviewDate: '2027-07-31' })[0]?.field).toBe('annualReviewDate')
    expect(iepDatesProblems({ ...plan, annualReviewDate: '2026-08-31' })[0]?.field).toBe('annualReviewDate')
  })
  test('a re-evaluation more than three years from the start', () => {
    expect(iepDatesProblems({ ...none, startDate: '2026-09-01', reevaluationDate: '2029-08-01' })).toEqual([])
    expect(iepDatesProblems({ ...none, startDate: '2026-09-01', reevaluationDate: '2030-09-01' })[0]?.field).toBe('reevaluationDate')
  })
  test('the schemas refuse dates outside 2000–2100 and carry the rules, each under its field', () => {
    expect(setIepDatesSchema.safeParse({ studentId: 's', startDate: '1999-12-31' }).success).toBe(false)
    expect(setIepDatesSchema.safeParse({ studentId: 's', endDate: '2101-01-01' }).success).toBe(false)
    const bad = iepDatesFormSchema.safeParse({ startDate: '2026-09-01', endDate: '2026-08-01' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.path).toEqual(['endDate'])
    expect(iepDatesFormSchema.safeParse({}).success).toBe(true)
  })
  test('the next-plan form needs the tick and a reason for each ended goal', () => {
    const base = { startDate: '2027-07-01', endDate: '2028-06-30' }
    expect(nextPlanFormSchema.safeParse({ ...base, goals: [{ goalId: 'g1', choice: 'carry' }] }).success).toBe(false)
    expect(nextPlanFormSchema.safeParse({ ...base, confirm: true, goals: [{ goalId: 'g1', choice: 'end' }] }).success).toBe(false)
    expect(nextPlanFormSchema.safeParse({ ...base, confirm: true, goals: [{ goalId: 'g1', choice: 'end', reason: 'Met' }] }).success).toBe(true)
  })
})
