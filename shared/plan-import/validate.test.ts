import { describe, expect, test } from 'vitest'
import { formatPlanError, formatPath, isPlanImportError, PlanImportError } from './errors.ts'
import { PLAN_MAX_BYTES } from './schema.ts'
import { validatePlan, validatePlanText } from './validate.ts'

const TODAY = '2026-10-01'

/** The documented example (docs/formats.md#plan-import, docs/examples/plan-ava.json), as a fresh object each time so a test can break one thing. */
function example() {
  return {
    format: 'same-page/plan@1',
    school: { name: 'Maple Elementary', closures: [{ date: '2026-11-26', label: 'Thanksgiving' }] },
    student: { externalId: 'S-1001', name: 'Ava Lopez', grade: 4 } as Record<string, unknown>,
    team: [{ email: 'speech@maple.example', role: 'provider' }],
    goals: [
      {
        area: 'communication',
        officialText: 'Given a visual choice board, Ava will request a break using her AAC device in 4 of 5 opportunities.',
        plain: {
          means: 'Ava asks for a break with her talker instead of leaving.',
          looksLike: 'She taps BREAK when work gets hard.',
          adultsHelp: 'Point to the BREAK button once. Wait 5 seconds.',
          measure: 'Count how many times she asks out of 5 chances.',
        },
        baseline: '1 of 5',
        target: '4 of 5',
      },
    ],
    accommodations: [
      { title: 'Break card', description: 'She may take a 3-minute break.', category: 'regulation', applies: { kind: 'daily' }, startDate: '2026-09-08' } as Record<string, unknown>,
      { title: 'Extended time', description: '50% more time.', category: 'timing', applies: { kind: 'tests' } } as Record<string, unknown>,
    ],
    services: [
      {
        key: 'speech',
        name: 'Speech-language therapy',
        providerEmail: 'speech@maple.example',
        minutesPerSession: 30,
        weekdays: ['tue', 'thu'],
        setting: 'pull-out',
        group: false,
        startDate: '2026-09-08',
        endDate: '2027-06-11',
      } as Record<string, unknown>,
    ],
    sessions: [
      { service: 'speech', date: '2026-09-08', status: 'delivered', minutes: 30 },
      { service: 'speech', date: '2026-09-10', status: 'missed', reason: 'provider_absent', note: 'sub not covered' },
      { service: 'speech', date: '2026-09-11', status: 'make_up', minutes: 30, repays: '2026-09-10' },
    ] as Record<string, unknown>[],
    accommodationChecks: [
      { accommodation: 'Break card', date: '2026-09-08', status: 'used' },
      { accommodation: 'Break card', date: '2026-09-09', status: 'not_provided', reason: 'no sub plan' },
    ] as Record<string, unknown>[],
  }
}
type Example = ReturnType<typeof example>

/** The formatted error lines for a plan changed by `change`. */
function errorsOf(change: (plan: Example) => void, today = TODAY): string[] {
  const plan = example()
  change(plan)
  const result = validatePlan(plan, { today })
  return result.ok ? [] : result.errors.map(formatPlanError)
}

/** Asserts exactly one error, at `path`, whose message matches. */
function expectOne(change: (plan: Example) => void, path: string, message: RegExp | string) {
  const errors = errorsOf(change)
  expect(errors, errors.join('\n')).toHaveLength(1)
  expect(errors[0]!.startsWith(`${path}: `), errors[0]).toBe(true)
  if (typeof message === 'string') expect(errors[0]).toBe(`${path}: ${message}`)
  else expect(errors[0]).toMatch(message)
}

