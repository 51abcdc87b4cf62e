import { describe, expect, test } from 'vitest'
import { EFFECT_LOOKBACK_DAYS, effectDateProblem, originOf, standingEffects } from './effects.ts'

describe('effectDateProblem', () => {
  const year = { start: '2026-08-24', end: '2027-06-11' }
  test('today and earlier days of the year are fine', () => {
    expect(effectDateProblem('2026-11-18', '2026-11-18', year)).toBeNull()
    expect(effectDateProblem('2026-08-24', '2026-11-18', year)).toBeNull()
  })
  test('tomorrow is refused', () => {
    expect(effectDateProblem('2026-11-19', '2026-11-18', year)).toMatch(/not happened yet/)
  })
  test('before the school year is refused', () => {
    expect(effectDateProblem('2026-08-23', '2026-11-18', year)).toMatch(/school year/)
  })
  test('more than the lookback ago is refused, exactly the lookback is fine', () => {
    const none = { start: null, end: null }
    expect(EFFECT_LOOKBACK_DAYS).toBe(120)
    expect(effectDateProblem('2026-07-21', '2026-11-18', none)).toBeNull()
    expect(effectDateProblem('2026-07-20', '2026-11-18', none)).toMatch(/120/)
  })
  test('after the year’s last day is refused', () => {
    expect(effectDateProblem('2027-06-12', '2027-06-20', year)).toMatch(/school year/)
  })
})

describe('standingEffects', () => {
  const rows = [
    { id: 'a', action: 'record' as const, replaces: null },
    { id: 'b', action: 'record' as const, replaces: null },
    { id: 'a2', action: 'correct' as const, replaces: 'a' },
    { id: 'b2', action: 'remove' as const, replaces: 'b' },
    { id: 'c', action: 'record' as const, replaces: null },
  ]
  test('a correction stands in place of the earlier row; a removal leaves nothing', () => {
    expect(standingEffects(rows).map((r) => r.id)).toEqual(['a2', 'c'])
  })
  test('the chain leads back to the first record', () => {
    expect(originOf(rows, 'a2')?.id).toBe('a')
    expect(originOf(rows, 'c')?.id).toBe('c')
  })
})
