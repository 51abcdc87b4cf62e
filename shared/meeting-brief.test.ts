import { describe, expect, test } from 'vitest'
import {
  briefQuestions,
  buildMeetingBrief,
  NO_CONCERNS_TEXT,
  percent,
} from './meeting-brief.ts'
import { briefAccommodation as accommodation, briefGoal as goal, briefInput as input, briefService as service } from '#tests/fixtures/builders.ts'

describe('the meeting brief’s sections', () => {
  test('a service: its schedule, delivery, sessions, ledger, reasons and alerts in plain words', () => {
    const brief = buildMeetingBrief(
      input({
        services: [
          service({
            minutesDelivered: 420,
            deliveryRate: 0.875,
            sessions: { due: 16, delivered: 13, missed: 2, unrecorded: 1, pending: 2, madeUp: 1 },
            missedByReason: { provider_absent: 1, student_absent: 1 },
            ledger: { minutesOwed: 60, minutesMadeUp: 30, balance: 30 },
            alerts: ['low_delivery_rate'],
          }),
        ],
      }),
    )
    expect(brief.services[0]).toEqual({
      key: 'speech',
      name: 'Speech-language therapy',
      schedule: 'With Priya Shah · 30 minutes a session, Tue and Thu',
      delivery: '420 of 480 mandated minutes delivered (87.5%).',
      sessions: '16 due so far: 13 delivered, 2 missed, 1 not recorded; 2 still to be recorded; 1 make-up session.',
      ledger: '2 sessions (60 minutes) owed to Johnny; 1 made up (30 minutes); 1 session (30 minutes) still owed.',
      missedReasons: [
        'Provider absent: 1 session (school responsible)',
        'Student absent: 1 session (student reason)',
        'Not recorded: 1 session (school responsible)',
      ],
      alerts: ['Less than 90% of the mandated minutes have been delivered.'],
    })
  })

  test('a service with nothing due and nothing owed says so', () => {
    const [s] = buildMeetingBrief(
      input({ services: [service({ minutesMandated: 0, minutesDelivered: 0, sessions: { due: 0, delivered: 0, missed: 0, unrecorded: 0, pending: 1, madeUp: 0 } })] }),
    ).services
    expect(s!.delivery).toBe('No sessions are due yet.')
    expect(s!.sessions).toBe('0 due so far: 0 delivered, 0 missed, 0 not recorded; 1 still to be recorded.')
    expect(s!.ledger).toBe('Nothing is owed to Johnny.')
    expect(s!.missedReasons).toEqual([])
  })

  test('a shortfall that is not whole sessions is counted in minutes', () => {
    const [s] = buildMeetingBrief(input({ services: [service({ minutesPerSession: 45, ledger: { minutesOwed: 15, minutesMadeUp: 0, balance: 15 } })] })).services
    expect(s!.ledger).toBe('15 minutes owed to Johnny; none made up yet; 15 minutes still owed.')
  })

  test('accommodation fidelity: low under 90%, days not recorded named, none applicable said plainly', () => {
    const brief = buildMeetingBrief(
      input({
        accommodations: [
          accommodation({ title: 'Break card', applicableDays: 18, recordedDays: 15, usedDays: 12, fidelity: 0.667 }),
          accommodation({ title: 'Visual schedule' }),
          accommodation({ title: 'Extended time', applicableDays: 0, recordedDays: 0, usedDays: 0, fidelity: 1 }),
          accommodation({ title: 'Headphones', applicableDays: 1, recordedDays: 1, usedDays: 0, notNeededDays: 1, fidelity: 1 }),
        ],
      }),
    )
    expect(brief.accommodations).toEqual([
      { title: 'Break card', fidelity: '66.7%', detail: 'Used on 12 of 18 days it applied; not recorded on 3 days.', low: true, notNeeded: false },
      { title: 'Visual schedule', fidelity: '100%', detail: 'Used on 20 of 20 days it applied.', low: false, notNeeded: false },
      { title: 'Extended time', fidelity: null, detail: 'It has not applied on any recorded day yet.', low: false, notNeeded: false },
      // Only “Not needed” on its one day: no 100 %, and said so (issue 14).
      { title: 'Headphones', fidelity: null, detail: 'Not needed on the 1 day it applied.', low: false, notNeeded: true },
    ])
  })

  test('a goal: its latest point with the regulation context, and the met-on-paper flag', () => {
    const brief = buildMeetingBrief(
      input({
        goals: [
          goal({
            status: { status: 'met', reason: 'The last 3 sessions reach the goal.' },
            metOnPaper: true,
            latest: { date: '2026-11-16', value: 20, promptLevel: 'verbal', regulation: 'dysregulated', note: 'Shut down afterwards' },
          }),
          goal({ id: 'g2', area: 'reading', unit: 'percent', status: { status: 'no_data', reason: 'No data recorded yet.' }, latest: null }),
        ],
      }),
    )
    expect(brief.goals[0]).toEqual({
      id: 'g1',
      heading: 'Behavior goal',
      summary: 'Johnny stays with the group for work time.',
      target: '20 minutes',
      status: 'Met',
      statusReason: 'The last 3 sessions reach the goal.',
      latest: 'Latest: 20 minutes on Mon, Nov 16, with a verbal prompt; Johnny was dysregulated. Note: “Shut down afterwards.”',
      metOnPaper: true,
      flag: 'Met on paper only: the number reaches the goal, but Johnny was dysregulated in recent sessions.',
    })
    expect(brief.goals[1]).toMatchObject({ heading: 'Reading goal', status: 'No data yet', latest: 'No progress data yet.', metOnPaper: false, flag: null })
  })

  test('unacknowledged reductions are carried as they were summarised, in order; none is an empty list', () => {
    expect(buildMeetingBrief(input()).reductions).toEqual([])
    const reductions = [
      { id: 'a', summary: 'OT ended on Dec 1' },
      { id: 'b', summary: 'Speech-language therapy: 30 → 20 minutes a session' },
    ]
    expect(buildMeetingBrief(input({ reductions })).reductions).toEqual([
      { id: 'a', text: 'OT ended on Dec 1' },
      { id: 'b', text: 'Speech-language therapy: 30 → 20 minutes a session' },
    ])
  })

  test('open concerns: none yet says "No concerns logged"; the seam takes the log’s entries when it exists', () => {
    expect(buildMeetingBrief(input()).concerns).toEqual({ items: [], emptyText: NO_CONCERNS_TEXT })
    expect(NO_CONCERNS_TEXT).toBe('No concerns logged.')
    const brief = buildMeetingBrief(input({ concerns: [{ id: 'c1', date: '2026-11-10', issue: 'Speech sessions missed again', followUp: 'Ask for a make-up plan' }] }))
    expect(brief.concerns.items).toEqual([{ id: 'c1', text: 'Tue, Nov 10: Speech sessions missed again. Follow-up: Ask for a make-up plan.' }])
    expect(brief.questions).toEqual(['What is the next step on the concern raised Tue, Nov 10, “Speech sessions missed again”?'])
  })

  test('the title, the student’s first name and the date', () => {
    const brief = buildMeetingBrief(input())
    expect(brief.title).toBe('Meeting brief for Johnny Miller')
    expect(brief.student).toEqual({ id: 'johnny', name: 'Johnny Miller', firstName: 'Johnny' })
    expect(brief.intro).toContain('up to and including Tue, Nov 17')
    expect(buildMeetingBrief(input({ student: { id: 'x', name: 'Ava Lopez', preferredName: null } })).student.firstName).toBe('Ava')
  })
})