describe('a valid plan', () => {
  test('the documented example validates, with every list filled in', () => {
    const result = validatePlan(example(), { today: TODAY })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.plan.sessions).toHaveLength(3)
    expect(result.plan.school.closures).toEqual([{ date: '2026-11-26', label: 'Thanksgiving' }])
  })

  test('the optional lists may be left out: they come back empty', () => {
    const result = validatePlan({ format: 'same-page/plan@1', school: { name: 'Maple Elementary' }, student: { name: 'Ava Lopez' } }, { today: TODAY })
    expect(result).toEqual({
      ok: true,
      plan: {
        format: 'same-page/plan@1',
        school: { name: 'Maple Elementary', closures: [] },
        student: { name: 'Ava Lopez' },
        iep: null,
        team: [],
        goals: [],
        accommodations: [],
        services: [],
        sessions: [],
        accommodationChecks: [],
      },
    })
  })

  test('team emails are trimmed and lower-cased, and a providerEmail matches them that way', () => {
    const plan = example()
    plan.team[0]!.email = '  Speech@Maple.EXAMPLE '
    plan.services[0]!.providerEmail = 'SPEECH@maple.example'
    const result = validatePlan(plan, { today: TODAY })
    expect(result.ok && result.plan.team[0]!.email).toBe('speech@maple.example')
  })
})

describe('the error format', () => {
  test('the path is JSON-style and the message names the value and what was expected', () => {
    expect(errorsOf((p) => (p.services[0]!.weekdays = ['tue', 'thu', 'fri day']))).toEqual([
      'services[0].weekdays[2]: "fri day" is not a weekday: "mon"…"fri" expected',
    ])
  })

  test('formatPath and the whole-file form', () => {
    expect(formatPath(['services', 0, 'weekdays', 2])).toBe('services[0].weekdays[2]')
    expect(formatPath([])).toBe('')
    expect(formatPlanError({ path: '', message: 'is empty' })).toBe('(file): is empty')
  })

  test('a PlanImportError carries the list, one line per problem in its message', () => {
    const error = new PlanImportError([
      { path: 'a', message: 'one' },
      { path: 'b[0]', message: 'two' },
    ])
    expect(error.message).toBe('a: one\nb[0]: two')
    expect(error.code).toBe('BAD_REQUEST')
    expect(isPlanImportError(error)).toBe(true)
    expect(isPlanImportError(new Error('x'))).toBe(false)
  })
})

