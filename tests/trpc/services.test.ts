import { describe, expect, test } from 'vitest'
import { ZodError } from 'zod'
import { DEMO_USERS, type DemoUserKey } from '#server/demo/seed.ts'
import type { DomainError } from '#shared/domain-error.ts'
import { DEFAULT_MAKE_UP_REASONS } from '#shared/services.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

/**
 * Tuesday 17 November 2026, 3 p.m. local: a school day. Seed and callers share it, so the demo record is fixed.
 * The 2026–27 demo calendar (server/demo/seed-calendar.ts) closes Labor Day Mon 09-07, Indigenous Peoples’ Day Mon 10-12,
 * Thanksgiving Thu 11-26 and Fri 11-27, winter break 12-21 to 01-01; school year 2026-08-31 to 2027-06-18.
 */
const NOW = new Date('2026-11-17T15:00:00')
const TODAY = '2026-11-17'
/** The next day, an OT day, for recording OT sessions that are not yet recorded. */
const WEDNESDAY = new Date('2026-11-18T15:00:00')
/** The Monday after Thanksgiving, so the Thanksgiving Thursday is in the past. */
const AFTER_THANKSGIVING = new Date('2026-11-30T15:00:00')

/**
 * What server/demo/seed-services.ts records for a seed on NOW. Speech (30 min, Tue/Thu from 09-01) has 22 sessions up to
 * yesterday (no closure falls on a Tuesday or Thursday): the 9th–12th were missed (provider absent), the first
 * of them made up on the Friday after the run, the 15th and 16th left unrecorded. OT (45 min, Wednesdays) has 11:
 * the 7th delivered short (30 min), the 9th missed (student absent).
 */
const SPEECH_MISSES = ['2026-09-29', '2026-10-01', '2026-10-06', '2026-10-08']
const SPEECH_MAKE_UP = { date: '2026-10-09', repaysDate: '2026-09-29' }
const SPEECH_UNRECORDED = ['2026-10-20', '2026-10-22']
const SPEECH_SESSIONS_TO_YESTERDAY = 22
const OT_SHORT = '2026-10-14'
const OT_STUDENT_ABSENT = '2026-10-28'
const OT_SESSIONS_TO_YESTERDAY = 11

const TEAM: DemoUserKey[] = ['caseManager', 'para', 'speech', 'parent', 'ot', 'admin']
/** On Johnny’s team (or not at all, for the admin), but not on Maya’s. */
const MAYA_OUTSIDERS: DemoUserKey[] = ['para', 'speech', 'parent', 'ot']
const TABLES = ['services', 'service_terms', 'session_records', 'audit_log', 'school_closures'] as const
const FORBIDDEN_ROLE = 'Your role on this student’s team cannot do that.'

