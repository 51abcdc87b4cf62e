import { describe, expect, test } from 'vitest'
import { parseForm } from '#app/utils/parse-form.ts'
import { disputeFormSchema } from '#shared/schemas/concerns.ts'
import { amendServiceFormSchema, serviceFormSchema, sessionFormSchema } from '#shared/schemas/services.ts'

function form(fields: [string, string][]): FormData {
  const data = new FormData()
  for (const [name, value] of fields) data.append(name, value)
  return data
}

describe('serviceFormSchema', () => {
  test('a filled form gives the procedure its input, minutes as a number and every weekday', () => {
    const parsed = parseForm(
      form([
        ['name', ' Speech-language therapy '],
        ['providerId', 'u1'],
        ['minutesPerSession', '30'],
        ['weekdays', 'tue'],
        ['weekdays', 'thu'],
        ['setting', 'pull-out'],
        ['grouping', 'individual'],
        ['startDate', '2026-09-08'],
        ['endDate', '2027-06-25'],
      ]),
      serviceFormSchema,
    )
    expect(parsed).toEqual({
      ok: true,
      value: {
        name: 'Speech-language therapy',
        providerId: 'u1',
        minutesPerSession: 30,
        weekdays: ['tue', 'thu'],
        setting: 'pull-out',
        grouping: 'individual',
        startDate: '2026-09-08',
        endDate: '2027-06-25',
      },
    })
  })

  test('one weekday checked is a list of one', () => {
    const parsed = parseForm(form([['weekdays', 'mon']]), serviceFormSchema)
    expect(parsed.ok ? [] : parsed.fieldErrors.weekdays).toBeUndefined()
  })

  test('an empty form names every field at once', () => {
    const parsed = parseForm(form([['minutesPerSession', '0']]), serviceFormSchema)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.message).toBe('Please correct the fields marked below.')
    expect(parsed.fieldErrors.name).toEqual(['Name the service.'])
    expect(parsed.fieldErrors.minutesPerSession).toEqual(['Enter minutes from 1 to 240.'])
    expect(parsed.fieldErrors.weekdays).toEqual(['Choose at least one weekday.'])
    expect(parsed.fieldErrors.setting).toEqual(['Choose push-in or pull-out.'])
    expect(parsed.fieldErrors.grouping).toEqual(['Choose group or individual.'])
    expect(Object.keys(parsed.fieldErrors).sort()).toEqual(
      ['endDate', 'grouping', 'minutesPerSession', 'name', 'providerId', 'setting', 'startDate', 'weekdays'].sort(),
    )
  })

  test('an end before the start is refused on the end date', () => {
    const parsed = parseForm(
      form([
        ['name', 'OT'],
        ['providerId', 'u1'],
        ['minutesPerSession', '30'],
        ['weekdays', 'mon'],
        ['setting', 'push-in'],
        ['grouping', 'group'],
        ['startDate', '2026-10-01'],
        ['endDate', '2026-09-30'],
      ]),
      serviceFormSchema,
    )
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({ endDate: ['The end date must be on or after the start date.'] })
  })
})

describe('amendServiceFormSchema', () => {
  test('a bad amendment names every field at once', () => {
    const parsed = parseForm(form([['minutesPerSession', '2.5']]), amendServiceFormSchema)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.fieldErrors.minutesPerSession).toEqual(['Use whole minutes.'])
    expect(parsed.fieldErrors.weekdays).toEqual(['Choose at least one weekday.'])
    expect(parsed.fieldErrors.effectiveFrom).toBeDefined()
    expect(parsed.fieldErrors.note).toBeUndefined()
  })
})

