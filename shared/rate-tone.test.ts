import { describe, expect, test } from 'vitest'
import { rateTone } from './rate-tone.ts'

describe('rateTone: one bar for delivery and fidelity', () => {
  test('90 % and above is good, just under is a look', () => {
    expect(rateTone(1)).toBe('good')
    expect(rateTone(0.9)).toBe('good')
    expect(rateTone(0.899)).toBe('warn')
  })

  test('75 % still needs only a look; under 75 % is serious (the accommodation card used to say serious only under 70 %)', () => {
    expect(rateTone(0.75)).toBe('warn')
    expect(rateTone(0.749)).toBe('bad')
    expect(rateTone(0.72)).toBe('bad')
    expect(rateTone(0)).toBe('bad')
  })
})
