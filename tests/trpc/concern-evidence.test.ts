import { describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { runNoticePass } from '#server/services/notice-pass.server.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// Issue 19, parts 2, 6 and 7: what happened next at home, agreements and their watch, and sharing a family-only concern.
// Tuesday 17 November 2026, 3 p.m.: a school day (seed and callers share it).
const NOW = new Date('2026-11-17T15:00:00')
const TODAY = '2026-11-17'
const TEAM: DemoUserKey[] = ['caseManager', 'speech', 'para', 'parent']
const TABLES = ['effects', 'concerns', 'concern_versions', 'concern_agreements', 'agreement_items', 'concern_reopens', 'audit_log', 'notifications']

describe('what happened next: effects at home (issue 19, part 2)', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  const counts = () => TABLES.map((table) => countRows(t.sqlite, table))
  const johnny = () => ({ studentId: demo.johnnyId })

  test('everyone on the team records an effect; everyone, the school admin included, reads them; the admin records none', async () => {
    for (const user of TEAM) await as(user).effects.record({ ...johnny(), date: TODAY, kind: 'meltdown', note: `Seen by ${user}.` })
    const before = counts()
    const refused = await trpcError(as('admin').effects.record({ ...johnny(), date: TODAY, kind: 'sleep', note: '' }))
    expect(refused.code).toBe('FORBIDDEN')
    expect(counts()).toEqual(before)
    for (const user of [...TEAM, 'admin'] as DemoUserKey[]) {
      const list = await as(user).effects.list(johnny())
      expect(list.map((e) => e.note).sort(), user).toEqual(TEAM.map((u) => `Seen by ${u}.`).sort())
      expect(list.filter((e) => e.mine).length, user).toBe(user === 'admin' ? 0 : 1)
    }
  })

  test('someone else’s student: not found, for reading and writing, and nothing is written', async () => {
    const { effectId } = await as('parent').effects.record({ ...johnny(), date: TODAY, kind: 'shutdown', note: '' })
    const before = counts()
    for (const user of ['parent', 'para', 'speech'] as DemoUserKey[]) {
      expect((await trpcError(as(user).effects.list({ studentId: demo.mayaId }))).code).toBe('NOT_FOUND')
      expect((await trpcError(as(user).effects.record({ studentId: demo.mayaId, date: TODAY, kind: 'sleep', note: '' }))).code).toBe('NOT_FOUND')
    }
    // Maya's case manager (Dana is on both teams) cannot reach Johnny's effect through Maya.
    expect((await trpcError(as('caseManager').effects.remove({ studentId: demo.mayaId, effectId, reason: '' }))).code).toBe('NOT_FOUND')
    expect(counts()).toEqual(before)
  })

  test('bad input changes nothing: a future day, a goal of another student, an unknown kind, a note too long', async () => {
    const before = counts()
    const future = await trpcError(as('parent').effects.record({ ...johnny(), date: '2026-11-18', kind: 'sleep', note: '' }))
    expect([future.code, future.message]).toEqual(['BAD_REQUEST', 'That day has not happened yet: choose today or an earlier day.'])
    const goal = await trpcError(as('parent').effects.record({ ...johnny(), date: TODAY, kind: 'sleep', goalId: 'not-his-goal', note: '' }))
    expect(goal.code).toBe('BAD_REQUEST')
    expect((await trpcError(as('parent').effects.record({ ...johnny(), date: TODAY, kind: 'tantrum' as 'sleep', note: '' }))).code).toBe('BAD_REQUEST')
    expect((await trpcError(as('parent').effects.record({ ...johnny(), date: TODAY, kind: 'sleep', note: 'x'.repeat(501) }))).code).toBe('BAD_REQUEST')
    expect(counts()).toEqual(before)
  })

  test('a correction stands in place of the entry, once; a removal hides it; only the person who recorded it does either', async () => {
    const { effectId } = await as('parent').effects.record({ ...johnny(), date: TODAY, kind: 'meltdown', note: 'After speech.' })
    const before = counts()
    for (const user of ['caseManager', 'speech', 'para'] as DemoUserKey[]) {
      expect((await trpcError(as(user).effects.correct({ ...johnny(), effectId, date: TODAY, kind: 'sleep', note: '' }))).code).toBe('FORBIDDEN')
      expect((await trpcError(as(user).effects.remove({ ...johnny(), effectId, reason: '' }))).code).toBe('FORBIDDEN')
    }
    expect((await trpcError(as('admin').effects.remove({ ...johnny(), effectId, reason: '' }))).code).toBe('FORBIDDEN')
    expect(counts()).toEqual(before)
    const { effectId: corrected } = await as('parent').effects.correct({ ...johnny(), effectId, date: '2026-11-16', kind: 'shutdown', note: 'It was Monday.' })
    const again = await trpcError(as('parent').effects.correct({ ...johnny(), effectId, date: TODAY, kind: 'sleep', note: '' }))
    expect(again.code).toBe('CONFLICT')
    expect((await as('caseManager').effects.list(johnny())).map((e) => [e.id, e.date, e.kind, e.corrected])).toEqual([[corrected, '2026-11-16', 'shutdown', true]])
    await as('parent').effects.remove({ ...johnny(), effectId: corrected, reason: 'Wrong child’s evening.' })
    expect(await as('caseManager').effects.list(johnny())).toEqual([])
    expect(countRows(t.sqlite, 'effects')).toBe(3)
    expect(JSON.stringify(await as('caseManager').team.history(johnny()))).toContain('effect')
  })

  test('the goal’s met-on-paper flag counts an effect on the day of a point that met it, and the goal shows the effect', async () => {
    const ref = { ...johnny(), goalId: demo.sitGoalId }
    await as('caseManager').progress.add({ ...ref, date: TODAY, value: 25, promptLevel: 'independent', regulation: 'calm', note: '' })
    const before = await as('parent').goals.get(ref)
    expect(before.metOnPaperEffects).toBe(0)
    await as('parent').effects.record({ ...johnny(), goalId: demo.sitGoalId, date: TODAY, kind: 'shutdown', note: 'Silent all evening.' })
    const after = await as('parent').goals.get(ref)
    expect([after.metOnPaper, after.metOnPaperEffects]).toEqual([true, 1])
    expect(after.effects.map((e) => [e.date, e.kind])).toEqual([[TODAY, 'shutdown']])
  })
})