describe('shape rules', () => {
  test('the format string must be exact', () => {
    expectOne((p) => (p.format = 'same-page/plan@2'), 'format', '"same-page/plan@2" is not a supported format: "same-page/plan@1" expected')
    expectOne((p) => (p.format = 'Same-Page/plan@1 '), 'format', /is not a supported format/)
    expectOne((p) => delete (p as Partial<Example>).format, 'format', 'missing: "same-page/plan@1" expected')
  })

  test('the whole file must be an object', () => {
    for (const json of [null, [], 'plan', 3]) {
      const result = validatePlan(json, { today: TODAY })
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.errors.map(formatPlanError)).toEqual([expect.stringMatching(/^\(file\): .*not an object: a same-page\/plan@1 object expected$/)])
    }
  })

  test('unknown fields are refused, naming the fields that are taken', () => {
    expectOne((p) => Object.assign(p, { notes: 'x' }), '(file)', /^\(file\): has an unknown field "notes": only format, school, student, iep, team, goals/)
    expectOne((p) => Object.assign(p.sessions[0]!, { reason: 'provider_absent' }), 'sessions[0]', 'has an unknown field "reason": only service, date, status, minutes, note expected')
    expectOne((p) => Object.assign(p.services[0]!, { minutesPerSesion: 30 }), 'services[0]', /unknown field "minutesPerSesion"/)
  })

  test('required fields are named when missing', () => {
    expectOne((p) => delete p.student.name, 'student.name', 'missing: the student’s full name expected')
    expectOne((p) => delete p.services[0]!.providerEmail, 'services[0].providerEmail', 'missing: an email address expected')
    expectOne((p) => delete p.sessions[1]!.reason, 'sessions[1].reason', /^sessions\[1\]\.reason: missing: "provider_absent", .*"student_declined" expected$/)
    expectOne((p) => delete p.sessions[2]!.repays, 'sessions[2].repays', 'missing: a date as YYYY-MM-DD expected')
  })

  test('texts may not be empty or too long', () => {
    expectOne((p) => (p.goals[0]!.plain.means = '   '), 'goals[0].plain.means', 'is empty: what the goal means, in plain words expected')
    expectOne((p) => (p.goals[0]!.baseline = 'x'.repeat(201)), 'goals[0].baseline', 'is 201 characters long: at most 200 expected')
    expectOne((p) => (p.sessions[0]!.note = 'n'.repeat(501)), 'sessions[0].note', /at most 500 expected/)
  })

  test('unknown statuses, reasons, categories, areas, roles, kinds and settings are refused', () => {
    expectOne((p) => (p.sessions[0]!.status = 'done'), 'sessions[0].status', '"done" is not a session status: "delivered", "missed", "make_up" expected')
    expectOne((p) => (p.sessions[1]!.reason = 'sick'), 'sessions[1].reason', /^sessions\[1\]\.reason: "sick" is not a missed reason: "provider_absent", "provider_other_duty"/)
    expectOne((p) => (p.accommodationChecks[0]!.status = 'partly'), 'accommodationChecks[0].status', '"partly" is not a check status: "used", "not_needed", "not_provided", "declined" expected')
    expectOne((p) => (p.accommodations[0]!.category = 'comfort'), 'accommodations[0].category', /"comfort" is not a category: "presentation", "response", "setting", "timing", "regulation", "communication" expected/)
    expectOne((p) => (p.goals[0]!.area = 'speech'), 'goals[0].area', /"speech" is not a goal area: "communication", "reading"/)
    expectOne((p) => (p.team[0]!.role = 'teacher'), 'team[0].role', '"teacher" is not a team role: "case_manager", "provider", "para", "parent" expected')
    expectOne((p) => (p.accommodations[0]!.applies = { kind: 'sometimes' }), 'accommodations[0].applies.kind', '"sometimes" is not a kind of day: "daily", "weekdays", "subject", "tests" expected')
    expectOne((p) => (p.services[0]!.setting = 'inclusion'), 'services[0].setting', '"inclusion" is not a setting: "push-in", "pull-out" expected')
  })

  test('applies: weekdays need days, a subject needs its subject', () => {
    expectOne((p) => (p.accommodations[0]!.applies = { kind: 'weekdays' }), 'accommodations[0].applies.days', 'missing: a list of weekdays expected')
    expectOne((p) => (p.accommodations[0]!.applies = { kind: 'weekdays', days: [] }), 'accommodations[0].applies.days', /is empty/)
    expectOne((p) => (p.accommodations[0]!.applies = { kind: 'subject' }), 'accommodations[0].applies.subject', /missing: the subject or time of day expected/)
    expectOne((p) => (p.accommodations[0]!.applies = { kind: 'weekdays', days: ['tue', 'wed', 'tue'] }), 'accommodations[0].applies.days[2]', '"tue" is listed twice: each weekday once expected')
  })

  test.each([
    [0, '0 is out of range: whole minutes 1–240 expected'],
    [241, '241 is out of range: whole minutes 1–240 expected'],
    [30.5, '30.5 is not a whole number: whole minutes 1–240 expected'],
    ['30', '"30" is not a number: whole minutes 1–240 expected'],
  ])('session minutes %j are refused', (minutes, message) => {
    expectOne((p) => (p.sessions[0]!.minutes = minutes), 'sessions[0].minutes', message)
  })

  test('minutesPerSession is 1–240 too', () => {
    expectOne((p) => (p.services[0]!.minutesPerSession = 300), 'services[0].minutesPerSession', '300 is out of range: whole minutes 1–240 expected')
  })

  test.each(['2026-02-30', '2026-9-8', '08/09/2026', '2026-13-01'])('the date %j is not a real YYYY-MM-DD date', (date) => {
    expectOne((p) => (p.sessions[0]!.date = date), 'sessions[0].date', `"${date}" is not a real date: YYYY-MM-DD expected`)
  })

  test('a date that is not text is refused too', () => {
    expectOne((p) => (p.services[0]!.startDate = 20260908), 'services[0].startDate', '20260908 is not a date: YYYY-MM-DD expected')
  })

  test('emails, grades, service keys and booleans', () => {
    expectOne((p) => p.team.push({ email: 'speech at maple', role: 'para' }), 'team[1].email', '"speech at maple" is not an email address: name@school.org expected')
    // A provider whose own team entry is broken is not reported twice.
    expectOne((p) => (p.team[0]!.role = 'speech'), 'team[0].role', /"speech" is not a team role/)
    expectOne((p) => (p.student.grade = 13), 'student.grade', '13 is out of range: a whole number 0–12 expected (0 for kindergarten)')
    expectOne((p) => (p.services[0]!.group = 'no'), 'services[0].group', '"no" is not true or false: true or false expected')
    // groupName is optional (issue 15); given, it is one line of up to 80 characters.
    expect(errorsOf((p) => Object.assign(p.services[0]!, { group: true, groupName: 'Tuesday social skills group' }))).toEqual([])
    expectOne((p) => Object.assign(p.services[0]!, { groupName: 'x'.repeat(81) }), 'services[0].groupName', /too long|81 characters/)
    expectOne((p) => Object.assign(p.services[0]!, { groupName: '' }), 'services[0].groupName', 'is empty: a group name expected')
    const errors = errorsOf((p) => {
      p.services[0]!.key = 'Speech Therapy'
      p.sessions = []
    })
    expect(errors).toEqual(['services[0].key: "Speech Therapy" is not a service key: lowercase letters, digits, "-" and "_" (at most 40) expected'])
  })
})

