import { describe, expect, test } from 'vitest'
import { parseForm } from '#app/utils/parse-form.ts'
import { goalFieldsSchema, goalPlainFormSchema, progressPointFormSchema, voidProgressPointFormSchema } from './plan.ts'

function form(entries: [string, string][]): FormData {
  const f = new FormData()
  for (const [name, value] of entries) f.append(name, value)
  return f
}

const PLAIN: [string, string][] = [
  ['plain.means', 'Johnny adds two numbers like 23 + 14.'],
  ['plain.looksLike', 'He solves the warm-up sums on his own.'],
  ['plain.adultsHelp', 'Give him the number line.'],
  ['plain.measure', 'Out of 10 sums, how many he gets right.'],
]

describe('the goal form', () => {
  test('reads the posted fields into the procedure input, numbers and checkbox coerced', () => {
    const parsed = parseForm(
      form([
        ['area', 'math'],
        ['officialText', 'Johnny will add two-digit numbers.'],
        ...PLAIN,
        ['baseline', '30%'],
        ['target', '80%'],
        ['unit', 'percent'],
        ['mastery.threshold', '80'],
        ['mastery.consecutive', '3'],
        ['mastery.independentOnly', 'on'],
      ]),
      goalFieldsSchema,
    )
    expect(parsed).toEqual({
      ok: true,
      value: {
        area: 'math',
        officialText: 'Johnny will add two-digit numbers.',
        plain: Object.fromEntries(PLAIN.map(([k, v]) => [k.slice('plain.'.length), v])),
        baseline: '30%',
        target: '80%',
        unit: 'percent',
        mastery: { threshold: 80, consecutive: 3, independentOnly: true },
      },
    })
  })

  test('an empty form gives every field its message at once', () => {
    const parsed = parseForm(form([['unit', 'furlongs'], ['mastery.consecutive', '1.5']]), goalFieldsSchema)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.message).toBe('Please correct the fields marked below.')
    expect(parsed.fieldErrors).toEqual({
      area: ['Choose an area from the list.'],
      officialText: ['The official goal text is required.'],
      'plain.means': ['What it means is required.'],
      'plain.looksLike': ['What it looks like in class is required.'],
      'plain.adultsHelp': ['How adults help is required.'],
      'plain.measure': ['How we measure it is required.'],
      baseline: ['Baseline is required.'],
      target: ['Target is required.'],
      unit: ['Choose how the goal is measured: percent, minutes or times.'],
      'mastery.threshold': ['Enter the value that counts as success.'],
      'mastery.consecutive': ['Use a whole number of sessions.'],
    })
  })

  test('the plain-words form reads only the plain parts', () => {
    expect(parseForm(form(PLAIN), goalPlainFormSchema).ok).toBe(true)
    const parsed = parseForm(form([['plain.means', 'x'.repeat(501)]]), goalPlainFormSchema)
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({
      'plain.means': ['What it means must be at most 500 characters.'],
      'plain.looksLike': ['What it looks like in class is required.'],
      'plain.adultsHelp': ['How adults help is required.'],
      'plain.measure': ['How we measure it is required.'],
    })
  })
})

describe('the progress point form', () => {
  test('one trials field per tap becomes the list of trials', () => {
    const parsed = parseForm(
      form([
        ['intent', 'add'],
        ['date', '2026-10-14'],
        ['mode', 'trials'],
        ['trials', 'independent'],
        ['trials', 'incorrect'],
        ['promptLevel', 'verbal'],
        ['regulation', 'calm'],
        ['note', ''],
      ]),
      progressPointFormSchema,
    )
    expect(parsed).toEqual({
      ok: true,
      value: { intent: 'add', date: '2026-10-14', mode: 'trials', trials: ['independent', 'incorrect'], promptLevel: 'verbal', regulation: 'calm', note: '' },
    })
  })

  test('a single trial is a list of one', () => {
    const parsed = parseForm(
      form([['intent', 'add'], ['date', '2026-10-14'], ['mode', 'trials'], ['trials', 'prompted'], ['promptLevel', 'verbal'], ['regulation', 'calm']]),
      progressPointFormSchema,
    )
    expect(parsed.ok && parsed.value.trials).toEqual(['prompted'])
  })

  test('an empty form says every problem at once, the missing value among them', () => {
    const parsed = parseForm(form([['intent', 'add'], ['date', ''], ['mode', 'value'], ['value', '']]), progressPointFormSchema)
    expect(parsed.ok ? {} : parsed.fieldErrors).toMatchObject({
      value: ['Enter a value, or tap a result for each trial.'],
      promptLevel: ['Choose the prompt level.'],
      regulation: ['Choose calm, uneasy or dysregulated.'],
    })
    expect(parsed.ok ? {} : parsed.fieldErrors).toHaveProperty('date')
  })

  test('a negative value is refused once, for what it is', () => {
    const parsed = parseForm(
      form([['intent', 'add'], ['date', '2026-10-14'], ['value', '-1'], ['promptLevel', 'verbal'], ['regulation', 'calm']]),
      progressPointFormSchema,
    )
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({ value: ['The value cannot be negative.'] })
  })
})

describe('the void form', () => {
  test('asks why', () => {
    const parsed = parseForm(form([['intent', 'void'], ['pointId', 'p1'], ['reason', '']]), voidProgressPointFormSchema)
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({ reason: ['Say why this data point is wrong.'] })
  })
})
