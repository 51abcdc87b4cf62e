import { describe, expect, test } from 'vitest'
import { accommodationChange, goalChange, isServiceReduction, serviceChange, termText } from './plan-change.ts'

const twice = { minutesPerSession: 30, weekdays: ['mon', 'wed'] as const }
const once = { minutesPerSession: 30, weekdays: ['mon'] as const }

describe('service changes', () => {
  test('fewer sessions a week reads as before → after, from the day, and is a reduction', () => {
    const c = serviceChange({ serviceId: 's', serviceName: 'Speech-language therapy', before: twice, after: once, effectiveFrom: '2027-01-11' })
    expect(c.summary).toBe('Speech-language therapy: 2 × 30 min a week → 1 × 30 min a week, from Mon, Jan 11')
    expect([c.before, c.after, c.isReduction, c.effectiveFrom]).toEqual(['2 × 30 min a week', '1 × 30 min a week', true, '2027-01-11'])
  })
  test('more minutes, or the same minutes on other days, is not a reduction', () => {
    expect(serviceChange({ serviceId: 's', serviceName: 'OT', before: once, after: twice, effectiveFrom: '2027-01-11' }).isReduction).toBe(false)
    expect(isServiceReduction(once, { minutesPerSession: 30, weekdays: ['fri'] })).toBe(false)
    expect(isServiceReduction(twice, { minutesPerSession: 20, weekdays: ['mon', 'wed', 'fri'] })).toBe(false)
    expect(isServiceReduction(twice, { minutesPerSession: 25, weekdays: ['mon', 'wed'] })).toBe(true)
  })
  test('period terms say their period and compare on the same footing', () => {
    const monthly = { minutesPerSession: 30, weekdays: [], per: 'month' as const, sessionsPerPeriod: 4 }
    expect(termText(monthly)).toBe('4 × 30 min a month')
    expect(termText({ minutesPerSession: 0, weekdays: [], per: 'reporting_period', minutesPerPeriod: 600 })).toBe('600 min a reporting period')
    expect(isServiceReduction(monthly, { ...monthly, sessionsPerPeriod: 2 })).toBe(true)
    expect(isServiceReduction(once, monthly)).toBe(false)
  })
  test('a service added is not a reduction; a service ended is', () => {
    const added = serviceChange({ serviceId: 's', serviceName: 'OT', before: null, after: once, effectiveFrom: '2027-01-11' })
    expect([added.before, added.after, added.isReduction]).toEqual(['none', '1 × 30 min a week', false])
    const ended = serviceChange({ serviceId: 's', serviceName: 'OT', before: once, after: null, effectiveFrom: '2027-01-11' })
    expect([ended.after, ended.isReduction]).toEqual(['ended', true])
  })
})

describe('goal changes', () => {
  const goal = { area: 'Reading', officialText: 'Reads 60 wpm', target: '60' }
  test('a new target names only the target', () => {
    const c = goalChange({ goalId: 'g', before: goal, after: { ...goal, target: '80' } })!
    expect(c.summary).toBe('Goal (Reading): target 60 → target 80')
    expect(c.isReduction).toBe(false)
  })
  test('new text names the text; a plain-language edit alone is no change', () => {
    expect(goalChange({ goalId: 'g', before: goal, after: { ...goal, officialText: 'Reads 80 wpm' } })!.summary).toBe('Goal (Reading): “Reads 60 wpm” → “Reads 80 wpm”')
    expect(goalChange({ goalId: 'g', before: goal, after: { ...goal } })).toBeNull()
  })
  test('added and removed goals', () => {
    expect(goalChange({ goalId: 'g', before: null, after: goal })!.before).toBe('none')
    expect(goalChange({ goalId: 'g', before: goal, after: null })!.after).toBe('removed')
  })
})

describe('accommodation changes', () => {
  const quiet = { title: 'Quiet space', description: 'A quiet place to test' }
  test('a support removed is a reduction; added or reworded is not', () => {
    expect(accommodationChange({ accommodationId: 'a', before: quiet, after: null, effectiveFrom: null })!.isReduction).toBe(true)
    expect(accommodationChange({ accommodationId: 'a', before: null, after: quiet, effectiveFrom: null })!.isReduction).toBe(false)
    const reworded = accommodationChange({ accommodationId: 'a', before: quiet, after: { ...quiet, description: 'A quiet room for tests' }, effectiveFrom: '2027-01-11' })!
    expect(reworded.summary).toBe('Support: Quiet space: A quiet place to test → A quiet room for tests, from Mon, Jan 11')
    expect(reworded.isReduction).toBe(false)
  })
  test('nothing changed: no change', () => {
    expect(accommodationChange({ accommodationId: 'a', before: quiet, after: { ...quiet }, effectiveFrom: null })).toBeNull()
  })
})