describe('sessionFormSchema', () => {
  const session: [string, string][] = [
    ['studentId', 's1'],
    ['serviceId', 'v1'],
    ['date', '2026-10-14'],
  ]

  test('delivered: minutes as a number, an empty note not given', () => {
    const parsed = parseForm(form([['intent', 'delivered'], ['target', 'v1:2026-10-14'], ...session, ['minutes', '30'], ['note', '']]), sessionFormSchema)
    expect(parsed).toEqual({
      ok: true,
      value: { intent: 'delivered', target: 'v1:2026-10-14', studentId: 's1', serviceId: 'v1', date: '2026-10-14', minutes: 30 },
    })
  })

  test('missed with no reason and a make-up with nothing are refused on each field', () => {
    const missed = parseForm(form([['intent', 'missed'], ...session]), sessionFormSchema)
    expect(missed.ok ? [] : Object.keys(missed.fieldErrors)).toEqual(['reason'])
    const makeUp = parseForm(form([['intent', 'make_up'], ['studentId', 's1'], ['serviceId', 'v1'], ['minutes', '999']]), sessionFormSchema)
    expect(makeUp.ok ? {} : makeUp.fieldErrors).toMatchObject({ minutes: ['Enter minutes from 1 to 240.'] })
    expect(makeUp.ok ? [] : Object.keys(makeUp.fieldErrors).sort()).toEqual(['date', 'minutes', 'repaysDate'])
  })

  test('minutes out of range say the allowed range, whichever end is passed', () => {
    for (const minutes of ['0', '241', '99999']) {
      const parsed = parseForm(form([['intent', 'delivered'], ...session, ['minutes', minutes]]), sessionFormSchema)
      expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({ minutes: ['Enter minutes from 1 to 240.'] })
    }
  })

  test('a make-up held before (or on) the day it repays is refused once, on the date held', () => {
    for (const date of ['2026-11-09', '2026-11-10']) {
      const parsed = parseForm(
        form([['intent', 'make_up'], ['studentId', 's1'], ['serviceId', 'v1'], ['repaysDate', '2026-11-10'], ['date', date], ['minutes', '30']]),
        sessionFormSchema,
      )
      expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({ date: ['A make-up is held after the session it repays: choose a school day after Tue, Nov 10.'] })
    }
    const later = parseForm(
      form([['intent', 'make_up'], ['studentId', 's1'], ['serviceId', 'v1'], ['repaysDate', '2026-11-10'], ['date', '2026-11-11'], ['minutes', '30']]),
      sessionFormSchema,
    )
    expect(later.ok).toBe(true)
  })

  test('a make-up shows every problem at once: the date before its session and the minutes out of range', () => {
    const parsed = parseForm(
      form([['intent', 'make_up'], ['studentId', 's1'], ['serviceId', 'v1'], ['repaysDate', '2026-11-10'], ['date', '2026-11-09'], ['minutes', '99999']]),
      sessionFormSchema,
    )
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({
      date: ['A make-up is held after the session it repays: choose a school day after Tue, Nov 10.'],
      minutes: ['Enter minutes from 1 to 240.'],
    })
  })

  test('a correction with an emptied note clears it; one without a reason for the change is refused', () => {
    const cleared = parseForm(form([['intent', 'correct'], ['studentId', 's1'], ['recordId', 'r1'], ['note', ''], ['changeReason', 'typo']]), sessionFormSchema)
    expect(cleared.ok && cleared.value).toMatchObject({ note: '' })
    const refused = parseForm(form([['intent', 'void'], ['studentId', 's1'], ['recordId', 'r1'], ['changeReason', '']]), sessionFormSchema)
    expect(refused.ok ? {} : refused.fieldErrors).toEqual({ changeReason: ['Say why this record is changed.'] })
  })
})

describe('disputeFormSchema', () => {
  test('a flag without a comment is refused on the comment; a withdrawal needs none', () => {
    const flag = parseForm(form([['intent', 'dispute'], ['kind', 'session'], ['recordId', 'r1'], ['comment', '']]), disputeFormSchema)
    expect(flag.ok ? {} : flag.fieldErrors).toEqual({ comment: ['Say what is wrong with this record.'] })
    const withdraw = parseForm(form([['intent', 'withdraw-dispute'], ['kind', 'check'], ['recordId', 'c1']]), disputeFormSchema)
    expect(withdraw).toEqual({ ok: true, value: { intent: 'withdraw-dispute', kind: 'check', recordId: 'c1', comment: '' } })
  })

  test('an unknown intent is refused on the intent', () => {
    const parsed = parseForm(form([['intent', 'delete'], ['kind', 'session'], ['recordId', 'r1']]), disputeFormSchema)
    expect(parsed.ok ? {} : Object.keys(parsed.fieldErrors)).toContain('intent')
  })
})
