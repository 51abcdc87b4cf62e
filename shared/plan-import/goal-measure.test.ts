import { describe, expect, test } from 'vitest'
import { measureFromTarget } from './goal-measure.ts'

describe('measureFromTarget', () => {
  test.each([
    ['4 of 5', 'count', 4],
    ['80%', 'percent', 80],
    ['90 percent accuracy', 'percent', 90],
    ['20 minutes', 'minutes', 20],
    ['sits for 15 min', 'minutes', 15],
    ['90 words per minute', 'minutes', 90],
    ['independently', 'count', 1],
    ['most of the time (%)', 'percent', 80],
  ] as const)('%j → %s, success at %d', (target, unit, threshold) => {
    expect(measureFromTarget(target)).toEqual({ unit, mastery: { threshold, consecutive: 3, independentOnly: false } })
  })
})
