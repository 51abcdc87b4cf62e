import { describe, expect, test } from 'vitest'
import { excerptAround, likeContains } from './search-pattern.ts'

describe('likeContains', () => {
  test.each([
    ['fire drill', '%fire drill%'],
    ['100%', '%100\\%%'],
    ['a_b', '%a\\_b%'],
    ['back\\slash', '%back\\\\slash%'],
  ])('%s → %s', (query, pattern) => {
    expect(likeContains(query)).toBe(pattern)
  })
})

describe('excerptAround', () => {
  test('shows the words around the match, case-insensitively, with ellipses where cut', () => {
    const text = `${'a '.repeat(50)}He was upset about the FIRE DRILL all evening.${' b'.repeat(50)}`
    const excerpt = excerptAround(text, 'fire drill', 20)
    expect(excerpt).toMatch(/^…/)
    expect(excerpt).toMatch(/…$/)
    expect(excerpt).toContain('FIRE DRILL')
  })

  test('a short text is shown whole', () => {
    expect(excerptAround('Meeting prep', 'prep')).toBe('Meeting prep')
  })
})
