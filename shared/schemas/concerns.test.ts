import { describe, expect, test } from 'vitest'
import { parseForm } from '#app/utils/parse-form.ts'
import { concernIntentSchema, concernLetterQuerySchema, concernPageFormSchemas, newConcernFormSchema } from './concerns.ts'

function form(entries: [string, string][]): FormData {
  const data = new FormData()
  for (const [name, value] of entries) data.append(name, value)
  return data
}

describe('newConcernFormSchema', () => {
  test('reads a filled form, the ticked records as links', () => {
    const parsed = parseForm(
      form([
        ['date', '2026-11-17'],
        ['issue', ' Speech sessions missed '],
        ['personContacted', ''],
        ['response', ''],
        ['followUp', 'Ask for make-ups'],
        ['status', 'open'],
        ['visibility', 'family'],
        ['links', 'session:abc'],
        ['links', 'check:def'],
      ]),
      newConcernFormSchema,
    )
    expect(parsed).toEqual({
      ok: true,
      value: {
        date: '2026-11-17',
        issue: 'Speech sessions missed',
        personContacted: '',
        response: '',
        followUp: 'Ask for make-ups',
        status: 'open',
        visibility: 'family',
        links: [
          { kind: 'session', recordId: 'abc' },
          { kind: 'check', recordId: 'def' },
        ],
      },
    })
  })

  test('one ticked record is still a list, and none is an empty list', () => {
    const base: [string, string][] = [
      ['date', '2026-11-17'],
      ['issue', 'x'],
      ['status', 'open'],
      ['visibility', 'team'],
    ]
    const one = parseForm(form([...base, ['links', 'progress:p1']]), newConcernFormSchema)
    expect(one.ok && one.value.links).toEqual([{ kind: 'progress', recordId: 'p1' }])
    const none = parseForm(form(base), newConcernFormSchema)
    expect(none.ok && none.value.links).toEqual([])
  })

  test('a bad form gives every field its message at once', () => {
    const parsed = parseForm(
      form([
        ['date', ''],
        ['issue', '   '],
        ['personContacted', 'a'.repeat(201)],
        ['status', 'lost'],
        ['visibility', 'everyone'],
      ]),
      newConcernFormSchema,
    )
    expect(parsed).toEqual({
      ok: false,
      message: 'Please correct the fields marked below.',
      fieldErrors: {
        date: ['Enter a date.'],
        issue: ['Describe the issue.'],
        personContacted: ['Person contacted must be at most 200 characters.'],
        status: ['Choose open, waiting for a response or resolved.'],
        visibility: ['Choose who can see this concern: the whole team or family only.'],
      },
    })
  })

  test('a record of an unknown kind is refused', () => {
    const parsed = parseForm(
      form([
        ['date', '2026-11-17'],
        ['issue', 'x'],
        ['status', 'open'],
        ['visibility', 'team'],
        ['links', 'note:n1'],
      ]),
      newConcernFormSchema,
    )
    expect(parsed.ok ? [] : Object.values(parsed.fieldErrors).flat()).toEqual(['Choose a session record, an accommodation check or a progress point.'])
  })
})

describe('the concern page forms', () => {
  test('an unknown intent is refused', () => {
    const parsed = parseForm(form([['intent', 'delete']]), concernIntentSchema)
    expect(parsed).toMatchObject({ ok: false, fieldErrors: { intent: ['Unknown action.'] } })
    expect(parseForm(form([['intent', 'escalate']]), concernIntentSchema)).toEqual({ ok: true, value: { intent: 'escalate' } })
  })

  test('an entry with nothing filled in names each field', () => {
    const parsed = parseForm(form([['intent', 'update'], ['kind', ''], ['date', ''], ['person', ''], ['text', '']]), concernPageFormSchemas.update)
    expect(parsed).toMatchObject({
      ok: false,
      fieldErrors: { kind: ['Choose a contact made or a response received.'], date: ['Enter a date.'], text: ['Write what happened.'] },
    })
  })

  test('a step is read as a number, and a blank filing date is not given', () => {
    const parsed = parseForm(form([['intent', 'escalate'], ['step', '5'], ['date', '2026-11-17'], ['filedOn', ''], ['note', '']]), concernPageFormSchemas.escalate)
    expect(parsed).toEqual({ ok: true, value: { step: 5, date: '2026-11-17', note: '' } })
  })

  test('a bad step and date are refused together', () => {
    const parsed = parseForm(form([['step', '9'], ['date', '2026-13-01'], ['filedOn', 'soon']]), concernPageFormSchemas.escalate)
    expect(parsed).toMatchObject({
      ok: false,
      fieldErrors: { step: ['Choose a step from 1 to 6.'], date: ['Enter a real date as YYYY-MM-DD.'], filedOn: ['Enter a real date as YYYY-MM-DD.'] },
    })
  })

  test('linking with no record ticked asks for one', () => {
    const parsed = parseForm(form([['intent', 'link']]), concernPageFormSchemas.link)
    expect(parsed).toMatchObject({ ok: false, fieldErrors: { links: ['Choose at least one record.'] } })
  })

  test('an edit reads the same fields as a new concern', () => {
    const parsed = parseForm(
      form([['intent', 'edit'], ['date', '2026-11-17'], ['issue', 'Changed'], ['personContacted', 'Ms. Shah'], ['response', ''], ['followUp', ''], ['status', 'resolved']]),
      concernPageFormSchemas.edit,
    )
    expect(parsed).toEqual({
      ok: true,
      value: { date: '2026-11-17', issue: 'Changed', personContacted: 'Ms. Shah', response: '', followUp: '', status: 'resolved' },
    })
  })
})

describe('concernLetterQuerySchema', () => {
  test('reads the ticked family-only entries from the address', () => {
    const parsed = parseForm(new URLSearchParams('draft=1&include=u1&include=u2'), concernLetterQuerySchema)
    expect(parsed).toEqual({ ok: true, value: { draft: '1', include: ['u1', 'u2'] } })
    expect(parseForm(new URLSearchParams(''), concernLetterQuerySchema)).toEqual({ ok: true, value: { include: [] } })
  })
})