describe('agreements and the watch (issue 19, part 6)', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  const counts = () => TABLES.map((table) => countRows(t.sqlite, table))
  const johnny = () => ({ studentId: demo.johnnyId })
  const item = { kind: 'compensatory' as const, what: 'Six make-up speech sessions', whoText: '', dueOn: '2026-12-18' }

  test('the parent records an agreement and its items; the concern is resolved; items are due, done or late', async () => {
    const ref = { ...johnny(), concernId: demo.sharedConcernId! }
    await as('parent').concerns.recordAgreement({ ...ref, agreedOn: '2026-11-16' })
    const { itemId } = await as('parent').concerns.addAgreementItem({ ...ref, ...item, whoUserId: demo.users.caseManager })
    await as('caseManager').concerns.addAgreementItem({ ...ref, kind: 'independent_evaluation', what: 'An outside speech evaluation', whoText: 'The district office', dueOn: '2026-11-16' })
    const seen = await as('caseManager').concerns.get(ref)
    expect(seen.status).toBe('resolved')
    expect(seen.agreement).toMatchObject({ agreedOn: '2026-11-16', watched: true })
    expect(seen.agreement!.watchEnds > '2027-01-01').toBe(true)
    expect(seen.agreement!.items.map((i) => [i.who, i.state])).toEqual([
      ['The district office', 'late'],
      ['Dana Rivera', 'due'],
    ])
    await as('caseManager').concerns.markItemDone({ ...ref, itemId })
    const again = await trpcError(as('parent').concerns.markItemDone({ ...ref, itemId }))
    expect(again.code).toBe('CONFLICT')
    const done = (await as('parent').concerns.get(ref)).agreement!.items.find((i) => i.id === itemId)!
    expect([done.state, done.done]).toEqual(['done', { on: TODAY, byName: 'Dana Rivera' }])
    expect((await trpcError(as('parent').concerns.recordAgreement({ ...ref, agreedOn: TODAY }))).code).toBe('CONFLICT')
  })

  test('providers, paras and the admin record no agreement; staff cannot reach a family-only concern’s; nothing is written', async () => {
    const shared = { ...johnny(), concernId: demo.sharedConcernId! }
    const family = { ...johnny(), concernId: demo.familyConcernId! }
    await as('parent').concerns.recordAgreement({ ...family, agreedOn: TODAY })
    const { itemId } = await as('parent').concerns.addAgreementItem({ ...family, ...item, whoText: 'Us' })
    const before = counts()
    for (const user of ['speech', 'para', 'admin'] as DemoUserKey[]) {
      expect((await trpcError(as(user).concerns.recordAgreement({ ...shared, agreedOn: TODAY }))).code, user).toBe('FORBIDDEN')
      expect((await trpcError(as(user).concerns.addAgreementItem({ ...family, ...item, whoText: 'Me' }))).code, user).toBe('FORBIDDEN')
      expect((await trpcError(as(user).concerns.markItemDone({ ...family, itemId }))).code, user).toBe('FORBIDDEN')
    }
    expect((await trpcError(as('caseManager').concerns.addAgreementItem({ ...family, ...item, whoText: 'Me' }))).code).toBe('NOT_FOUND')
    expect((await trpcError(as('caseManager').concerns.markItemDone({ ...family, itemId }))).code).toBe('NOT_FOUND')
    // Someone else's student: the concern is not Maya's.
    expect((await trpcError(as('caseManager').concerns.recordAgreement({ ...shared, studentId: demo.mayaId, agreedOn: TODAY }))).code).toBe('NOT_FOUND')
    expect((await trpcError(as('parent').concerns.recordAgreement({ ...shared, studentId: demo.mayaId, agreedOn: TODAY }))).code).toBe('NOT_FOUND')
    expect(counts()).toEqual(before)
    // The family's own concern keeps its agreement to itself.
    expect((await as('parent').concerns.get(family)).agreement!.items).toHaveLength(1)
    // So does the meeting brief: the parent's lists the item, the case manager's knows nothing of it.
    const parentBrief = await as('parent').brief.get(johnny())
    expect(parentBrief.agreements.map((a) => a.items.map((i) => [i.state, i.text]))).toEqual([[['due', 'Compensatory sessions: Six make-up speech sessions (Us, by Fri, Dec 18): Due']]])
    expect((await as('caseManager').brief.get(johnny())).agreements).toEqual([])
  })

  test('bad input changes nothing: an item before the agreement or without one, nobody named, someone off the team, a day in the future', async () => {
    const ref = { ...johnny(), concernId: demo.sharedConcernId! }
    const noAgreement = await trpcError(as('parent').concerns.addAgreementItem({ ...ref, ...item, whoText: 'Us' }))
    expect(noAgreement.code).toBe('BAD_REQUEST')
    expect((await trpcError(as('parent').concerns.recordAgreement({ ...ref, agreedOn: '2026-11-18' }))).code).toBe('BAD_REQUEST')
    await as('parent').concerns.recordAgreement({ ...ref, agreedOn: TODAY })
    const before = counts()
    const cases = [
      { ...item, whoText: 'Us', dueOn: '2026-11-16' },
      { ...item, whoText: '' },
      { ...item, whoUserId: demo.users.admin },
      { ...item, whoText: 'Us', dueOn: '2029-01-01' },
      { ...item, whoText: 'Us', what: '' },
    ]
    for (const input of cases) expect((await trpcError(as('parent').concerns.addAgreementItem({ ...ref, ...input }))).code, JSON.stringify(input)).toBe('BAD_REQUEST')
    expect((await trpcError(as('parent').concerns.markItemDone({ ...ref, itemId: 'no-such-item' }))).code).toBe('NOT_FOUND')
    expect(counts()).toEqual(before)
  })

  test('a new alert on a linked service during the watch reopens the concern once, with a notice to the family and the case manager', async () => {
    const cm = as('caseManager')
    const speech = (await cm.sessions.log(johnny())).find((r) => r.serviceId === demo.speechServiceId && !r.voided)!
    const { concernId } = await as('parent').concerns.create({
      ...johnny(),
      date: '2026-11-10',
      issue: 'Speech sessions missed',
      status: 'open',
      visibility: 'team',
      links: [{ kind: 'session', recordId: speech.recordId }],
    })
    const ref = { ...johnny(), concernId }
    await as('parent').concerns.recordAgreement({ ...ref, agreedOn: '2026-11-16' })
    await runNoticePass(t.db, NOW)
    const state = JSON.parse((t.sqlite.prepare('select alerts from notice_alert_state where student_id = ?').get(demo.johnnyId) as { alerts: string }).alerts) as string[]
    expect(state.some((k) => k.startsWith('speech:'))).toBe(true)
    // As if the last look had seen none of today's alerts: the speech alert is new.
    t.sqlite.prepare("update notice_alert_state set alerts = '[]' where student_id = ?").run(demo.johnnyId)
    await runNoticePass(t.db, new Date('2026-11-17T15:05:00'))
    const reopened = await cm.concerns.get(ref)
    expect(reopened.status).toBe('open')
    expect(reopened.agreement!.reopens.length).toBe(1)
    const notices = t.sqlite.prepare("select user_id from notifications where kind = 'concern_reopened' and related_id = ?").all(concernId) as { user_id: string }[]
    expect(new Set(notices.map((n) => n.user_id))).toEqual(new Set([demo.users.parent, demo.users.caseManager]))
    t.sqlite.prepare("update notice_alert_state set alerts = '[]' where student_id = ?").run(demo.johnnyId)
    await runNoticePass(t.db, new Date('2026-11-17T15:10:00'))
    expect(countRows(t.sqlite, 'concern_reopens')).toBe(1)
  })
})

