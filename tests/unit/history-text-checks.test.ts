import { describe, expect, test } from 'vitest'
import { describeHistoryEntry } from '#shared/history-text.ts'

const check = (action: string, before: unknown, after: unknown) => ({ actorName: 'Sam Ortiz', entity: 'accommodation_check', action, before, after })

describe('describeHistoryEntry for accommodation checks', () => {
  test('a first record, with the day and whether it was late', () => {
    expect(describeHistoryEntry(check('create', null, { title: 'Break card', date: '2026-11-24', status: 'used', reason: null, late: false }))).toBe(
      'Sam Ortiz recorded “Break card” as used on Tue, Nov 24.',
    )
    expect(describeHistoryEntry(check('create', null, { title: 'Break card', date: '2026-11-24', status: 'declined', reason: null, late: true }))).toBe(
      'Sam Ortiz recorded “Break card” as declined on Tue, Nov 24 (late).',
    )
  })

  test('a reason is quoted as written', () => {
    const after = { title: 'Picture schedule', date: '2026-11-25', status: 'not_provided', reason: 'The copy was missing.', late: false }
    expect(describeHistoryEntry(check('create', null, after))).toBe(
      'Sam Ortiz recorded “Picture schedule” as not provided on Wed, Nov 25: “The copy was missing.”',
    )
    expect(describeHistoryEntry(check('create', null, { ...after, reason: 'No copy' }))).toBe(
      'Sam Ortiz recorded “Picture schedule” as not provided on Wed, Nov 25: “No copy”.',
    )
  })

  test('a change names what the day’s record was before', () => {
    expect(
      describeHistoryEntry(check('update', { status: 'used', reason: null }, { title: 'Break card', date: '2026-11-25', status: 'declined', reason: null, late: false })),
    ).toBe('Sam Ortiz changed “Break card” from used to declined on Wed, Nov 25.')
  })

  test('an undo says the day is not recorded again, naming what it took back', () => {
    expect(
      describeHistoryEntry(check('update', { status: 'used', reason: null }, { title: 'Break card', date: '2026-11-25', status: 'cleared', reason: null, late: false })),
    ).toBe('Sam Ortiz changed “Break card” from used to not recorded (undone) on Wed, Nov 25.')
  })
})