describe('rules across fields', () => {
  test('service keys are unique', () => {
    expectOne((p) => p.services.push({ ...p.services[0]!, name: 'Speech again' }), 'services[1].key', '"speech" is already the key of services[0]: a key of its own expected')
  })

  test('a service ends on or after it starts, and lists each weekday once', () => {
    expectOne(
      (p) => {
        p.services[0]!.endDate = '2026-09-01'
        p.sessions = []
      },
      'services[0].endDate',
      '"2026-09-01" is before startDate 2026-09-08: a date on or after startDate expected',
    )
    // Its sessions are not placed against dates that are wrong anyway.
    expect(errorsOf((p) => (p.services[0]!.endDate = '2026-09-01'))).toHaveLength(1)
    expectOne((p) => (p.services[0]!.weekdays = ['tue', 'thu', 'tue']), 'services[0].weekdays[2]', '"tue" is listed twice: each weekday once expected')
  })

  test('a service’s provider is on the team as a provider or case manager', () => {
    expectOne((p) => (p.services[0]!.providerEmail = 'ot@maple.example'), 'services[0].providerEmail', /"ot@maple.example" is not in "team": the email of a team member with role "provider" or "case_manager" expected/)
    expectOne((p) => (p.team[0]!.role = 'para'), 'services[0].providerEmail', '"speech@maple.example" is on the team as para: a provider or case_manager expected')
    expect(errorsOf((p) => (p.team[0]!.role = 'case_manager'))).toEqual([])
  })

  test('each person is on the team once; each closure date is listed once', () => {
    expectOne((p) => p.team.push({ email: 'SPEECH@maple.example', role: 'parent' }), 'team[1].email', '"speech@maple.example" is already listed at team[0]: each person once expected')
    expectOne((p) => p.school.closures.push({ date: '2026-11-26', label: 'Turkey day' }), 'school.closures[1].date', '"2026-11-26" is already listed at school.closures[0]: each date once expected')
  })

  test('each session names a service key of the file, even when the session has other errors', () => {
    expectOne((p) => (p.sessions[0]!.service = 'spech'), 'sessions[0].service', '"spech" is not a service key in this file: "speech" expected')
    const errors = errorsOf((p) => p.sessions.push({ service: 'ot', date: '2026-09-09', status: 'delivered', minutes: 0 }))
    expect(errors).toContain('sessions[3].service: "ot" is not a service key in this file: "speech" expected')
  })

  test('accommodation titles are unique, and each check names one', () => {
    expectOne((p) => p.accommodations.push({ ...p.accommodations[1]!, title: 'Break card' }), 'accommodations[2].title', '"Break card" is already the title of accommodations[0]: a title of its own expected')
    expectOne(
      (p) => (p.accommodationChecks[0]!.accommodation = 'Brake card'),
      'accommodationChecks[0].accommodation',
      '"Brake card" is not an accommodation title in this file: "Break card", "Extended time" expected',
    )
  })

  test('one check per accommodation a day', () => {
    expectOne(
      (p) => p.accommodationChecks.push({ accommodation: 'Break card', date: '2026-09-08', status: 'declined' }),
      'accommodationChecks[2].date',
      '"Break card" is already checked on 2026-09-08 at accommodationChecks[0]: one check per accommodation a day expected',
    )
  })

  test('a not_provided check carries a reason', () => {
    expectOne((p) => delete p.accommodationChecks[1]!.reason, 'accommodationChecks[1].reason', 'missing: a reason expected when the status is "not_provided"')
    expectOne((p) => (p.accommodationChecks[1]!.reason = '  '), 'accommodationChecks[1].reason', 'missing: a reason expected when the status is "not_provided"')
  })

  test('a check falls on a school day, on or after its accommodation took effect, on a day it applies', () => {
    expectOne((p) => (p.accommodationChecks[0]!.date = '2026-09-12'), 'accommodationChecks[0].date', '"2026-09-12" is a Saturday, not a school day: a school day expected')
    expectOne((p) => (p.accommodationChecks[0]!.date = '2026-09-07'), 'accommodationChecks[0].date', /"2026-09-07" is before "Break card" took effect on its startDate \(2026-09-08\)/)
    expectOne(
      (p) => p.accommodationChecks.push({ accommodation: 'Extended time', date: '2026-09-09', status: 'used' }),
      'accommodationChecks[2].date',
      /before "Extended time" took effect on the import date \(2026-10-01\), as it has no startDate/,
    )
    expectOne(
      (p) => (p.accommodations[0]!.applies = { kind: 'weekdays', days: ['mon', 'wed'] }),
      'accommodationChecks[0].date',
      '"2026-09-08" is a Tuesday, when "Break card" does not apply: one of its days expected',
    )
  })

  test('a check on a closure listed in the file is refused', () => {
    expectOne(
      (p) => {
        p.school.closures.push({ date: '2026-09-08', label: 'Staff day' })
        p.sessions = []
      },
      'accommodationChecks[0].date',
      '"2026-09-08" is a closure (Staff day), not a school day: a school day expected',
    )
  })

  test('nothing is recorded in the future', () => {
    expectOne((p) => (p.sessions[0]!.date = '2026-10-06'), 'sessions[0].date', '"2026-10-06" is in the future (today is 2026-10-01): a date up to today expected')
    expectOne((p) => (p.accommodationChecks[0]!.date = '2026-10-02'), 'accommodationChecks[0].date', '"2026-10-02" is in the future (today is 2026-10-01): a date up to today expected')
    expect(errorsOf(() => undefined, '2026-09-11')).toEqual([])
    expect(errorsOf(() => undefined, '2026-09-10')).toEqual(['sessions[2].date: "2026-09-11" is in the future (today is 2026-09-10): a date up to today expected'])
  })

  describe('a delivered or missed session falls on a session the service schedules', () => {
    test('a listed weekday', () => {
      expectOne(
        (p) => (p.sessions[0]!.date = '2026-09-09'),
        'sessions[0].date',
        '"2026-09-09" is a Wednesday, when speech is not held: a tue/thu school day from 2026-09-08 to 2027-06-11 expected',
      )
    })
    test('a weekday, not a weekend', () => {
      expectOne((p) => (p.sessions[0]!.date = '2026-09-13'), 'sessions[0].date', /"2026-09-13" is a Sunday, not a school day/)
    })
    test('within the service’s dates', () => {
      expectOne((p) => (p.services[0]!.startDate = '2026-09-09'), 'sessions[0].date', /"2026-09-08" is before speech starts \(2026-09-09\)/)
      expectOne((p) => (p.services[0]!.endDate = '2026-09-09'), 'sessions[1].date', /"2026-09-10" is after speech ends \(2026-09-09\)/)
    })
    test('not on a closure listed in the file', () => {
      expectOne(
        (p) => {
          p.school.closures.push({ date: '2026-09-08', label: 'Flood' })
          p.accommodationChecks = []
        },
        'sessions[0].date',
        /"2026-09-08" is a closure \(Flood\), not a school day/,
      )
    })
    test('once: a second record for the same session is refused', () => {
      expectOne(
        (p) => p.sessions.push({ service: 'speech', date: '2026-09-08', status: 'missed', reason: 'student_absent' }),
        'sessions[3].date',
        'speech on "2026-09-08" is already recorded at sessions[0]: one record per session expected',
      )
    })
  })

  describe('a make-up', () => {
    test('may fall on any school day, even one the service does not schedule', () => {
      expect(errorsOf((p) => (p.sessions[2]!.date = '2026-09-16'))).toEqual([])
    })
    test('falls on a school day: not a weekend, not a closure', () => {
      expectOne((p) => (p.sessions[2]!.date = '2026-09-12'), 'sessions[2].date', '"2026-09-12" is a Saturday: a make-up on a school day expected')
      expectOne((p) => p.school.closures.push({ date: '2026-09-11', label: 'Fair day' }), 'sessions[2].date', '"2026-09-11" is a closure (Fair day): a make-up on a school day expected')
    })
    test('repays a missed session of the same service', () => {
      expectOne((p) => (p.sessions[2]!.repays = '2026-09-08'), 'sessions[2].repays', '"2026-09-08" is not a missed speech session in this file: the date of a "missed" speech session expected')
      expectOne(
        (p) => {
          p.services.push({ ...p.services[0]!, key: 'ot', weekdays: ['fri'] })
          p.sessions[2]!.service = 'ot'
          p.sessions[2]!.date = '2026-09-14'
        },
        'sessions[2].repays',
        /"2026-09-10" is not a missed ot session in this file/,
      )
      // A miss with an error of its own is reported once, not again by its make-up.
      expectOne((p) => delete p.sessions[1]!.reason, 'sessions[1].reason', /^sessions\[1\]\.reason: missing:/)
    })
    test('dated before it', () => {
      expectOne(
        (p) => {
          p.sessions[1]!.date = '2026-09-15'
          p.sessions[2]!.repays = '2026-09-15'
        },
        'sessions[2].repays',
        '"2026-09-15" is not before the make-up (2026-09-11): the date of an earlier missed speech session expected',
      )
    })
    test('not beyond the minutes missed', () => {
      expectOne((p) => (p.sessions[2]!.minutes = 40), 'sessions[2].minutes', /40 would repay more than the 30 minutes missed on 2026-09-10 \(sessions\[1\]; 0 already repaid\): at most 30 expected/)
      expect(
        errorsOf((p) => {
          p.sessions[2]!.minutes = 20
          p.sessions.push({ service: 'speech', date: '2026-09-14', status: 'make_up', minutes: 10, repays: '2026-09-10' })
        }),
      ).toEqual([])
      expectOne(
        (p) => {
          p.sessions[2]!.minutes = 20
          p.sessions.push({ service: 'speech', date: '2026-09-14', status: 'make_up', minutes: 15, repays: '2026-09-10' })
        },
        'sessions[3].minutes',
        /15 would repay more than the 30 minutes missed on 2026-09-10 \(sessions\[1\]; 20 already repaid\): at most 10 expected/,
      )
      expectOne(
        (p) => p.sessions.push({ service: 'speech', date: '2026-09-14', status: 'make_up', minutes: 5, repays: '2026-09-10' }),
        'sessions[3].minutes',
        /repays a session already made up in full/,
      )
    })
  })
})

