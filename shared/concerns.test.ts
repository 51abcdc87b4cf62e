import { describe, expect, test } from 'vitest'
import { complaintTimeline, documentedEfforts, filedOnRefusal, LADDER, type LadderEntry, standingSteps, stepNeedsConfirmation, type SuggestionInput, suggestNextStep, takeBackOf } from './concerns.ts'

function input(over: Partial<SuggestionInput> = {}): SuggestionInput {
  return { step: 1, status: 'open', stepSince: '2026-11-02', entries: [{ date: '2026-11-02', kind: 'opened' }], linkedAlerts: [], ...over }
}

describe('the escalation ladder', () => {
  test('six steps, in order, each explained: what it is, who runs it, cost, usual timeline', () => {
    expect(LADDER.map((s) => [s.step, s.title])).toEqual([
      [1, 'Written concern'],
      [2, 'IEP meeting requested'],
      [3, 'Facilitated IEP meeting'],
      [4, 'Mediation'],
      [5, 'State complaint'],
      [6, 'Due process'],
    ])
    for (const s of LADDER) for (const part of [s.what, s.whoRuns, s.cost, s.timeline]) expect(part.trim().length, `${s.title}`).toBeGreaterThanOrEqual(5)
    expect(LADDER[4]!.timeline).toContain('60')
  })
})

describe('documentedEfforts', () => {
  test('counts the opening and the contacts dated on or after the current step; responses are not efforts', () => {
    const entries = [
      { date: '2026-10-01', kind: 'opened' as const },
      { date: '2026-10-05', kind: 'contact' as const },
      { date: '2026-10-06', kind: 'response' as const },
      { date: '2026-10-20', kind: 'contact' as const },
    ]
    expect(documentedEfforts(entries, '2026-10-01')).toBe(3)
    expect(documentedEfforts(entries, '2026-10-10')).toBe(1)
    expect(documentedEfforts([], '2026-10-01')).toBe(0)
  })
})

describe('suggestNextStep', () => {
  test('one effort and no pattern: nothing is suggested', () => {
    expect(suggestNextStep(input())).toBeNull()
  })

  test('two documented efforts without resolution: the next step, with the reason', () => {
    const s = suggestNextStep(input({ entries: [{ date: '2026-11-02', kind: 'opened' }, { date: '2026-11-09', kind: 'contact' }] }))
    expect(s?.step.step).toBe(2)
    expect(s?.reasons).toEqual(['2 documented efforts at this step have not resolved it.'])
  })

  test('three efforts: still only the next step, never a jump', () => {
    const entries = [{ date: '2026-11-02', kind: 'opened' as const }, { date: '2026-11-05', kind: 'contact' as const }, { date: '2026-11-09', kind: 'contact' as const }]
    expect(suggestNextStep(input({ step: 3, entries }))?.step.title).toBe('Mediation')
  })

  test('efforts before the current step began do not count again', () => {
    const entries = [{ date: '2026-10-01', kind: 'opened' as const }, { date: '2026-10-05', kind: 'contact' as const }]
    expect(suggestNextStep(input({ step: 2, stepSince: '2026-10-10', entries }))).toBeNull()
  })

  test('responses alone do not trigger it', () => {
    const entries = [{ date: '2026-11-02', kind: 'opened' as const }, { date: '2026-11-03', kind: 'response' as const }, { date: '2026-11-04', kind: 'response' as const }]
    expect(suggestNextStep(input({ entries }))).toBeNull()
  })

  test('a pattern in the linked records (an accountability alert) suggests the next step at once, each alert once', () => {
    const s = suggestNextStep(
      input({
        linkedAlerts: [
          { serviceName: 'Speech-language therapy', alert: 'consecutive_misses' },
          { serviceName: 'Speech-language therapy', alert: 'consecutive_misses' },
          { serviceName: 'Speech-language therapy', alert: 'repeated_school_misses' },
        ],
      }),
    )
    expect(s?.step.step).toBe(2)
    expect(s?.reasons).toEqual([
      'Speech-language therapy: The last two sessions were both missed or not recorded.',
      'Speech-language therapy: Three or more sessions in the last 30 days were missed for school reasons or not recorded.',
    ])
  })

  test('a resolved concern, or one already at due process, suggests nothing', () => {
    const busy = { entries: [{ date: '2026-11-02', kind: 'opened' as const }, { date: '2026-11-09', kind: 'contact' as const }], linkedAlerts: [{ serviceName: 'OT', alert: 'low_delivery_rate' as const }] }
    expect(suggestNextStep(input({ ...busy, status: 'resolved' }))).toBeNull()
    expect(suggestNextStep(input({ ...busy, step: 6 }))).toBeNull()
    expect(suggestNextStep(input({ ...busy, status: 'waiting' }))?.step.step).toBe(2)
  })
})

