import { describe, expect, test } from 'vitest'
import { describeChanges, describeHistoryEntry } from '#shared/history-text.ts'

const entry = (entity: string, action: string, before: unknown, after: unknown) => ({ actorName: 'Dana Rivera', entity, action, before, after })

const goal = {
  area: 'behavior',
  officialText: 'Official text.',
  plain: { means: 'Sits.', looksLike: 'In math.', adultsHelp: 'Timer.', measure: 'Minutes.' },
  baseline: '8 minutes',
  target: '20 minutes',
  unit: 'minutes',
  mastery: { threshold: 20, consecutive: 3, independentOnly: false },
}

describe('describeHistoryEntry', () => {
  test('concerns and disputes read as sentences', () => {
    expect(describeHistoryEntry(entry('concern', 'create', null, { issue: 'Speech missed' }))).toBe('Dana Rivera logged a concern: “Speech missed”.')
    expect(describeHistoryEntry(entry('concern', 'escalate', { step: 1 }, { step: 2 }))).toBe('Dana Rivera moved a concern up the escalation ladder to step 2.')
    expect(describeHistoryEntry(entry('concern', 'add_response', null, {}))).toBe('Dana Rivera added a response to a concern.')
    expect(describeHistoryEntry(entry('concern', 'take_back_step', { step: 4 }, { step: 2, note: '' }))).toBe(
      'Dana Rivera took back step 4 of a concern, recorded by mistake; it is back at step 2.',
    )
    expect(describeHistoryEntry(entry('session_dispute', 'dispute', null, { comment: 'Not held' }))).toBe('Dana Rivera flagged a session record as disputed: “Not held”.')
    expect(describeHistoryEntry(entry('check_dispute', 'withdraw', null, {}))).toBe('Dana Rivera withdrew a dispute on an accommodation record.')
  })

  test('names the plan entities in plain words', () => {
    expect(describeHistoryEntry(entry('goal', 'create', null, goal))).toBe('Dana Rivera added a behavior goal.')
    expect(describeHistoryEntry(entry('goal', 'update', goal, goal))).toBe('Dana Rivera changed the behavior goal.')
    expect(describeHistoryEntry(entry('goal', 'update_plain', { plain: goal.plain }, { plain: goal.plain }))).toBe(
      'Dana Rivera rewrote the plain-language summary of a goal.',
    )
    expect(describeHistoryEntry(entry('communication_profile', 'create', null, {}))).toBe('Dana Rivera wrote the communication profile.')
    expect(describeHistoryEntry(entry('regulation_profile', 'update', {}, {}))).toBe('Dana Rivera updated the regulation profile.')
    expect(
      describeHistoryEntry(entry('accommodation', 'create', null, { title: 'Extra time', applies: { kind: 'tests' } })),
    ).toBe('Dana Rivera added the accommodation “Extra time” (tests only).')
    expect(describeHistoryEntry(entry('accommodation', 'update', { title: 'Old' }, { title: 'Break card' }))).toBe(
      'Dana Rivera changed the accommodation “Break card”.',
    )
    expect(describeHistoryEntry(entry('team_member', 'set_areas', { areas: [] }, { areas: ['reading', 'math'] }))).toBe(
      'Dana Rivera set a provider’s goal areas to: reading, math.',
    )
  })

  test('a data point names its goal, value and the student’s state when the page knows the goal', () => {
    const point = entry('progress_point', 'create', null, { goalId: 'g1', date: '2026-11-24', value: 22, regulation: 'dysregulated' })
    expect(describeHistoryEntry(point, { goals: { g1: { area: 'behavior', unit: 'minutes' } }, studentFirstName: 'Johnny' })).toBe(
      'Dana Rivera recorded 22 minutes for the behavior goal on Tue, Nov 24; Johnny was dysregulated.',
    )
    expect(describeHistoryEntry(point)).toBe('Dana Rivera recorded 22 for a goal on Tue, Nov 24; the student was dysregulated.')
  })

  test('a voided data point quotes the reason once, with one full stop', () => {
    const voided = (reason: string) =>
      describeHistoryEntry(entry('progress_point', 'void', { date: '2026-11-24', value: 22, voidedAt: null }, { reason }))
    expect(voided('Wrong list.')).toBe('Dana Rivera voided the data point of 22 from Tue, Nov 24: “Wrong list.”')
    expect(voided('Wrong list')).toBe('Dana Rivera voided the data point of 22 from Tue, Nov 24: “Wrong list”.')
  })

  test('an unknown entry still reads as words', () => {
    expect(describeHistoryEntry({ ...entry('session', 'mark_missed', null, null), actorName: null })).toBe('Someone: session mark missed.')
  })
})

describe('describeChanges', () => {
  test('lists only the goal fields that differ, the plain parts and the rule in words', () => {
    const after = { ...goal, target: '20 minutes, calm after', plain: { ...goal.plain, adultsHelp: 'Timer and break card.' }, mastery: { ...goal.mastery, consecutive: 4 } }
    expect(describeChanges(entry('goal', 'update', goal, after))).toEqual([
      { key: 'plain.adultsHelp', label: 'How adults help', before: 'Timer.', after: 'Timer and break card.' },
      { key: 'target', label: 'Target', before: '20 minutes', after: '20 minutes, calm after' },
      {
        key: 'mastery',
        label: 'Counts as met when',
        before: '20 minutes or better in 3 sessions in a row',
        after: '20 minutes or better in 4 sessions in a row',
      },
    ])
  })

  test('accommodation schedules and profile fields read as words; empty is said', () => {
    expect(
      describeChanges(
        entry('accommodation', 'update', { title: 'A', applies: { kind: 'subject', subject: 'Math' } }, { title: 'A', applies: { kind: 'tests' } }),
      ),
    ).toEqual([{ key: 'applies', label: 'When it applies', before: 'During Math', after: 'Tests only' }])
    expect(describeChanges(entry('regulation_profile', 'update', { calmPlace: '' }, { calmPlace: 'Reading corner' }))).toEqual([
      { key: 'calmPlace', label: 'Where to calm down', before: '(empty)', after: 'Reading corner' },
    ])
  })

  test('creations and records have no diff', () => {
    expect(describeChanges(entry('goal', 'create', null, goal))).toEqual([])
    expect(describeChanges(entry('progress_point', 'void', { value: 1 }, { value: 1, reason: 'x' }))).toEqual([])
  })
})

describe('notebook entries', () => {
  test('name the notebook and what happened to it', () => {
    expect(describeHistoryEntry(entry('notebook', 'create', null, { title: 'Bus rides' }))).toBe('Dana Rivera started the notebook “Bus rides”.')
    expect(describeHistoryEntry(entry('notebook', 'rename', { title: 'Meeting prep' }, { title: 'March meeting' }))).toBe(
      'Dana Rivera renamed the notebook “Meeting prep” to “March meeting”.',
    )
    expect(describeHistoryEntry(entry('notebook', 'archive', { title: 'Old' }, { title: 'Old' }))).toBe('Dana Rivera archived the notebook “Old”.')
    expect(describeHistoryEntry(entry('notebook', 'restore', null, { title: 'Lunch', restoredDay: '2026-03-02' }))).toMatch(
      /^Dana Rivera restored the notebook “Lunch” to how it was on .*2.*\.$/,
    )
  })
})
