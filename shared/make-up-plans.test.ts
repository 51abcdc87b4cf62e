import { describe, expect, test } from 'vitest'
import { isDue, MAKE_UP_GRACE_DAYS, openPlanFor, planProblem, type PlanFacts } from './make-up-plans.ts'
import { addDays } from './school-date.ts'

// Thu 12 Nov 2026 was missed; today is Wed 18 Nov; Thanksgiving (Thu 26 Nov) is closed.
const facts = (over: Partial<PlanFacts> = {}): PlanFacts => ({
  plannedDate: '2026-12-08',
  repaysDate: '2026-11-12',
  today: '2026-11-18',
  closures: new Set(['2026-11-26']),
  serviceEnd: '2027-06-18',
  owedMinutes: 30,
  openPlan: false,
  ...over,
})

describe('whether a make-up may be planned', () => {
  test('a later school day, not in the past, for a session that still owes minutes', () => {
    expect(planProblem(facts())).toBeNull()
    expect(planProblem(facts({ plannedDate: '2026-11-18' })), 'today is fine').toBeNull()
  })

  test.each([
    ['a day in the past', { plannedDate: '2026-11-17' }, 'in_past'],
    ['a Saturday', { plannedDate: '2026-12-05' }, 'not_school_day'],
    ['a closure', { plannedDate: '2026-11-26' }, 'not_school_day'],
    ['the missed day itself', { plannedDate: '2026-11-12', today: '2026-11-12' }, 'not_after_session'],
    ['a session that owes nothing (made up, or not owed by the policy)', { owedMinutes: 0 }, 'nothing_owed'],
    ['a session that already has an open plan', { openPlan: true }, 'already_planned'],
    ['too long after the service ended', { serviceEnd: '2026-11-20', plannedDate: '2027-02-01' }, 'after_service'],
  ] as const)('refuses %s', (_name, over, problem) => {
    expect(planProblem(facts(over))).toBe(problem)
  })

  test(`up to ${MAKE_UP_GRACE_DAYS} days after the service ends is allowed`, () => {
    const end = '2026-11-20'
    const last = addDays(end, MAKE_UP_GRACE_DAYS) // Tue 19 Jan 2027
    expect(planProblem(facts({ serviceEnd: end, plannedDate: last }))).toBeNull()
    expect(planProblem(facts({ serviceEnd: end, plannedDate: addDays(last, 1) }))).toBe('after_service')
  })
})

describe('a plan’s state', () => {
  const plans = [
    { planId: 'a', serviceId: 's', repaysDate: '2026-11-12', plannedDate: '2026-12-08', status: 'cancelled' as const },
    { planId: 'b', serviceId: 's', repaysDate: '2026-11-12', plannedDate: '2026-12-09', status: 'planned' as const },
    { planId: 'c', serviceId: 't', repaysDate: '2026-11-12', plannedDate: '2026-12-09', status: 'planned' as const },
  ]
  test('the open plan of a missed session is the planned one of that service', () => {
    expect(openPlanFor(plans, 's', '2026-11-12')?.planId).toBe('b')
    expect(openPlanFor(plans, 's', '2026-11-10')).toBeUndefined()
  })
  test('a plan is recorded on or after its day, never before', () => {
    expect(isDue({ plannedDate: '2026-12-09' }, '2026-12-08')).toBe(false)
    expect(isDue({ plannedDate: '2026-12-09' }, '2026-12-09')).toBe(true)
    expect(isDue({ plannedDate: '2026-12-09' }, '2026-12-10')).toBe(true)
  })
})
