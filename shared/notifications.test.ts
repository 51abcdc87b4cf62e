import { describe, expect, test } from 'vitest'
import { alertKey, alertText, alertTransitions, lowerFirst, missedSessionText, noticeSinceText, sessionUnrecordedText, supportNotProvidedText } from './notifications.ts'

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

describe('what a notice says has happened since', () => {
  test('nothing while no make-up is recorded', () => {
    expect(noticeSinceText([])).toBeNull()
  })

  test('names the day and minutes of each make-up, oldest first', () => {
    expect(noticeSinceText([{ date: '2026-12-03', minutes: 30 }])).toBe('Since then: made up on Thu, Dec 3 (30 min).')
    expect(
      noticeSinceText([
        { date: '2026-12-04', minutes: 15 },
        { date: '2026-12-03', minutes: 15 },
      ]),
    ).toBe('Since then: made up on Thu, Dec 3 (15 min) and Fri, Dec 4 (15 min).')
  })

  test('a miss the school corrected to delivered no longer reads as a miss', () => {
    const made = [{ date: '2026-12-03' as const, minutes: 30 }]
    expect(noticeSinceText([], { kind: 'delivered', minutes: 25, voided: false })).toBe(
      'Since then: the school corrected this record: the session was delivered (25 min).',
    )
    expect(noticeSinceText(made, { kind: 'delivered', minutes: 30, voided: false })).toMatch(/corrected/)
  })

  test('a withdrawn record says so, whatever was made up', () => {
    expect(noticeSinceText([{ date: '2026-12-03', minutes: 30 }], { kind: 'missed', minutes: null, voided: true })).toBe(
      'Since then: the school withdrew this record.',
    )
  })

  test('a miss still standing reads as before', () => {
    expect(noticeSinceText([], { kind: 'missed', minutes: null, voided: false })).toBeNull()
  })
})

describe('the notices that leave the app', () => {
  test('a support not provided names the support, the day and the reason, without a doubled full stop', () => {
    expect(supportNotProvidedText({ support: 'Extra time', date: '2026-10-14', reason: 'Substitute did not know.' })).toBe('Extra time was not provided on Wed, Oct 14: Substitute did not know.')
    expect(supportNotProvidedText({ support: 'Break card', date: '2026-10-13', reason: '  ' })).toBe('Break card was not provided on Tue, Oct 13.')
    expect(supportNotProvidedText({ support: 'Break card', date: '2026-10-13', reason: null })).toBe('Break card was not provided on Tue, Oct 13.')
  })

  test('an alert starting and clearing, in the words the numbers page uses', () => {
    expect(alertText({ serviceName: 'Speech-language therapy', alert: 'consecutive_misses', started: true })).toBe(
      'New alert for Speech-language therapy: The last two sessions were both missed or not recorded.',
    )
    expect(alertText({ serviceName: 'Occupational therapy', alert: 'low_delivery_rate', started: false })).toBe(
      'Alert cleared for Occupational therapy: Less than 90% of the mandated minutes have been delivered.',
    )
  })

  test('a session unrecorded past the window names the window', () => {
    expect(sessionUnrecordedText({ serviceName: 'Speech-language therapy', date: '2026-11-03' })).toBe(
      'Speech-language therapy on Tue, Nov 3 is still not recorded, and the 5-school-day recording window has closed.',
    )
  })

  test('transitions: what is new started, what is gone cleared, what stayed says nothing', () => {
    const a = alertKey('speech', 'consecutive_misses')
    const b = alertKey('speech', 'low_delivery_rate')
    const c = alertKey('ot', 'repeated_school_misses')
    expect(alertTransitions([a, b], [b, c])).toEqual({ started: [c], cleared: [a] })
    expect(alertTransitions([a, a], [a])).toEqual({ started: [], cleared: [] })
    expect(alertTransitions([], [])).toEqual({ started: [], cleared: [] })
  })
})
