import { describe, expect, test } from 'vitest'
import { parseForm } from '#app/utils/parse-form.ts'
import { markSeenFormSchema } from './home.ts'

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.append(name, value)
  return data
}

describe('markSeenFormSchema', () => {
  test('reads the notice to mark', () => {
    expect(parseForm(form({ intent: 'markSeen', id: ' n1 ' }), markSeenFormSchema)).toEqual({ ok: true, value: { intent: 'markSeen', id: 'n1' } })
  })

  test('an unknown intent and a missing id are both refused at once', () => {
    expect(parseForm(form({ intent: 'delete', id: '' }), markSeenFormSchema)).toEqual({
      ok: false,
      message: 'Please correct the fields marked below.',
      fieldErrors: { intent: ['That action is not known.'], id: ['A notification id is required.'] },
    })
  })
})
