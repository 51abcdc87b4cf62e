import { describe, expect, test } from 'vitest'
import { parseForm } from '#app/utils/parse-form.ts'
import { inviteFormSchema, providerAreasFormSchema, studentPageIntentSchema } from '#shared/schemas/student-forms.ts'

function form(entries: [string, string][]): FormData {
  const data = new FormData()
  for (const [name, value] of entries) data.append(name, value)
  return data
}

describe('the student page forms, read by parseForm', () => {
  test('an unknown intent is refused with one sentence', () => {
    const parsed = parseForm(form([['intent', 'delete-everything']]), studentPageIntentSchema)
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({ intent: ['That action is not known.'] })
  })

  test('an invite with neither email nor role gives both messages at once', () => {
    const parsed = parseForm(form([['intent', 'invite'], ['email', ''], ['role', '']]), inviteFormSchema)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.message).toBe('Please correct the fields marked below.')
    expect(Object.keys(parsed.fieldErrors).sort()).toEqual(['email', 'role'])
    expect(parsed.fieldErrors.role).toEqual(['Choose a role: case manager, provider, para or parent.'])
  })

  test('a provider with no area ticked has no areas; unknown areas are refused', () => {
    expect(parseForm(form([['memberId', 'm1']]), providerAreasFormSchema)).toEqual({ ok: true, value: { memberId: 'm1', areas: [] } })
    const refused = parseForm(form([['memberId', 'm1'], ['areas', 'reading'], ['areas', 'cooking']]), providerAreasFormSchema)
    expect(refused.ok ? {} : refused.fieldErrors).toEqual({ 'areas[1]': ['Choose areas from the list.'] })
  })
})
