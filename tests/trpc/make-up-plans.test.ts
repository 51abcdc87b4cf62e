import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { loader as accountabilityJson } from '#app/routes/accountability/accountability-json.ts'
import { createLucia } from '#server/auth/lucia.server.ts'
import { createServerLoadContext } from '#server/remix-context.server.ts'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// The demo is seeded on Wed 18 Nov 2026; a make-up is planned for Tue 8 Dec and recorded that day.
const SEED = new Date('2026-11-18T15:00:00')
const ON_THE_DAY = new Date('2026-12-08T15:00:00')
const PLANNED = '2026-12-08'

describe('make-ups planned ahead (issue 15, item 5)', () => {
  const { t, demo, as } = useDemoDb({ now: SEED })
  const counts = () => ['make_up_plans', 'session_records', 'audit_log'].map((table) => countRows(t.sqlite, table))
  const johnny = () => ({ studentId: demo.johnnyId })
  /** The oldest speech session that still owes make-up minutes. */
  const owedSpeech = async () =>
    (await as('caseManager').services.sessions({ ...johnny(), from: '2026-11-18', to: '2026-11-18' })).find((s) => s.service.id === demo.speechServiceId)!.owed[0]!
  const speechLedger = async (now = SEED) =>
    (await as('parent', now).accountability.student(johnny())).services.find((s) => s.key === 'speech')!.ledger
  const plan = (user: DemoUserKey, repaysDate: string, plannedDate = PLANNED) =>
    as(user).sessions.planMakeUp({ ...johnny(), serviceId: demo.speechServiceId, repaysDate, plannedDate })

  test('the provider plans one; the family sees it planned; the ledger still shows it owed', async () => {
    const owed = await owedSpeech()
    const ledger = await speechLedger()
    const before = counts()
    const saved = await plan('speech', owed.date)
    expect(saved).toMatchObject({ repaysDate: owed.date, plannedDate: PLANNED, status: 'planned', version: 1 })
    expect(counts()).toEqual([before[0]! + 1, before[1]!, before[2]! + 1])
    expect(await as('parent').sessions.plannedMakeUps(johnny())).toEqual([
      { planId: saved.planId, serviceId: demo.speechServiceId, serviceKey: 'speech', serviceName: 'Speech-language therapy', repaysDate: owed.date, plannedDate: PLANNED },
    ])
    expect(await speechLedger()).toEqual(ledger)
    const history = await as('caseManager').team.history(johnny())
    expect(JSON.stringify(history)).toContain('make_up_plan')
  })

  test('the accountability JSON lists it under its service, and no number changes', async () => {
    const json = async () => {
      const context = createServerLoadContext({ db: t.db, lucia: createLucia(t.db), user: demo.userOf('parent'), sessionId: null, secure: false, now: () => SEED })
      const args = { context, params: { studentId: demo.johnnyId }, request: new Request(`http://localhost/api/students/${demo.johnnyId}/accountability`) }
      const body = (await ((await accountabilityJson(args as unknown as LoaderFunctionArgs)) as Response).json()) as {
        services: { key: string; plannedMakeUps: unknown[]; [field: string]: unknown }[]
      }
      return Object.fromEntries(body.services.map(({ key, plannedMakeUps, ...numbers }) => [key, { plannedMakeUps, numbers }]))
    }
    const before = await json()
    expect(before.speech!.plannedMakeUps).toEqual([])
    const owed = await owedSpeech()
    await plan('speech', owed.date)
    const after = await json()
    expect(after.speech!.plannedMakeUps).toEqual([{ repaysDate: owed.date, plannedDate: PLANNED }])
    expect(after.ot!.plannedMakeUps).toEqual([])
    expect(after.speech!.numbers).toEqual(before.speech!.numbers)
  })

  test('on the day it is recorded like any make-up: the plan closes and the ledger counts it', async () => {
    const owed = await owedSpeech()
    const { planId } = await plan('speech', owed.date)
    // Not before its day: a make-up is never recorded in the future.
    const early = await trpcError(as('speech').sessions.record({ ...johnny(), serviceId: demo.speechServiceId, kind: 'make_up', date: PLANNED, repaysDate: owed.date, minutes: 30 }))
    expect(early.code).toBe('BAD_REQUEST')
    const ledger = await speechLedger(ON_THE_DAY)
    await as('speech', ON_THE_DAY).sessions.record({ ...johnny(), serviceId: demo.speechServiceId, kind: 'make_up', date: PLANNED, repaysDate: owed.date, minutes: 30 })
    expect(await as('parent', ON_THE_DAY).sessions.plannedMakeUps(johnny())).toEqual([])
    expect((await speechLedger(ON_THE_DAY)).minutesMadeUp).toBe(ledger.minutesMadeUp + 30)
    const versions = t.sqlite.prepare('select version, status, record_id from make_up_plans where plan_id = ? order by version').all(planId) as { status: string; record_id: string | null }[]
    expect(versions.map((v) => v.status)).toEqual(['planned', 'made_up'])
    expect(versions[1]!.record_id).toBeTruthy()
  })

  test.each([
    ['a day already past', '2026-11-17', /has passed/],
    ['a Saturday', '2026-12-05', /not a school day/],
    ['Thanksgiving', '2026-11-26', /not a school day/],
  ])('refuses %s, writing nothing', async (_name, plannedDate, message) => {
    const owed = await owedSpeech()
    const before = counts()
    const error = await trpcError(plan('speech', owed.date, plannedDate))
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.message).toMatch(message)
    expect(counts()).toEqual(before)
  })

  test('a session that owes nothing cannot be planned, and a missed session has at most one open plan', async () => {
    const delivered = await trpcError(plan('speech', '2026-11-17'))
    expect(delivered.message).toBe('The Speech-language therapy session of Tue, Nov 17 owes no make-up minutes.')
    const owed = await owedSpeech()
    await plan('speech', owed.date)
    const again = await trpcError(plan('caseManager', owed.date, '2026-12-09'))
    expect(again.code).toBe('BAD_REQUEST')
    expect(again.message).toMatch(/already planned/)
  })

  test('moved and cancelled with why, as new versions; once cancelled it may be planned again', async () => {
    const owed = await owedSpeech()
    const { planId } = await plan('speech', owed.date)
    const moved = await as('speech').sessions.moveMakeUpPlan({ ...johnny(), planId, plannedDate: '2026-12-09', changeReason: 'The room is taken.' })
    expect(moved).toMatchObject({ plannedDate: '2026-12-09', version: 2, changeReason: 'The room is taken.' })
    const badMove = await trpcError(as('speech').sessions.moveMakeUpPlan({ ...johnny(), planId, plannedDate: '2026-12-12', changeReason: 'Saturday?' }))
    expect(badMove.message).toMatch(/not a school day/)
    const noReason = await trpcError(as('speech').sessions.cancelMakeUpPlan({ ...johnny(), planId, changeReason: '' }))
    expect(noReason.code).toBe('BAD_REQUEST')
    const cancelled = await as('caseManager').sessions.cancelMakeUpPlan({ ...johnny(), planId, changeReason: 'Family asked to wait.' })
    expect(cancelled).toMatchObject({ status: 'cancelled', version: 3 })
    expect(await as('parent').sessions.plannedMakeUps(johnny())).toEqual([])
    expect((await trpcError(as('speech').sessions.moveMakeUpPlan({ ...johnny(), planId, plannedDate: '2026-12-10', changeReason: 'Again' }))).code).toBe('CONFLICT')
    await plan('speech', owed.date, '2026-12-10')
    expect(await as('parent').sessions.plannedMakeUps(johnny())).toHaveLength(1)
  })

  test('who may plan: the case manager and the service’s provider; the family and others see it but cannot plan', async () => {
    const owed = await owedSpeech()
    const before = counts()
    for (const user of ['ot', 'para', 'parent', 'admin'] as const) {
      const error = await trpcError(plan(user, owed.date))
      expect(error.code, user).toBe('FORBIDDEN')
    }
    expect(counts()).toEqual(before)
    const { planId } = await plan('caseManager', owed.date)
    for (const user of ['ot', 'para', 'parent', 'admin'] as const) {
      expect(await as(user).sessions.plannedMakeUps(johnny()), user).toHaveLength(1)
      expect((await trpcError(as(user).sessions.cancelMakeUpPlan({ ...johnny(), planId, changeReason: 'No.' }))).code, user).toBe('FORBIDDEN')
    }
    // Someone else's student: not found, naming nothing.
    expect((await trpcError(as('speech').sessions.plannedMakeUps({ studentId: demo.mayaId }))).code).toBe('NOT_FOUND')
    expect((await trpcError(as('speech').sessions.planMakeUp({ studentId: demo.mayaId, serviceId: demo.speechServiceId, repaysDate: owed.date, plannedDate: PLANNED }))).code).toBe('NOT_FOUND')
  })
})
