import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#db/seed.ts'
import { seedDemoTeam, type Demo } from '#tests/fixtures/demo.ts'
import { createTestDb, type TestDb } from '#tests/setup/test-db.ts'
import { trpcError } from './call.ts'

// Tuesday 17 November 2026, 3 p.m.: a school day.
const NOW = new Date('2026-11-17T15:00:00')

/** Probes of the newest features' permission and visibility rules, from the final review. */
describe('review: what each role can reach', () => {
  let t: TestDb
  let demo: Demo
  beforeEach(async () => {
    t = createTestDb()
    demo = await seedDemoTeam(t, NOW)
  })
  afterEach(() => t.close())

  const as = (user: DemoUserKey | null) => demo.callerFor(user, NOW)
  const johnny = () => ({ studentId: demo.johnnyId })

  describe('notebooks: only the team reads their words', () => {
    test('the school admin’s student history carries no notebook text (a restore’s audit row holds it)', async () => {
      const notebookId = demo.notebookIds[0]!
      const content = (await as('caseManager').notebooks.content({ ...johnny(), notebookId })).text
      expect(content.length).toBeGreaterThan(20)
      const [day] = await as('caseManager').notebooks.history({ ...johnny(), notebookId })
      await as('caseManager').notebooks.restore({ ...johnny(), notebookId, day: day!.day })
      const words = content.split(/\s+/).slice(0, 6).join(' ')
      // The team may read it anyway; the school admin, who may not open the notebook, must not read it here.
      expect(JSON.stringify(await as('para').team.history(johnny()))).toContain(words)
      expect((await trpcError(as('admin').notebooks.content({ ...johnny(), notebookId }))).code).toBe('FORBIDDEN')
      const adminHistory = await as('admin').team.history(johnny())
      expect(adminHistory.some((e) => e.entity === 'notebook' && e.action === 'restore')).toBe(true)
      expect(JSON.stringify(adminHistory)).not.toContain(words)
    })
  })
})