describe('a family-only concern shared with the team, one way (issue 19, part 7)', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  const counts = () => TABLES.map((table) => countRows(t.sqlite, table))
  const family = () => ({ studentId: demo.johnnyId, concernId: demo.familyConcernId! })

  test('the parent shares it; the team then reads it, with when it was shared; it cannot be shared (or unshared) again', async () => {
    expect((await trpcError(as('caseManager').concerns.get(family()))).code).toBe('NOT_FOUND')
    await as('parent').concerns.share(family())
    const seen = await as('caseManager').concerns.get(family())
    expect([seen.visibility, seen.shared?.byName]).toEqual(['team', 'Laura Miller'])
    expect(seen.shared!.at).toBe(NOW.toISOString())
    for (const user of ['speech', 'para'] as DemoUserKey[]) expect((await as(user).concerns.get(family())).id).toBe(demo.familyConcernId)
    const before = counts()
    const again = await trpcError(as('parent').concerns.share(family()))
    expect(again.code).toBe('BAD_REQUEST')
    expect(counts()).toEqual(before)
    expect(JSON.stringify(await as('caseManager').team.history({ studentId: demo.johnnyId }))).toContain('share')
  })

  test('only the family shares: every staff role is refused, someone else’s student is not found, and the concern stays family-only', async () => {
    const before = counts()
    for (const user of ['caseManager', 'speech', 'para', 'admin'] as DemoUserKey[]) {
      expect((await trpcError(as(user).concerns.share(family()))).code, user).toBe('FORBIDDEN')
    }
    expect((await trpcError(as('parent').concerns.share({ ...family(), studentId: demo.mayaId }))).code).toBe('NOT_FOUND')
    expect((await trpcError(as('parent').concerns.share({ ...family(), concernId: 'no-such-concern' }))).code).toBe('NOT_FOUND')
    expect(counts()).toEqual(before)
    expect((await as('parent').concerns.get(family())).visibility).toBe('family')
  })
})