describe('every problem at once', () => {
  test('a file with three errors lists all three, in file order', () => {
    const errors = errorsOf((p) => {
      p.accommodationChecks[1]!.status = 'skipped'
      p.services[0]!.weekdays = ['tue', 'fri day']
      p.sessions[0]!.service = 'spech'
    })
    expect(errors).toEqual([
      'services[0].weekdays[1]: "fri day" is not a weekday: "mon"…"fri" expected',
      'sessions[0].service: "spech" is not a service key in this file: "speech" expected',
      'accommodationChecks[1].status: "skipped" is not a check status: "used", "not_needed", "not_provided", "declined" expected',
    ])
  })

  test('a shape error in one item does not hide a cross-field error in another', () => {
    const errors = errorsOf((p) => {
      p.student.grade = -1
      p.accommodationChecks.push({ accommodation: 'Break card', date: '2026-09-08', status: 'used' })
    })
    expect(errors).toEqual([
      'student.grade: -1 is out of range: a whole number 0–12 expected (0 for kindergarten)',
      'accommodationChecks[2].date: "Break card" is already checked on 2026-09-08 at accommodationChecks[0]: one check per accommodation a day expected',
    ])
  })
})

describe('validatePlanText', () => {
  test('reads JSON (a leading byte-order mark is fine)', () => {
    expect(validatePlanText(`\uFEFF${JSON.stringify(example())}`, { today: TODAY }).ok).toBe(true)
  })

  test('not JSON, empty, or too large: one whole-file error', () => {
    const lines = (text: string) => {
      const r = validatePlanText(text, { today: TODAY })
      return r.ok ? [] : r.errors.map(formatPlanError)
    }
    expect(lines('{"format": ')).toEqual([expect.stringMatching(/^\(file\): is not valid JSON \(.+\): a same-page\/plan@1 JSON document expected$/)])
    expect(lines('  \n')).toEqual(['(file): is empty: a same-page/plan@1 JSON document expected'])
    expect(lines(' '.repeat(PLAN_MAX_BYTES + 1))).toEqual(['(file): is 5.0 MB: at most 5 MB expected'])
  })
})

