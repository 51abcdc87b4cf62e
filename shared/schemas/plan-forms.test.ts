import { describe, expect, test } from 'vitest'
import { parseForm } from '#app/utils/parse-form.ts'
import { accommodationFieldsSchema, profilesFormSchema } from '#shared/schemas/plan.ts'

function form(entries: [string, string][]): FormData {
  const data = new FormData()
  for (const [name, value] of entries) data.append(name, value)
  return data
}

describe('the accommodation form, read by parseForm', () => {
  test('fields named by path become the shape the procedures take; only the chosen kind’s details are kept', () => {
    const parsed = parseForm(
      form([
        ['title', ' Movement break '],
        ['description', 'A walk to the office before math.'],
        ['category', 'regulation'],
        ['applies.kind', 'weekdays'],
        ['applies.days', 'tue'],
        ['applies.days', 'thu'],
        ['applies.subject', 'Math'],
        ['startDate', '2026-10-14'],
      ]),
      accommodationFieldsSchema,
    )
    expect(parsed).toEqual({
      ok: true,
      value: {
        title: 'Movement break',
        description: 'A walk to the office before math.',
        category: 'regulation',
        applies: { kind: 'weekdays', days: ['tue', 'thu'] },
        startDate: '2026-10-14',
      },
    })
  })

  test('an empty form gives every field’s message at once, and no value', () => {
    const parsed = parseForm(form([['title', ''], ['description', ''], ['category', ''], ['startDate', '']]), accommodationFieldsSchema)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.message).toBe('Please correct the fields marked below.')
    expect(parsed.fieldErrors).toMatchObject({
      title: ['Title is required.'],
      description: ['Plain description is required.'],
      category: ['Choose a category from the list.'],
      'applies.kind': ['Choose when it applies: every school day, certain weekdays, a subject or time, or tests only.'],
    })
    expect(parsed.fieldErrors.startDate).toEqual(['Enter a date.'])
    expect(parsed).not.toHaveProperty('value')
  })

  test('weekdays with none ticked, or a subject left empty, are marked on their own fields', () => {
    const base: [string, string][] = [
      ['title', 'Break'],
      ['description', 'A break.'],
      ['category', 'regulation'],
      ['startDate', '2026-10-14'],
    ]
    const weekdays = parseForm(form([...base, ['applies.kind', 'weekdays']]), accommodationFieldsSchema)
    expect(weekdays.ok ? {} : weekdays.fieldErrors).toEqual({ 'applies.days': ['Choose at least one weekday.'] })
    const subject = parseForm(form([...base, ['applies.kind', 'subject'], ['applies.subject', ' ']]), accommodationFieldsSchema)
    expect(subject.ok ? {} : subject.fieldErrors).toEqual({ 'applies.subject': ['The subject or time of day is required.'] })
  })
})

describe('the profiles form, read by parseForm', () => {
  test('both profiles are read at once; a field left out is empty', () => {
    const parsed = parseForm(form([['communication.howTheyCommunicate', 'Speech'], ['regulation.whatHelps', 'Headphones']]), profilesFormSchema)
    expect(parsed).toEqual({
      ok: true,
      value: {
        communication: { howTheyCommunicate: 'Speech', givingInstructions: '', wordsThatMatter: '' },
        regulation: { earlySigns: '', whatHelps: 'Headphones', whatToAvoid: '', calmPlace: '' },
      },
    })
  })

  test('every field too long in either profile is marked at once', () => {
    const long = 'x'.repeat(1001)
    const parsed = parseForm(form([['communication.wordsThatMatter', long], ['regulation.whatToAvoid', long]]), profilesFormSchema)
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({
      'communication.wordsThatMatter': ['Words or symbols that matter must be at most 1000 characters.'],
      'regulation.whatToAvoid': ['What to avoid must be at most 1000 characters.'],
    })
  })
})
