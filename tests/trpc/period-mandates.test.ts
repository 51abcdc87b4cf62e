import { describe, expect, test } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { ZodError } from 'zod'
import type { DemoUserKey } from '#server/demo/seed.ts'
import type { DomainError } from '#shared/domain-error.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

/**
 * Services mandated per month or reporting period (docs/formats.md#period-mandates), on the demo of Tue 2026-11-17.
 * November 2026 has 21 weekdays; the demo closes Thanksgiving Thu 11-26 and Fri 11-27: 19 school days.
 */
const NOW = new Date('2026-11-17T15:00:00')
/** December 9: November (last school day 11-30) is past its 5 pending school days (12-03 … 12-09). */
const DEC_9 = new Date('2026-12-09T15:00:00')
const TABLES = ['services', 'service_terms', 'session_records', 'audit_log'] as const
const FORBIDDEN_ROLE = 'Your role on this student’s team cannot do that.'

describe('services mandated per month', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  const counts = () => Object.fromEntries(TABLES.map((table) => [table, countRows(t.sqlite, table)]))
  const fieldOf = (error: { cause?: unknown }) =>
    error.cause instanceof ZodError ? error.cause.issues[0]?.path.join('.') : (error.cause as DomainError | undefined)?.field
  const monthly = (studentId = demo.johnnyId) => ({
    studentId,
    name: 'Counseling',
    providerId: demo.users.ot,
    minutesPerSession: 15,
    per: 'month' as const,
    sessionsPerPeriod: 4,
    setting: 'pull-out' as const,
    grouping: 'individual' as const,
    startDate: '2026-11-02',
    endDate: '2027-06-11',
  })
  const record = (serviceId: string, date: string, user: DemoUserKey = 'ot', now = NOW) =>
    as(user, now).sessions.record({ studentId: demo.johnnyId, serviceId, kind: 'delivered', date, minutes: 15 })
  const counselingNumbers = async (now: Date) =>
    (await as('parent', now).accountability.student({ studentId: demo.johnnyId })).services.find((s) => s.key === 'counseling')!

  test('the case manager creates "4 sessions of 15 minutes a month": no weekdays, no dated sessions, audited with its period', async () => {
    const { serviceId } = await as('caseManager').services.create(monthly())
    const created = (await as('parent').services.list({ studentId: demo.johnnyId })).find((s) => s.id === serviceId)
    expect(created?.current).toMatchObject({ minutesPerSession: 15, weekdays: [], per: 'month', sessionsPerPeriod: 4, minutesPerPeriod: null })
    const sessions = (await as('caseManager').services.sessions({ studentId: demo.johnnyId, from: '2026-11-02', to: '2026-11-30' })).find((s) => s.service.id === serviceId)
    expect(sessions?.rows).toEqual([])
    const audit = t.sqlite.prepare("select after from audit_log where entity = 'service' order by id desc limit 1").get() as { after: string }
    expect(JSON.parse(audit.after)).toMatchObject({ key: 'counseling', minutesPerSession: 15, weekdays: [], per: 'month', sessionsPerPeriod: 4 })
  })

  test('the provider records on any school day of the month; a weekend, a future day, a day before the start or a second record that day is refused', async () => {
    const { serviceId } = await as('caseManager').services.create(monthly())
    await record(serviceId, '2026-11-16')
    await record(serviceId, '2026-11-17', 'caseManager')
    const before = counts()
    const refused: [Promise<unknown>, string, string][] = [
      [record(serviceId, '2026-11-14'), 'BAD_REQUEST', 'date'],
      [record(serviceId, '2026-11-18'), 'BAD_REQUEST', 'date'],
      [record(serviceId, '2026-10-30'), 'BAD_REQUEST', 'date'],
      [record(serviceId, '2026-11-16'), 'CONFLICT', 'date'],
    ]
    for (const [call, code, field] of refused) {
      const error = await trpcError(call)
      expect([error.code, fieldOf(error)]).toEqual([code, field])
    }
    expect(counts()).toEqual(before)
  })

  test.each(['speech', 'para', 'parent', 'admin'] as const)('%s is FORBIDDEN from recording it, and nothing is written', async (user) => {
    const { serviceId } = await as('caseManager').services.create(monthly())
    const before = counts()
    const error = await trpcError(record(serviceId, '2026-11-16', user))
    expect(error.code).toBe('FORBIDDEN')
    expect(counts()).toEqual(before)
  })

  test.each(['speech', 'ot', 'para', 'parent', 'admin'] as const)('%s is FORBIDDEN from creating a monthly service or amending to one', async (user) => {
    const before = counts()
    const amend = as(user).services.amend({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, effectiveFrom: '2026-12-01', minutesPerSession: 30, per: 'month', minutesPerPeriod: 120 })
    for (const call of [as(user).services.create(monthly()), amend]) {
      const error = await trpcError(call)
      expect([error.code, error.message]).toEqual(['FORBIDDEN', FORBIDDEN_ROLE])
    }
    expect(counts()).toEqual(before)
  })

  test('a monthly service for a student the case manager does not hold is refused (the speech provider is not Maya’s)', async () => {
    const error = await trpcError(as('caseManager').services.create({ ...monthly(demo.mayaId), providerId: demo.users.speech }))
    expect([error.code, fieldOf(error)]).toEqual(['BAD_REQUEST', 'providerId'])
    const outsider = await trpcError(as('ot').accountability.student({ studentId: demo.mayaId }))
    expect(outsider.code).toBe('NOT_FOUND')
  })

  test('neither or both amounts are refused on the sessions field', async () => {
    const { sessionsPerPeriod: _, ...neither } = monthly()
    for (const input of [neither, { ...monthly(), minutesPerPeriod: 60 }]) {
      const error = await trpcError(as('caseManager').services.create(input))
      expect([error.code, fieldOf(error)]).toEqual(['BAD_REQUEST', 'sessionsPerPeriod'])
    }
  })

  test('the numbers: November in progress owes nothing yet; after its pending days, 60 mandated, 30 delivered, 2 unrecorded owed', async () => {
    const { serviceId } = await as('caseManager').services.create(monthly())
    await record(serviceId, '2026-11-16')
    await record(serviceId, '2026-11-17')
    expect(await counselingNumbers(NOW)).toMatchObject({ minutesMandated: 0, minutesDelivered: 30, deliveryRate: 1, sessions: { due: 0, pending: 0 } })
    expect(await counselingNumbers(DEC_9)).toMatchObject({
      minutesMandated: 60,
      minutesDelivered: 30,
      deliveryRate: 0.5,
      sessions: { due: 4, delivered: 2, missed: 0, unrecorded: 2 },
      ledger: { minutesOwed: 30, balance: 30 },
      alerts: ['consecutive_misses', 'low_delivery_rate'],
    })
  })

  test('an amendment turns weekly speech into 120 minutes a month from December 1: no weekly sessions after it', async () => {
    await as('caseManager').services.amend({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, effectiveFrom: '2026-12-01', minutesPerSession: 30, per: 'month', minutesPerPeriod: 120 })
    const speech = (await as('speech').services.list({ studentId: demo.johnnyId })).find((s) => s.id === demo.speechServiceId)!
    expect(speech.terms.at(-1)).toMatchObject({ effectiveFrom: '2026-12-01', per: 'month', minutesPerPeriod: 120, sessionsPerPeriod: null, weekdays: [] })
    const sessions = (await as('speech').services.sessions({ studentId: demo.johnnyId, from: '2026-11-23', to: '2026-12-11' })).find((s) => s.service.id === demo.speechServiceId)!
    expect(sessions.rows.map((r) => r.date)).toEqual(['2026-11-24'])
    const audit = t.sqlite.prepare("select before, after from audit_log where entity = 'service' order by id desc limit 1").get() as { before: string; after: string }
    expect(JSON.parse(audit.before)).toEqual({ minutesPerSession: 30, weekdays: ['tue', 'thu'] })
    expect(JSON.parse(audit.after)).toMatchObject({ per: 'month', minutesPerPeriod: 120, weekdays: [] })
  })
})

