import type { Server } from 'node:http'
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { z } from 'zod'
import { createApp } from '#server/app.server.ts'
import { SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import { appRouter } from '#server/trpc/_app.server.ts'
import { isoDateSchema } from '#shared/schemas/dates.ts'
import { daySchema } from '#shared/schemas/notes.ts'
import { addDays, localIsoDate } from '#shared/school-date.ts'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { seedDemoTeam, type Demo } from '#tests/fixtures/demo.ts'
import { baseUrl, closeServer, listenOnFreePort } from '#tests/setup/http-server.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { createTestDb, type TestDb } from '#tests/setup/test-db.ts'
import { systemClock } from '#server/clock.server.ts'
import { callByPath, trpcError } from './call.ts'

/**
 * Issue 12, item 1: every procedure that takes a date refuses the extremes with BAD_REQUEST (never a hang,
 * never a 500), and accepts the edges of the range without a server error. The walker below finds every
 * date field of every procedure's input, so a new one that this table forgets fails the suite.
 */

/** Dates outside 2000-01-01…2100-12-31, or not dates at all: each must be BAD_REQUEST. */
export const EXTREMES = [
  '9999-12-31',
  '0001-01-01',
  '0000-01-01',
  '1999-12-31',
  '2101-01-01',
  '+010000-01-01',
  '-000001-01-01',
  '99999-12-31',
  '2026-02-30',
  '2026-13-01',
  '9999-99-99',
]
const EDGES = ['2000-01-01', '2100-12-31']
const TODAY = localIsoDate(systemClock())
const NO_DATES = { startDate: null, endDate: null, annualReviewDate: null, reevaluationDate: null }

interface Case {
  path: string
  user: DemoUserKey
  /** The date fields, by name, and a valid input around them. */
  dates: string[]
  input: (demo: Demo) => Record<string, unknown>
  /** A day shown "as of": also refused beyond a school year from today (or, for accountability, after today). */
  asOf?: 'year-ahead' | 'not-future'
}

const service = {
  name: 'Reading support',
  minutesPerSession: 30,
  weekdays: ['mon'],
  setting: 'pull-out',
  grouping: 'individual',
}
const plan = (date: string) =>
  JSON.stringify({
    format: 'same-page/plan@1',
    school: { name: 'Maple Elementary', closures: [{ date, label: 'Closed' }] },
    student: { name: 'Test Student' },
  })

export const CASES: Case[] = [
  { path: 'accommodations.forDay', user: 'caseManager', dates: ['date'], input: (d) => ({ studentId: d.johnnyId }), asOf: 'year-ahead' },
  {
    path: 'accommodations.create',
    user: 'caseManager',
    dates: ['startDate'],
    input: (d) => ({ studentId: d.johnnyId, title: 'Fidget', description: 'A fidget.', category: 'regulation', applies: { kind: 'daily' } }),
  },
  {
    path: 'accommodations.update',
    user: 'caseManager',
    dates: ['startDate'],
    input: (d) => ({ studentId: d.johnnyId, accommodationId: 'none', title: 'Fidget', description: 'A fidget.', category: 'regulation', applies: { kind: 'daily' } }),
  },
  {
    path: 'progress.add',
    user: 'caseManager',
    dates: ['date'],
    input: (d) => ({ studentId: d.johnnyId, goalId: d.sitGoalId, value: 10, promptLevel: 'independent', regulation: 'calm' }),
  },
  { path: 'services.sessions', user: 'caseManager', dates: ['from', 'to'], input: (d) => ({ studentId: d.johnnyId, from: TODAY, to: TODAY }) },
  {
    path: 'services.create',
    user: 'caseManager',
    dates: ['startDate', 'endDate'],
    input: (d) => ({ studentId: d.johnnyId, providerId: d.users.speech, ...service, startDate: '2000-01-03', endDate: '2100-12-31' }),
  },
  {
    path: 'services.amend',
    user: 'caseManager',
    dates: ['effectiveFrom'],
    input: (d) => ({ studentId: d.johnnyId, serviceId: d.speechServiceId, minutesPerSession: 30, weekdays: ['tue'] }),
  },
  {
    path: 'sessions.record',
    user: 'caseManager',
    dates: ['date', 'repaysDate'],
    input: (d) => ({ studentId: d.johnnyId, serviceId: d.speechServiceId, kind: 'make_up', minutes: 30, date: TODAY, repaysDate: TODAY }),
  },
  {
    path: 'sessions.recordGroup',
    user: 'caseManager',
    dates: ['date'],
    input: (d) => ({ studentId: d.johnnyId, serviceId: d.speechServiceId, date: TODAY, minutes: 30, students: [{ studentId: d.johnnyId, present: true }] }),
  },
  {
    path: 'checks.record',
    user: 'caseManager',
    dates: ['date'],
    input: (d) => ({ studentId: d.johnnyId, accommodationId: 'none', status: 'used', clientId: 'client-0001' }),
  },
  { path: 'checks.history', user: 'caseManager', dates: ['date'], input: (d) => ({ studentId: d.johnnyId, accommodationId: 'none' }) },
  { path: 'checks.fidelity', user: 'caseManager', dates: ['asOf'], input: (d) => ({ studentId: d.johnnyId }), asOf: 'year-ahead' },
  { path: 'accountability.student', user: 'caseManager', dates: ['asOf'], input: (d) => ({ studentId: d.johnnyId }), asOf: 'not-future' },
  {
    path: 'concerns.create',
    user: 'caseManager',
    dates: ['date'],
    input: (d) => ({ studentId: d.johnnyId, issue: 'A missed session.', status: 'open', visibility: 'team' }),
  },
  {
    path: 'concerns.edit',
    user: 'caseManager',
    dates: ['date'],
    input: (d) => ({ studentId: d.johnnyId, concernId: d.sharedConcernId ?? 'none', issue: 'A missed session.', status: 'open' }),
  },
  {
    path: 'concerns.addUpdate',
    user: 'caseManager',
    dates: ['date'],
    input: (d) => ({ studentId: d.johnnyId, concernId: d.sharedConcernId ?? 'none', kind: 'contact', text: 'Called.' }),
  },
  {
    path: 'concerns.escalate',
    user: 'caseManager',
    dates: ['date', 'filedOn'],
    input: (d) => ({ studentId: d.johnnyId, concernId: d.sharedConcernId ?? 'none', step: 5, date: TODAY, filedOn: TODAY }),
  },
  {
    path: 'concerns.sendLetter',
    user: 'caseManager',
    dates: ['responseDueOn'],
    input: (d) => ({ studentId: d.johnnyId, concernId: d.sharedConcernId ?? 'none', otherEmails: ['office@maple.example'], subject: 'Missed sessions', body: 'Please reply.', responseDueOn: TODAY }),
  },
  {
    path: 'concerns.markLetterSent',
    user: 'caseManager',
    dates: ['responseDueOn', 'sentOn'],
    input: (d) => ({ studentId: d.johnnyId, concernId: d.sharedConcernId ?? 'none', sentOn: TODAY, channel: 'paper', body: 'Please reply.', responseDueOn: TODAY }),
  },
  {
    path: 'concerns.recordLetterResponse',
    user: 'caseManager',
    dates: ['receivedOn'],
    input: (d) => ({ studentId: d.johnnyId, concernId: d.sharedConcernId ?? 'none', letterId: 'none', receivedOn: TODAY }),
  },
  { path: 'concerns.recordAgreement', user: 'caseManager', dates: ['agreedOn'], input: (d) => ({ studentId: d.johnnyId, concernId: d.sharedConcernId ?? 'none', agreedOn: TODAY }) },
  {
    path: 'concerns.addAgreementItem',
    user: 'caseManager',
    dates: ['dueOn'],
    input: (d) => ({ studentId: d.johnnyId, concernId: d.sharedConcernId ?? 'none', kind: 'tutoring', what: 'Tutoring', whoText: 'Us', dueOn: TODAY }),
  },
  { path: 'effects.record', user: 'parent', dates: ['date'], input: (d) => ({ studentId: d.johnnyId, kind: 'sleep', note: '', date: TODAY }) },
  { path: 'effects.correct', user: 'parent', dates: ['date'], input: (d) => ({ studentId: d.johnnyId, effectId: 'none', kind: 'sleep', note: '', date: TODAY }) },
  { path: 'notebooks.day', user: 'caseManager', dates: ['day'], input: (d) => ({ studentId: d.johnnyId, notebookId: d.notebookIds[0] }) },
  { path: 'notebooks.restore', user: 'caseManager', dates: ['day'], input: (d) => ({ studentId: d.johnnyId, notebookId: d.notebookIds[0] }) },
  { path: 'iepCalendar.setDates', user: 'caseManager', dates: ['startDate', 'endDate', 'annualReviewDate', 'reevaluationDate'], input: (d) => ({ studentId: d.johnnyId, ...NO_DATES }) },
  {
    path: 'iepCalendar.startNext',
    user: 'caseManager',
    dates: ['startDate', 'endDate', 'annualReviewDate', 'reevaluationDate'],
    input: (d) => ({ studentId: d.johnnyId, ...NO_DATES, goals: [] }),
  },
  // docs/advocates.md: a parent's grant of read-only access, until a last day at most 89 days after today.
  { path: 'advocates.grant', user: 'parent', dates: ['lastDay'], input: (d) => ({ studentId: d.johnnyId, email: 'advocate@example.org', lastDay: TODAY }) },
  { path: 'today.forMe', user: 'para', dates: ['date'], input: () => ({}), asOf: 'year-ahead' },
  { path: 'sessions.week', user: 'speech', dates: ['weekOf'], input: () => ({}), asOf: 'year-ahead' },
  { path: 'sessions.weekPlan', user: 'speech', dates: ['weekOf'], input: () => ({}), asOf: 'year-ahead' },
  { path: 'sessions.planMakeUp', user: 'speech', dates: ['plannedDate', 'repaysDate'], input: (d) => ({ studentId: d.johnnyId, serviceId: d.speechServiceId, repaysDate: TODAY, plannedDate: TODAY }) },
  { path: 'sessions.moveMakeUpPlan', user: 'speech', dates: ['plannedDate'], input: (d) => ({ studentId: d.johnnyId, planId: 'none', plannedDate: TODAY, changeReason: 'Moved.' }) },
  { path: 'sessions.recordWeek', user: 'speech', dates: ['weekOf'], input: () => ({ weekOf: TODAY, sessions: ['none:2026-01-01'] }), asOf: 'year-ahead' },
  { path: 'accountability.caseload', user: 'caseManager', dates: ['asOf'], input: () => ({}), asOf: 'not-future' },
  { path: 'schools.addClosure', user: 'admin', dates: ['date', 'endDate'], input: (d) => ({ schoolId: d.schoolId, label: 'Snow day', date: TODAY }) },
  { path: 'schools.closureChange', user: 'admin', dates: ['date', 'endDate'], input: (d) => ({ schoolId: d.schoolId, change: 'add', date: TODAY }) },
  { path: 'schools.removeClosure', user: 'admin', dates: ['date'], input: (d) => ({ schoolId: d.schoolId }) },
  { path: 'accountability.school', user: 'admin', dates: ['asOf'], input: (d) => ({ schoolId: d.schoolId }), asOf: 'not-future' },
  { path: 'recordsRequests.log', user: 'admin', dates: ['receivedOn'], input: (d) => ({ schoolId: d.schoolId, studentId: d.johnnyId, requestedBy: 'Ms Miller', receivedOn: TODAY }) },
  { path: 'reporting.addPeriod', user: 'admin', dates: ['end', 'start'], input: (d) => ({ schoolId: d.schoolId, name: 'Check-in', start: TODAY, end: TODAY }) },
  {
    path: 'reporting.updatePeriod',
    user: 'admin',
    dates: ['end', 'start'],
    input: (d) => ({ schoolId: d.schoolId, periodId: 'none', name: 'Check-in', start: TODAY, end: TODAY }),
  },
]

// The walker: the date fields (isoDateSchema, daySchema) of each procedure's input, found through zod's definitions.
type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType; out?: z.ZodType; element?: z.ZodType; left?: z.ZodType; right?: z.ZodType }
function dateFields(schema: z.ZodType, prefix = '', out = new Set<string>()): Set<string> {
  if (schema === isoDateSchema || schema === daySchema) {
    out.add(prefix)
    return out
  }
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def
  if (def.shape) for (const [key, field] of Object.entries(def.shape)) dateFields(field, key, out)
  for (const next of [def.innerType, def.in, def.out, def.element, def.left, def.right, ...(def.options ?? [])]) if (next) dateFields(next, prefix, out)
  return out
}
const procedures = Object.entries(appRouter._def.procedures).map(([path, procedure]) => {
  const inputs = (procedure as unknown as { _def: { inputs: z.ZodType[] } })._def.inputs
  const fields = new Set<string>()
  for (const input of inputs) dateFields(input, '', fields)
  return { path, fields: [...fields].sort() }
})

