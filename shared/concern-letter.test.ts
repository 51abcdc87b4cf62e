import { describe, expect, test } from 'vitest'
import { buildConcernLetter, type LetterInput } from './concern-letter.ts'

function input(over: Partial<LetterInput> = {}): LetterInput {
  return {
    student: { name: 'Johnny Miller' },
    step: 1,
    today: '2026-11-17',
    concern: { date: '2026-10-09', issue: 'Speech sessions missed with no substitute' },
    services: [
      {
        name: 'Speech-language therapy',
        minutesPerSession: 30,
        weekdays: ['tue', 'thu'],
        minutesMandated: 660,
        minutesDelivered: 510,
        sessions: { due: 22, delivered: 16, missed: 4, unrecorded: 2 },
        ledger: { minutesOwed: 180, minutesMadeUp: 30, balance: 150 },
      },
    ],
    sessions: [
      { date: '2026-10-08', serviceName: 'Speech-language therapy', kind: 'missed', minutes: null, reason: 'provider_absent' },
      { date: '2026-10-06', serviceName: 'Speech-language therapy', kind: 'missed', minutes: null, reason: 'provider_absent' },
    ],
    checks: [],
    progress: [],
    entries: [],
    includeFamilyOnly: [],
    senderName: 'Laura Miller',
    ...over,
  }
}

describe('buildConcernLetter', () => {
  test('states what the IEP says, what the records show (dates, reasons, minutes, ledger) and what is requested', () => {
    const { subject, body } = buildConcernLetter(input())
    expect(subject).toBe('Johnny Miller: written concern')
    expect(body).toContain('The IEP states that speech-language therapy is provided for 30 minutes a session, 2 sessions a week (Tuesday and Thursday).')
    expect(body).toContain('510 of 660 mandated minutes of speech-language therapy have been delivered; 22 sessions were due: 16 delivered, 4 missed, 2 not recorded.')
    expect(body).toContain('The records show 180 minutes owed as make-up, 30 minutes made up, and a balance of 150 minutes (5 sessions) still owed.')
    // Oldest first, with the recorded reason.
    expect(body.indexOf('Tue, Oct 6')).toBeLessThan(body.indexOf('Thu, Oct 8'))
    expect(body).toContain('- Tue, Oct 6: Speech-language therapy session missed (reason recorded: provider absent).')
    expect(body).toContain('What I am requesting\n- A written plan, with dates, for making up the sessions still owed.')
    expect(body).toContain('The concern, first raised on Fri, Oct 9: Speech sessions missed with no substitute.')
    expect(body.trim().endsWith('Laura Miller')).toBe(true)
  })

  test('neutral wording: the IEP and the records speak, never blame', () => {
    for (const step of [1, 2, 3, 4, 5, 6] as const) {
      const { body } = buildConcernLetter(input({ step }))
      expect(body).toContain('The IEP states')
      for (const word of ['You promised', 'you promised', 'failed', 'refused', 'negligent', 'illegal']) expect(body, `step ${step}`).not.toContain(word)
    }
  })

  test('each step asks for its own thing', () => {
    expect(buildConcernLetter(input({ step: 2 })).body).toContain('An IEP meeting to review Johnny Miller’s services')
    expect(buildConcernLetter(input({ step: 3 })).body).toContain('A facilitated IEP meeting')
    expect(buildConcernLetter(input({ step: 4 })).body).toContain('Mediation')
    expect(buildConcernLetter(input({ step: 5 })).body).toContain('I am filing this complaint')
    expect(buildConcernLetter(input({ step: 6 })).body).toContain('A due process hearing')
  })

  test('never includes a family-only note unless the family chose it; shared entries are always in', () => {
    const entries = [
      { id: 'shared', date: '2026-10-12', kind: 'response' as const, person: 'Dana Rivera', text: 'A substitute is being looked for', familyOnly: false },
      { id: 'private-1', date: '2026-10-13', kind: 'contact' as const, person: 'Priya Shah', text: 'Johnny cried about speech at home', familyOnly: true },
      { id: 'private-2', date: '2026-10-14', kind: 'contact' as const, person: '', text: 'Called the office, no answer', familyOnly: true },
    ]
    const none = buildConcernLetter(input({ entries })).body
    expect(none).toContain('A substitute is being looked for.')
    expect(none).not.toContain('Johnny cried')
    expect(none).not.toContain('Called the office')
    const one = buildConcernLetter(input({ entries, includeFamilyOnly: ['private-2'] })).body
    expect(one).toContain('- Wed, Oct 14: contact: Called the office, no answer.')
    expect(one).not.toContain('Johnny cried')
  })

  test('accommodation checks and progress points are listed when linked; no services means no IEP paragraph', () => {
    const { body } = buildConcernLetter(
      input({
        services: [],
        sessions: [],
        checks: [{ date: '2026-11-10', title: 'Break card', status: 'not_provided', reason: 'no sub plan' }],
        progress: [{ date: '2026-11-12', goalArea: 'behavior', value: '20 minutes', note: 'Shut down afterwards' }],
      }),
    )
    expect(body).toContain('- Tue, Nov 10: “Break card” recorded as not provided (reason recorded: no sub plan).')
    expect(body).toContain('- Thu, Nov 12: behavior goal, 20 minutes (note: Shut down afterwards.)')
    expect(body).not.toContain('What the IEP states')
  })

  test('nothing owed reads as such', () => {
    const [s] = input().services
    const { body } = buildConcernLetter(input({ services: [{ ...s!, ledger: { minutesOwed: 0, minutesMadeUp: 0, balance: 0 } }] }))
    expect(body).toContain('The records show no make-up minutes owed.')
  })
})

describe('a linked missed session says what became of it', () => {
  const miss = { date: '2026-10-06' as const, serviceName: 'Speech-language therapy', kind: 'missed' as const, minutes: null, reason: 'provider_absent' }

  test('made up in full: the day and minutes of the make-up, nothing owed', () => {
    const { body } = buildConcernLetter(input({ sessions: [{ ...miss, makeUps: [{ date: '2026-10-08', minutes: 30 }], owedMinutes: 0 }] }))
    expect(body).toContain('- Tue, Oct 6: Speech-language therapy session missed (reason recorded: provider absent). Made up on Thu, Oct 8 (30 minutes).\n')
  })

  test('made up in part: the make-up and the minutes still owed', () => {
    const { body } = buildConcernLetter(input({ sessions: [{ ...miss, makeUps: [{ date: '2026-10-08', minutes: 15 }], owedMinutes: 15 }] }))
    expect(body).toContain('(reason recorded: provider absent). Made up on Thu, Oct 8 (15 minutes). 15 minutes still owed.\n')
  })

  test('not made up: the minutes still owed; a miss that owes nothing adds nothing', () => {
    expect(buildConcernLetter(input({ sessions: [{ ...miss, makeUps: [], owedMinutes: 30 }] })).body).toContain('(reason recorded: provider absent). 30 minutes still owed.\n')
    expect(buildConcernLetter(input({ sessions: [{ ...miss, reason: 'student_absent', makeUps: [], owedMinutes: 0 }] })).body).toContain(
      '(reason recorded: student absent).\n',
    )
  })
})
