import { describe, expect, test } from 'vitest'
import { createConcernSchema } from './concerns.ts'
import { AS_OF_DAYS_AHEAD, asOfProblem, DATE_RANGE_MESSAGE, isoDateSchema, isWithinDateRange, latestAsOf } from './dates.ts'
import { notebookDaySchema, notebookTitleSchema } from './notes.ts'
import { accommodationFieldsSchema, communicationProfileSchema } from './plan.ts'
import { closureSchema } from './school.ts'
import { recordSessionSchema } from './services.ts'
import { controlCharacterIn, textSchema } from './text.ts'
import { personNameSchema } from './auth.ts'

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((i) => i.message) ?? []
}

describe('isoDateSchema: one bounded date for every form and tRPC input', () => {
  test.each(['2000-01-01', '2026-11-17', '2100-12-31', '2024-02-29'])('accepts %s', (date) => {
    expect(isoDateSchema.parse(date)).toBe(date)
  })

  test.each(['9999-12-31', '0001-01-01', '1999-12-31', '2101-01-01', '0000-01-01'])('refuses %s, naming the range', (date) => {
    expect(messages(isoDateSchema.safeParse(date))).toEqual([DATE_RANGE_MESSAGE])
    expect(DATE_RANGE_MESSAGE).toBe('Enter a date between 2000-01-01 and 2100-12-31.')
  })

  test.each(['+010000-01-01', '2026-02-30', '2026-1-5', '', `2026-01-01${'x'.repeat(10_000)}`])('refuses %j as not a real date', (date) => {
    expect(messages(isoDateSchema.safeParse(date))).toEqual(['Enter a real date as YYYY-MM-DD.'])
  })

  test('isWithinDateRange agrees', () => {
    expect(isWithinDateRange('2100-12-31')).toBe(true)
    expect(isWithinDateRange('2101-01-01')).toBe(false)
    expect(isWithinDateRange('nope')).toBe(false)
  })

  test('the schemas that take dates use it: a session on 9999-12-31, a closure in 0001, a notebook day', () => {
    const session = { studentId: 's1', serviceId: 'x', kind: 'delivered', date: '9999-12-31', minutes: 30 }
    expect(messages(recordSessionSchema.safeParse(session))).toEqual([DATE_RANGE_MESSAGE])
    expect(messages(closureSchema.safeParse({ schoolId: 'x', date: '0001-01-01', label: 'Old' }))).toEqual([DATE_RANGE_MESSAGE])
    expect(messages(notebookDaySchema.safeParse({ studentId: 's1', notebookId: 'n', day: '9999-99-99' }))).toEqual(['Choose a day from the history.'])
    expect(messages(notebookDaySchema.safeParse({ studentId: 's1', notebookId: 'n', day: '9999-12-31' }))).toEqual([DATE_RANGE_MESSAGE])
  })
})

describe('asOf: no later than a school year from today', () => {
  test(`the latest is today + ${AS_OF_DAYS_AHEAD} days`, () => {
    expect(latestAsOf('2026-11-17')).toBe('2027-12-22')
    expect(asOfProblem('2027-12-22', '2026-11-17')).toBeNull()
    expect(asOfProblem('2027-12-23', '2026-11-17')).toBe('Choose a date no later than 2027-12-22 (a school year from today).')
    expect(asOfProblem('2000-01-01', '2026-11-17')).toBeNull()
  })
})

describe('control characters are refused in text fields', () => {
  test('controlCharacterIn names the first one; multi-line text keeps \\n, \\r and \\t', () => {
    expect(controlCharacterIn('a\u0000b', 'multi-line')).toBe('U+0000')
    expect(controlCharacterIn('a\nb\r\n\tc', 'multi-line')).toBeNull()
    expect(controlCharacterIn('a\tb', 'one-line')).toBe('U+0009')
    expect(controlCharacterIn('a\u007Fb', 'multi-line')).toBe('U+007F')
    expect(controlCharacterIn('a\u009Bb', 'multi-line')).toBe('U+009B')
    expect(controlCharacterIn('é ü — “quotes” 🙂', 'one-line')).toBeNull()
  })

  test('textSchema trims first, so a stray line break at either end of a one-line field is dropped', () => {
    expect(textSchema('Title', 'one-line').parse('  Fidget tool\n')).toBe('Fidget tool')
    expect(messages(textSchema('Title', 'one-line').safeParse('Fidget\ntool'))).toEqual(['Title cannot contain control characters (found U+000A).'])
  })

  test('a NUL in a concern, a profile, an accommodation, a notebook title or a name is refused with a clear message', () => {
    const concern = { studentId: 's1', date: '2026-11-17', issue: 'Missed\u0000 session', status: 'open', visibility: 'team' }
    expect(messages(createConcernSchema.safeParse(concern))).toEqual(['The issue cannot contain control characters (found U+0000).'])
    expect(messages(communicationProfileSchema.safeParse({ howTheyCommunicate: 'AAC\u0000' }))).toEqual([
      'How they communicate cannot contain control characters (found U+0000).',
    ])
    const accommodation = { title: 'Fidget\u0007', description: 'ok', category: 'regulation', applies: { kind: 'daily' }, startDate: '2026-03-02' }
    expect(messages(accommodationFieldsSchema.safeParse(accommodation))).toEqual(['Title cannot contain control characters (found U+0007).'])
    expect(messages(notebookTitleSchema.safeParse('Home\u0000notes'))).toEqual(['The title cannot contain control characters (found U+0000).'])
    expect(messages(personNameSchema.safeParse('Ana\u0000'))).toEqual(['Your name cannot contain control characters (found U+0000).'])
  })

  test('multi-line fields keep their line breaks', () => {
    const concern = { studentId: 's1', date: '2026-11-17', issue: 'Line one.\r\nLine two.\tTabbed.', status: 'open', visibility: 'team' }
    expect(createConcernSchema.parse(concern).issue).toBe('Line one.\r\nLine two.\tTabbed.')
  })
})
