import { describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { appRouter } from '#server/trpc/_app.server.ts'
import type { Meta } from '#server/trpc/trpc.server.ts'
import { verifyChain } from '#server/services/audit-chain.server.ts'
import { RECORD_KINDS, recordKindForPath, UNLOGGED_READS } from '#shared/record-access.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

const NOW = new Date('2026-11-17T15:00:00')
const later = (ms: number) => new Date(NOW.getTime() + ms)

interface AccessRow {
  user_id: string
  role: string
  student_id: string
  what: string
  via: string
  at: string
}

const procedures = Object.entries(appRouter._def.procedures).map(([path, p]) => {
  const def = (p as unknown as { _def: { meta?: Partial<Meta>; type: string } })._def
  return { path, scope: def.meta?.scope, type: def.type }
})

describe('which reads are logged', () => {
  test('every student-scoped query reads a known kind of record, or is listed as unlogged with a reason', () => {
    const queries = procedures.filter((p) => p.scope === 'student' && p.type === 'query')
    expect(queries.length).toBeGreaterThan(20)
    for (const { path } of queries) {
      const kind = recordKindForPath(path)
      if (kind === null) expect(UNLOGGED_READS, `${path} reads student records but has no kind`).toHaveProperty([path])
      else expect(Object.keys(RECORD_KINDS)).toContain(kind)
    }
  })

  test('the unlogged list names only real student-scoped queries', () => {
    for (const path of Object.keys(UNLOGGED_READS)) expect(procedures.find((p) => p.path === path)?.scope).toBe('student')
  })
})

describe('the record of access (FERPA 34 CFR 99.32)', () => {
  const { t, demo } = useDemoDb({ now: NOW })

  const rows = () => t.sqlite.prepare('select user_id, role, student_id, what, via, at from access_log order by id').all() as AccessRow[]

  test('a staff read is logged with who, their role, whose records, what and when', async () => {
    await demo.callerFor('speech', NOW).goals.list({ studentId: demo.johnnyId })
    expect(rows()).toEqual([
      { user_id: demo.users.speech, role: 'provider', student_id: demo.johnnyId, what: 'plan', via: 'goals.list', at: NOW.toISOString() },
    ])
  })

  test('a page view’s several queries of one kind make one row, even when they run at once', async () => {
    const cm = demo.callerFor('caseManager', NOW)
    await Promise.all([
      cm.profiles.get({ studentId: demo.johnnyId }),
      cm.goals.list({ studentId: demo.johnnyId }),
      cm.accommodations.list({ studentId: demo.johnnyId }),
      cm.services.list({ studentId: demo.johnnyId }),
      cm.checks.fidelity({ studentId: demo.johnnyId }),
    ])
    expect(rows().map((r) => r.what).sort()).toEqual(['plan', 'records'])
  })

  test('the same read a minute later is a new row; within the minute it is not', async () => {
    await demo.callerFor('para', NOW).goals.list({ studentId: demo.johnnyId })
    await demo.callerFor('para', later(59_000)).goals.list({ studentId: demo.johnnyId })
    expect(rows()).toHaveLength(1)
    await demo.callerFor('para', later(61_000)).goals.list({ studentId: demo.johnnyId })
    expect(rows()).toHaveLength(2)
  })

  test('a parent’s reads of their own child’s records are not access by the school', async () => {
    const parent = demo.callerFor('parent', NOW)
    await parent.goals.list({ studentId: demo.johnnyId })
    await parent.concerns.list({ studentId: demo.johnnyId })
    await parent.access.list({ studentId: demo.johnnyId })
    expect(rows()).toEqual([])
  })

  test('a refused read and a write are not logged as access', async () => {
    await trpcError(demo.callerFor('para', NOW).goals.list({ studentId: demo.mayaId }))
    await trpcError(demo.callerFor('para', NOW).access.list({ studentId: demo.johnnyId }))
    await demo.callerFor('caseManager', NOW).notebooks.rename({ studentId: demo.johnnyId, notebookId: demo.notebookIds[0]!, title: 'Home notes' })
    expect(rows()).toEqual([])
  })

  test('the Today screen logs one read per student shown, with the role held for each', async () => {
    await demo.callerFor('para', NOW).today.forMe({})
    const logged = rows()
    expect(logged.map((r) => r.student_id).sort()).toEqual([demo.johnnyId, demo.leoId, demo.avaId].sort())
    expect(new Set(logged.map((r) => `${r.role} ${r.what} ${r.via}`))).toEqual(new Set(['para today today.forMe']))
  })

  test('the school view logs the school admin’s read of every student it shows', async () => {
    const shown = await demo.callerFor('admin', NOW).accountability.school({ schoolId: demo.schoolId })
    const students = [...new Set(shown.map((r) => r.studentId))].sort()
    expect(students.length).toBeGreaterThan(0)
    expect(rows().map((r) => r.student_id).sort()).toEqual(students)
    expect(new Set(rows().map((r) => r.role))).toEqual(new Set(['school_admin']))
  })

  test('the parent reads who at school opened the records: name, role, what, when, newest first', async () => {
    await demo.callerFor('speech', NOW).sessions.log({ studentId: demo.johnnyId })
    await demo.callerFor('admin', later(5 * 60_000)).notifications.forStudent({ studentId: demo.johnnyId })
    await demo.callerFor('caseManager', NOW).goals.list({ studentId: demo.mayaId })
    const list = await demo.callerFor('parent', later(10 * 60_000)).access.list({ studentId: demo.johnnyId })
    expect(list.map(({ name, role, what, at }) => ({ name, role, what, at }))).toEqual([
      { name: 'Alex Chen', role: 'school_admin', what: 'notices', at: later(5 * 60_000).toISOString() },
      { name: 'Priya Shah', role: 'provider', what: 'records', at: NOW.toISOString() },
    ])
  })

  test('the record of access is itself chained and append-only', async () => {
    await demo.callerFor('speech', NOW).goals.list({ studentId: demo.johnnyId })
    await demo.callerFor('para', NOW).today.forMe({})
    expect(verifyChain(t.sqlite, 'access_log')).toMatchObject({ rows: 4, broken: null })
    expect(() => t.sqlite.prepare('delete from access_log').run()).toThrow(/append-only/)
    expect(() => t.sqlite.prepare("update access_log set role = 'parent'").run()).toThrow(/append-only/)
  })
})

describe('access.list is gated by access.view', () => {
  const { t, demo } = useDemoDb({ now: NOW })

  // Johnny has every role on his team; Maya only the case manager (and the school admin through the school).
  const JOHNNY: [DemoUserKey, 'ok' | 'FORBIDDEN'][] = [
    ['parent', 'ok'],
    ['caseManager', 'ok'],
    ['admin', 'ok'],
    ['para', 'FORBIDDEN'],
    ['speech', 'FORBIDDEN'],
    ['ot', 'FORBIDDEN'],
  ]
  test.each(JOHNNY)('%s on Johnny’s team: %s', async (key, outcome) => {
    const call = demo.callerFor(key, NOW).access.list({ studentId: demo.johnnyId })
    if (outcome === 'ok') await expect(call).resolves.toBeInstanceOf(Array)
    else expect((await trpcError(call)).code).toBe(outcome)
  })

  const MAYA: [DemoUserKey, 'ok' | 'NOT_FOUND'][] = [
    ['caseManager', 'ok'],
    ['admin', 'ok'],
    ['parent', 'NOT_FOUND'],
    ['para', 'NOT_FOUND'],
    ['speech', 'NOT_FOUND'],
    ['ot', 'NOT_FOUND'],
  ]
  test.each(MAYA)('%s for Maya, another family’s child: %s', async (key, outcome) => {
    const call = demo.callerFor(key, NOW).access.list({ studentId: demo.mayaId })
    if (outcome === 'ok') await expect(call).resolves.toBeInstanceOf(Array)
    else expect((await trpcError(call)).code).toBe(outcome)
  })

  test('signed out: UNAUTHORIZED, and nothing logged', async () => {
    expect((await trpcError(demo.callerFor(null, NOW).access.list({ studentId: demo.johnnyId }))).code).toBe('UNAUTHORIZED')
    expect(countRows(t.sqlite, 'access_log')).toBe(0)
  })
})
