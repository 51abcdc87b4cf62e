import { describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { bulkKey } from '#shared/week-bulk.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'

// The demo is seeded on Wed 18 Nov 2026 (recorded through the day before); the week is recorded three weeks later,
// on Wed 9 Dec 2026. Its recording window: Thu 3, Fri 4, Mon 7, Tue 8 and Wed 9 Dec.
const SEED = new Date('2026-11-18T15:00:00')
const LATER = new Date('2026-12-09T15:00:00')
const THIS_WEEK = '2026-12-07'
const LAST_WEEK = '2026-11-30'

describe('"Delivered as scheduled" for a week (issue 15, item 4)', () => {
  const { t, demo, as } = useDemoDb({ now: SEED })
  const later = (user: DemoUserKey) => as(user, LATER)
  const counts = () => ['session_records', 'audit_log'].map((table) => countRows(t.sqlite, table))
  // Johnny's own sessions: Leo's and Ava's social skills group is in the same weeks, and always left out (below).
  const johnnys = <T extends { studentId: string }>(items: T[]) => items.filter((i) => i.studentId === demo.johnnyId)
  const lines = (items: { serviceName: string; date: string; mandateMinutes: number }[]) => items.map((i) => `${i.serviceName} ${i.date} ${i.mandateMinutes}`)

  test('each person’s plan lists only the sessions they may record; the future is left out', async () => {
    const cm = await later('caseManager').sessions.weekPlan({ weekOf: THIS_WEEK })
    expect(lines(cm.include)).toEqual(['Speech-language therapy 2026-12-08 30', 'Occupational therapy 2026-12-09 45'])
    expect(johnnys(cm.leftOut).map((i) => [i.serviceName, i.date, i.why])).toEqual([['Speech-language therapy', '2026-12-10', 'future']])
    // A group's sessions are recorded once for the group, with who was there: never all as delivered unseen.
    expect(cm.leftOut.filter((i) => i.serviceName === 'Social skills').map((i) => [i.studentName, i.date, i.why])).toEqual([
      ['Ava Brooks', '2026-12-07', 'group'],
      ['Leo Garcia', '2026-12-07', 'group'],
      ['Ava Brooks', '2026-12-09', 'group'],
      ['Leo Garcia', '2026-12-09', 'group'],
    ])

    const speech = await later('speech').sessions.weekPlan({ weekOf: THIS_WEEK })
    expect(lines(speech.include)).toEqual(['Speech-language therapy 2026-12-08 30'])
    expect(johnnys(speech.leftOut).map((i) => i.why)).toEqual(['future'])
    const ot = await later('ot').sessions.weekPlan({ weekOf: THIS_WEEK })
    expect(lines(ot.include)).toEqual(['Occupational therapy 2026-12-09 45'])

    // Those who record no session have nothing in the plan.
    for (const user of ['para', 'parent', 'admin'] as const) {
      expect(await later(user).sessions.weekPlan({ weekOf: THIS_WEEK }), user).toMatchObject({ include: [], leftOut: [] })
    }
  })

  test('sessions outside the recording window and sessions already recorded are left out, and say so', async () => {
    await later('speech').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'missed', date: '2026-12-03', reason: 'student_absent' })
    const plan = await later('caseManager').sessions.weekPlan({ weekOf: LAST_WEEK })
    expect(plan.include).toEqual([])
    expect(johnnys(plan.leftOut).map((i) => [i.serviceName, i.date, i.why])).toEqual([
      ['Speech-language therapy', '2026-12-01', 'outside_window'],
      ['Occupational therapy', '2026-12-02', 'outside_window'],
      ['Speech-language therapy', '2026-12-03', 'recorded'],
    ])
  })

  test('confirming records each listed session as delivered with its mandate, with an audit row each; a second submit records nothing', async () => {
    const plan = await later('caseManager').sessions.weekPlan({ weekOf: THIS_WEEK })
    const keys = plan.include.map(bulkKey)
    const before = counts()
    const first = await later('caseManager').sessions.recordWeek({ weekOf: THIS_WEEK, sessions: keys })
    expect(lines(first.recorded)).toEqual(lines(plan.include))
    expect(counts()).toEqual([before[0]! + 2, before[1]! + 2])
    const log = await later('caseManager').sessions.log({ studentId: demo.johnnyId })
    const held = log.filter((r) => r.date >= THIS_WEEK && r.date <= '2026-12-11')
    expect(held.map((r) => [r.serviceName, r.date, r.kind, r.minutes, r.version, r.recordedBy])).toEqual([
      ['Speech-language therapy', '2026-12-08', 'delivered', 30, 1, 'Dana Rivera'],
      ['Occupational therapy', '2026-12-09', 'delivered', 45, 1, 'Dana Rivera'],
    ])

    const again = await later('caseManager').sessions.recordWeek({ weekOf: THIS_WEEK, sessions: keys })
    expect(again.recorded).toEqual([])
    expect(counts()).toEqual([before[0]! + 2, before[1]! + 2])
    expect(johnnys((await later('caseManager').sessions.weekPlan({ weekOf: THIS_WEEK })).leftOut).map((i) => i.why)).toEqual(['recorded', 'recorded', 'future'])
  })

  test('a provider’s confirmation records only her own service: someone else’s session in the list is not touched', async () => {
    const keys = (await later('caseManager').sessions.weekPlan({ weekOf: THIS_WEEK })).include.map(bulkKey)
    const before = counts()
    const saved = await later('speech').sessions.recordWeek({ weekOf: THIS_WEEK, sessions: keys })
    expect(lines(saved.recorded)).toEqual(['Speech-language therapy 2026-12-08 30'])
    expect(counts()).toEqual([before[0]! + 1, before[1]! + 1])
  })

  test.each(['para', 'parent', 'admin'] as const)('%s, who records no session, records nothing with a case manager’s list', async (user) => {
    const keys = (await later('caseManager').sessions.weekPlan({ weekOf: THIS_WEEK })).include.map(bulkKey)
    const before = counts()
    expect((await later(user).sessions.recordWeek({ weekOf: THIS_WEEK, sessions: keys })).recorded).toEqual([])
    expect(counts()).toEqual(before)
  })

  test('a future session and one outside the window are never recorded, even when their keys are sent', async () => {
    const before = counts()
    const sent = [`${demo.speechServiceId}:2026-12-10`, `${demo.speechServiceId}:2026-12-01`, `${demo.otServiceId}:2026-12-02`]
    expect((await later('caseManager').sessions.recordWeek({ weekOf: THIS_WEEK, sessions: sent })).recorded).toEqual([])
    expect((await later('caseManager').sessions.recordWeek({ weekOf: LAST_WEEK, sessions: sent })).recorded).toEqual([])
    expect(counts()).toEqual(before)
  })

  test('an empty list is refused', async () => {
    await expect(later('caseManager').sessions.recordWeek({ weekOf: THIS_WEEK, sessions: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })
})