describe('dates and text are bounded like the app’s forms', () => {
  test.each(['9999-12-31', '0001-01-01', '1999-12-31', '2101-01-01'])('a service ending %s is refused as out of range', (date) => {
    expectOne((p) => (p.services[0]!.endDate = date), 'services[0].endDate', `"${date}" is out of range: a date from 2000-01-01 to 2100-12-31 expected`)
  })

  test('a closure on 9999-12-31 is refused as out of range', () => {
    expectOne((p) => (p.school.closures[0]!.date = '9999-12-31'), 'school.closures[0].date', /out of range: a date from 2000-01-01 to 2100-12-31 expected/)
  })

  test('the range’s own ends are accepted', () => {
    expect(errorsOf((p) => ((p.services[0]!.startDate = '2000-01-03'), (p.services[0]!.endDate = '2100-12-31')))).toEqual([])
  })

  test('a NUL in a note or a line break in a name is refused naming the character', () => {
    expectOne((p) => (p.student.name = 'Ava\u0000Lopez'), 'student.name', 'contains the control character U+0000: plain text expected')
    expectOne((p) => (p.student.name = 'Ava\nLopez'), 'student.name', 'contains the control character U+000A: plain text expected')
    expect(errorsOf((p) => (p.goals[0]!.plain.means = 'Line one.\nLine two.'))).toEqual([])
  })
})
