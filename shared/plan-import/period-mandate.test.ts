import { describe, expect, test } from 'vitest'
import { formatPlanError } from './errors.ts'
import { validatePlan } from './validate.ts'

const TODAY = '2026-10-01'

/** A plan with one counseling service per month (docs/import-format.md#services), changed by `change`. */
function plan(change: (service: Record<string, unknown>) => void = () => {}, sessions: Record<string, unknown>[] = []) {
  const service: Record<string, unknown> = {
    key: 'counseling',
    name: 'Counseling',
    providerEmail: 'counselor@maple.example',
    minutesPerSession: 15,
    per: 'month',
    sessionsPerPeriod: 4,
    setting: 'pull-out',
    group: false,
    startDate: '2026-09-08',
    endDate: '2027-06-11',
  }
  change(service)
  return {
    format: 'same-page/plan@1',
    school: { name: 'Maple Elementary' },
    student: { name: 'Ava Lopez' },
    team: [{ email: 'counselor@maple.example', role: 'provider' }],
    services: [service],
    sessions,
  }
}

function errorsOf(file: unknown): string[] {
  const result = validatePlan(file, { today: TODAY })
  return result.ok ? [] : result.errors.map(formatPlanError)
}

describe('plan@1 services per month or reporting period', () => {
  test('"4 sessions of 15 minutes a month" needs no weekdays; its sessions fall on any school day', () => {
    const result = validatePlan(plan(() => {}, [{ service: 'counseling', date: '2026-09-09', status: 'delivered', minutes: 15 }, { service: 'counseling', date: '2026-09-14', status: 'missed', reason: 'student_absent' }]), { today: TODAY })
    expect(result.ok).toBe(true)
    expect(result.ok && result.plan.services[0]).toMatchObject({ per: 'month', sessionsPerPeriod: 4, minutesPerSession: 15 })
  })
  test('"60 minutes a reporting period" gives minutesPerPeriod instead', () => {
    expect(errorsOf(plan((s) => Object.assign(s, { per: 'reporting_period', sessionsPerPeriod: undefined, minutesPerPeriod: 60 })))).toEqual([])
  })
  test('a period service gives exactly one amount', () => {
    const message = 'services[0].sessionsPerPeriod: a service per month or reporting period gives exactly one of sessionsPerPeriod and minutesPerPeriod'
    expect(errorsOf(plan((s) => (s.minutesPerPeriod = 60)))).toEqual([message])
    expect(errorsOf(plan((s) => delete s.sessionsPerPeriod))).toEqual([message])
  })
  test('amounts out of range and an unknown period are refused on their fields', () => {
    expect(errorsOf(plan((s) => (s.sessionsPerPeriod = 0)))).toEqual(['services[0].sessionsPerPeriod: 0 is out of range: whole sessions 1–60 expected'])
    expect(errorsOf(plan((s) => (s.per = 'year')))[0]).toMatch(/^services\[0\]\.per: "year" is not how often: "week", "month", "reporting_period" expected/)
  })
  test('a weekly service (per absent or "week") still needs its weekdays and takes no period amounts', () => {
    expect(errorsOf(plan((s) => (s.per = 'week')))).toEqual([
      'services[0].weekdays: missing: a list of weekdays expected',
      'services[0].sessionsPerPeriod: is only for a service per month or reporting period: add "per": "month" or "reporting_period", or remove it',
    ])
    expect(errorsOf(plan((s) => Object.assign(s, { per: undefined, sessionsPerPeriod: undefined, weekdays: [] })))).toEqual([
      'services[0].weekdays: is empty: at least one of "mon"…"fri" expected',
    ])
  })
  test('a period service’s session on a weekend or before its start is refused, naming the days it may fall on', () => {
    const errors = errorsOf(plan(() => {}, [{ service: 'counseling', date: '2026-09-07', status: 'delivered', minutes: 15 }, { service: 'counseling', date: '2026-09-12', status: 'delivered', minutes: 15 }]))
    expect(errors).toHaveLength(2)
    expect(errors.join('\n')).toContain('any school day from 2026-09-08 to 2027-06-11')
  })
})
