import type { TRPCError } from '@trpc/server'
import { describe, expect, test } from 'vitest'
import { ZodError } from 'zod'
import type { DemoUserKey } from '#server/demo/seed.ts'
import type { ServiceAccountability } from '#server/services/accountability.server.ts'
import { describeZodError } from '#shared/zod-errors.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

/**
 * The demo (server/demo/seed*.ts) seeded on a normal Tuesday of the 2026–27 year, 3 p.m. local time. The seed records
 * sessions up to yesterday, Mon Nov 16. Closures that touch the numbers: Labor Day Mon Sep 7, Indigenous
 * Peoples’ Day Mon Oct 12 (Thanksgiving, Nov 26–27, is after asOf).
 *
 * Speech (30 min, Tue/Thu, from Tue Sep 1): the 22 sessions Sep 1 … Thu Nov 12 (11 Tuesdays, 11 Thursdays; no
 * closure falls on a Tue/Thu), in order: Sep 1, 3, 8, 10, 15, 17, 22, 24, 29, Oct 1, 6, 8, 13, 15, 20, 22, 27, 29,
 * Nov 3, 5, 10, 12. The seed's n = 22: missed (provider absent) = sessions 8…11 = Sep 29, Oct 1, 6, 8;
 * unrecorded = sessions 14, 15 = Oct 20, 22; made up on the first Friday after the run, Oct 9 (30 min, repays
 * Sep 29); the 16 others delivered, 30 min each.
 *
 * OT (45 min, Wed, from Sep 1): Sep 2, 9, 16, 23, 30, Oct 7, 14, 21, 28, Nov 4, 11 (11). Index 11 − 5 = 6,
 * Oct 14, delivered 30 (fire drill); index 11 − 3 = 8, Oct 28, missed (student absent); the 9 others 45 min.
 */
/** A service as accountability.student returns it, without its weekly trend. */
type ServiceNumbersOnly = Omit<ServiceAccountability, 'trend'>

const NOW = new Date('2026-11-17T15:00:00')
const AS_OF = '2026-11-17'

/*
 * As of Tue Nov 17. The last 5 instructional days: Nov 11, 12, 13, 16, 17.
 *
 * Speech: scheduled 22 + Tue Nov 17 = 23. Nov 12 is in the window but recorded → due; Nov 17 unrecorded → pending 1.
 *   due 22: delivered 16, missed 4, unrecorded 2 (Oct 20, 22: far before the window); madeUp 1.
 *   minutesMandated = 30 × 22 = 660; minutesDelivered = 16 × 30 + 30 (make-up) = 510;
 *   deliveryRate = 510 / 660 = 0.77272… → 0.773.
 *   ledger: owed = 4 × 30 (provider absent) + 2 × 30 (unrecorded) = 180; made up 30; balance 150.
 *   alerts: the two latest due sessions (Nov 10, 12) were delivered → no consecutive_misses; the 30 calendar days
 *   ending Nov 17 start Oct 19 and hold 2 school-responsible misses (Oct 20, 22 unrecorded; the run of Sep 29 – Oct 8
 *   is older) → no repeated_school_misses; 0.773 < 0.9 → low_delivery_rate.
 */
const SPEECH: ServiceNumbersOnly = {
  key: 'speech',
  name: 'Speech-language therapy',
  providerName: 'Priya Shah',
  minutesPerSession: 30,
  weekdays: ['tue', 'thu'],
  per: 'week',
  sessionsPerPeriod: null,
  minutesPerPeriod: null,
  minutesMandated: 660,
  minutesDelivered: 510,
  deliveryRate: 0.773,
  sessions: { due: 22, delivered: 16, missed: 4, unrecorded: 2, pending: 1, madeUp: 1 },
  missedByReason: { provider_absent: 4 },
  ledger: { minutesOwed: 180, minutesMadeUp: 30, balance: 150 },
  alerts: ['low_delivery_rate'],
  disputedRecords: 0,
}

/*
 * OT: scheduled up to Nov 17: the 11 Wednesdays (Nov 18 is after asOf); Nov 11 is in the window but recorded →
 *   pending 0, due 11: delivered 10, missed 1 (student absent), unrecorded 0, madeUp 0.
 *   minutesMandated = 45 × 11 = 495; minutesDelivered = 9 × 45 + 30 = 435; deliveryRate = 435 / 495 = 0.8787… → 0.879.
 *   ledger: owed = shortfall 45 − 30 = 15 (student absence owes nothing by default); made up 0; balance 15.
 *   alerts: Nov 4 and Nov 11 delivered → no consecutive; no school miss → no repeated; 0.879 < 0.9 → low.
 */
