import { describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#db/seed.ts'
import { type Action, ACTIONS, can, SCHOOL_ACTIONS } from '#shared/permissions.ts'
import { appRouter } from '#server/trpc/_app.server.ts'
import type { Meta } from '#server/trpc/trpc.server.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { callByPath, trpcError } from './call.ts'

/**
 * docs/decisions/003-one-permission-gate.md: walk every procedure of the router. The only procedures allowed
 * without a student gate are listed here by hand, so a new one that forgets studentProcedure fails this test.
 */
const USER_SCOPED = ['students.mine', 'today.forMe', 'sessions.week', 'schools.mine', 'accountability.caseload', 'notifications.mine', 'notifications.markSeen', 'notifications.alerts']

const procedures = Object.entries(appRouter._def.procedures).map(([path, procedure]) => ({
  path,
  meta: (procedure as unknown as { _def: { meta?: Partial<Meta> } })._def.meta,
}))
const studentScoped = procedures.filter((p) => p.meta?.scope === 'student').map((p) => p.path)
const schoolScoped = procedures.filter((p) => p.meta?.scope === 'school').map((p) => p.path)
const OUTSIDERS: DemoUserKey[] = ['para', 'parent', 'speech']
const TABLES = ['users', 'team_members', 'invites', 'audit_log', 'auth_sessions']

describe('every tRPC procedure is behind the gate', () => {
  const { t, demo } = useDemoDb()

  const counts = () => TABLES.map((table) => countRows(t.sqlite, table))

  test('the router has procedures to walk, and student procedures among them', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(USER_SCOPED.length + 1)
    expect(studentScoped.length).toBeGreaterThan(0)
  })

  test.each(procedures)('$path declares its scope (and a known action when student-scoped)', ({ path, meta }) => {
    expect(meta?.scope).toMatch(/^(user|student|school)$/)
    if (meta?.scope === 'student') expect(ACTIONS).toContain(meta.action)
    else if (meta?.scope === 'school') expect(SCHOOL_ACTIONS).toContain(meta.action)
    else expect(USER_SCOPED, `${path} is user-scoped but not in the allowlist`).toContain(path)
  })

  test('every allowlisted user-scoped procedure still exists and is user-scoped', () => {
    for (const path of USER_SCOPED) expect(procedures.find((p) => p.path === path)?.meta?.scope).toBe('user')
  })

  test.each(procedures)('$path refuses a signed-out caller with UNAUTHORIZED', async ({ path }) => {
    const before = counts()
    const input = studentScoped.includes(path) ? { studentId: demo.johnnyId } : schoolScoped.includes(path) ? { schoolId: demo.schoolId } : undefined
    const error = await trpcError(callByPath(demo.callerFor(null), path, input))
    expect(error.code).toBe('UNAUTHORIZED')
    expect(counts()).toEqual(before)
  })

  describe.each(OUTSIDERS)('%s, who is not on Maya’s team', (outsider) => {
    test.each(studentScoped)('gets NOT_FOUND from %s for Maya, naming nothing of her', async (path) => {
      const before = counts()
      const error = await trpcError(callByPath(demo.callerFor(outsider), path, { studentId: demo.mayaId }))
      expect(error.code).toBe('NOT_FOUND')
      for (const word of ['Maya', 'Thompson', 'MAPLE-0207', demo.mayaId]) expect(error.message).not.toContain(word)
      expect(counts()).toEqual(before)
    })

    test.each(studentScoped)('gets the same NOT_FOUND from %s for a student that does not exist', async (path) => {
      const hidden = await trpcError(callByPath(demo.callerFor(outsider), path, { studentId: demo.mayaId }))
      const missing = await trpcError(callByPath(demo.callerFor(outsider), path, { studentId: 'no-such-student' }))
      expect([missing.code, missing.message]).toEqual([hidden.code, hidden.message])
    })
  })

  // Paras, providers and parents are nobody to the school itself: every school procedure refuses them.
  describe.each(OUTSIDERS)('%s, who is neither school admin nor case manager', (outsider) => {
    test.each(schoolScoped)('gets NOT_FOUND from %s for the school', async (path) => {
      const before = counts()
      const error = await trpcError(callByPath(demo.callerFor(outsider), path, { schoolId: demo.schoolId }))
      expect(error.code).toBe('NOT_FOUND')
      expect(error.message).not.toContain('Maple')
      expect(counts()).toEqual(before)
    })
  })

  test('there are school procedures to walk', () => {
    expect(schoolScoped.length).toBeGreaterThan(0)
  })

  // The control: Maya's case manager passes the gate on every student procedure, so the refusals above come
  // from membership and not from something else (at most the procedure's own input check, with nothing written).
  // An action her role may not take (a parent's dispute flag) is FORBIDDEN, not NOT_FOUND: the gate found her.
  test.each(studentScoped)('Maya’s case manager passes the gate of %s', async (path) => {
    const before = counts()
    const outcome = await callByPath(demo.callerFor('caseManager'), path, { studentId: demo.mayaId }).then(
      () => 'ok',
      (error: { code?: string }) => error.code,
    )
    const action = procedures.find((p) => p.path === path)?.meta?.action as Action
    expect(can('case_manager', action) ? ['ok', 'BAD_REQUEST'] : ['FORBIDDEN']).toContain(outcome)
    expect(counts()).toEqual(before)
  })
})
