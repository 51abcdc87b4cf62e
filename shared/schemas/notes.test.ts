import { describe, expect, test } from 'vitest'
import { parseForm } from '#app/utils/parse-form.ts'
import { notebookFormSchema, restoreDayFormSchema } from '#shared/schemas/notes.ts'

function form(fields: Record<string, string>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.append(name, value)
  return data
}

describe('the notebook page forms', () => {
  test('renaming is read with the title’s own rules, trimmed', () => {
    expect(parseForm(form({ intent: 'rename', title: '  Home notes ' }), notebookFormSchema)).toEqual({ ok: true, value: { intent: 'rename', title: 'Home notes' } })
  })

  test('archiving needs nothing but its intent', () => {
    expect(parseForm(form({ intent: 'archive' }), notebookFormSchema)).toEqual({ ok: true, value: { intent: 'archive' } })
  })

  test.each([
    ['empty', '', 'Give the notebook a title.'],
    ['too long', 'x'.repeat(81), 'Keep the title under 81 characters.'],
  ])('a title %s is refused on the title, with the top-of-form message', (_name, title, message) => {
    expect(parseForm(form({ intent: 'rename', title }), notebookFormSchema)).toEqual({
      ok: false,
      message: 'Please correct the fields marked below.',
      fieldErrors: { title: [message] },
    })
  })

  test('an intent the page never sends is refused on the intent', () => {
    const result = parseForm(form({ intent: 'delete' }), notebookFormSchema)
    expect(result.ok ? [] : Object.keys(result.fieldErrors)).toEqual(['intent'])
  })
})

describe('restoring a day', () => {
  test('a real day is read', () => {
    expect(parseForm(form({ day: '2026-11-17' }), restoreDayFormSchema)).toEqual({ ok: true, value: { day: '2026-11-17' } })
  })

  test('a day that is not a date is refused on the day', () => {
    expect(parseForm(form({ day: 'yesterday' }), restoreDayFormSchema)).toEqual({
      ok: false,
      message: 'Please correct the fields marked below.',
      fieldErrors: { day: ['Choose a day from the history.'] },
    })
  })
})
