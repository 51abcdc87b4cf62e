import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseForm } from '#app/utils/parse-form.ts'

const schema = z.object({
  area: z.string({ error: () => 'Enter the area.' }).min(1),
  plain: z.object({ means: z.string().max(5, { error: () => 'Keep it under 5 characters.' }) }),
  mastery: z.object({ threshold: z.number().int().min(1), independentOnly: z.boolean().default(false) }),
  reason: z.enum(['absent', 'closed'], { error: () => 'Choose a reason.' }),
})

function form(entries: Record<string, string>) {
  const f = new FormData()
  for (const [k, v] of Object.entries(entries)) f.set(k, v)
  return f
}

describe('parseForm', () => {
  it('builds the nested value and coerces numbers and checkboxes', () => {
    const parsed = parseForm(form({ area: 'Reading', 'plain.means': 'ok', 'mastery.threshold': '3', 'mastery.independentOnly': 'on', reason: 'absent' }), schema)
    expect(parsed).toEqual({ ok: true, value: { area: 'Reading', plain: { means: 'ok' }, mastery: { threshold: 3, independentOnly: true }, reason: 'absent' } })
  })

  it('reports every bad field at once, by its field name', () => {
    const parsed = parseForm(form({ area: '', 'plain.means': 'far too long', 'mastery.threshold': '2', reason: 'holiday' }), schema)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.fieldErrors).toEqual({
      area: ['Enter the area.'],
      'plain.means': ['Keep it under 5 characters.'],
      reason: ['Choose a reason.'],
    })
    expect(parsed.message).toBe('Please correct the fields marked below.')
  })
})
