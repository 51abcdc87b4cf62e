import { describe, expect, test } from 'vitest'
import { parseForm } from '#app/utils/parse-form.ts'
import { planImportFormSchema, schoolFormSchema, schoolIntentSchema } from './school.ts'

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData()
  for (const [name, value] of entries) data.append(name, value)
  return data
}

describe('schoolFormSchema', () => {
  test('an empty closure form names both fields at once, and nothing is read as a closure', () => {
    const result = parseForm(form([['intent', 'addClosure'], ['date', ''], ['label', '']]), schoolFormSchema)
    expect(result).toEqual({
      ok: false,
      message: 'Please correct the fields marked below.',
      fieldErrors: { date: ['Enter a real date as YYYY-MM-DD.'], label: ['Name the closure (e.g. "Thanksgiving").'] },
    })
  })

  test('a closure is read trimmed, without the school (the address names it)', () => {
    const result = parseForm(form([['intent', 'addClosure'], ['date', '2027-08-03'], ['label', ' Snow day ']]), schoolFormSchema)
    expect(result).toEqual({ ok: true, value: { intent: 'addClosure', date: '2027-08-03', label: 'Snow day' } })
  })

  test('a closure label with a control character is refused by name', () => {
    const result = parseForm(form([['intent', 'addClosure'], ['date', '2027-08-03'], ['label', 'Snow\u0007day']]), schoolFormSchema)
    expect(result.ok ? [] : result.fieldErrors.label).toEqual(['The closure name cannot contain control characters (found U+0007).'])
  })

  test('a policy with no box ticked owes nothing; one box is a list of one', () => {
    expect(parseForm(form([['intent', 'setPolicy']]), schoolFormSchema)).toEqual({ ok: true, value: { intent: 'setPolicy', reasons: [] } })
    expect(parseForm(form([['intent', 'setPolicy'], ['reasons', 'unrecorded']]), schoolFormSchema)).toEqual({
      ok: true,
      value: { intent: 'setPolicy', reasons: ['unrecorded'] },
    })
  })

  test('a reason not on the list is refused', () => {
    const result = parseForm(form([['intent', 'setPolicy'], ['reasons', 'provider_absent'], ['reasons', 'weather']]), schoolFormSchema)
    expect(result.ok).toBe(false)
    expect(result.ok ? null : Object.values(result.fieldErrors).flat()).toEqual(['Choose reasons from the list.'])
  })

  test('the intent is read on its own, so a refusal lands beside the form that was sent', () => {
    expect(parseForm(form([['intent', 'removeClosure'], ['date', 'soon']]), schoolIntentSchema)).toEqual({ ok: true, value: { intent: 'removeClosure' } })
    expect(parseForm(form([['intent', 'other']]), schoolIntentSchema).ok).toBe(false)
  })
})

describe('planImportFormSchema', () => {
  test('neither a file nor pasted text is one problem of the whole form', () => {
    const empty = new File([], '', { type: 'application/octet-stream' })
    expect(parseForm(form([['file', empty], ['json', '   ']]), planImportFormSchema)).toEqual({
      ok: false,
      message: 'Please correct the fields marked below.',
      fieldErrors: { form: ['is missing: choose a plan file or paste the plan'] },
    })
  })

  test('a file or pasted text is read', async () => {
    const file = new File(['{"format":"x"}'], 'plan.json', { type: 'application/json' })
    const withFile = parseForm(form([['file', file], ['json', '']]), planImportFormSchema)
    expect(withFile.ok && (await withFile.value.file?.text())).toBe('{"format":"x"}')
    expect(parseForm(form([['json', '{}']]), planImportFormSchema)).toEqual({ ok: true, value: { json: '{}' } })
  })
})
