import { expect, test } from 'vitest'
import { CARET_COLORS, caretColor } from './caret-color.ts'

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

test('every caret colour carries white name labels at 4.5:1 or better', () => {
  for (const color of CARET_COLORS) expect(1.05 / (luminance(color) + 0.05)).toBeGreaterThanOrEqual(4.5)
})

test('a person keeps one colour, and different people spread over the palette', () => {
  expect(caretColor('user-1')).toBe(caretColor('user-1'))
  const used = new Set(Array.from({ length: 64 }, (_, i) => caretColor(`user-${i}`)))
  expect(used.size).toBeGreaterThanOrEqual(6)
})