describe('the date walker', () => {
  test('finds every procedure that takes a date, and this file tries each of them', () => {
    const withDates = procedures.filter((p) => p.fields.length > 0)
    expect(withDates.map((p) => p.path).sort()).toEqual(CASES.map((c) => c.path).sort())
    for (const p of withDates) expect(p.fields, p.path).toEqual([...CASES.find((c) => c.path === p.path)!.dates].sort())
  })

  test(`the table covers ${CASES.length} procedures and ${CASES.reduce((n, c) => n + c.dates.length, 0)} date fields`, () => {
    expect(CASES.length).toBe(43)
    expect(CASES.reduce((n, c) => n + c.dates.length, 0)).toBe(59)
  })
})

describe('date extremes on every procedure that takes a date', () => {
  const { demo } = useDemoDb()

  async function codeOf(c: Case, input: Record<string, unknown>): Promise<string> {
    try {
      await callByPath(demo.callerFor(c.user), c.path, input)
      return 'OK'
    } catch (error) {
      if (error instanceof TRPCError) return error.code
      throw error
    }
  }

  test.each(CASES)('$path refuses every extreme in each of its date fields with BAD_REQUEST', async (c) => {
    for (const field of c.dates) {
      for (const date of EXTREMES) {
        const error = await trpcError(callByPath(demo.callerFor(c.user), c.path, { ...c.input(demo), [field]: date }))
        expect(error.code, `${c.path} ${field}=${date}`).toBe('BAD_REQUEST')
        expect(error.message).toMatch(/date|day/i)
      }
    }
  })

  test.each(CASES)('$path answers the edges of the range without a server error', async (c) => {
    for (const field of c.dates) {
      for (const date of EDGES) {
        const code = await codeOf(c, { ...c.input(demo), [field]: date })
        expect(code, `${c.path} ${field}=${date}`).not.toBe('INTERNAL_SERVER_ERROR')
        if (date === '2100-12-31' && c.asOf) expect(code).toBe('BAD_REQUEST')
      }
    }
  })

  test.each(CASES.filter((c) => c.asOf === 'year-ahead'))('$path shows up to a school year ahead and refuses one day more', async (c) => {
    const [field] = c.dates
    expect(await codeOf(c, { ...c.input(demo), [field!]: addDays(TODAY, 400) })).toBe('OK')
    const error = await trpcError(callByPath(demo.callerFor(c.user), c.path, { ...c.input(demo), [field!]: addDays(TODAY, 401) }))
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.message).toBe(`Choose a date no later than ${addDays(TODAY, 400)} (a school year from today).`)
  })

  test.each(CASES.filter((c) => c.asOf === 'not-future'))('$path still refuses any day after today', async (c) => {
    const error = await trpcError(callByPath(demo.callerFor(c.user), c.path, { ...c.input(demo), asOf: addDays(TODAY, 1) }))
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.message).toBe('asOf cannot be in the future.')
  })

  test('imports.plan refuses a plan file dated at each extreme, naming the field', async () => {
    for (const date of EXTREMES) {
      const error = await trpcError(demo.callerFor('caseManager').imports.plan({ schoolId: demo.schoolId, json: plan(date) }))
      expect(error.code, date).toBe('BAD_REQUEST')
      expect(error.message, date).toMatch(/school\.closures\[0\]\.date: .*(out of range|not a real date|not a date)/)
    }
  })
})

