/**
 * Cursor colours for people editing together. Each is dark enough for white name labels (contrast ≥ 4.5:1),
 * and a person keeps the same colour on every notebook and device.
 */
export const CARET_COLORS = ['#b91c1c', '#1d4ed8', '#047857', '#7c3aed', '#a16207', '#be185d', '#0e7490', '#4d7c0f'] as const

export function caretColor(userId: string): string {
  let hash = 0
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0
  return CARET_COLORS[hash % CARET_COLORS.length]!
}
