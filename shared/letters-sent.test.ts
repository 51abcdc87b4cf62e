import { describe, expect, test } from 'vitest'
import { defaultResponseDue, letterOverdue, oldestOverdue, responseDueRefusal, schoolDaysAfter, sentOnRefusal, unansweredSuggestion } from './letters-sent.ts'

const none = new Set<string>()

describe('the answer-by date counts school days', () => {
  test('10 school days after a Monday is the Monday two weeks later', () => {
    expect(defaultResponseDue('2026-11-02', none)).toBe('2026-11-16')
  })
  test('a letter sent on a Friday: weekends are skipped', () => {
    expect(schoolDaysAfter('2026-11-06', 1, none)).toBe('2026-11-09')
    expect(defaultResponseDue('2026-11-06', none)).toBe('2026-11-20')
  })
  test('a letter sent on a Saturday counts from the Monday', () => {
    expect(schoolDaysAfter('2026-11-07', 1, none)).toBe('2026-11-09')
  })
  test('closures are skipped: a Thanksgiving break pushes the date back', () => {
    const closures = new Set(['2026-11-25', '2026-11-26', '2026-11-27'])
    expect(defaultResponseDue('2026-11-16', none)).toBe('2026-11-30')
    expect(defaultResponseDue('2026-11-16', closures)).toBe('2026-12-03')
  })
  test('a calendar closed for years still ends', () => {
    const closed = new Set(Array.from({ length: 2000 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10)))
    expect(schoolDaysAfter('2026-12-31', 10, closed) > '2026-12-31').toBe(true)
  })
  test('the sender may choose between 1 and 60 school days', () => {
    expect(responseDueRefusal('2026-11-03', '2026-11-02', none)).toBeNull()
    expect(responseDueRefusal('2026-11-02', '2026-11-02', none)).toMatch(/between 1 and 60 school days/)
    expect(responseDueRefusal(schoolDaysAfter('2026-11-02', 60, none), '2026-11-02', none)).toBeNull()
    expect(responseDueRefusal(schoolDaysAfter('2026-11-02', 61, none), '2026-11-02', none)).not.toBeNull()
  })
})

describe('a letter sent by hand is dated within the concern', () => {
  test('not in the future, not before the concern was raised', () => {
    expect(sentOnRefusal('2026-11-10', '2026-11-01', '2026-11-17')).toBeNull()
    expect(sentOnRefusal('2026-11-18', '2026-11-01', '2026-11-17')).toMatch(/future/)
    expect(sentOnRefusal('2026-10-31', '2026-11-01', '2026-11-17')).toMatch(/before the concern/)
  })
})

describe('an unanswered letter is flagged after its due date', () => {
  const letter = { sentOn: '2026-11-02', responseDueOn: '2026-11-16', responseReceivedOn: null }
  test('on time through the due day itself, flagged the day after', () => {
    expect(letterOverdue(letter, '2026-11-16')).toBe(false)
    expect(letterOverdue(letter, '2026-11-17')).toBe(true)
  })
  test('a recorded answer clears the flag, even a late one', () => {
    expect(letterOverdue({ ...letter, responseReceivedOn: '2026-11-20' }, '2026-11-30')).toBe(false)
  })
  test('the oldest unanswered letter is the one suggested', () => {
    const later = { sentOn: '2026-11-05', responseDueOn: '2026-11-19', responseReceivedOn: null }
    expect(oldestOverdue([later, letter], '2026-11-30')).toBe(letter)
    expect(oldestOverdue([later, letter], '2026-11-10')).toBeNull()
  })
  test('the suggestion names the letter and the next step', () => {
    expect(unansweredSuggestion('Mon 2 Nov', 'IEP meeting')).toBe('No answer to the letter sent Mon 2 Nov: follow up in writing, or go to the next step: IEP meeting.')
    expect(unansweredSuggestion('Mon 2 Nov', null)).toBe('No answer to the letter sent Mon 2 Nov: follow up in writing.')
  })
})
