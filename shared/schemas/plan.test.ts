import { describe, expect, test } from 'vitest'
import type { z } from 'zod'
import {
  accommodationFieldsSchema,
  createGoalSchema,
  OFFICIAL_TEXT_MAX,
  PLAIN_PART_MAX,
  progressPointSchema,
  updateGoalPlainSchema,
} from './plan.ts'

const PLAIN = {
  means: 'Johnny adds two numbers like 23 + 14.',
  looksLike: 'He solves the warm-up sums on his own.',
  adultsHelp: 'Give him the number line. Wait before you help.',
  measure: 'Out of 10 sums, how many he gets right.',
}
const GOAL = {
  studentId: 's1',
  area: 'math',
  officialText: 'Johnny will add two-digit numbers without regrouping with 80% accuracy.',
  plain: PLAIN,
  baseline: '30%',
  target: '80%',
  unit: 'percent',
  mastery: { threshold: 80, consecutive: 3 },
}
const ACCOMMODATION = {
  title: 'Fidget tool',
  description: 'He may hold a fidget during carpet time.',
  category: 'regulation',
  applies: { kind: 'weekdays', days: ['tue', 'thu'] },
  startDate: '2026-03-02',
}
const POINT = { studentId: 's1', goalId: 'g1', date: '2026-03-02', value: 20, promptLevel: 'independent', regulation: 'calm' }

/** [path, message] of each issue, for a failed parse; fails the test if the parse succeeded. */
function issues(schema: z.ZodType, input: unknown): [string, string][] {
  const result = schema.safeParse(input)
  expect(result.success, 'expected the input to be refused').toBe(false)
  return result.error!.issues.map((i) => [i.path.join('.'), i.message])
}

describe('goal schemas', () => {
  test('the valid goal parses, trimmed, with independentOnly defaulting to false', () => {
    const parsed = createGoalSchema.parse({ ...GOAL, baseline: '  30%  ' })
    expect(parsed.baseline).toBe('30%')
    expect(parsed.mastery).toEqual({ threshold: 80, consecutive: 3, independentOnly: false })
  })

  test(`a plain part of exactly ${PLAIN_PART_MAX} characters is fine; one more is refused naming the limit`, () => {
    expect(updateGoalPlainSchema.safeParse({ studentId: 's1', goalId: 'g1', plain: { ...PLAIN, looksLike: 'a'.repeat(PLAIN_PART_MAX) } }).success).toBe(
      true,
    )
    expect(issues(updateGoalPlainSchema, { studentId: 's1', goalId: 'g1', plain: { ...PLAIN, looksLike: 'a'.repeat(PLAIN_PART_MAX + 1) } })).toEqual([
      ['plain.looksLike', `What it looks like in class must be at most ${PLAIN_PART_MAX} characters.`],
    ])
    expect(PLAIN_PART_MAX).toBe(500)
  })

  test(`official text over ${OFFICIAL_TEXT_MAX} characters is refused naming the limit`, () => {
    expect(createGoalSchema.safeParse({ ...GOAL, officialText: 'a'.repeat(OFFICIAL_TEXT_MAX) }).success).toBe(true)
    expect(issues(createGoalSchema, { ...GOAL, officialText: 'a'.repeat(OFFICIAL_TEXT_MAX + 1) })).toEqual([
      ['officialText', 'The official goal text must be at most 2000 characters.'],
    ])
  })

  test('empty or blank required fields are refused, each under its own name', () => {
    expect(issues(createGoalSchema, { ...GOAL, officialText: '', baseline: '   ', plain: { ...PLAIN, means: '' } })).toEqual([
      ['officialText', 'The official goal text is required.'],
      ['plain.means', 'What it means is required.'],
      ['baseline', 'Baseline is required.'],
    ])
    expect(issues(createGoalSchema, { ...GOAL, target: undefined })).toEqual([['target', 'Target is required.']])
  })

  test('an unknown area or unit is refused with a message', () => {
    expect(issues(createGoalSchema, { ...GOAL, area: 'astrology', unit: 'hours' })).toEqual([
      ['area', 'Choose an area from the list.'],
      ['unit', 'Choose how the goal is measured: percent, minutes or times.'],
    ])
  })

  test('a mastery rule needs a whole number of sessions from 1 to 20', () => {
    expect(issues(createGoalSchema, { ...GOAL, mastery: { threshold: 80, consecutive: 0 } })).toEqual([['mastery.consecutive', 'At least 1 session.']])
    expect(issues(createGoalSchema, { ...GOAL, mastery: { threshold: 80, consecutive: 2.5 } })).toEqual([
      ['mastery.consecutive', 'Use a whole number of sessions.'],
    ])
  })
})