describe('plan@1 imports a service per month', () => {
  // The import tests' day: Friday 16 October 2026, inside the demo school year.
  const IMPORT_NOW = new Date('2026-10-16T15:00:00')
  const { demo } = useDemoDb({ now: IMPORT_NOW })
  const withCounseling = () => {
    const plan = JSON.parse(fs.readFileSync(path.resolve('docs/examples/plan-ava.json'), 'utf8')) as { services: unknown[]; sessions: unknown[] }
    plan.services.push({
      key: 'counseling',
      name: 'Counseling',
      providerEmail: 'ot@maple.example',
      minutesPerSession: 15,
      per: 'month',
      sessionsPerPeriod: 4,
      setting: 'pull-out',
      group: false,
      startDate: '2026-09-08',
      endDate: '2027-06-11',
    })
    // A Monday and a Friday: any school day of the month.
    plan.sessions.push({ service: 'counseling', date: '2026-09-14', status: 'delivered', minutes: 15 }, { service: 'counseling', date: '2026-09-18', status: 'delivered', minutes: 15 })
    return JSON.stringify(plan)
  }

  test('the admin imports it: the term is monthly, its sessions are records, September counts 4 × 15 mandated', async () => {
    const { studentId } = await demo.callerFor('admin', IMPORT_NOW).imports.plan({ schoolId: demo.schoolId, json: withCounseling() })
    const admin = demo.callerFor('admin', IMPORT_NOW)
    const counseling = (await admin.services.list({ studentId })).find((s) => s.key === 'counseling')!
    expect(counseling.current).toMatchObject({ per: 'month', sessionsPerPeriod: 4, minutesPerSession: 15, weekdays: [] })
    const numbers = (await admin.accountability.student({ studentId })).services.find((s) => s.key === 'counseling')!
    // September from 09-08: the demo closes no day of it after Labor Day; 17 of its 21 school days → 4 × 17 ÷ 21 = 3.2 → 3 sessions.
    expect(numbers).toMatchObject({ per: 'month', minutesMandated: 45, minutesDelivered: 30, sessions: { due: 3, delivered: 2, unrecorded: 1 } })
  })

  test('a monthly service without its amount is refused, and nothing is written', async () => {
    const json = withCounseling().replace('"sessionsPerPeriod":4,', '')
    const error = await trpcError(demo.callerFor('admin', IMPORT_NOW).imports.plan({ schoolId: demo.schoolId, json }))
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.message).toContain('services[2].sessionsPerPeriod')
  })
})