describe('the reproduction over HTTP: GET checks.fidelity with asOf 9999-12-31', () => {
  let t: TestDb
  let demo: Demo
  let server: Server
  let base: string
  beforeAll(async () => {
    t = createTestDb()
    demo = await seedDemoTeam(t)
    const created = createApp({ db: t.db, trustProxy: false })
    server = await listenOnFreePort(created.app)
    base = baseUrl(server)
    const session = await created.lucia.createSession(demo.users.caseManager, {})
    cookie = `${SESSION_COOKIE}=${session.id}`
  })
  let cookie = ''
  afterAll(async () => {
    await closeServer(server)
    await t.close()
  })

  test('is refused with 400 and a clear message, and the server still answers', async () => {
    const input = encodeURIComponent(JSON.stringify({ studentId: demo.johnnyId, asOf: '9999-12-31' }))
    const res = await fetch(`${base}/api/trpc/checks.fidelity?input=${input}`, { headers: { cookie } })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { message: string; data: { code: string; fieldErrors: Record<string, string[]> } } }
    expect(body.error.data.code).toBe('BAD_REQUEST')
    expect(body.error.message).toBe('asOf: Enter a date between 2000-01-01 and 2100-12-31.')
    expect(body.error.data.fieldErrors).toEqual({ asOf: ['Enter a date between 2000-01-01 and 2100-12-31.'] })
    expect((await fetch(`${base}/healthz`)).status).toBe(200)
  })

  test('today’s fidelity still answers', async () => {
    const input = encodeURIComponent(JSON.stringify({ studentId: demo.johnnyId }))
    const res = await fetch(`${base}/api/trpc/checks.fidelity?input=${input}`, { headers: { cookie } })
    expect(res.status).toBe(200)
  })
})