describe('complaintTimeline', () => {
  test('the decision is due 60 calendar days after filing; days left count down to it', () => {
    expect(complaintTimeline('2026-11-02', '2026-11-17')).toEqual({
      filedOn: '2026-11-02',
      decisionDue: '2027-01-01',
      daysLeft: 45,
      overdue: false,
      text: '45 days left until the decision is due.',
    })
  })

  test('on the filing day 60 days are left; on the due day, due today; one day left is singular', () => {
    expect(complaintTimeline('2026-11-02', '2026-11-02').daysLeft).toBe(60)
    expect(complaintTimeline('2026-11-02', '2027-01-01').text).toBe('The decision is due today.')
    expect(complaintTimeline('2026-11-02', '2026-12-31').text).toBe('1 day left until the decision is due.')
  })

  test('past the date it is overdue, counted in days', () => {
    expect(complaintTimeline('2026-11-02', '2027-01-04')).toMatchObject({ daysLeft: -3, overdue: true, text: 'The decision was due 3 days ago.' })
  })

  test('across a daylight-saving change and a leap day the count stays whole days', () => {
    expect(complaintTimeline('2028-02-01', '2028-03-15')).toMatchObject({ decisionDue: '2028-04-01', daysLeft: 17 })
  })
})

describe('taking a step back', () => {
  const move = (step: LadderEntry['step'], date: string, filedOn: string | null = null): LadderEntry => ({ kind: 'move', step, date, filedOn })
  const takeBack = (step: LadderEntry['step'], date: string): LadderEntry => ({ kind: 'take_back', step, date, filedOn: null })

  test('a take-back withdraws the latest move; the step before stands again with its own date', () => {
    const log = [move(1, '2026-11-02'), move(2, '2026-11-05'), move(5, '2026-11-16', '2026-11-16'), takeBack(2, '2026-11-17')]
    expect(standingSteps(log)).toEqual([
      { step: 1, date: '2026-11-02', filedOn: null },
      { step: 2, date: '2026-11-05', filedOn: null },
    ])
  })

  test('two take-backs withdraw two moves, newest first; the opening step is never withdrawn', () => {
    const log = [move(1, '2026-11-02'), move(3, '2026-11-05'), move(4, '2026-11-06'), takeBack(3, '2026-11-07'), takeBack(1, '2026-11-07'), takeBack(1, '2026-11-08')]
    expect(standingSteps(log).map((s) => s.step)).toEqual([1])
    expect(takeBackOf(log)).toBeNull()
  })

  test('a move after a take-back stands on the step that was restored', () => {
    const log = [move(1, '2026-11-02'), move(4, '2026-11-05'), takeBack(1, '2026-11-05'), move(2, '2026-11-06')]
    expect(standingSteps(log).map((s) => s.step)).toEqual([1, 2])
    expect(takeBackOf(log)).toEqual({ from: { step: 2, date: '2026-11-06', filedOn: null }, to: { step: 1, date: '2026-11-02', filedOn: null } })
  })

  test('steps 3 to 6 ask for confirmation; 1 and 2 do not', () => {
    expect([1, 2, 3, 4, 5, 6].map(stepNeedsConfirmation)).toEqual([false, false, true, true, true, true])
  })

  test('a state complaint needs its filing date, and only a state complaint has one', () => {
    expect(filedOnRefusal(5, undefined)).toContain('Enter the date the state complaint was filed')
    expect(filedOnRefusal(4, '2026-11-02')).toBe('A filing date belongs to a state complaint (step 5) only.')
    expect([filedOnRefusal(5, '2026-11-02'), filedOnRefusal(4, undefined)]).toEqual([null, null])
  })
})