describe('the questions to ask', () => {
  test('a ledger balance in whole sessions asks when they will be made up and by whom', () => {
    expect(briefQuestions(input({ services: [service({ ledger: { minutesOwed: 120, minutesMadeUp: 30, balance: 90 } })] }))).toEqual([
      'When will the 3 owed speech-language therapy sessions be made up, and who will provide them?',
    ])
  })

  test('one owed session, and owed minutes that are not whole sessions', () => {
    expect(briefQuestions(input({ services: [service({ ledger: { minutesOwed: 30, minutesMadeUp: 0, balance: 30 } })] }))).toEqual([
      'When will the owed speech-language therapy session be made up, and who will provide it?',
    ])
    expect(
      briefQuestions(input({ services: [service({ name: 'Occupational therapy', minutesPerSession: 45, ledger: { minutesOwed: 15, minutesMadeUp: 0, balance: 15 } })] })),
    ).toEqual(['When will the 15 owed minutes of occupational therapy be made up, and who will provide them?'])
  })

  test('nothing owed once the make-ups repay it: no question', () => {
    expect(briefQuestions(input({ services: [service({ ledger: { minutesOwed: 60, minutesMadeUp: 60, balance: 0 } })] }))).toEqual([
      'Everything is on track: is there anything the team would like to change for Johnny?',
    ])
  })

  test('unrecorded sessions, repeated school misses and a low delivery rate each get their question, in that order', () => {
    const questions = briefQuestions(
      input({
        services: [
          service({
            deliveryRate: 0.833,
            sessions: { due: 30, delivered: 25, missed: 3, unrecorded: 2, pending: 0, madeUp: 0 },
            alerts: ['consecutive_misses', 'repeated_school_misses', 'low_delivery_rate'],
          }),
        ],
      }),
    )
    expect(questions).toEqual([
      '2 speech-language therapy sessions were never recorded: were they held, and who makes sure every session is recorded?',
      'Speech-language therapy keeps being missed for school reasons: who covers it when the provider is away?',
      'Only 83.3% of Johnny’s mandated speech-language therapy minutes have been delivered: what will change so Johnny gets the full service?',
    ])
  })

  test('two misses in a row without the repeated-misses alert ask what happened', () => {
    expect(briefQuestions(input({ services: [service({ alerts: ['consecutive_misses'] })] }))).toEqual([
      'The last two speech-language therapy sessions were missed or not recorded: what happened, and is the service back on schedule?',
    ])
  })

  test('a student who keeps declining a service: asked about once it repeats, not the first time', () => {
    expect(briefQuestions(input({ services: [service({ missedByReason: { student_declined: 1 } })] }))).toHaveLength(1)
    expect(briefQuestions(input({ services: [service({ missedByReason: { student_declined: 2 } })] }))).toEqual([
      'Johnny declined 2 speech-language therapy sessions: what makes them hard, and what could help Johnny take part?',
    ])
  })

  test('low accommodation fidelity, and days with no record', () => {
    expect(
      briefQuestions(
        input({
          accommodations: [
            accommodation({ applicableDays: 18, recordedDays: 15, usedDays: 12, fidelity: 0.667 }),
            accommodation({ title: 'Visual schedule', applicableDays: 10, recordedDays: 9, usedDays: 9, fidelity: 1 }),
            accommodation({ title: 'Quiet corner', applicableDays: 10, recordedDays: 10, usedDays: 9, fidelity: 0.9 }),
            accommodation({ title: 'Extended time', applicableDays: 0, recordedDays: 0, usedDays: 0, fidelity: 1 }),
          ],
        }),
      ),
    ).toEqual([
      '“Break card” was used on only 66.7% of the days it applied: what gets in the way, and who makes sure it is offered?',
      '“Visual schedule” was not recorded on 1 day it applied: was it offered on that day?',
    ])
  })

  test('several under-used or unrecorded supports are asked about together, not one question each', () => {
    expect(
      briefQuestions(
        input({
          accommodations: [
            accommodation({ title: 'Break card', usedDays: 4, fidelity: 0.2 }),
            accommodation({ title: 'Picture schedule', usedDays: 11, fidelity: 0.55 }),
            accommodation({ title: 'Morning check-in', usedDays: 0, fidelity: 0 }),
            accommodation({ title: 'Visual timer', recordedDays: 18 }),
            accommodation({ title: 'Seat near the door', recordedDays: 19 }),
          ],
        }),
      ),
    ).toEqual([
      '“Break card” (20%), “Picture schedule” (55%) and “Morning check-in” (0%) were each used on fewer than 90% of the days they applied: what gets in the way, and who makes sure they are offered?',
      '“Visual timer” and “Seat near the door” were not recorded on some of the days they applied: were they offered on those days?',
    ])
  })

  test('a goal met on paper while dysregulated, a goal that needs attention, a goal with no data', () => {
    expect(
      briefQuestions(
        input({
          goals: [
            goal({ metOnPaper: true, status: { status: 'met', reason: 'The last 3 sessions reach the goal.' } }),
            goal({ id: 'g2', area: 'reading', status: { status: 'needs_attention', reason: 'The last 3 points average 40, lower than the 3 before them (55).' } }),
            goal({ id: 'g3', area: 'communication', status: { status: 'no_data', reason: 'No data recorded yet.' }, latest: null }),
            goal({ id: 'g4', area: 'motor' }),
          ],
        }),
      ),
    ).toEqual([
      'Johnny met the behavior goal on paper while dysregulated: how is Johnny really doing?',
      'The reading goal needs attention: the last 3 points average 40, lower than the 3 before them (55). What will the team change?',
      'There is no progress data yet for the communication goal: when will it be measured, and by whom?',
    ])
  })

  test('services come first, then accommodations, then goals', () => {
    const questions = briefQuestions(
      input({
        services: [service({ ledger: { minutesOwed: 60, minutesMadeUp: 0, balance: 60 } })],
        accommodations: [accommodation({ fidelity: 0.5, usedDays: 10 })],
        goals: [goal({ metOnPaper: true })],
      }),
    )
    expect(questions.map((q) => q.slice(0, 12))).toEqual(['When will th', '“Break card”', 'Johnny met t'])
  })

  test('percent keeps one decimal so 89.7% never reads as 90%', () => {
    expect([percent(0.897), percent(0.9), percent(1), percent(0.8333)]).toEqual(['89.7%', '90%', '100%', '83.3%'])
  })
})
