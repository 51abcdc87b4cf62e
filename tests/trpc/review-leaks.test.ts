import { describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// Tuesday 17 November 2026, 3 p.m.: a school day.
const NOW = new Date('2026-11-17T15:00:00')

/** Probes of the newest features' permission and visibility rules, from the final review. */
describe('review: what each role can reach', () => {
  const { demo, as } = useDemoDb({ now: NOW })

  const johnny = () => ({ studentId: demo.johnnyId })

  describe('family-only concerns: nothing of them in a staff member’s history', () => {
    test('every later entry (edit, contact, link, ladder step) of a family-only concern stays out of staff history', async () => {
      const ref = { ...johnny(), concernId: demo.familyConcernId! }
      const c = await as('parent').concerns.get(ref)
      await as('parent').concerns.edit({ ...ref, date: c.date, issue: 'Reworded private worry', personContacted: 'Aunt May', response: 'Private reply', followUp: 'Private plan', status: 'open' })
      await as('parent').concerns.addUpdate({ ...ref, kind: 'contact', date: '2026-11-17', person: 'Grandpa Joe', text: 'Private phone call' })
      await as('parent').concerns.escalate({ ...ref, step: 2, date: '2026-11-17', note: 'Private step note' })
      const linked = new Set(c.links.map((l) => l.recordId))
      const session = (await as('parent').concerns.linkable(johnny())).sessions.find((r) => !linked.has(r.recordId))
      await as('parent').concerns.link({ ...ref, links: [{ kind: 'session', recordId: session!.recordId }] })
      const secrets = ['Reworded private worry', 'Aunt May', 'Private reply', 'Grandpa Joe', 'Private phone call', 'Private step note', demo.familyConcernId!]
      const parentHistory = JSON.stringify(await as('parent').team.history(johnny()))
      for (const secret of secrets.slice(0, 6)) expect(parentHistory).toContain(secret)
      for (const user of ['caseManager', 'para', 'speech', 'ot', 'admin'] as DemoUserKey[]) {
        const history = await as(user).team.history(johnny())
        expect(history.filter((e) => e.entity === 'concern' && JSON.stringify(e).includes(demo.familyConcernId!)), user).toEqual([])
        const text = JSON.stringify(history)
        for (const secret of secrets) expect(text, `${user}: ${secret}`).not.toContain(secret)
      }
    })
  })

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
