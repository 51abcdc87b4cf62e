import { describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// Tuesday 17 November 2026, 3 p.m.: a school day (seed and callers share it).
const NOW = new Date('2026-11-17T15:00:00')
const ROLES: DemoUserKey[] = ['caseManager', 'para', 'speech', 'ot', 'parent', 'admin']
const TABLES = ['plan_changes', 'plan_change_acks', 'notifications', 'mail_outbox', 'service_terms']

describe('plan changes the family sees (issue 16, item 5)', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  const johnny = () => ({ studentId: demo.johnnyId })
  const counts = () => TABLES.map((table) => countRows(t.sqlite, table))
  const speechTerm = () =>
    (t.sqlite.prepare('select minutes_per_session, weekdays from service_terms where service_id = ? order by effective_from').all(demo.speechServiceId) as { minutes_per_session: number; weekdays: string }[])[0]!
  /** Speech to one session a week from Wed, Dec 2: fewer minutes, a reduction. */
  const reduce = () => {
    const first = speechTerm()
    return as('caseManager').services.amend({ ...johnny(), serviceId: demo.speechServiceId, effectiveFrom: '2026-12-02', minutesPerSession: first.minutes_per_session, weekdays: [JSON.parse(first.weekdays)[0]] })
  }

  test('an amendment to fewer sessions is recorded with its before → after, a notice and a mail per parent, in one go', async () => {
    await reduce()
    const [change] = await as('caseManager').planChanges.list(johnny())
    expect(change!.kind).toBe('service')
    expect(change!.isReduction).toBe(true)
    expect(change!.summary).toMatch(/^Speech-language therapy: \d × \d+ min a week → 1 × \d+ min a week, from Wed, Dec 2$/)
    expect(change!.changedByName).toBe('Dana Rivera')
    const notices = t.sqlite.prepare("select user_id, related_id from notifications where kind = 'plan_change'").all() as { user_id: string; related_id: string }[]
    expect(notices).toEqual([{ user_id: demo.users.parent, related_id: change!.id }])
    const mail = t.sqlite.prepare("select to_email, dedupe_key, text_body from mail_outbox where kind = 'plan_change'").all() as { to_email: string; dedupe_key: string; text_body: string }[]
    expect(mail).toHaveLength(1)
    expect(mail[0]!.to_email).toBe('parent@maple.example')
    expect(mail[0]!.dedupe_key).toBe(`plan_change:${change!.id}:${demo.users.parent}`)
    expect(mail[0]!.text_body).toContain(change!.summary)
    expect(mail[0]!.text_body).toContain(`/students/${demo.johnnyId}/plan-changes`)
    expect((await as('caseManager').planChanges.unacknowledgedReductions(johnny())).map((c) => c.id)).toEqual([change!.id])
  })

  test('a parent who hears only in the app gets the notice and no mail', async () => {
    t.sqlite.prepare("insert into notice_preferences (user_id, student_id, cadence, updated_at) values (?, ?, 'app_only', '2026-11-17T00:00:00Z')").run(demo.users.parent, demo.johnnyId)
    await reduce()
    expect(t.sqlite.prepare("select count(*) as n from mail_outbox where kind = 'plan_change'").get()).toEqual({ n: 0 })
    expect((await as('parent').notifications.mine()).filter((n) => n.kind === 'plan_change')).toHaveLength(1)
  })

  test('an amendment refused leaves no plan change, notice or mail behind', async () => {
    const before = counts()
    const error = await trpcError(as('caseManager').services.amend({ ...johnny(), serviceId: demo.speechServiceId, effectiveFrom: '2020-01-01', minutesPerSession: 10, weekdays: ['mon'] }))
    expect(error.code).toBe('BAD_REQUEST')
    expect(counts()).toEqual(before)
  })

  test('a goal target change and a support rewording are recorded; neither is a reduction', async () => {
    const [goal] = await as('caseManager').goals.list(johnny())
    const full = await as('caseManager').goals.get({ ...johnny(), goalId: goal!.id })
    const { area, officialText, plain, baseline, unit, mastery } = full
    await as('caseManager').goals.update({ ...johnny(), goalId: goal!.id, area: area as never, officialText, plain, baseline, target: `${full.target}1`, unit, mastery })
    const [accommodation] = await as('caseManager').accommodations.list(johnny())
    const { title, category, applies, startDate } = accommodation!
    await as('caseManager').accommodations.update({ ...johnny(), accommodationId: accommodation!.id, title, description: 'Reworded for the family', category, applies, startDate })
    const list = await as('parent').planChanges.list(johnny())
    expect(list.map((c) => [c.kind, c.isReduction]).sort()).toEqual([
      ['accommodation', false],
      ['goal', false],
    ])
    expect(list.find((c) => c.kind === 'goal')!.after).toBe(`target ${full.target}1`)
  })

  test.each(ROLES)('%s reads the list for their own student; nobody reads another student’s', async (user) => {
    await reduce()
    expect(await as(user).planChanges.list(johnny())).toHaveLength(1)
    // Leo: Laura and the OT provider are not on his team.
    if (user === 'parent' || user === 'ot') expect((await trpcError(as(user).planChanges.list({ studentId: demo.leoId }))).code).toBe('NOT_FOUND')
    expect((await trpcError(as(user).planChanges.list({ studentId: 'no-such-student' }))).code).toBe('NOT_FOUND')
  })

  test.each(['caseManager', 'para', 'speech', 'ot', 'admin'] as const)('%s may not acknowledge, and nothing is written', async (user) => {
    await reduce()
    const [change] = await as('caseManager').planChanges.list(johnny())
    const error = await trpcError(as(user).planChanges.acknowledge({ ...johnny(), planChangeId: change!.id }))
    expect(error.code).toBe('FORBIDDEN')
    expect(countRows(t.sqlite, 'plan_change_acks')).toBe(0)
  })

  test('the parent acknowledges once; the flag clears for the case manager; a second click keeps the first time', async () => {
    await reduce()
    const [change] = await as('caseManager').planChanges.list(johnny())
    await as('parent').planChanges.acknowledge({ ...johnny(), planChangeId: change!.id })
    await as('parent', new Date('2026-11-18T09:00:00')).planChanges.acknowledge({ ...johnny(), planChangeId: change!.id })
    const [after] = await as('caseManager').planChanges.list(johnny())
    expect(after!.acks).toEqual([{ userId: demo.users.parent, name: 'Laura Miller', acknowledgedAt: NOW.toISOString() }])
    expect(await as('caseManager').planChanges.unacknowledgedReductions(johnny())).toEqual([])
  })

  test('the meeting brief carries a reduction until the family acknowledges it, for the school and the family alike', async () => {
    expect((await as('parent').brief.get(johnny())).reductions).toEqual([])
    await reduce()
    const [change] = await as('caseManager').planChanges.list(johnny())
    for (const who of ['caseManager', 'parent'] as const) expect((await as(who).brief.get(johnny())).reductions).toEqual([{ id: change!.id, text: change!.summary }])
    await as('parent').planChanges.acknowledge({ ...johnny(), planChangeId: change!.id })
    expect((await as('caseManager').brief.get(johnny())).reductions).toEqual([])
  })

  test('a parent cannot acknowledge a change about another student, nor one named under the wrong student', async () => {
    await reduce()
    const [change] = await as('caseManager').planChanges.list(johnny())
    expect((await trpcError(as('parent').planChanges.acknowledge({ studentId: demo.leoId, planChangeId: change!.id }))).code).toBe('NOT_FOUND')
    expect((await trpcError(as('parent').planChanges.acknowledge({ ...johnny(), planChangeId: 'no-such-change' }))).code).toBe('NOT_FOUND')
    expect(countRows(t.sqlite, 'plan_change_acks')).toBe(0)
  })
})
