import { describe, expect, test } from 'vitest'
import { parseForm } from '#app/utils/parse-form.ts'
import { recordCheckSchema, todayFormEchoSchema, todayFormSchema } from '#shared/schemas/today.ts'

const VALID = { studentId: 's1', accommodationId: 'a1', date: '2026-11-17', status: 'used', clientId: 'tap-0001-abcd' }

/** [path, message] of each issue, or [] when the input is accepted. */
function issues(input: unknown): [string, string][] {
  const result = recordCheckSchema.safeParse(input)
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message])
}

describe('recordCheckSchema', () => {
  test('a plain “used” tap is accepted', () => {
    expect(recordCheckSchema.parse(VALID)).toEqual(VALID)
  })

  test('not_provided with a reason is accepted, the reason trimmed', () => {
    expect(recordCheckSchema.parse({ ...VALID, status: 'not_provided', reason: '  no sub plan ' })).toMatchObject({
      status: 'not_provided',
      reason: 'no sub plan',
    })
  })

  test.each([
    ['missing', undefined],
    ['empty', ''],
    ['only spaces', '   '],
  ])('not_provided with the reason %s is refused on `reason`', (_name, reason) => {
    expect(issues({ ...VALID, status: 'not_provided', reason })).toEqual([['reason', 'Say briefly why it was not provided.']])
  })

  test('other statuses need no reason', () => {
    for (const status of ['used', 'not_needed', 'declined']) expect(issues({ ...VALID, status })).toEqual([])
  })

  test.each([
    ['too short', 'abc'],
    ['with spaces', 'tap 0001 abcd'],
    ['with punctuation', 'tap-0001;drop'],
    ['too long', 'x'.repeat(65)],
  ])('a client id %s is refused', (_name, clientId) => {
    expect(issues({ ...VALID, clientId })).toEqual([['clientId', 'That change id is not valid.']])
  })

  test('a missing client id is refused', () => {
    const { clientId: _omit, ...rest } = VALID
    expect(issues(rest)).toEqual([['clientId', 'A change id is required.']])
  })

  test.each(['done', 'USED', ''])('an unknown status %j is refused', (status) => {
    expect(issues({ ...VALID, status })).toEqual([['status', 'Choose Used, Not needed, Not provided or Declined.']])
  })

  test('an impossible date is refused', () => {
    expect(issues({ ...VALID, date: '2026-02-30' })).toEqual([['date', 'Enter a real date as YYYY-MM-DD.']])
  })

  test('a reason over 300 characters is refused', () => {
    expect(issues({ ...VALID, status: 'not_provided', reason: 'x'.repeat(301) })).toEqual([['reason', 'Keep the reason under 300 characters.']])
  })
})

describe('the Today page forms', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData()
    for (const [name, value] of Object.entries(fields)) data.append(name, value)
    return data
  }

  test('a tap posted without scripts is read with the tap’s own rules, and needs no change id', () => {
    const result = parseForm(form({ intent: 'check', studentId: 's1', accommodationId: 'a1', date: '2026-11-17', status: 'used' }), todayFormSchema)
    expect(result).toEqual({ ok: true, value: { intent: 'check', studentId: 's1', accommodationId: 'a1', date: '2026-11-17', status: 'used' } })
  })

  test('a bad tap gives every field’s message at once', () => {
    const result = parseForm(form({ intent: 'check', studentId: 's1', accommodationId: 'a1', date: '2026-02-30', status: 'done', reason: 'x'.repeat(301) }), todayFormSchema)
    expect(result).toEqual({
      ok: false,
      message: 'Please correct the fields marked below.',
      fieldErrors: {
        date: ['Enter a real date as YYYY-MM-DD.'],
        status: ['Choose Used, Not needed, Not provided or Declined.'],
        reason: ['Keep the reason under 300 characters.'],
      },
    })
  })

  test('“not provided” with an empty reason is refused on the reason', () => {
    const result = parseForm(form({ intent: 'check', studentId: 's1', accommodationId: 'a1', date: '2026-11-17', status: 'not_provided', reason: '' }), todayFormSchema)
    expect(result.ok ? {} : result.fieldErrors).toEqual({ reason: ['Say briefly why it was not provided.'] })
  })

  test('a data point is read with numbers as numbers and an empty note as no note', () => {
    const fields = { intent: 'progress', studentId: 's1', goalId: 'g1', date: '2026-11-17', value: '80', promptLevel: 'verbal', regulation: 'calm', note: '' }
    expect(parseForm(form(fields), todayFormSchema)).toEqual({
      ok: true,
      value: { intent: 'progress', studentId: 's1', goalId: 'g1', date: '2026-11-17', value: 80, promptLevel: 'verbal', regulation: 'calm', note: '' },
    })
  })

  test('what was typed is read only for the two forms the page has', () => {
    expect(parseForm(form({ intent: 'delete' }), todayFormEchoSchema).ok).toBe(false)
  })

  test('a bad data point gives every field’s message at once, and what was typed comes back as typed', () => {
    const fields = { intent: 'progress', studentId: 's1', goalId: '', date: '2026-11-17', value: '-3', promptLevel: 'shouted', regulation: '', note: 'ok' }
    const result = parseForm(form(fields), todayFormSchema)
    expect(result.ok ? {} : Object.keys(result.fieldErrors).sort()).toEqual(['goalId', 'promptLevel', 'regulation', 'value'])
    expect(parseForm(form(fields), todayFormEchoSchema)).toEqual({
      ok: true,
      value: { intent: 'progress', studentId: 's1', accommodationId: '', goalId: '', value: '-3', promptLevel: 'shouted', regulation: '', note: 'ok' },
    })
  })
})
