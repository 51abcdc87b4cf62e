import { describe, expect, test } from 'vitest'
import { recordCheckSchema } from '#shared/schemas/today.ts'

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