const OT: ServiceNumbersOnly = {
  key: 'ot',
  name: 'Occupational therapy',
  providerName: 'Jordan Lee',
  minutesPerSession: 45,
  weekdays: ['wed'],
  per: 'week',
  sessionsPerPeriod: null,
  minutesPerPeriod: null,
  minutesMandated: 495,
  minutesDelivered: 435,
  deliveryRate: 0.879,
  sessions: { due: 11, delivered: 10, missed: 1, unrecorded: 0, pending: 0, madeUp: 0 },
  missedByReason: { student_absent: 1 },
  ledger: { minutesOwed: 15, minutesMadeUp: 0, balance: 15 },
  alerts: ['low_delivery_rate'],
  disputedRecords: 0,
}

/*
 * Accommodations (all start at the year start, Mon Aug 31). Instructional days Aug 31 … Nov 17: 11 full weeks
 * Aug 31 – Nov 13 (55 weekdays) + Nov 16, 17 = 57, minus Sep 7 and Oct 12 = 55.
 * Checks (server/demo/seed-today.ts): the 15 school days before Nov 17 (Oct 27 … Nov 16) except the 6th and 11th back
 * (Nov 9, Nov 2) → 13 recorded days for each of the four daily supports. The 8th and 9th back (Nov 5, 4):
 * Break card and Picture schedule "not provided"; Headphones "not needed" on the 4th, 8th and 12th back.
 *   Break card / Picture schedule: used 11; fidelity 11 / (55 − 0) = 0.2.
 *   Seat near the door: used 13; 13 / 55 = 0.23636… → 0.236.
 *   Noise-reducing headphones: used 10, not needed 3; 10 / (55 − 3) = 0.19230… → 0.192.
 *   Morning check-in (Mon/Wed/Fri): Mondays 12 − 2 closed = 10, Wednesdays 11, Fridays 11 → 32; none recorded → 0.
 *   Word problems read aloud (subject) and Extra time (tests): only days with a record apply → 0 days, fidelity 1.
 */
const ACCOMMODATIONS = [
  { title: 'Break card', applicableDays: 55, recordedDays: 13, usedDays: 11, notNeededDays: 0, fidelity: 0.2, disputedChecks: 0 },
  { title: 'Picture schedule', applicableDays: 55, recordedDays: 13, usedDays: 11, notNeededDays: 0, fidelity: 0.2, disputedChecks: 0 },
  { title: 'Seat near the door', applicableDays: 55, recordedDays: 13, usedDays: 13, notNeededDays: 0, fidelity: 0.236, disputedChecks: 0 },
  { title: 'Noise-reducing headphones', applicableDays: 55, recordedDays: 13, usedDays: 10, notNeededDays: 3, fidelity: 0.192, disputedChecks: 0 },
  { title: 'Morning check-in', applicableDays: 32, recordedDays: 0, usedDays: 0, notNeededDays: 0, fidelity: 0, disputedChecks: 0 },
  { title: 'Word problems read aloud', applicableDays: 0, recordedDays: 0, usedDays: 0, notNeededDays: 0, fidelity: 1, disputedChecks: 0 },
  { title: 'Extra time', applicableDays: 0, recordedDays: 0, usedDays: 0, notNeededDays: 0, fidelity: 1, disputedChecks: 0 },
]

const TEAM_AND_ADMIN: DemoUserKey[] = ['parent', 'caseManager', 'para', 'speech', 'ot', 'admin']

/** A BAD_REQUEST whose zod cause names asOf (the way the HTTP layer reports it), never a 500. */
function expectBadAsOf(error: TRPCError) {
  expect(error.code).toBe('BAD_REQUEST')
  expect(error.cause).toBeInstanceOf(ZodError)
  const cause = error.cause as ZodError
  expect(cause.issues.map((i) => i.path)).toEqual([['asOf']])
  expect(describeZodError(cause)).toMatch(/^asOf: /)
}

