import { describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// Tuesday 17 November 2026, 3 p.m.: a school day (seed and callers share it, so dates are deterministic).
const NOW = new Date('2026-11-17T15:00:00')
const TABLES = ['concerns', 'concern_versions', 'concern_links', 'concern_updates', 'concern_steps', 'audit_log']

describe('taking back a step of the concern ladder (issue 14)', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  const counts = () => TABLES.map((table) => countRows(t.sqlite, table))
  const johnny = () => ({ studentId: demo.johnnyId })
  /** The family's shared concern (at step 2 in the demo), moved to mediation by mistake. */
  const atMediation = async () => {
    const ref = { ...johnny(), concernId: demo.sharedConcernId! }
    await as('parent').concerns.escalate({ ...ref, step: 4, date: '2026-11-17', note: 'Pressed the wrong step.' })
    return ref
  }

  test('the step stays in the log; a new entry puts the concern back where it stood, with that step’s own date', async () => {
    const ref = await atMediation()
    const before = await as('parent').concerns.get(ref)
    expect([before.step, before.takeBack]).toEqual([4, { from: 4, to: 2 }])
    const stepsBefore = countRows(t.sqlite, 'concern_steps')
    expect(await as('parent').concerns.takeBackStep({ ...ref, step: 4, note: 'Meant to add a contact.' })).toEqual({ step: 2 })
    expect(countRows(t.sqlite, 'concern_steps')).toBe(stepsBefore + 1)
    const after = await as('parent').concerns.get(ref)
    expect([after.step, after.stepSince]).toEqual([2, before.steps[1]!.date])
    expect(after.steps.map((s) => [s.kind, s.step, s.takenBack])).toEqual([
      ['move', 1, null],
      ['move', 2, null],
      ['move', 4, null],
      ['take_back', 2, 4],
    ])
    expect(after.steps.at(-1)).toMatchObject({ date: '2026-11-17', note: 'Meant to add a contact.', byName: 'Laura Miller' })
    // Back at step 2, only the opening step stands below it; moving up again is allowed from step 2.
    expect(after.takeBack).toEqual({ from: 2, to: 1 })
    await as('parent').concerns.escalate({ ...ref, step: 3, date: '2026-11-17', note: '' })
    expect((await as('parent').concerns.get(ref)).step).toBe(3)
    const history = await as('caseManager').team.history(johnny())
    expect(JSON.stringify(history)).toContain('take_back_step')
  })

  test('a second tap on the same button takes back nothing more', async () => {
    const ref = await atMediation()
    await as('parent').concerns.takeBackStep({ ...ref, step: 4, note: '' })
    const before = counts()
    const again = await trpcError(as('parent').concerns.takeBackStep({ ...ref, step: 4, note: '' }))
    expect([again.code, again.message]).toEqual(['CONFLICT', 'The concern is at step 2 now, not step 4: reload the page and look again.'])
    expect(counts()).toEqual(before)
  })

  test('the opening step cannot be taken back', async () => {
    const { concernId } = await as('parent').concerns.create({ ...johnny(), date: '2026-11-17', issue: 'Fresh', status: 'open', visibility: 'team', links: [] })
    const before = counts()
    const error = await trpcError(as('parent').concerns.takeBackStep({ ...johnny(), concernId, step: 1, note: '' }))
    expect([error.code, error.message]).toEqual(['BAD_REQUEST', 'Only the opening step stands: there is no step to take back.'])
    expect(counts()).toEqual(before)
  })

  test('only the side that logged the concern takes a step back; every other role is refused and nothing changes', async () => {
    const ref = await atMediation()
    const before = counts()
    const refusals: Record<string, string | undefined> = {}
    for (const user of ['caseManager', 'para', 'speech', 'ot', 'admin'] as DemoUserKey[]) {
      refusals[user] = (await trpcError(as(user).concerns.takeBackStep({ ...ref, step: 4, note: '' }))).code
    }
    expect(refusals).toEqual({ caseManager: 'FORBIDDEN', para: 'FORBIDDEN', speech: 'FORBIDDEN', ot: 'FORBIDDEN', admin: 'FORBIDDEN' })
    expect(counts()).toEqual(before)
  })

  test('the case manager takes back a step of the school’s own concern; the parent may not', async () => {
    const { concernId } = await as('caseManager').concerns.create({ ...johnny(), date: '2026-11-16', issue: 'Bus', status: 'open', visibility: 'team', links: [] })
    const ref = { ...johnny(), concernId }
    await as('caseManager').concerns.escalate({ ...ref, step: 3, date: '2026-11-17', note: '' })
    expect((await trpcError(as('parent').concerns.takeBackStep({ ...ref, step: 3, note: '' }))).code).toBe('FORBIDDEN')
    expect(await as('caseManager').concerns.takeBackStep({ ...ref, step: 3, note: '' })).toEqual({ step: 1 })
  })

  test('someone else’s student: a concern is taken back only under its own student', async () => {
    const ref = await atMediation()
    const before = counts()
    // Laura is not on Leo's team (his page does not exist for her); the case manager is, but the concern is not Leo's.
    expect((await trpcError(as('parent').concerns.takeBackStep({ ...ref, studentId: demo.leoId, step: 4, note: '' }))).code).toBe('NOT_FOUND')
    expect((await trpcError(as('caseManager').concerns.takeBackStep({ ...ref, studentId: demo.leoId, step: 4, note: '' }))).code).toBe('NOT_FOUND')
    expect(counts()).toEqual(before)
    expect((await as('parent').concerns.get(ref)).step).toBe(4)
  })
})
