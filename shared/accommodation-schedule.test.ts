import { describe, expect, test } from 'vitest'
import { applicabilityOn, describeApplies } from './accommodation-schedule.ts'
import type { Applies } from './schemas/plan.ts'

// The week of Monday 2026-03-02.
const MON = '2026-03-02'
const TUE = '2026-03-03'
const WED = '2026-03-04'
const FRI = '2026-03-06'
const SAT = '2026-03-07'
const SUN = '2026-03-08'
const START = '2025-08-31'

describe('describeApplies', () => {
  test.each<[string, Applies, string]>([
    ['every school day', { kind: 'daily' }, 'Every school day'],
    ['one weekday', { kind: 'weekdays', days: ['tue'] }, 'Tuesday only'],
    ['two weekdays', { kind: 'weekdays', days: ['tue', 'thu'] }, 'Tuesday and Thursday'],
    ['three weekdays', { kind: 'weekdays', days: ['mon', 'wed', 'fri'] }, 'Monday, Wednesday and Friday'],
    ['a subject', { kind: 'subject', subject: 'Math' }, 'During Math'],
    ['a time of day', { kind: 'subject', subject: 'morning meeting' }, 'During morning meeting'],
    ['tests only', { kind: 'tests' }, 'Tests only'],
  ])('%s', (_name, applies, expected) => {
    expect(describeApplies(applies)).toBe(expected)
  })
})

describe('applicabilityOn', () => {
  test('before its start date it does not apply, whatever the kind', () => {
    const kinds: Applies[] = [{ kind: 'daily' }, { kind: 'weekdays', days: ['tue'] }, { kind: 'subject', subject: 'Math' }, { kind: 'tests' }]
    for (const applies of kinds) {
      expect(applicabilityOn(applies, WED, TUE)).toBe('not_today')
      expect(applicabilityOn(applies, TUE, TUE)).not.toBe('not_today') // the start date itself counts
    }
  })

  test('on a weekend nothing applies, even daily and on a listed day', () => {
    for (const day of [SAT, SUN]) {
      expect(applicabilityOn({ kind: 'daily' }, START, day)).toBe('not_today')
      expect(applicabilityOn({ kind: 'tests' }, START, day)).toBe('not_today')
    }
  })

  test('daily applies on every weekday', () => {
    for (const day of [MON, TUE, WED, FRI]) expect(applicabilityOn({ kind: 'daily' }, START, day)).toBe('applies')
  })

  test('weekdays applies only on the listed days', () => {
    const mwf: Applies = { kind: 'weekdays', days: ['mon', 'wed', 'fri'] }
    expect([MON, TUE, WED, FRI].map((day) => applicabilityOn(mwf, START, day))).toEqual(['applies', 'not_today', 'applies', 'applies'])
  })

  test('a subject or tests are conditional: shown with their condition, not hidden', () => {
    expect(applicabilityOn({ kind: 'subject', subject: 'Math' }, START, TUE)).toBe('conditional')
    expect(applicabilityOn({ kind: 'tests' }, START, TUE)).toBe('conditional')
  })
})