describe('services, sessions and school settings routers', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })

  const johnny = () => ({ studentId: demo.johnnyId })
  const counts = () => Object.fromEntries(TABLES.map((table) => [table, countRows(t.sqlite, table)]))
  const delta = (before: Record<string, number>) => {
    const after = counts()
    return Object.fromEntries(TABLES.map((table) => [table, after[table]! - before[table]!]).filter(([, d]) => d !== 0))
  }
  const lastAudit = () => {
    const row = t.sqlite.prepare('select actor_id, student_id, entity, entity_id, action, before, after from audit_log order by id desc limit 1').get() as {
      actor_id: string
      student_id: string | null
      entity: string
      entity_id: string
      action: string
      before: string | null
      after: string | null
    }
    return { ...row, before: row.before === null ? null : JSON.parse(row.before), after: row.after === null ? null : JSON.parse(row.after) }
  }
  /** One service’s sessions from `from` to `to`, as a user sees them on `now`. */
  const sessionsOf = async (key: 'speech' | 'ot', from: string, to: string, user: DemoUserKey = 'caseManager', now: Date = NOW) => {
    const found = (await as(user, now).services.sessions({ ...johnny(), from, to })).find((s) => s.service.key === key)
    if (!found) throw new Error(`Johnny has no ${key} service`)
    return found
  }
  const speechYear = (user: DemoUserKey = 'caseManager', now: Date = NOW) => sessionsOf('speech', '2026-09-01', '2026-11-20', user, now)
  const otYear = (user: DemoUserKey = 'caseManager', now: Date = NOW) => sessionsOf('ot', '2026-09-01', '2026-11-20', user, now)
  type Sessions = Awaited<ReturnType<typeof sessionsOf>>
  const rowOn = (s: Sessions, date: string) => {
    const row = s.rows.find((r) => r.date === date)
    if (!row) throw new Error(`No ${s.service.key} session on ${date}`)
    return row
  }
  const datesWith = (s: Sessions, status: string) => s.rows.filter((r) => r.status === status).map((r) => r.date)
  const recordOn = async (key: 'speech' | 'ot', date: string) => {
    const record = rowOn(await sessionsOf(key, date, date), date).record
    if (!record) throw new Error(`No live ${key} record on ${date}`)
    return record
  }
  const sessionAudits = () => (t.sqlite.prepare("select count(*) as n from audit_log where entity = 'session_record'").get() as { n: number }).n
  // A domain refusal names its field; a schema refusal, the path of its (first) issue.
  const fieldOf = (error: { cause?: unknown }) =>
    error.cause instanceof ZodError ? error.cause.issues[0]?.path.join('.') : (error.cause as DomainError | undefined)?.field

  describe.each(TEAM)('%s reads Johnny’s services and sessions', (user) => {
    test('services.list: OT and speech, with their providers and mandates', async () => {
      const list = await as(user).services.list(johnny())
      expect(
        list.map((s) => [s.id, s.key, s.name, s.providerName, s.current.minutesPerSession, s.current.weekdays, s.setting, s.startDate, s.endDate, s.terms.length]),
      ).toEqual([
        [demo.otServiceId, 'ot', 'Occupational therapy', DEMO_USERS.ot.name, 45, ['wed'], 'push-in', '2026-09-01', '2027-06-18', 1],
        [demo.speechServiceId, 'speech', 'Speech-language therapy', DEMO_USERS.speech.name, 30, ['tue', 'thu'], 'pull-out', '2026-09-01', '2027-06-18', 1],
      ])
      expect(list.map((s) => s.providerId)).toEqual([demo.users.ot, demo.users.speech])
    })

    test('services.sessions: the seeded speech record — misses, one made up, two unrecorded, today pending', async () => {
      const speech = await speechYear(user)
      expect(speech.rows).toHaveLength(SPEECH_SESSIONS_TO_YESTERDAY + 2) // + today and Thursday the 19th
      expect(speech.rows.every((r) => r.mandateMinutes === 30)).toBe(true)
      expect(datesWith(speech, 'missed')).toEqual(SPEECH_MISSES)
      expect(speech.rows.filter((r) => r.status === 'missed').map((r) => r.record?.reason)).toEqual(Array(4).fill('provider_absent'))
      expect(datesWith(speech, 'unrecorded')).toEqual(SPEECH_UNRECORDED)
      expect(datesWith(speech, 'pending')).toEqual([TODAY])
      expect(datesWith(speech, 'upcoming')).toEqual(['2026-11-19'])
      expect(datesWith(speech, 'delivered')).toHaveLength(SPEECH_SESSIONS_TO_YESTERDAY - 4 - 2)
      // The first miss is repaid by the make-up; the other misses and the unrecorded sessions owe their 30 minutes.
      expect(rowOn(speech, SPEECH_MAKE_UP.repaysDate)).toMatchObject({ owedMinutes: 0, makeUps: [{ kind: 'make_up', date: SPEECH_MAKE_UP.date, minutes: 30 }] })
      expect(speech.owed).toEqual([...SPEECH_MISSES.slice(1), ...SPEECH_UNRECORDED].map((date) => ({ date, owedMinutes: 30 })))
      expect(speech.makeUps.map((m) => [m.date, m.repaysDate])).toEqual([[SPEECH_MAKE_UP.date, SPEECH_MAKE_UP.repaysDate]])
    })

    test('services.sessions: the seeded OT record — one short session, one student absence that owes nothing', async () => {
      const ot = await otYear(user)
      expect(ot.rows).toHaveLength(OT_SESSIONS_TO_YESTERDAY + 1) // + Wednesday the 18th
      expect(rowOn(ot, OT_SHORT)).toMatchObject({ status: 'delivered', mandateMinutes: 45, record: { minutes: 30, note: 'Fire drill cut the session short.' } })
      expect(rowOn(ot, OT_STUDENT_ABSENT)).toMatchObject({ status: 'missed', owedMinutes: 0, record: { reason: 'student_absent' } })
      expect(datesWith(ot, 'delivered')).toHaveLength(OT_SESSIONS_TO_YESTERDAY - 1)
      expect(datesWith(ot, 'upcoming')).toEqual(['2026-11-18'])
      expect(ot.owed).toEqual([])
    })

    test('services.sessions keeps to the asked range, and a range without sessions is empty', async () => {
      const speech = await sessionsOf('speech', '2026-10-19', '2026-10-23', user)
      expect(speech.rows.map((r) => [r.date, r.status])).toEqual(SPEECH_UNRECORDED.map((d) => [d, 'unrecorded']))
      expect((await sessionsOf('ot', '2026-11-26', '2026-11-29', user)).rows).toEqual([])
    })

    test('sessions.log: every record, oldest first; sessions.versions: a record’s single version', async () => {
      const log = await as(user).sessions.log(johnny())
      expect(log).toHaveLength(SPEECH_SESSIONS_TO_YESTERDAY - 2 + 1 + OT_SESSIONS_TO_YESTERDAY)
      expect(log.every((r, i) => i === 0 || log[i - 1]!.date <= r.date)).toBe(true)
      expect(log[0]).toMatchObject({ date: '2026-09-01', serviceName: 'Speech-language therapy', kind: 'delivered', minutes: 30, recordedBy: DEMO_USERS.speech.name })
      expect(log.every((r) => r.version === 1 && !r.voided)).toBe(true)
      expect(log.filter((r) => r.serviceName === 'Occupational therapy')).toHaveLength(OT_SESSIONS_TO_YESTERDAY)
      expect(log.filter((r) => SPEECH_UNRECORDED.includes(r.date))).toEqual([])
      const makeUp = log.find((r) => r.kind === 'make_up')!
      expect(makeUp).toMatchObject({ ...SPEECH_MAKE_UP, minutes: 30 })
      const versions = await as(user).sessions.versions({ ...johnny(), recordId: makeUp.recordId })
      expect(versions.map((v) => [v.version, v.kind, v.changeReason, v.recordedBy])).toEqual([[1, 'make_up', null, DEMO_USERS.speech.name]])
    })
  })

  describe('Maya, who has no services and only a case manager', () => {
    test('her case manager and the school admin read empty lists', async () => {
      for (const user of ['caseManager', 'admin'] as const) {
        expect(await as(user).services.list({ studentId: demo.mayaId })).toEqual([])
        expect(await as(user).services.sessions({ studentId: demo.mayaId, from: '2026-09-01', to: '2026-11-20' })).toEqual([])
        expect(await as(user).sessions.log({ studentId: demo.mayaId })).toEqual([])
      }
    })

    test.each(MAYA_OUTSIDERS)('%s gets NOT_FOUND for her services and sessions', async (user) => {
      const johnnysRecord = (await as('caseManager').sessions.log(johnny()))[0]!.recordId
      const maya = { studentId: demo.mayaId }
      const calls = [
        as(user).services.list(maya),
        as(user).services.sessions({ ...maya, from: '2026-09-01', to: '2026-11-20' }),
        as(user).sessions.log(maya),
        as(user).sessions.versions({ ...maya, recordId: johnnysRecord }),
      ]
      for (const call of calls) {
        const error = await trpcError(call)
        expect(error.code).toBe('NOT_FOUND')
        expect(error.message).not.toContain('Maya')
      }
    })

    test('Johnny’s record is not reachable through Maya, even by the case manager of both', async () => {
      const record = await recordOn('speech', '2026-11-12')
      const error = await trpcError(as('caseManager').sessions.versions({ studentId: demo.mayaId, recordId: record.recordId }))
      expect(error.code).toBe('NOT_FOUND')
      const before = counts()
      for (const call of [
        as('caseManager').sessions.correct({ studentId: demo.mayaId, recordId: record.recordId, minutes: 20, changeReason: 'wrong student' }),
        as('caseManager').sessions.void({ studentId: demo.mayaId, recordId: record.recordId, changeReason: 'wrong student' }),
        as('caseManager').sessions.record({ studentId: demo.mayaId, serviceId: demo.speechServiceId, kind: 'delivered', date: TODAY, minutes: 30 }),
        as('caseManager').services.amend({ studentId: demo.mayaId, serviceId: demo.speechServiceId, effectiveFrom: '2026-12-02', minutesPerSession: 45, weekdays: ['mon'] }),
      ]) {
        expect((await trpcError(call)).code).toBe('NOT_FOUND')
      }
      expect(counts()).toEqual(before)
    })
  })

  describe('services.create and services.amend', () => {
    const counseling = (providerId: string, studentId = demo.johnnyId) => ({
      studentId,
      name: 'Counseling',
      providerId,
      minutesPerSession: 30,
      weekdays: ['fri' as const],
      setting: 'pull-out' as const,
      grouping: 'group' as const,
      startDate: '2026-11-20',
      endDate: '2027-06-11',
    })
    const amendment = (extra: Partial<{ effectiveFrom: string; minutesPerSession: number; weekdays: ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[] }> = {}) => ({
      ...johnny(),
      serviceId: demo.speechServiceId,
      effectiveFrom: '2026-12-02',
      minutesPerSession: 45,
      weekdays: ['mon' as const, 'wed' as const],
      note: 'IEP amendment meeting 12-01',
      ...extra,
    })

    test('the case manager creates a service: listed, scheduled from its start, audited', async () => {
      const before = counts()
      const { serviceId } = await as('caseManager').services.create(counseling(demo.users.ot))
      expect(delta(before)).toEqual({ services: 1, service_terms: 1, audit_log: 1 })
      const created = (await as('parent').services.list(johnny())).find((s) => s.id === serviceId)
      expect(created).toMatchObject({
        key: 'counseling',
        providerName: DEMO_USERS.ot.name,
        grouping: 'group',
        current: { effectiveFrom: '2026-11-20', minutesPerSession: 30, weekdays: ['fri'] },
      })
      // Fridays from the start: Thanksgiving Friday is closed.
      const sessions = (await as('caseManager').services.sessions({ ...johnny(), from: '2026-11-16', to: '2026-12-04' })).find((s) => s.service.id === serviceId)!
      expect(sessions.rows.map((r) => [r.date, r.status, r.mandateMinutes])).toEqual([
        ['2026-11-20', 'upcoming', 30],
        ['2026-12-04', 'upcoming', 30],
      ])
      expect(lastAudit()).toMatchObject({
        actor_id: demo.users.caseManager,
        student_id: demo.johnnyId,
        entity: 'service',
        entity_id: serviceId,
        action: 'create',
        before: null,
        after: { key: 'counseling', providerId: demo.users.ot, minutesPerSession: 30, weekdays: ['fri'], startDate: '2026-11-20' },
      })
    })

    test.each(['speech', 'ot', 'para', 'parent', 'admin'] as const)('%s is FORBIDDEN from creating or amending, and nothing is written', async (user) => {
      const before = counts()
      for (const call of [as(user).services.create(counseling(demo.users.ot)), as(user).services.amend(amendment())]) {
        const error = await trpcError(call)
        expect([error.code, error.message]).toEqual(['FORBIDDEN', FORBIDDEN_ROLE])
      }
      expect(counts()).toEqual(before)
      expect((await as('caseManager').services.list(johnny())).map((s) => s.terms.length)).toEqual([1, 1])
    })

    test('the provider must be a provider (or the case manager) on this student’s team', async () => {
      const before = counts()
      const refused = [
        as('caseManager').services.create(counseling(demo.users.admin)), // not on Johnny’s team
        as('caseManager').services.create(counseling(demo.users.para)), // on the team, but not a provider
        as('caseManager').services.create(counseling(demo.users.parent)),
        as('caseManager').services.create(counseling(demo.users.speech, demo.mayaId)), // Johnny’s provider, not Maya’s
        as('caseManager').services.create(counseling('no-such-user')),
      ]
      for (const call of refused) {
        const error = await trpcError(call)
        expect([error.code, error.message, fieldOf(error)]).toEqual(['BAD_REQUEST', 'Choose a provider who is on this student’s team.', 'providerId'])
      }
      expect(counts()).toEqual(before)
      // The case manager may provide a service themself, for Maya too.
      await as('caseManager').services.create(counseling(demo.users.caseManager, demo.mayaId))
      expect((await as('admin').services.list({ studentId: demo.mayaId })).map((s) => s.providerName)).toEqual([DEMO_USERS.caseManager.name])
    })

    test('bad service input is refused with a clear message and nothing is written', async () => {
      const before = counts()
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ minutesPerSession: 0 }, /Enter minutes from 1 to 240\./],
        [{ minutesPerSession: 241 }, /Enter minutes from 1 to 240\./],
        [{ weekdays: [] }, /at least one weekday/],
        [{ weekdays: ['fri', 'fri'] }, /Each weekday once/],
        [{ weekdays: ['sat'] }, /Use .*mon.* or .*fri/],
        [{ endDate: '2026-11-19' }, /end date must be on or after the start date/],
        [{ startDate: '2026-08-03' }, /outside the school year/],
        [{ name: '  ' }, /Name the service/],
      ]
      for (const [patch, message] of cases) {
        const error = await trpcError(as('caseManager').services.create({ ...counseling(demo.users.ot), ...patch } as never))
        expect(error.code).toBe('BAD_REQUEST')
        expect(error.message).toMatch(message)
      }
      expect(counts()).toEqual(before)
    })

    test('an amendment: sessions before keep the old minutes and weekdays; from its day, the new ones', async () => {
      const before = counts()
      await as('caseManager').services.amend(amendment())
      expect(delta(before)).toEqual({ service_terms: 1, audit_log: 1 })
      const across = await sessionsOf('speech', '2026-11-23', '2026-12-11')
      expect(across.rows.map((r) => [r.date, r.mandateMinutes])).toEqual([
        ['2026-11-24', 30],
        // Thursday 11-26 is Thanksgiving.
        ['2026-12-01', 30],
        ['2026-12-02', 45],
        // Thursday 12-03 is no longer a speech day.
        ['2026-12-07', 45],
        ['2026-12-09', 45],
      ])
      // Everything already held keeps its 30-minute mandate and its status.
      const earlier = await speechYear()
      expect(earlier.rows.every((r) => r.mandateMinutes === 30)).toBe(true)
      expect(datesWith(earlier, 'missed')).toEqual(SPEECH_MISSES)
      expect(earlier.owed.map((o) => o.owedMinutes)).toEqual([30, 30, 30, 30, 30])
      expect(lastAudit()).toMatchObject({
        actor_id: demo.users.caseManager,
        entity: 'service',
        entity_id: demo.speechServiceId,
        action: 'amend',
        before: { minutesPerSession: 30, weekdays: ['tue', 'thu'] },
        after: { effectiveFrom: '2026-12-02', minutesPerSession: 45, weekdays: ['mon', 'wed'], note: 'IEP amendment meeting 12-01' },
      })
      const speech = (await as('parent').services.list(johnny())).find((s) => s.key === 'speech')!
      expect(speech.terms.map((term) => [term.effectiveFrom, term.minutesPerSession, term.weekdays, term.note])).toEqual([
        ['2026-09-01', 30, ['tue', 'thu'], null],
        ['2026-12-02', 45, ['mon', 'wed'], 'IEP amendment meeting 12-01'],
      ])
    })

    test('what the plan says now follows the caller’s day: the old term until the amendment starts', async () => {
      await as('caseManager').services.amend(amendment())
      const currentOn = async (now: Date) => (await as('parent', now).services.list(johnny())).find((s) => s.key === 'speech')!.current
      expect(await currentOn(NOW)).toMatchObject({ minutesPerSession: 30, weekdays: ['tue', 'thu'] })
      expect(await currentOn(new Date('2026-12-01T15:00:00'))).toMatchObject({ minutesPerSession: 30 })
      expect(await currentOn(new Date('2026-12-02T08:00:00'))).toMatchObject({ minutesPerSession: 45, weekdays: ['mon', 'wed'] })
    })

    test('an amendment in the past re-bases the mandate from its day: a 30-minute session held then becomes a short one', async () => {
      await as('caseManager').services.amend(amendment({ effectiveFrom: '2026-11-12', minutesPerSession: 40, weekdays: ['tue', 'thu'] }))
      const speech = await sessionsOf('speech', '2026-11-10', '2026-11-19')
      expect(speech.rows.map((r) => [r.date, r.mandateMinutes, r.status, r.record?.minutes ?? null])).toEqual([
        ['2026-11-10', 30, 'delivered', 30],
        ['2026-11-12', 40, 'delivered', 30],
        [TODAY, 40, 'pending', null],
        ['2026-11-19', 40, 'upcoming', null],
      ])
    })

    test('an amendment must start after the service starts and before it ends, one per day', async () => {
      const before = counts()
      for (const effectiveFrom of ['2026-09-01', '2026-08-31', '2027-06-21']) {
        const error = await trpcError(as('caseManager').services.amend(amendment({ effectiveFrom })))
        expect([error.code, error.message, fieldOf(error)]).toEqual([
          'BAD_REQUEST',
          'An amendment must start after the service starts and before it ends.',
          'effectiveFrom',
        ])
      }
      expect(counts()).toEqual(before)
      await as('caseManager').services.amend(amendment())
      const twice = await trpcError(as('caseManager').services.amend(amendment({ minutesPerSession: 50 })))
      expect([twice.code, twice.message]).toEqual(['CONFLICT', 'An amendment already starts on that date.'])
      expect(delta(before)).toEqual({ service_terms: 1, audit_log: 1 })
    })
  })

  describe('sessions.record: who may record', () => {
    const deliveredSpeech = { kind: 'delivered' as const, date: TODAY, minutes: 30 }

    test('the speech provider records speech, and is FORBIDDEN on OT (the message names the OT provider)', async () => {
      let before = counts()
      const saved = await as('speech').sessions.record({ ...johnny(), serviceId: demo.speechServiceId, ...deliveredSpeech, minutes: 25 })
      expect(saved).toMatchObject({ date: TODAY, kind: 'delivered', minutes: 25, version: 1, recordedBy: DEMO_USERS.speech.name, serviceId: demo.speechServiceId })
      expect(delta(before)).toEqual({ session_records: 1, audit_log: 1 })
      expect(lastAudit()).toMatchObject({ actor_id: demo.users.speech, entity: 'session_record', entity_id: saved.recordId, action: 'create', after: { date: TODAY, kind: 'delivered', minutes: 25 } })
      expect(rowOn(await sessionsOf('speech', TODAY, TODAY), TODAY)).toMatchObject({ status: 'delivered', record: { recordId: saved.recordId } })

      before = counts()
      const refused = await trpcError(as('speech', WEDNESDAY).sessions.record({ ...johnny(), serviceId: demo.otServiceId, kind: 'delivered', date: '2026-11-18', minutes: 45 }))
      expect(refused.code).toBe('FORBIDDEN')
      expect(refused.message).toBe(`Only ${DEMO_USERS.ot.name}, who provides Occupational therapy, or the case manager can record these sessions.`)
      expect(counts()).toEqual(before)
    })

    test('the OT provider records OT, and is FORBIDDEN on speech (the message names the speech provider)', async () => {
      const before = counts()
      const saved = await as('ot', WEDNESDAY).sessions.record({ ...johnny(), serviceId: demo.otServiceId, kind: 'delivered', date: '2026-11-18', minutes: 45 })
      expect(saved).toMatchObject({ kind: 'delivered', minutes: 45, recordedBy: DEMO_USERS.ot.name })
      expect(delta(before)).toEqual({ session_records: 1, audit_log: 1 })
      const refused = await trpcError(as('ot').sessions.record({ ...johnny(), serviceId: demo.speechServiceId, ...deliveredSpeech }))
      expect(refused.code).toBe('FORBIDDEN')
      expect(refused.message).toContain(DEMO_USERS.speech.name)
      expect(delta(before)).toEqual({ session_records: 1, audit_log: 1 })
    })

    test('the case manager records both services', async () => {
      const before = counts()
      const audits = sessionAudits()
      const missed = await as('caseManager').sessions.record({ ...johnny(), serviceId: demo.speechServiceId, kind: 'missed', date: TODAY, reason: 'staff_vacancy', note: 'SLP position open' })
      const delivered = await as('caseManager', WEDNESDAY).sessions.record({ ...johnny(), serviceId: demo.otServiceId, kind: 'delivered', date: '2026-11-18', minutes: 40 })
      expect(delta(before)).toMatchObject({ session_records: 2 })
      // One audit row per record (a missed record may add others, e.g. the family's notice).
      expect(sessionAudits() - audits).toBe(2)
      expect(t.sqlite.prepare("select entity_id, actor_id from audit_log where entity = 'session_record' order by id desc limit 2").all()).toEqual([
        { entity_id: delivered.recordId, actor_id: demo.users.caseManager },
        { entity_id: missed.recordId, actor_id: demo.users.caseManager },
      ])
      const speech = rowOn(await sessionsOf('speech', TODAY, TODAY), TODAY)
      expect(speech).toMatchObject({ status: 'missed', owedMinutes: 30, record: { reason: 'staff_vacancy', note: 'SLP position open', recordedBy: DEMO_USERS.caseManager.name } })
      const ot = rowOn(await sessionsOf('ot', '2026-11-18', '2026-11-18', 'parent', WEDNESDAY), '2026-11-18')
      expect(ot).toMatchObject({ status: 'delivered', record: { minutes: 40 } })
    })

    test.each(['para', 'parent', 'admin'] as const)('%s is FORBIDDEN from recording either service', async (user) => {
      const before = counts()
      for (const call of [
        as(user).sessions.record({ ...johnny(), serviceId: demo.speechServiceId, ...deliveredSpeech }),
        as(user, WEDNESDAY).sessions.record({ ...johnny(), serviceId: demo.otServiceId, kind: 'missed', date: '2026-11-18', reason: 'student_absent' }),
      ]) {
        const error = await trpcError(call)
        expect([error.code, error.message]).toEqual(['FORBIDDEN', FORBIDDEN_ROLE])
      }
      expect(counts()).toEqual(before)
    })
  })

  describe('sessions.record: refusals write nothing', () => {
    type Case = [name: string, input: Record<string, unknown>, code: string, message: RegExp, field?: string, now?: Date]
    const cases: Case[] = [
      ['0 minutes', { kind: 'delivered', date: TODAY, minutes: 0 }, 'BAD_REQUEST', /Enter minutes from 1 to 240\./, 'minutes'],
      ['241 minutes', { kind: 'delivered', date: TODAY, minutes: 241 }, 'BAD_REQUEST', /Enter minutes from 1 to 240\./, 'minutes'],
      ['99999 minutes', { kind: 'delivered', date: TODAY, minutes: 99999 }, 'BAD_REQUEST', /Enter minutes from 1 to 240\./, 'minutes'],
      ['fractional minutes', { kind: 'delivered', date: TODAY, minutes: 12.5 }, 'BAD_REQUEST', /whole minutes/],
      ['delivered without minutes', { kind: 'delivered', date: TODAY }, 'BAD_REQUEST', /minutes/],
      ['missed without a reason', { kind: 'missed', date: TODAY }, 'BAD_REQUEST', /Choose a reason/],
      ['an unknown reason', { kind: 'missed', date: TODAY, reason: 'fri day' }, 'BAD_REQUEST', /Choose a reason: provider_absent/],
      ['an unknown kind', { kind: 'partial', date: TODAY, minutes: 10 }, 'BAD_REQUEST', /Choose delivered, missed or make-up/],
      ['a date that is not a date', { kind: 'delivered', date: '2026-11-31', minutes: 30 }, 'BAD_REQUEST', /real date/],
      ['delivered on a Wednesday (not a speech day)', { kind: 'delivered', date: '2026-11-11', minutes: 30 }, 'BAD_REQUEST', /Speech-language therapy has no session scheduled on Wed, Nov 11/, 'date'],
      ['missed on a Saturday', { kind: 'missed', date: '2026-11-14', reason: 'provider_absent' }, 'BAD_REQUEST', /no session scheduled on Sat, Nov 14/, 'date'],
      ['delivered before the service started', { kind: 'delivered', date: '2026-08-27', minutes: 30 }, 'BAD_REQUEST', /no session scheduled on Thu, Aug 27/, 'date'],
      ['delivered on Thanksgiving (a Thursday closure)', { kind: 'delivered', date: '2026-11-26', minutes: 30 }, 'BAD_REQUEST', /no session scheduled on Thu, Nov 26/, 'date', AFTER_THANKSGIVING],
      ['a future date', { kind: 'delivered', date: '2026-11-19', minutes: 30 }, 'BAD_REQUEST', /can’t be recorded for a future date/, 'date'],
      ['a second record for a delivered session', { kind: 'missed', date: '2026-11-12', reason: 'provider_absent' }, 'CONFLICT', /Thu, Nov 12 session is already recorded as delivered\. Correct that record instead\./, 'date'],
      ['a second record for a missed session', { kind: 'delivered', date: SPEECH_MISSES[1], minutes: 30 }, 'CONFLICT', /already recorded as missed\. Correct that record instead\./, 'date'],
      ['a make-up repaying an OT date', { kind: 'make_up', date: '2026-11-16', minutes: 30, repaysDate: '2026-11-11' }, 'BAD_REQUEST', /Speech-language therapy has no earlier session on Wed, Nov 11 to make up/, 'repaysDate'],
      ['a make-up repaying the first miss, already made up in full', { kind: 'make_up', date: '2026-11-16', minutes: 30, repaysDate: SPEECH_MAKE_UP.repaysDate }, 'CONFLICT', /Tue, Sep 29 session has already been made up in full/, 'repaysDate'],
      ['a make-up of more minutes than still owed', { kind: 'make_up', date: '2026-11-16', minutes: 31, repaysDate: SPEECH_MISSES[1] }, 'BAD_REQUEST', /Only 30 minutes are still owed for Thu, Oct 1/, 'minutes'],
      ['a make-up repaying a delivered session', { kind: 'make_up', date: '2026-11-16', minutes: 30, repaysDate: '2026-11-12' }, 'BAD_REQUEST', /Nov 12 was not missed, so there is nothing to make up/, 'repaysDate'],
      ['a make-up on a Saturday', { kind: 'make_up', date: '2026-11-14', minutes: 30, repaysDate: SPEECH_MISSES[1] }, 'BAD_REQUEST', /Sat, Nov 14 is not a school day/, 'date'],
      ['a make-up on a closure (Indigenous Peoples’ Day)', { kind: 'make_up', date: '2026-10-12', minutes: 30, repaysDate: SPEECH_MISSES[3] }, 'BAD_REQUEST', /Mon, Oct 12 is not a school day/, 'date'],
      ['a make-up before the session it repays', { kind: 'make_up', date: '2026-11-16', minutes: 30, repaysDate: TODAY }, 'BAD_REQUEST', /A make-up is held after the session it repays: choose a school day after Tue, Nov 17\./, 'date'],
      ['a make-up on the day of the session it repays', { kind: 'make_up', date: SPEECH_MISSES[1], minutes: 30, repaysDate: SPEECH_MISSES[1] }, 'BAD_REQUEST', /choose a school day after Thu, Oct 1\./, 'date'],
      ['a make-up in the future', { kind: 'make_up', date: '2026-11-20', minutes: 30, repaysDate: SPEECH_MISSES[1] }, 'BAD_REQUEST', /future date/, 'date'],
      ['a make-up without the session it repays', { kind: 'make_up', date: '2026-11-16', minutes: 30 }, 'BAD_REQUEST', /repaysDate/],
    ]

    test.each(cases)('%s', async (_name, input, code, message, field, now = NOW) => {
      const before = counts()
      const error = await trpcError(as('speech', now).sessions.record({ ...johnny(), serviceId: demo.speechServiceId, ...input } as never))
      expect(error.code).toBe(code)
      expect(error.message).toMatch(message)
      if (field) expect(fieldOf(error)).toBe(field)
      expect(counts()).toEqual(before)
    })

    test('a make-up repaying a student-absent miss is refused while the policy owes nothing for it', async () => {
      const before = counts()
      const error = await trpcError(
        as('ot').sessions.record({ ...johnny(), serviceId: demo.otServiceId, kind: 'make_up', date: '2026-11-16', minutes: 45, repaysDate: OT_STUDENT_ABSENT }),
      )
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toBe('The Occupational therapy session on Wed, Oct 28 owes no make-up under the school’s policy (Student absent).')
      expect(fieldOf(error)).toBe('repaysDate')
      expect(counts()).toEqual(before)
    })
  })

  describe('sessions.record: make-ups', () => {
    const makeUp = (repaysDate: string, minutes: number, date = '2026-11-16', user: DemoUserKey = 'speech') =>
      as(user).sessions.record({ ...johnny(), serviceId: demo.speechServiceId, kind: 'make_up', date, minutes, repaysDate })

    test('a make-up repaying the second seeded miss: its owed minutes drop to 0', async () => {
      const repays = SPEECH_MISSES[1]!
      const before = counts()
      const saved = await makeUp(repays, 30)
      expect(saved).toMatchObject({ kind: 'make_up', date: '2026-11-16', minutes: 30, repaysDate: repays, reason: null })
      expect(delta(before)).toEqual({ session_records: 1, audit_log: 1 })
      const speech = await speechYear('parent')
      expect(rowOn(speech, repays)).toMatchObject({ status: 'missed', owedMinutes: 0, makeUps: [{ recordId: saved.recordId }] })
      expect(speech.owed.map((o) => o.date)).toEqual([SPEECH_MISSES[2], SPEECH_MISSES[3], ...SPEECH_UNRECORDED])
      // And it is now repaid in full.
      expect((await trpcError(makeUp(repays, 5, TODAY))).code).toBe('CONFLICT')
    })

    test('partial make-ups add up: 20 then 10 minutes repay a 30-minute miss', async () => {
      const repays = SPEECH_MISSES[2]!
      await makeUp(repays, 20)
      expect(rowOn(await speechYear(), repays).owedMinutes).toBe(10)
      const tooMuch = await trpcError(makeUp(repays, 15, TODAY))
      expect(tooMuch.message).toMatch(/Only 10 minutes are still owed/)
      await makeUp(repays, 10, TODAY, 'caseManager')
      expect(rowOn(await speechYear(), repays)).toMatchObject({ owedMinutes: 0 })
      expect(rowOn(await speechYear(), repays).makeUps.map((m) => m.minutes)).toEqual([20, 10])
    })

    test('an unrecorded session can be made up: it stays unrecorded (undocumented) but owes nothing more', async () => {
      await makeUp(SPEECH_UNRECORDED[0]!, 30)
      expect(rowOn(await speechYear(), SPEECH_UNRECORDED[0]!)).toMatchObject({ status: 'unrecorded', owedMinutes: 0 })
    })
  })

  describe('sessions.correct and sessions.void', () => {
    test('a correction needs a reason: empty, blank or missing is refused and nothing is written', async () => {
      const record = await recordOn('speech', '2026-11-12')
      const before = counts()
      for (const changeReason of ['', '   ', undefined]) {
        const error = await trpcError(as('speech').sessions.correct({ ...johnny(), recordId: record.recordId, minutes: 20, changeReason } as never))
        expect(error.code).toBe('BAD_REQUEST')
        expect(error.message).toMatch(/changeReason/)
      }
      expect(counts()).toEqual(before)
    })

    test('a correction is version 2; version 1 is kept; the audit row has before and after', async () => {
      const record = await recordOn('speech', '2026-11-12')
      const before = counts()
      const saved = await as('speech').sessions.correct({ ...johnny(), recordId: record.recordId, minutes: 20, changeReason: 'Session ended early' })
      expect(saved).toMatchObject({ recordId: record.recordId, version: 2, kind: 'delivered', minutes: 20, changeReason: 'Session ended early', recordedBy: DEMO_USERS.speech.name })
      expect(delta(before)).toEqual({ session_records: 1, audit_log: 1 })
      const versions = await as('parent').sessions.versions({ ...johnny(), recordId: record.recordId })
      expect(versions.map((v) => [v.version, v.minutes, v.changeReason, v.voided])).toEqual([
        [2, 20, 'Session ended early', false],
        [1, 30, null, false],
      ])
      expect(versions[1]).toEqual(record)
      expect(lastAudit()).toMatchObject({
        actor_id: demo.users.speech,
        student_id: demo.johnnyId,
        entity: 'session_record',
        entity_id: record.recordId,
        action: 'correct',
        before: { kind: 'delivered', minutes: 30, reason: null, voided: false },
        after: { kind: 'delivered', minutes: 20, reason: null, voided: false, changeReason: 'Session ended early' },
      })
      // The checklist and the log show the current version, once.
      expect(rowOn(await sessionsOf('speech', '2026-11-12', '2026-11-12'), '2026-11-12').record).toMatchObject({ version: 2, minutes: 20 })
      const log = (await as('parent').sessions.log(johnny())).filter((r) => r.recordId === record.recordId)
      expect(log.map((r) => [r.version, r.minutes])).toEqual([[2, 20]])
    })

    test('correcting delivered to missed needs a reason; then the session is missed and owed', async () => {
      const record = await recordOn('speech', '2026-11-12')
      const before = counts()
      const noReason = await trpcError(as('caseManager').sessions.correct({ ...johnny(), recordId: record.recordId, kind: 'missed', changeReason: 'Was not held' }))
      expect([noReason.code, noReason.message, fieldOf(noReason)]).toEqual(['BAD_REQUEST', 'A missed session needs a reason.', 'reason'])
      expect(counts()).toEqual(before)
      await as('caseManager').sessions.correct({ ...johnny(), recordId: record.recordId, kind: 'missed', reason: 'provider_other_duty', changeReason: 'Was not held' })
      expect(rowOn(await sessionsOf('speech', '2026-11-12', '2026-11-12'), '2026-11-12')).toMatchObject({
        status: 'missed',
        owedMinutes: 30,
        record: { version: 2, kind: 'missed', minutes: null, reason: 'provider_other_duty' },
      })
    })

    test('correcting missed to delivered needs the minutes; then nothing is owed', async () => {
      const record = await recordOn('speech', SPEECH_MISSES[3]!)
      const before = counts()
      const noMinutes = await trpcError(as('speech').sessions.correct({ ...johnny(), recordId: record.recordId, kind: 'delivered', changeReason: 'A sub came after all' }))
      expect([noMinutes.code, noMinutes.message]).toEqual(['BAD_REQUEST', 'A delivered session needs its minutes.'])
      expect(counts()).toEqual(before)
      await as('speech').sessions.correct({ ...johnny(), recordId: record.recordId, kind: 'delivered', minutes: 30, changeReason: 'A sub came after all' })
      expect(rowOn(await speechYear(), SPEECH_MISSES[3]!)).toMatchObject({ status: 'delivered', owedMinutes: 0, record: { reason: null, minutes: 30 } })
    })

    test('a make-up’s minutes can be corrected down, but not above what its session still owes', async () => {
      const makeUp = (await as('speech').sessions.log(johnny())).find((r) => r.kind === 'make_up')!
      const before = counts()
      const tooMuch = await trpcError(as('speech').sessions.correct({ ...johnny(), recordId: makeUp.recordId, minutes: 45, changeReason: 'Ran long' }))
      expect([tooMuch.code, tooMuch.message, fieldOf(tooMuch)]).toEqual(['BAD_REQUEST', 'Only 30 minutes are still owed for Tue, Sep 29.', 'minutes'])
      expect(counts()).toEqual(before)
      await as('speech').sessions.correct({ ...johnny(), recordId: makeUp.recordId, minutes: 20, changeReason: 'Only 20 minutes' })
      expect(rowOn(await speechYear(), SPEECH_MAKE_UP.repaysDate)).toMatchObject({ owedMinutes: 10, makeUps: [{ minutes: 20, version: 2 }] })
      // With a second make-up of the remaining 10, the first can go back to 20 but not to 25.
      await as('speech').sessions.record({ ...johnny(), serviceId: demo.speechServiceId, kind: 'make_up', date: '2026-11-16', minutes: 10, repaysDate: SPEECH_MAKE_UP.repaysDate })
      const capped = await trpcError(as('speech').sessions.correct({ ...johnny(), recordId: makeUp.recordId, minutes: 25, changeReason: 'x' }))
      expect(capped.message).toBe('Only 20 minutes are still owed for Tue, Sep 29.')
      await as('speech').sessions.correct({ ...johnny(), recordId: makeUp.recordId, minutes: 20, changeReason: 'Note only', note: 'Held in the library' })
    })

    test('a make-up stays a make-up', async () => {
      const makeUp = (await as('speech').sessions.log(johnny())).find((r) => r.kind === 'make_up')!
      const error = await trpcError(as('speech').sessions.correct({ ...johnny(), recordId: makeUp.recordId, kind: 'delivered', changeReason: 'x' }))
      expect([error.code, error.message]).toEqual(['BAD_REQUEST', 'A make-up stays a make-up; void it instead.'])
    })

    test('a void keeps the record, struck through; the session falls back; a second void is refused', async () => {
      const record = await recordOn('speech', '2026-11-12')
      const before = counts()
      const voided = await as('caseManager').sessions.void({ ...johnny(), recordId: record.recordId, changeReason: 'Entered on the wrong day' })
      expect(voided).toMatchObject({ version: 2, voided: true, kind: 'delivered', minutes: 30, changeReason: 'Entered on the wrong day' })
      expect(delta(before)).toEqual({ session_records: 1, audit_log: 1 })
      expect(lastAudit()).toMatchObject({ action: 'void', before: { voided: false }, after: { voided: true, changeReason: 'Entered on the wrong day' } })
      // Thursday 12 is 3 school days before today: without a live record it is pending again.
      const row = rowOn(await sessionsOf('speech', '2026-11-12', '2026-11-12', 'parent'), '2026-11-12')
      expect(row).toMatchObject({ status: 'pending', record: null, voided: [{ recordId: record.recordId, voided: true }] })
      const log = await as('parent').sessions.log(johnny())
      expect(log.find((r) => r.recordId === record.recordId)).toMatchObject({ voided: true, changeReason: 'Entered on the wrong day', date: '2026-11-12' })
      expect((await as('parent').sessions.versions({ ...johnny(), recordId: record.recordId })).map((v) => [v.version, v.voided])).toEqual([
        [2, true],
        [1, false],
      ])

      const afterVoid = counts()
      const again = await trpcError(as('caseManager').sessions.void({ ...johnny(), recordId: record.recordId, changeReason: 'again' }))
      expect([again.code, again.message]).toEqual(['CONFLICT', 'That record is voided; record the session again instead.'])
      const correct = await trpcError(as('speech').sessions.correct({ ...johnny(), recordId: record.recordId, minutes: 20, changeReason: 'fix' }))
      expect(correct.code).toBe('CONFLICT')
      expect(counts()).toEqual(afterVoid)
      // The session can be recorded again, as a new record.
      const fresh = await as('speech').sessions.record({ ...johnny(), serviceId: demo.speechServiceId, kind: 'delivered', date: '2026-11-12', minutes: 30 })
      expect(fresh.recordId).not.toBe(record.recordId)
      expect(rowOn(await sessionsOf('speech', '2026-11-12', '2026-11-12'), '2026-11-12')).toMatchObject({ status: 'delivered', record: { recordId: fresh.recordId }, voided: [{ recordId: record.recordId }] })
    })

    test('voiding an old record leaves the session unrecorded and owed; voiding the make-up makes its miss owed again', async () => {
      await as('speech').sessions.void({ ...johnny(), recordId: (await recordOn('speech', '2026-10-13')).recordId, changeReason: 'No session that day' })
      const makeUp = (await as('speech').sessions.log(johnny())).find((r) => r.kind === 'make_up')!
      await as('speech').sessions.void({ ...johnny(), recordId: makeUp.recordId, changeReason: 'Make-up did not happen' })
      const speech = await speechYear()
      expect(rowOn(speech, '2026-10-13')).toMatchObject({ status: 'unrecorded', owedMinutes: 30 })
      expect(rowOn(speech, SPEECH_MAKE_UP.repaysDate)).toMatchObject({ status: 'missed', owedMinutes: 30, makeUps: [] })
    })

    test.each(['parent', 'para', 'admin'] as const)('%s can neither correct nor void', async (user) => {
      const record = await recordOn('speech', '2026-11-12')
      const before = counts()
      for (const call of [
        as(user).sessions.correct({ ...johnny(), recordId: record.recordId, minutes: 20, changeReason: 'I think it was shorter' }),
        as(user).sessions.void({ ...johnny(), recordId: record.recordId, changeReason: 'wrong' }),
      ]) {
        const error = await trpcError(call)
        expect([error.code, error.message]).toEqual(['FORBIDDEN', FORBIDDEN_ROLE])
      }
      expect(counts()).toEqual(before)
      expect((await as(user).sessions.versions({ ...johnny(), recordId: record.recordId })).map((v) => v.version)).toEqual([1])
    })

    test('a provider can neither correct nor void another provider’s records', async () => {
      const ot = await recordOn('ot', OT_SHORT)
      const speech = await recordOn('speech', '2026-11-12')
      const before = counts()
      const bySpeech = await trpcError(as('speech').sessions.correct({ ...johnny(), recordId: ot.recordId, minutes: 45, changeReason: 'x' }))
      expect([bySpeech.code, bySpeech.message]).toEqual(['FORBIDDEN', expect.stringContaining(DEMO_USERS.ot.name)])
      const byOt = await trpcError(as('ot').sessions.void({ ...johnny(), recordId: speech.recordId, changeReason: 'x' }))
      expect([byOt.code, byOt.message]).toEqual(['FORBIDDEN', expect.stringContaining(DEMO_USERS.speech.name)])
      expect(counts()).toEqual(before)
    })
  })

  describe('sessions.week', () => {
    const week = (user: DemoUserKey, weekOf?: string) => as(user).sessions.week(weekOf ? { weekOf } : {})
    const keys = (w: Awaited<ReturnType<typeof week>>) => w.students.flatMap((s) => s.services.map((x) => `${s.name}: ${x.service.key}`))
    const johnnyOf = (w: Awaited<ReturnType<typeof week>>) => w.students.find((s) => s.id === demo.johnnyId)!
    // Priya's social skills group (Leo and Ava, Mon/Wed) is on her week and on Dana's.
    const GROUP = ['Leo Garcia: social-skills']

    test('the speech provider sees only speech, the OT provider only OT; the seeded unrecorded sessions are unrecorded', async () => {
      const speech = await week('speech', '2026-10-19')
      expect(speech.days).toEqual(['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23'])
      expect(keys(speech)).toEqual(['Ava Brooks: social-skills', 'Johnny Miller: speech', ...GROUP])
      expect(johnnyOf(speech)).toMatchObject({ id: demo.johnnyId, role: 'provider' })
      expect(johnnyOf(speech).services[0]!.rows.map((r) => [r.date, r.status, r.owedMinutes])).toEqual(SPEECH_UNRECORDED.map((d) => [d, 'unrecorded', 30]))
      const ot = await week('ot', '2026-10-19')
      expect(keys(ot)).toEqual(['Johnny Miller: ot'])
      expect(ot.students[0]!.services[0]!.rows.map((r) => [r.date, r.status])).toEqual([['2026-10-21', 'delivered']])
    })

    test('the case manager sees speech and OT for Johnny, and nothing for students without services', async () => {
      const w = await week('caseManager', '2026-10-19')
      // Leo's counseling is per month (server/demo/seed-period-service.ts): in her week once, not as dated sessions.
      expect(keys(w)).toEqual(['Ava Brooks: social-skills', 'Johnny Miller: ot', 'Johnny Miller: speech', 'Leo Garcia: counseling', ...GROUP])
      expect(w.students.map((s) => s.role)).toEqual(['case_manager', 'case_manager', 'case_manager'])
      // Once Maya has a service, the case manager's week shows it too (and her providers' do not change).
      await as('caseManager').services.create({
        studentId: demo.mayaId,
        name: 'Reading intervention',
        providerId: demo.users.caseManager,
        minutesPerSession: 20,
        weekdays: ['wed'],
        setting: 'pull-out',
        grouping: 'group',
        startDate: '2026-10-01',
        endDate: '2027-06-11',
      })
      expect(keys(await week('caseManager', '2026-10-19'))).toEqual([
        'Ava Brooks: social-skills',
        'Johnny Miller: ot',
        'Johnny Miller: speech',
        'Leo Garcia: counseling',
        ...GROUP,
        'Maya Thompson: reading-intervention',
      ])
      expect(keys(await week('speech', '2026-10-19'))).toEqual(['Ava Brooks: social-skills', 'Johnny Miller: speech', ...GROUP])
    })

    test.each(['para', 'parent', 'admin'] as const)('%s gets an empty week', async (user) => {
      expect((await week(user, '2026-10-19')).students).toEqual([])
      expect((await week(user)).students).toEqual([])
    })

    test('the week starts on Monday; without weekOf it is this week, with today pending and Thursday upcoming', async () => {
      expect((await week('speech', '2026-10-22')).weekOf).toBe('2026-10-19')
      const now = await week('speech')
      expect([now.weekOf, now.today]).toEqual(['2026-11-16', TODAY])
      expect(johnnyOf(now).services[0]!.rows.map((r) => [r.date, r.status])).toEqual([
        [TODAY, 'pending'],
        ['2026-11-19', 'upcoming'],
      ])
    })

    test('Thanksgiving week has only Tuesday’s speech and Wednesday’s OT', async () => {
      const w = await week('caseManager', '2026-11-23')
      expect(johnnyOf(w).services.map((s) => [s.service.key, s.rows.map((r) => r.date)])).toEqual([
        ['ot', ['2026-11-25']],
        ['speech', ['2026-11-24']],
      ])
    })
  })

  describe('school calendar and make-up policy', () => {
    const school = () => ({ schoolId: demo.schoolId })
    const policyRow = () => t.sqlite.prepare('select make_up_reasons from schools where id = ?').get(demo.schoolId)

    test('the admin and the case manager read the closures and the policy', async () => {
      const stored = t.sqlite.prepare('select date, label from school_closures where school_id = ? order by date').all(demo.schoolId)
      for (const user of ['admin', 'caseManager'] as const) {
        const closures = await as(user).schools.closures(school())
        expect(closures).toEqual(stored)
        expect(closures).toEqual(expect.arrayContaining([{ date: '2026-11-26', label: 'Thanksgiving' }, { date: '2026-09-07', label: 'Labor Day' }]))
        expect(await as(user).schools.makeUpPolicy(school())).toEqual([...DEFAULT_MAKE_UP_REASONS])
      }
    })

    test('the case manager may not change the calendar or the policy', async () => {
      const before = counts()
      const policy = policyRow()
      for (const call of [
        as('caseManager').schools.addClosure({ ...school(), date: '2026-12-03', label: 'Snow day' }),
        as('caseManager').schools.closureChange({ ...school(), change: 'add', date: '2026-12-03' }),
        as('caseManager').schools.removeClosure({ ...school(), date: '2026-11-26' }),
        as('caseManager').schools.setMakeUpPolicy({ ...school(), reasons: ['student_absent'] }),
      ]) {
        const error = await trpcError(call)
        expect([error.code, error.message]).toEqual(['FORBIDDEN', 'Only the school admin can do that.'])
      }
      expect(counts()).toEqual(before)
      expect(policyRow()).toEqual(policy)
    })

    test.each(['para', 'parent', 'speech', 'ot'] as const)('%s gets NOT_FOUND for the school’s settings', async (user) => {
      const before = counts()
      for (const call of [
        as(user).schools.closures(school()),
        as(user).schools.makeUpPolicy(school()),
        as(user).schools.addClosure({ ...school(), date: '2026-12-03', label: 'Snow day' }),
        as(user).schools.closureChange({ ...school(), change: 'remove', date: '2026-11-26' }),
        as(user).schools.removeClosure({ ...school(), date: '2026-11-26' }),
        as(user).schools.setMakeUpPolicy({ ...school(), reasons: ['student_absent'] }),
      ]) {
        const error = await trpcError(call)
        expect([error.code, error.message]).toEqual(['NOT_FOUND', 'School not found.'])
      }
      expect(counts()).toEqual(before)
      expect(await as(user).schools.mine()).toEqual([])
    })

    test('a closure added on a session day removes that session; removing it brings the session back', async () => {
      const speechDates = async () => (await sessionsOf('speech', '2026-11-30', '2026-12-11', 'parent')).rows.map((r) => r.date)
      expect(await speechDates()).toEqual(['2026-12-01', '2026-12-03', '2026-12-08', '2026-12-10'])
      const before = counts()
      await as('admin').schools.addClosure({ ...school(), date: '2026-12-03', label: 'Snow day' })
      expect(delta(before)).toEqual({ school_closures: 1, audit_log: 1 })
      expect(lastAudit()).toMatchObject({ actor_id: demo.users.admin, entity: 'school_closure', action: 'create', after: { date: '2026-12-03', label: 'Snow day' } })
      expect(await speechDates()).toEqual(['2026-12-01', '2026-12-08', '2026-12-10'])
      expect(await as('caseManager').schools.closures(school())).toContainEqual({ date: '2026-12-03', label: 'Snow day' })
      // The week view and the OT service follow the same calendar.
      await as('admin').schools.addClosure({ ...school(), date: '2026-12-09', label: 'Staff development' })
      expect((await sessionsOf('ot', '2026-12-07', '2026-12-11')).rows).toEqual([])

      const dup = await trpcError(as('admin').schools.addClosure({ ...school(), date: '2026-12-03', label: 'Again' }))
      expect([dup.code, dup.message]).toEqual(['CONFLICT', '2026-12-03 is already a closure (Snow day).'])
      await as('admin').schools.removeClosure({ ...school(), date: '2026-12-03' })
      expect(lastAudit()).toMatchObject({ action: 'remove', before: { date: '2026-12-03', label: 'Snow day' } })
      expect(await speechDates()).toEqual(['2026-12-01', '2026-12-03', '2026-12-08', '2026-12-10'])
      const missing = await trpcError(as('admin').schools.removeClosure({ ...school(), date: '2026-12-03' }))
      expect([missing.code, missing.message]).toEqual(['NOT_FOUND', '2026-12-03 is not a closure.'])
    })

    // Issue 14: what a change does is shown before it is made, computed with the session rules the pages use.
    test('closureChange tells what adding or removing a closure does to the sessions, and writes nothing', async () => {
      const before = counts()
      // Thursday 3 December: Johnny's speech session; Friday 4 December: no service meets on Fridays.
      expect(await as('admin').schools.closureChange({ ...school(), change: 'add', date: '2026-12-03' })).toEqual({ dates: ['2026-12-03'], sessions: 1, students: 1, label: null })
      expect(await as('admin').schools.closureChange({ ...school(), change: 'add', date: '2026-12-04' })).toMatchObject({ sessions: 0, students: 0 })
      // Thanksgiving is a Thursday: removing it makes its speech session due again.
      expect(await as('admin').schools.closureChange({ ...school(), change: 'remove', date: '2026-11-26' })).toEqual({
        dates: ['2026-11-26'],
        sessions: 1,
        students: 1,
        label: 'Thanksgiving',
      })
      // A week: Tue and Thu speech, Wed OT, and the Mon and Wed social skills group of Leo and Ava.
      expect(await as('admin').schools.closureChange({ ...school(), change: 'add', date: '2026-11-30', endDate: '2026-12-04' })).toMatchObject({ sessions: 7, students: 3 })
      expect(counts()).toEqual(before)
      const missing = await trpcError(as('admin').schools.closureChange({ ...school(), change: 'remove', date: '2026-12-03' }))
      expect([missing.code, missing.message]).toEqual(['NOT_FOUND', '2026-12-03 is not a closure.'])
    })

    test('a closure on a weekend or outside the school year is refused, on the date, writing nothing', async () => {
      const before = counts()
      for (const call of [as('admin').schools.addClosure, as('admin').schools.closureChange]) {
        const weekend = await trpcError(call({ ...school(), change: 'add', date: '2026-12-05', label: 'Snow day' }))
        expect([weekend.code, weekend.message]).toEqual(['BAD_REQUEST', 'Saturday, December 5 is a weekend day, and school is closed then anyway: choose a weekday.'])
        const summer = await trpcError(call({ ...school(), change: 'add', date: '2027-07-06', label: 'Snow day' }))
        expect([summer.code, summer.message]).toEqual(['BAD_REQUEST', 'Jul 6, 2027 is outside the school year (Aug 31, 2026 to Jun 18, 2027): choose a day in it.'])
      }
      expect(counts()).toEqual(before)
    })

    test('a break from a first to a last day adds every weekday in it not closed already, with the same label', async () => {
      const before = counts()
      // Mon 21 Dec 2026 to Fri 1 Jan 2027 is the demo's winter break already; one week before it is new.
      expect(await as('admin').schools.addClosure({ ...school(), date: '2026-12-12', endDate: '2026-12-22', label: 'Flood repairs' })).toEqual({ added: 5 })
      expect(delta(before)).toEqual({ school_closures: 5, audit_log: 5 })
      const added = t.sqlite.prepare("select date from school_closures where school_id = ? and label = 'Flood repairs' order by date").all(demo.schoolId)
      expect(added).toEqual(['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18'].map((date) => ({ date })))
      const tooLong = await trpcError(as('admin').schools.addClosure({ ...school(), date: '2026-09-01', endDate: '2027-09-03', label: 'Everything' }))
      expect(tooLong.code).toBe('BAD_REQUEST')
      const backwards = await trpcError(as('admin').schools.addClosure({ ...school(), date: '2026-12-10', endDate: '2026-12-09', label: 'Backwards' }))
      expect(backwards.message).toBe('The last day is before the first day: choose a day on or after it.')
      expect(delta(before)).toEqual({ school_closures: 5, audit_log: 5 })
    })

    test('a closure label is required', async () => {
      const before = counts()
      const error = await trpcError(as('admin').schools.addClosure({ ...school(), date: '2026-12-03', label: ' ' }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toMatch(/Name the closure/)
      expect(counts()).toEqual(before)
    })

    test('a policy that owes make-ups for student absence makes the OT absence owe its 45 minutes, and a make-up possible', async () => {
      expect(rowOn(await otYear(), OT_STUDENT_ABSENT).owedMinutes).toBe(0)
      const before = counts()
      await as('admin').schools.setMakeUpPolicy({ ...school(), reasons: [...DEFAULT_MAKE_UP_REASONS, 'student_absent'] })
      expect(delta(before)).toEqual({ audit_log: 1 })
      expect(lastAudit()).toMatchObject({
        actor_id: demo.users.admin,
        entity: 'school_policy',
        entity_id: demo.schoolId,
        before: { makeUpReasons: [...DEFAULT_MAKE_UP_REASONS] },
        after: { makeUpReasons: [...DEFAULT_MAKE_UP_REASONS, 'student_absent'].sort() },
      })
      expect(await as('caseManager').schools.makeUpPolicy(school())).toEqual([...DEFAULT_MAKE_UP_REASONS, 'student_absent'].sort())
      const ot = await otYear('parent')
      expect(rowOn(ot, OT_STUDENT_ABSENT).owedMinutes).toBe(45)
      expect(ot.owed).toEqual([{ date: OT_STUDENT_ABSENT, owedMinutes: 45 }])
      await as('ot').sessions.record({ ...johnny(), serviceId: demo.otServiceId, kind: 'make_up', date: '2026-11-16', minutes: 45, repaysDate: OT_STUDENT_ABSENT })
      expect(rowOn(await otYear(), OT_STUDENT_ABSENT).owedMinutes).toBe(0)
    })

    test('a policy without provider absence: the speech misses owe nothing, unrecorded sessions still do', async () => {
      await as('admin').schools.setMakeUpPolicy({ ...school(), reasons: ['unrecorded', 'staff_vacancy'] })
      const speech = await speechYear()
      expect(speech.owed).toEqual(SPEECH_UNRECORDED.map((date) => ({ date, owedMinutes: 30 })))
      expect(SPEECH_MISSES.map((d) => rowOn(speech, d).owedMinutes)).toEqual([0, 0, 0, 0])
      // And a make-up can repay only what is owed.
      const makeUp = (repaysDate: string) =>
        as('speech').sessions.record({ ...johnny(), serviceId: demo.speechServiceId, kind: 'make_up', date: '2026-11-16', minutes: 30, repaysDate })
      const before = counts()
      expect((await trpcError(makeUp(SPEECH_MISSES[1]!))).message).toBe(
        'The Speech-language therapy session on Thu, Oct 1 owes no make-up under the school’s policy (Provider absent).',
      )
      expect(counts()).toEqual(before)
      await makeUp(SPEECH_UNRECORDED[0]!)
      expect(delta(before)).toEqual({ session_records: 1, audit_log: 1 })
    })

    test('a policy that does not owe for unrecorded sessions refuses their make-ups', async () => {
      await as('admin').schools.setMakeUpPolicy({ ...school(), reasons: ['provider_absent'] })
      expect((await speechYear()).owed.map((o) => o.date)).toEqual(SPEECH_MISSES.slice(1))
      const error = await trpcError(
        as('speech').sessions.record({ ...johnny(), serviceId: demo.speechServiceId, kind: 'make_up', date: '2026-11-16', minutes: 30, repaysDate: SPEECH_UNRECORDED[1]! }),
      )
      expect([error.code, error.message]).toEqual(['BAD_REQUEST', 'The Speech-language therapy session on Thu, Oct 22 owes no make-up under the school’s policy (Not recorded).'])
    })

    test('an unknown reason is refused and the policy is unchanged', async () => {
      const before = counts()
      const policy = policyRow()
      const error = await trpcError(as('admin').schools.setMakeUpPolicy({ ...school(), reasons: ['provider_absent', 'snow_day'] } as never))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toMatch(/Choose reasons from the list/)
      expect(counts()).toEqual(before)
      expect(policyRow()).toEqual(policy)
      expect(await as('admin').schools.makeUpPolicy(school())).toEqual([...DEFAULT_MAKE_UP_REASONS])
    })
  })
})