describe('accountability router', () => {
  const { demo, as: caller } = useDemoDb({ now: NOW })

  describe('accountability.student', () => {
    test('Johnny as of Tue Nov 17: same-page/accountability@1 with the hand-computed numbers', async () => {
      const view = await caller('parent').accountability.student({ studentId: demo.johnnyId, asOf: AS_OF })
      expect(view.format).toBe('same-page/accountability@1')
      expect(view.student).toEqual({ id: demo.johnnyId, name: 'Johnny Miller' })
      expect(view.asOf).toBe(AS_OF)
      expect(view.services.map((s) => s.key).sort()).toEqual(['ot', 'speech'])
      const byKey = (key: string) => view.services.find((s) => s.key === key)!
      const numbers = ({ trend: _trend, ...rest }: ServiceAccountability): ServiceNumbersOnly => rest
      expect(numbers(byKey('speech'))).toEqual(SPEECH)
      expect(numbers(byKey('ot'))).toEqual(OT)
      // Each row names its support's id too (for a reader's language on screen); the numbers are the hand-computed ones.
      const supports = await caller('parent').accommodations.list({ studentId: demo.johnnyId })
      const idOf = new Map(supports.map((a) => [a.title, a.id]))
      expect(view.accommodations).toEqual(ACCOMMODATIONS.map((a) => ({ accommodationId: idOf.get(a.title), ...a })))
    })

    test('the weekly trend: the run of misses and the make-up in its own week, and the delivered minutes add up', async () => {
      const view = await caller('caseManager').accountability.student({ studentId: demo.johnnyId, asOf: AS_OF })
      const speech = view.services.find((s) => s.key === 'speech')!
      const week = (monday: string) => speech.trend.find((w) => w.weekOf === monday)
      // Week of Sep 28: Sep 29 and Oct 1 missed → 60 mandated, 0 delivered.
      expect(week('2026-09-28')).toEqual({ weekOf: '2026-09-28', mandated: 60, delivered: 0 })
      // Week of Oct 5: Oct 6 and 8 missed; the make-up of Fri Oct 9 (for Sep 29) counts here → 30 delivered.
      expect(week('2026-10-05')).toEqual({ weekOf: '2026-10-05', mandated: 60, delivered: 30 })
      // Week of Oct 19: Oct 20 and 22 unrecorded → 0 delivered.
      expect(week('2026-10-19')).toEqual({ weekOf: '2026-10-19', mandated: 60, delivered: 0 })
      // Every delivered or make-up minute up to asOf lands in exactly one week.
      expect(speech.trend.reduce((sum, w) => sum + w.delivered, 0)).toBe(SPEECH.minutesDelivered)
      // OT: Oct 14's short session in the week of Oct 12.
      expect(view.services.find((s) => s.key === 'ot')!.trend.find((w) => w.weekOf === '2026-10-12')).toEqual({ weekOf: '2026-10-12', mandated: 45, delivered: 30 })
    })

    test('identical JSON for the parent, the case manager, the para, both providers and the school admin', async () => {
      const views = await Promise.all(TEAM_AND_ADMIN.map((key) => caller(key).accountability.student({ studentId: demo.johnnyId, asOf: AS_OF })))
      const json = views.map((v) => JSON.stringify(v))
      for (const [i, key] of TEAM_AND_ADMIN.entries()) expect({ key, json: json[i] }).toEqual({ key, json: json[0] })
      // asOf defaults to today (the caller's clock): the same answer.
      expect(JSON.stringify(await caller('para').accountability.student({ studentId: demo.johnnyId }))).toBe(json[0])
    })

    test('Maya’s outsiders get NOT_FOUND, naming nothing of her', async () => {
      for (const key of ['parent', 'para', 'speech', 'ot'] as const) {
        const error = await trpcError(caller(key).accountability.student({ studentId: demo.mayaId, asOf: AS_OF }))
        expect({ key, code: error.code }).toEqual({ key, code: 'NOT_FOUND' })
        expect(error.message).not.toContain('Maya')
      }
      // Her own case manager sees her (she has no services): the refusal above is about the team, not the data.
      const maya = await caller('caseManager').accountability.student({ studentId: demo.mayaId, asOf: AS_OF })
      expect(maya).toMatchObject({ student: { id: demo.mayaId, name: 'Maya Thompson' }, services: [] })
    })

    test.each(['2026-13-01', 'yesterday', '2026-02-30', ''])('a malformed asOf (%j) is a BAD_REQUEST naming asOf', async (asOf) => {
      expectBadAsOf(await trpcError(caller('parent').accountability.student({ studentId: demo.johnnyId, asOf })))
    })

    test('a future asOf is a BAD_REQUEST naming asOf, not a server error', async () => {
      const error = await trpcError(caller('parent').accountability.student({ studentId: demo.johnnyId, asOf: '2026-11-18' }))
      expectBadAsOf(error)
      expect(error.message).toMatch(/future/)
    })
  })

  describe('accountability.caseload', () => {
    const row = (s: ServiceNumbersOnly, providerId: string) => ({
      studentName: 'Johnny Miller',
      serviceKey: s.key,
      serviceName: s.name,
      providerId,
      providerName: s.providerName,
      deliveryRate: s.deliveryRate,
      balance: s.ledger.balance,
      alerts: s.alerts,
    })

    // Priya's social skills group (Leo and Ava), recorded in full: after Johnny's, which are further behind.
    const groupRows = () =>
      [
        [demo.avaId, 'Ava Brooks'],
        [demo.leoId, 'Leo Garcia'],
      ].map(([studentId, studentName]) => ({
        studentId,
        studentName,
        serviceKey: 'social-skills',
        serviceName: 'Social skills',
        providerId: demo.users.speech,
        providerName: 'Priya Shah',
        deliveryRate: 1,
        balance: 0,
        alerts: [],
      }))

    /*
     * Leo's counseling, 60 minutes a month, which the case manager provides (server/demo/seed-period-service.ts): two
     * 30-minute sessions in each of September, October and November up to Nov 16. September and October are due
     * (120 mandated); November is in progress. Delivered 180 → 1.5; nothing owed.
     */
    const LEO_COUNSELING = {
      studentName: 'Leo Garcia',
      serviceKey: 'counseling',
      serviceName: 'Counseling',
      providerName: 'Dana Rivera',
      deliveryRate: 1.5,
      balance: 0,
      alerts: [],
    }

    test('the case manager sees Johnny’s two services, furthest behind first (speech 0.773 before OT 0.879), then the group and the counseling she provides', async () => {
      const rows = await caller('caseManager').accountability.caseload({ asOf: AS_OF })
      expect(rows).toEqual([
        { studentId: demo.johnnyId, ...row(SPEECH, demo.users.speech) },
        { studentId: demo.johnnyId, ...row(OT, demo.users.ot) },
        ...groupRows(),
        { studentId: demo.leoId, providerId: demo.users.caseManager, ...LEO_COUNSELING },
      ])
    })

    test('each provider sees only the services they provide', async () => {
      expect(await caller('speech').accountability.caseload({ asOf: AS_OF })).toEqual([{ studentId: demo.johnnyId, ...row(SPEECH, demo.users.speech) }, ...groupRows()])
      expect(await caller('ot').accountability.caseload({ asOf: AS_OF })).toEqual([{ studentId: demo.johnnyId, ...row(OT, demo.users.ot) }])
    })

    test('the para and the parent have no caseload', async () => {
      expect(await caller('para').accountability.caseload({ asOf: AS_OF })).toEqual([])
      expect(await caller('parent').accountability.caseload({})).toEqual([])
    })

    test('a malformed or future asOf is a BAD_REQUEST naming asOf', async () => {
      expectBadAsOf(await trpcError(caller('caseManager').accountability.caseload({ asOf: '2026-13-01' })))
      expectBadAsOf(await trpcError(caller('caseManager').accountability.caseload({ asOf: '2027-01-04' })))
    })
  })

  describe('accountability.school', () => {
    test('the school admin gets the school’s rows, the same numbers as the caseload', async () => {
      const rows = await caller('admin').accountability.school({ schoolId: demo.schoolId, asOf: AS_OF })
      expect(rows.map((r) => [r.studentName, r.serviceKey, r.deliveryRate, r.balance])).toEqual([
        ['Johnny Miller', 'speech', 0.773, 150],
        ['Johnny Miller', 'ot', 0.879, 15],
        ['Ava Brooks', 'social-skills', 1, 0],
        ['Leo Garcia', 'social-skills', 1, 0],
        ['Leo Garcia', 'counseling', 1.5, 0],
      ])
      expect(rows).toEqual(await caller('caseManager').accountability.caseload({ asOf: AS_OF }))
    })

    test('a case manager is FORBIDDEN; the para and the parent get NOT_FOUND', async () => {
      expect((await trpcError(caller('caseManager').accountability.school({ schoolId: demo.schoolId, asOf: AS_OF }))).code).toBe('FORBIDDEN')
      expect((await trpcError(caller('para').accountability.school({ schoolId: demo.schoolId, asOf: AS_OF }))).code).toBe('NOT_FOUND')
      expect((await trpcError(caller('parent').accountability.school({ schoolId: demo.schoolId, asOf: AS_OF }))).code).toBe('NOT_FOUND')
    })

    test('a malformed or future asOf is a BAD_REQUEST naming asOf', async () => {
      expectBadAsOf(await trpcError(caller('admin').accountability.school({ schoolId: demo.schoolId, asOf: 'yesterday' })))
      expectBadAsOf(await trpcError(caller('admin').accountability.school({ schoolId: demo.schoolId, asOf: '2026-11-18' })))
    })
  })
})
