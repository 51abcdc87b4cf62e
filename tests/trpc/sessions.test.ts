import { describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// Tuesday 17 November 2026, 3 p.m.: a school day (seed and callers share it, so dates are deterministic).
const NOW = new Date('2026-11-17T15:00:00')

describe('session records (issue #5 rules)', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })

  const counts = () => [countRows(t.sqlite, 'session_records'), countRows(t.sqlite, 'audit_log')]
  const speechRows = async () => {
    const [speech] = (await as('caseManager').services.sessions({ studentId: demo.johnnyId, from: '2026-09-01', to: '2026-11-17' })).filter(
      (s) => s.service.key === 'speech',
    )
    return speech!
  }

  test('the seeded speech record: four provider-absent misses, one made up, two unrecorded', async () => {
    const speech = await speechRows()
    const missed = speech.rows.filter((r) => r.status === 'missed')
    expect(missed.map((r) => r.record?.reason)).toEqual(['provider_absent', 'provider_absent', 'provider_absent', 'provider_absent'])
    expect(speech.rows.filter((r) => r.status === 'unrecorded')).toHaveLength(2)
    expect(missed[0]!.owedMinutes).toBe(0) // the first miss was made up
    expect(missed.slice(1).map((r) => r.owedMinutes)).toEqual([30, 30, 30])
  })

  test('a provider records only the service they provide; the case manager records all; others are refused', async () => {
    const speech = await speechRows()
    const unrecorded = speech.rows.find((r) => r.status === 'unrecorded')!.date
    const ot = (await as('caseManager').services.list({ studentId: demo.johnnyId })).find((s) => s.key === 'ot')!
    const before = counts()
    const refused = await trpcError(as('speech').sessions.record({ studentId: demo.johnnyId, serviceId: ot.id, kind: 'missed', date: '2026-11-11', reason: 'provider_absent' }))
    expect(refused.code).toBe('FORBIDDEN')
    expect(refused.message).toContain('Jordan Lee')
    for (const user of ['para', 'parent', 'admin'] as const) {
      const error = await trpcError(as(user).sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'delivered', date: unrecorded, minutes: 30 }))
      expect(error.code).toBe('FORBIDDEN')
    }
    expect(counts()).toEqual(before)
    const saved = await as('speech').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'delivered', date: unrecorded, minutes: 25 })
    expect(saved).toMatchObject({ kind: 'delivered', minutes: 25, version: 1, recordedBy: 'Priya Shah' })
    expect(counts()).toEqual([before[0]! + 1, before[1]! + 1])
  })

  test.each([
    ['minutes 0', { kind: 'delivered', date: '2026-11-12', minutes: 0 }, 'BAD_REQUEST', /Enter minutes from 1 to 240\./],
    ['minutes 241', { kind: 'delivered', date: '2026-11-12', minutes: 241 }, 'BAD_REQUEST', /Enter minutes from 1 to 240\./],
    ['a Wednesday (not a speech day)', { kind: 'delivered', date: '2026-11-11', minutes: 30 }, 'BAD_REQUEST', /no session scheduled/],
    ['a future date', { kind: 'delivered', date: '2026-11-19', minutes: 30 }, 'BAD_REQUEST', /future/],
    ['an unknown reason', { kind: 'missed', date: '2026-11-12', reason: 'fri day' }, 'BAD_REQUEST', /reason/],
  ])('refuses %s with a clear message and writes nothing', async (_name, input, code, message) => {
    const before = counts()
    const error = await trpcError(as('speech').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, ...input } as never))
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
    expect(counts()).toEqual(before)
  })

  test('a second record for a recorded session is a conflict: correct it instead', async () => {
    const delivered = (await speechRows()).rows.find((r) => r.status === 'delivered')!
    const before = counts()
    const error = await trpcError(as('speech').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'missed', date: delivered.date, reason: 'provider_absent' }))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toMatch(/Correct that record instead/)
    expect(counts()).toEqual(before)
  })

  test('make-ups: another service’s session, one repaid in full, more than owed, a delivered session — all refused', async () => {
    const speech = await speechRows()
    const missed = speech.rows.filter((r) => r.status === 'missed')
    const delivered = speech.rows.find((r) => r.status === 'delivered')!
    const makeUp = (repaysDate: string, minutes = 30) =>
      as('speech').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'make_up', date: '2026-11-16', minutes, repaysDate })
    const before = counts()
    expect((await trpcError(makeUp('2026-11-11'))).message).toMatch(/no earlier session/) // a Wednesday: OT's day
    expect((await trpcError(makeUp(missed[0]!.date))).message).toMatch(/made up in full/)
    expect((await trpcError(makeUp(missed[1]!.date, 31))).message).toMatch(/Only 30 minutes/)
    expect((await trpcError(makeUp(delivered.date))).message).toMatch(/not missed/)
    expect(counts()).toEqual(before)
    await makeUp(missed[1]!.date)
    const after = (await speechRows()).rows.find((r) => r.date === missed[1]!.date)!
    expect(after.owedMinutes).toBe(0)
  })

  test('a correction is a new version with a reason; a void keeps the record, struck through; the parent can do neither', async () => {
    const delivered = (await speechRows()).rows.find((r) => r.status === 'delivered')!.record!
    const parent = await trpcError(as('parent').sessions.void({ studentId: demo.johnnyId, recordId: delivered.recordId, changeReason: 'wrong' }))
    expect(parent.code).toBe('FORBIDDEN')
    const noReason = await trpcError(as('speech').sessions.correct({ studentId: demo.johnnyId, recordId: delivered.recordId, minutes: 20, changeReason: '' }))
    expect(noReason.code).toBe('BAD_REQUEST')
    await as('speech').sessions.correct({ studentId: demo.johnnyId, recordId: delivered.recordId, minutes: 20, changeReason: 'Session ended early' })
    const versions = await as('parent').sessions.versions({ studentId: demo.johnnyId, recordId: delivered.recordId })
    expect(versions.map((v) => [v.version, v.minutes, v.changeReason])).toEqual([
      [2, 20, 'Session ended early'],
      [1, 30, null],
    ])
    await as('caseManager').sessions.void({ studentId: demo.johnnyId, recordId: delivered.recordId, changeReason: 'Entered on the wrong day' })
    const log = await as('parent').sessions.log({ studentId: demo.johnnyId })
    expect(log.find((r) => r.recordId === delivered.recordId)).toMatchObject({ voided: true, changeReason: 'Entered on the wrong day' })
    const again = await trpcError(as('caseManager').sessions.void({ studentId: demo.johnnyId, recordId: delivered.recordId, changeReason: 'again' }))
    expect(again.code).toBe('CONFLICT')
  })

  test('the week view: the speech provider sees speech only; the case manager sees speech and OT; the para nothing', async () => {
    const services = (user: DemoUserKey) =>
      as(user)
        .sessions.week({ weekOf: '2026-11-09' })
        .then((w) => w.students.flatMap((s) => s.services.map((x) => `${s.name}: ${x.service.key}`)).sort())
    // Both see Priya's social skills group of Leo and Ava too.
    expect(await services('speech')).toEqual(['Ava Brooks: social-skills', 'Johnny Miller: speech', 'Leo Garcia: social-skills'])
    expect(await services('caseManager')).toEqual(['Ava Brooks: social-skills', 'Johnny Miller: ot', 'Johnny Miller: speech', 'Leo Garcia: counseling', 'Leo Garcia: social-skills'])
    expect(await services('para')).toEqual([])
    expect(await services('parent')).toEqual([])
  })

  test('the week view names the closures in it, so a day without sessions says why', async () => {
    const week = await as('speech').sessions.week({ weekOf: '2026-11-25' })
    expect(week.days).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'])
    expect(week.closures).toEqual([
      { date: '2026-11-26', label: 'Thanksgiving' },
      { date: '2026-11-27', label: 'Thanksgiving break' },
    ])
    expect((await as('speech').sessions.week({ weekOf: '2026-11-09' })).closures).toEqual([])
  })
})
