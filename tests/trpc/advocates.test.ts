import { describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { acceptInviteAsUser, describeInvite } from '#server/services/invites.server.ts'
import { appRouter, createCaller } from '#server/trpc/_app.server.ts'
import { createContext } from '#server/trpc/context.server.ts'
import type { Meta } from '#server/trpc/trpc.server.ts'
import { accessEndsAt } from '#shared/advocates.ts'
import { cachedHash } from '#tests/fixtures/demo.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { callByPath, trpcError } from './call.ts'

// docs/advocates.md: a parent's time-limited, read-only grant to an advocate or another family member.
const NOW = new Date('2026-11-17T15:00:00')
const TODAY = '2026-11-17'
const LAST_DAY = '2026-11-20'
const END = accessEndsAt(LAST_DAY)
const at = (ms: number) => new Date(NOW.getTime() + ms)
const HOUR = 3_600_000
const EMAIL = 'aunt.rosa@example.org'
const TABLES = ['advocate_grants', 'audit_log', 'mail_outbox', 'users', 'team_members']

const procedures = Object.entries(appRouter._def.procedures).map(([path, p]) => {
  const def = (p as unknown as { _def: { meta?: Partial<Meta>; type: string } })._def
  return { path, scope: def.meta?.scope, type: def.type }
})

describe('advocate access', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })

  const counts = () => TABLES.map((table) => countRows(t.sqlite, table))

  /** An account for the advocate (as if they had signed up), the parent's grant, and its acceptance. */
  async function advocate(lastDay = LAST_DAY, email = EMAIL) {
    const grant = await as('parent').advocates.grant({ studentId: demo.johnnyId, email, lastDay })
    const id = `advocate-${email}`
    t.sqlite
      .prepare('insert into users (id, email, name, password_hash, created_at) values (?, ?, ?, ?, ?)')
      .run(id, email, 'Rosa Miller', await cachedHash('samepage-demo'), NOW.toISOString())
    await acceptInviteAsUser(t.db, { token: grant.token, userId: id, now: at(60_000) })
    const callerAt = (now: Date | (() => Date)) =>
      createCaller(createContext({ db: t.db, user: { id, email, name: 'Rosa Miller', language: 'en' }, now: typeof now === 'function' ? now : () => now }))
    return { grant, userId: id, callerAt }
  }

  describe('who may give, list and revoke access: only the student’s own parent', () => {
    const MANAGE = ['advocates.list', 'advocates.grant', 'advocates.revoke']
    const input = (path: string, studentId: string) =>
      path === 'advocates.grant' ? { studentId, email: 'x@example.org', lastDay: TODAY } : path === 'advocates.revoke' ? { studentId, grantId: 'none' } : { studentId }

    test.each(MANAGE)('%s: the parent on Johnny passes the gate', async (path) => {
      const outcome = await callByPath(as('parent'), path, input(path, demo.johnnyId)).then(
        () => 'ok',
        (e: { code: string }) => e.code,
      )
      // Revoking a grant that does not exist is "not found" from the service, after the gate let her in.
      expect(outcome).toBe(path === 'advocates.revoke' ? 'NOT_FOUND' : 'ok')
    })

    const staff: DemoUserKey[] = ['caseManager', 'speech', 'para', 'admin']
    test.each(MANAGE.flatMap((path) => staff.map((user) => ({ path, user }))))('$path: $user on Johnny is FORBIDDEN, nothing written', async ({ path, user }) => {
      const before = counts()
      expect((await trpcError(callByPath(as(user), path, input(path, demo.johnnyId)))).code).toBe('FORBIDDEN')
      expect(counts()).toEqual(before)
    })

    test.each(MANAGE.flatMap((path) => (['parent', 'para', 'speech'] as const).map((user) => ({ path, user }))))(
      '$path: $user, not on Maya’s team, gets NOT_FOUND for her',
      async ({ path, user }) => {
        expect((await trpcError(callByPath(as(user), path, input(path, demo.mayaId)))).code).toBe('NOT_FOUND')
      },
    )

    test.each(MANAGE.flatMap((path) => (['caseManager', 'admin'] as const).map((user) => ({ path, user }))))('$path: $user on Maya is FORBIDDEN', async ({ path, user }) => {
      expect((await trpcError(callByPath(as(user), path, input(path, demo.mayaId)))).code).toBe('FORBIDDEN')
    })

    test.each(MANAGE)('%s: the advocate on Johnny is FORBIDDEN, and NOT_FOUND on Maya', async (path) => {
      const { callerAt } = await advocate()
      const before = counts()
      expect((await trpcError(callByPath(callerAt(at(HOUR)), path, input(path, demo.johnnyId)))).code).toBe('FORBIDDEN')
      expect((await trpcError(callByPath(callerAt(at(HOUR)), path, input(path, demo.mayaId)))).code).toBe('NOT_FOUND')
      expect(counts()).toEqual(before)
    })
  })

  describe('advocates.current: the team sees who has access and until when', () => {
    test.each(['caseManager', 'speech', 'para', 'parent', 'admin'] as const)('%s on Johnny reads it', async (user) => {
      await advocate()
      expect(await as(user, at(HOUR)).advocates.current({ studentId: demo.johnnyId })).toEqual([
        { name: 'Rosa Miller', email: EMAIL, lastDay: LAST_DAY, expiresAt: END.toISOString() },
      ])
    })

    test('the advocate reads it too; Maya’s is not found for them nor for people off her team', async () => {
      const { callerAt } = await advocate()
      expect(await callerAt(at(HOUR)).advocates.current({ studentId: demo.johnnyId })).toHaveLength(1)
      expect((await trpcError(callerAt(at(HOUR)).advocates.current({ studentId: demo.mayaId }))).code).toBe('NOT_FOUND')
      for (const user of ['parent', 'para', 'speech'] as const) expect((await trpcError(as(user).advocates.current({ studentId: demo.mayaId }))).code).toBe('NOT_FOUND')
      expect(await as('caseManager').advocates.current({ studentId: demo.mayaId })).toEqual([])
    })

    test('the name the parent gave shows in her list; the account’s own name once accepted', async () => {
      const grant = await as('parent').advocates.grant({ studentId: demo.johnnyId, email: EMAIL, name: '  Aunt Rosa ', lastDay: LAST_DAY })
      expect((await as('parent').advocates.list({ studentId: demo.johnnyId }))[0]).toMatchObject({ id: grant.grantId, givenName: 'Aunt Rosa', name: null, status: 'invited' })
      const tooLong = await trpcError(as('parent').advocates.grant({ studentId: demo.johnnyId, email: 'b@example.org', name: 'x'.repeat(101), lastDay: LAST_DAY }))
      expect(tooLong.code).toBe('BAD_REQUEST')
    })

    test('an invitation not yet accepted is not access: the team sees nobody', async () => {
      await as('parent').advocates.grant({ studentId: demo.johnnyId, email: EMAIL, lastDay: LAST_DAY })
      expect(await as('caseManager').advocates.current({ studentId: demo.johnnyId })).toEqual([])
    })
  })

  describe('what the advocate reads', () => {
    test('the plan, services, numbers, issued reports, concerns (family-only included) and history', async () => {
      const family = await as('parent').concerns.create({ studentId: demo.johnnyId, date: TODAY, issue: 'Private worry', status: 'open', visibility: 'family', links: [] })
      const { callerAt } = await advocate()
      const me = callerAt(at(HOUR))
      const s = { studentId: demo.johnnyId }
      expect((await me.goals.list(s)).length).toBeGreaterThan(0)
      expect((await me.services.list(s)).length).toBeGreaterThan(0)
      await me.accountability.student(s)
      await me.reports.list(s)
      expect((await me.concerns.list(s)).map((c) => c.id)).toContain(family.concernId)
      await me.concerns.get({ ...s, concernId: family.concernId })
      const history = await me.team.history(s)
      expect(history.filter((h) => h.entity === 'advocate_grant').map((h) => h.action).sort()).toEqual(['accept', 'create'])
      expect((await me.students.get(s)).id).toBe(demo.johnnyId)
      // The files attached to what they read, the family-only concern's too; they may attach none.
      expect(await me.attachments.list({ ...s, ownerKind: 'concern', ownerId: family.concernId })).toEqual({ mayAdd: false, files: [] })
    })

    test('no notebooks, drafts, record of access or notices sent: FORBIDDEN', async () => {
      const { callerAt } = await advocate()
      const me = callerAt(at(HOUR))
      const s = { studentId: demo.johnnyId }
      for (const call of [me.notebooks.list(s), me.access.list(s), me.notifications.forStudent(s)]) expect((await trpcError(call)).code).toBe('FORBIDDEN')
      const [notebook] = await as('parent').notebooks.list(s)
      expect((await trpcError(me.attachments.list({ ...s, ownerKind: 'notebook', ownerId: notebook!.id }))).code).toBe('NOT_FOUND')
    })

    test('My students lists Johnny as read-only, with the moment access ends; Maya is nobody to them', async () => {
      const { callerAt } = await advocate()
      expect(await callerAt(at(HOUR)).students.mine()).toEqual([expect.objectContaining({ id: demo.johnnyId, role: 'advocate', accessEndsAt: END.toISOString() })])
      expect((await trpcError(callerAt(at(HOUR)).goals.list({ studentId: demo.mayaId }))).code).toBe('NOT_FOUND')
    })

    // Every deed that writes refuses the advocate: the router's mutations walked one by one.
    const mutations = procedures.filter((p) => p.scope === 'student' && p.type === 'mutation').map((p) => p.path)
    test('there are student mutations to walk', () => expect(mutations.length).toBeGreaterThan(30))
    test.each(mutations)('%s refuses the advocate with FORBIDDEN, writing nothing', async (path) => {
      const { callerAt } = await advocate()
      const before = [...counts(), countRows(t.sqlite, 'access_log')]
      const error = await trpcError(callByPath(callerAt(at(HOUR)), path, { studentId: demo.johnnyId }))
      expect(error.code).toBe('FORBIDDEN')
      expect([...counts(), countRows(t.sqlite, 'access_log')]).toEqual(before)
    })
  })

  describe('access ends exactly on time, on every request', () => {
    test('at the last moment of the last day it reads; at midnight after it, it is as if it never existed', async () => {
      const { callerAt } = await advocate()
      const s = { studentId: demo.johnnyId }
      expect((await callerAt(new Date(END.getTime() - 1)).goals.list(s)).length).toBeGreaterThan(0)
      const ended = await trpcError(callerAt(END).goals.list(s))
      expect(ended.code).toBe('NOT_FOUND')
      expect(ended.message).not.toContain('Johnny')
      expect(await callerAt(END).students.mine()).toEqual([])
      // Their home page says it ended (and not before); after 30 days it no longer does.
      expect(await callerAt(new Date(END.getTime() - 1)).advocates.endedForMe()).toEqual([])
      expect(await callerAt(END).advocates.endedForMe()).toEqual([{ studentName: 'Johnny Miller', endedAt: END.toISOString(), revoked: false }])
      expect(await callerAt(new Date(END.getTime() + 31 * 24 * HOUR)).advocates.endedForMe()).toEqual([])
      // The list marks it ended; the team no longer sees it.
      expect((await as('parent', END).advocates.list(s))[0]!.status).toBe('expired')
      expect(await as('caseManager', END).advocates.current(s)).toEqual([])
    })

    test('one caller whose clock passes the end mid-way is refused from that request on (no job has to run)', async () => {
      const { callerAt } = await advocate()
      let now = new Date(END.getTime() - 1)
      const me = callerAt(() => now)
      await me.profiles.get({ studentId: demo.johnnyId })
      now = END
      expect((await trpcError(me.profiles.get({ studentId: demo.johnnyId }))).code).toBe('NOT_FOUND')
    })

    test('revoking ends it at once: the next request is refused; the parent cannot revoke it twice', async () => {
      const { grant, callerAt } = await advocate()
      const s = { studentId: demo.johnnyId }
      expect((await callerAt(at(2 * HOUR - 1)).goals.list(s)).length).toBeGreaterThan(0)
      await as('parent', at(2 * HOUR)).advocates.revoke({ ...s, grantId: grant.grantId })
      expect((await trpcError(callerAt(at(2 * HOUR)).goals.list(s))).code).toBe('NOT_FOUND')
      expect(await callerAt(at(2 * HOUR)).students.mine()).toEqual([])
      expect(await callerAt(at(2 * HOUR)).advocates.endedForMe()).toEqual([{ studentName: 'Johnny Miller', endedAt: at(2 * HOUR).toISOString(), revoked: true }])
      // Nobody else is told of an access they never had.
      expect(await as('parent', at(2 * HOUR)).advocates.endedForMe()).toEqual([])
      const again = await trpcError(as('parent', at(3 * HOUR)).advocates.revoke({ ...s, grantId: grant.grantId }))
      expect([again.code, again.message]).toEqual(['CONFLICT', 'That access has already ended.'])
      const [listed] = await as('parent', at(3 * HOUR)).advocates.list(s)
      expect([listed!.status, listed!.revokedAt]).toEqual(['revoked', at(2 * HOUR).toISOString()])
      const history = await as('caseManager', at(3 * HOUR)).team.history(s)
      expect(history.filter((h) => h.entity === 'advocate_grant').map((h) => h.action).sort()).toEqual(['accept', 'create', 'revoke'])
    })

    test('an invitation revoked before it is accepted can no longer be accepted', async () => {
      const grant = await as('parent').advocates.grant({ studentId: demo.johnnyId, email: EMAIL, lastDay: LAST_DAY })
      await as('parent', at(HOUR)).advocates.revoke({ studentId: demo.johnnyId, grantId: grant.grantId })
      expect((await describeInvite(t.db, grant.token, at(2 * HOUR)))?.status).toBe('revoked')
    })
  })

  describe('the parent sees every page the advocate opened', () => {
    test('their reads are in the record of access as the advocate’s, and listed under their grant, newest first', async () => {
      const { callerAt, userId } = await advocate()
      const s = { studentId: demo.johnnyId }
      await callerAt(at(HOUR)).goals.list(s)
      await callerAt(at(2 * HOUR)).concerns.list(s)
      await callerAt(at(2 * HOUR)).reports.list(s)
      const rows = t.sqlite.prepare('select role, what from access_log where user_id = ? order by id').all(userId)
      expect(rows).toEqual([
        { role: 'advocate', what: 'plan' },
        { role: 'advocate', what: 'concerns' },
        { role: 'advocate', what: 'reports' },
      ])
      const [listed] = await as('parent', at(3 * HOUR)).advocates.list(s)
      expect(listed).toMatchObject({ email: EMAIL, name: 'Rosa Miller', status: 'active', lastDay: LAST_DAY })
      expect(listed!.opened.map((o) => o.what)).toEqual(['reports', 'concerns', 'plan'])
      expect(listed!.opened[2]!.at).toBe(at(HOUR).toISOString())
      // And in the record of access every reader of it sees.
      expect((await as('parent', at(3 * HOUR)).access.list(s)).filter((e) => e.role === 'advocate')).toHaveLength(3)
    })
  })

  describe('giving access: bounded dates and clear refusals', () => {
    const grant = (lastDay: string, email = EMAIL) => as('parent').advocates.grant({ studentId: demo.johnnyId, email, lastDay })

    test('the last day is today at the earliest and 89 days later at the latest (90 days, today included)', async () => {
      const past = await trpcError(grant('2026-11-16'))
      expect([past.code, past.message]).toEqual(['BAD_REQUEST', 'The last day cannot be before today (2026-11-17).'])
      const far = await trpcError(grant('2027-02-15'))
      expect([far.code, far.message]).toEqual(['BAD_REQUEST', 'Access can last at most 90 days, today included: the last day can be 2027-02-14 at the latest.'])
      expect((await grant('2027-02-14')).expiresAt).toBe(new Date('2027-02-15T00:00:00').toISOString())
      expect((await grant(TODAY, 'b@example.org')).expiresAt).toBe(new Date('2026-11-18T00:00:00').toISOString())
    })

    test('at most three open at once; the same email twice; someone on the team', async () => {
      await grant(LAST_DAY, 'a@example.org')
      const twice = await trpcError(grant(LAST_DAY, 'a@example.org'))
      expect([twice.code, twice.message]).toEqual(['CONFLICT', 'a@example.org already has access or an open invitation. Revoke it first to give new dates.'])
      await grant(LAST_DAY, 'b@example.org')
      await grant(LAST_DAY, 'c@example.org')
      const many = await trpcError(grant(LAST_DAY, 'd@example.org'))
      expect([many.code, many.message]).toEqual(['CONFLICT', 'At most 3 people can have access or an open invitation at once. Revoke one first.'])
      const member = await trpcError(grant(LAST_DAY, 'para@maple.example'))
      expect(member.code).toBe('CONFLICT')
    })

    test('the invitation is mailed with its link, and named in the history', async () => {
      const created = await grant(LAST_DAY)
      const mail = t.sqlite.prepare(`select to_email, kind, text_body from mail_outbox where kind = 'advocate_invite'`).get() as { to_email: string; kind: string; text_body: string }
      expect(mail.to_email).toBe(EMAIL)
      expect(mail.text_body).toContain(`/invite/${created.token}`)
      const history = await as('parent').team.history({ studentId: demo.johnnyId })
      expect(history.find((h) => h.entity === 'advocate_grant')).toMatchObject({ action: 'create', after: { email: EMAIL, lastDay: LAST_DAY } })
    })

    test('a school account cannot accept (the advocate reads family-only concerns), nor a different account', async () => {
      const created = await grant(LAST_DAY, 'admin@maple.example')
      const refused = (call: Promise<unknown>) => call.then(() => 'ok', (e: { code: string; message: string }) => [e.code, e.message])
      const staff = await refused(acceptInviteAsUser(t.db, { token: created.token, userId: demo.users.admin, now: at(HOUR) }))
      expect(staff).toEqual(['FORBIDDEN', 'This account belongs to school staff, and a family’s advocate reads what only the family sees. Accept with an account of your own, under another email.'])
      const other = await grant(LAST_DAY, 'b@example.org')
      expect((await refused(acceptInviteAsUser(t.db, { token: other.token, userId: demo.users.parent, now: at(HOUR) })))[0]).toBe('FORBIDDEN')
      expect(await as('caseManager', at(HOUR)).advocates.current({ studentId: demo.johnnyId })).toEqual([])
    })
  })
})
