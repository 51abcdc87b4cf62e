import { describe, expect, test } from 'vitest'
import { lowerFirst, missedSessionText } from './notifications.ts'

describe('the missed-session notice', () => {
  test('names the service, the school day and the reason, and says a make-up is owed when the policy owes one', () => {
    expect(missedSessionText({ serviceName: 'Speech-language therapy', date: '2026-10-14', reason: 'provider_absent', makeUpOwed: true })).toBe(
      'Speech-language therapy on Wed, Oct 14 was missed: provider absent. A make-up is owed.',
    )
  })

  test('says nothing of a make-up when none is owed', () => {
    expect(missedSessionText({ serviceName: 'Occupational therapy', date: '2026-10-13', reason: 'student_absent', makeUpOwed: false })).toBe(
      'Occupational therapy on Tue, Oct 13 was missed: student absent.',
    )
  })

  test.each([
    ['Provider pulled to other duty', 'provider pulled to other duty'],
    ['Student unavailable (trip, nurse…)', 'student unavailable (trip, nurse…)'],
    ['ABA therapy', 'ABA therapy'],
    ['', ''],
    ['X', 'x'],
  ])('lowerFirst(%j) is %j', (input, expected) => {
    expect(lowerFirst(input)).toBe(expected)
  })
})