describe('accommodationFieldsSchema', () => {
  test('the valid accommodation parses', () => {
    expect(accommodationFieldsSchema.parse(ACCOMMODATION)).toEqual(ACCOMMODATION)
  })

  test('an unknown category is refused with a message', () => {
    expect(issues(accommodationFieldsSchema, { ...ACCOMMODATION, category: 'snacks' })).toEqual([['category', 'Choose a category from the list.']])
  })

  test('a weekday that is not one of mon–fri is refused, saying which are allowed', () => {
    expect(issues(accommodationFieldsSchema, { ...ACCOMMODATION, applies: { kind: 'weekdays', days: ['mon', 'fri day'] } })).toEqual([
      ['applies.days.1', 'Use "mon", "tue", "wed", "thu" or "fri".'],
    ])
    expect(issues(accommodationFieldsSchema, { ...ACCOMMODATION, applies: { kind: 'weekdays', days: ['sat'] } })[0]?.[0]).toBe('applies.days.0')
  })

  test('weekdays without a day, a blank subject, or an unknown kind are refused', () => {
    expect(issues(accommodationFieldsSchema, { ...ACCOMMODATION, applies: { kind: 'weekdays', days: [] } })).toEqual([
      ['applies.days', 'Choose at least one weekday.'],
    ])
    expect(issues(accommodationFieldsSchema, { ...ACCOMMODATION, applies: { kind: 'subject', subject: ' ' } })).toEqual([
      ['applies.subject', 'The subject or time of day is required.'],
    ])
    expect(issues(accommodationFieldsSchema, { ...ACCOMMODATION, applies: { kind: 'sometimes' } })).toEqual([
      ['applies.kind', 'Choose when it applies: every school day, certain weekdays, a subject or time, or tests only.'],
    ])
  })

  test('a start date that is not a real date is refused', () => {
    expect(issues(accommodationFieldsSchema, { ...ACCOMMODATION, startDate: '2026-13-01' })).toEqual([['startDate', 'Enter a real date as YYYY-MM-DD.']])
  })
})

describe('progressPointSchema', () => {
  test('a value alone, or trials alone, is enough', () => {
    expect(progressPointSchema.safeParse(POINT).success).toBe(true)
    const { value: _value, ...withoutValue } = POINT
    expect(progressPointSchema.parse({ ...withoutValue, trials: ['independent', 'prompted'] })).toMatchObject({
      trials: ['independent', 'prompted'],
      note: '',
    })
  })

  test('neither a value nor trials is refused on `value`', () => {
    const { value: _value, ...withoutValue } = POINT
    expect(issues(progressPointSchema, withoutValue)).toEqual([['value', 'Enter a value, or tap a result for each trial.']])
  })

  test('a date like 2026-13-01 is refused on `date`', () => {
    expect(issues(progressPointSchema, { ...POINT, date: '2026-13-01' })).toEqual([['date', 'Enter a real date as YYYY-MM-DD.']])
  })

  test('a negative value, an unknown prompt level or regulation state are refused with messages', () => {
    expect(issues(progressPointSchema, { ...POINT, value: -1, promptLevel: 'shouted', regulation: 'fine' })).toEqual([
      ['value', 'The value cannot be negative.'],
      ['promptLevel', 'Choose the prompt level.'],
      ['regulation', 'Choose calm, uneasy or dysregulated.'],
    ])
  })
})
