import { describe, expect, test } from 'vitest'
import { advocateFormSchema } from './advocates.ts'

describe('the parent’s advocate form', () => {
  const grant = { intent: 'grant', email: 'rosa@example.org' }

  test('for how many days, or until a last day: one of the two', () => {
    expect(advocateFormSchema.safeParse({ ...grant, days: 1 }).success).toBe(true)
    expect(advocateFormSchema.safeParse({ ...grant, lastDay: '2026-11-20', name: 'Aunt Rosa' }).success).toBe(true)
    const neither = advocateFormSchema.safeParse(grant)
    expect(neither.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['days', 'Say for how many days, or the last day.']])
    const both = advocateFormSchema.safeParse({ ...grant, days: 3, lastDay: '2026-11-20' })
    expect(both.error?.issues.map((i) => i.path.join('.'))).toEqual(['days'])
  })

  test('days are whole, from 1 to 90', () => {
    for (const days of [0, 91, 1.5]) expect(advocateFormSchema.safeParse({ ...grant, days }).success).toBe(false)
    expect(advocateFormSchema.safeParse({ ...grant, days: 90 }).success).toBe(true)
  })

  test('revoking is asked first: "confirmed" is yes or absent', () => {
    expect(advocateFormSchema.safeParse({ intent: 'revoke', grantId: 'g1' }).success).toBe(true)
    expect(advocateFormSchema.safeParse({ intent: 'revoke', grantId: 'g1', confirmed: 'yes' }).success).toBe(true)
    expect(advocateFormSchema.safeParse({ intent: 'revoke', grantId: 'g1', confirmed: 'maybe' }).success).toBe(false)
  })
})
