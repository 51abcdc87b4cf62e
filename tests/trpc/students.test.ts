import { describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import type { StudentRole } from '#shared/roles.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// docs/roles.md and docs/domain.md#demo: who sees which demo student, and as what. null: not visible at all.
const ACCESS: Record<DemoUserKey, { johnny: StudentRole | null; maya: StudentRole | null; others: StudentRole | null }> = {
  caseManager: { johnny: 'case_manager', maya: 'case_manager', others: 'case_manager' },
  // Priya runs Leo's and Ava's social skills group.
  speech: { johnny: 'provider', maya: null, others: 'provider' },
  ot: { johnny: 'provider', maya: null, others: null },
  para: { johnny: 'para', maya: null, others: 'para' },
  parent: { johnny: 'parent', maya: null, others: null },
  mayaParent: { johnny: null, maya: 'parent', others: null },
  admin: { johnny: 'school_admin', maya: 'school_admin', others: 'school_admin' },
}
const USERS = Object.keys(ACCESS) as DemoUserKey[]

describe('students router', () => {
  const { t, demo } = useDemoDb()

  describe.each(USERS)('as %s', (user) => {
    const expected = ACCESS[user]

    test('students.mine lists exactly the students this person may see, with their role', async () => {
      const mine = await demo.callerFor(user).students.mine()
      // Sorted by name: Ava Brooks, Johnny Miller, Leo Garcia, Maya Thompson.
      const want = [
        expected.others && { id: demo.avaId, name: 'Ava Brooks', role: expected.others },
        expected.johnny && { id: demo.johnnyId, name: 'Johnny Miller', role: expected.johnny },
        expected.others && { id: demo.leoId, name: 'Leo Garcia', role: expected.others },
        expected.maya && { id: demo.mayaId, name: 'Maya Thompson', role: expected.maya },
      ].filter(Boolean)
      expect(mine.map((s) => ({ id: s.id, name: s.name, role: s.role }))).toEqual(want)
      for (const s of mine) expect(s.schoolName).toBe('Maple Elementary')
    })

    test('students.get on Johnny: their role, or NOT_FOUND naming nothing (Maya’s mother)', async () => {
      const call = demo.callerFor(user).students.get({ studentId: demo.johnnyId })
      if (!expected.johnny) {
        const error = await trpcError(call)
        expect(error.code).toBe('NOT_FOUND')
        expect(error.message).not.toContain('Johnny')
        return
      }
      expect(await call).toMatchObject({ id: demo.johnnyId, name: 'Johnny Miller', preferredName: 'Johnny', grade: 3, role: expected.johnny })
    })

    test('students.get on Maya: their role, or NOT_FOUND naming nothing', async () => {
      const call = demo.callerFor(user).students.get({ studentId: demo.mayaId })
      if (!expected.maya) {
        const error = await trpcError(call)
        expect(error.code).toBe('NOT_FOUND')
        expect(error.message).not.toContain('Maya')
        return
      }
      expect(await call).toMatchObject({ id: demo.mayaId, name: 'Maya Thompson', grade: 2, role: expected.maya })
    })
  })

  test('each parent sees only their own child', async () => {
    expect((await demo.callerFor('parent').students.mine()).map((s) => s.preferredName)).toEqual(['Johnny'])
    expect((await demo.callerFor('mayaParent').students.mine()).map((s) => s.preferredName)).toEqual(['Maya'])
  })

  test('a removed school admin no longer sees the school’s students', async () => {
    t.sqlite.prepare('update school_roles set removed_at = ? where user_id = ?').run(new Date().toISOString(), demo.users.admin)
    expect(await demo.callerFor('admin').students.mine()).toEqual([])
    expect((await trpcError(demo.callerFor('admin').students.get({ studentId: demo.johnnyId }))).code).toBe('NOT_FOUND')
  })

  test('a bad student id is a BAD_REQUEST naming the field', async () => {
    const error = await trpcError(demo.callerFor('caseManager').students.get({ studentId: '' }))
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.message).toContain('studentId')
  })
})
