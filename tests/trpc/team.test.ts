import { ZodError } from 'zod'
import { beforeEach, describe, expect, test } from 'vitest'
import { DEMO_USERS, type DemoUserKey } from '#server/demo/seed.ts'
import { countRows } from '#tests/setup/test-db.ts'
import type { Demo } from '#tests/fixtures/demo.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

const T0 = new Date('2026-03-02T09:00:00.000Z')
const TABLES = ['users', 'team_members', 'invites', 'audit_log', 'mail_outbox']
const JOHNNY_TEAM = [
  [DEMO_USERS.caseManager.email, 'case_manager'],
  [DEMO_USERS.para.email, 'para'],
  [DEMO_USERS.speech.email, 'provider'],
  [DEMO_USERS.parent.email, 'parent'],
  [DEMO_USERS.ot.email, 'provider'],
]
/** Everyone who can see Johnny but may not change his team (docs/roles.md). */
const NOT_MANAGERS: DemoUserKey[] = ['speech', 'para', 'parent', 'admin']

describe('team router', () => {
  const { t, demo } = useDemoDb({ now: T0 })

  /** Every row of every table the team router writes, to prove a refusal wrote nothing (not even audit). */
  const snapshot = () => Object.fromEntries(TABLES.map((table) => [table, t.sqlite.prepare(`select * from ${table}`).all()]))
  const memberIdOf = (studentId: string, key: DemoUserKey) =>
    (
      t.sqlite
        .prepare('select id from team_members where student_id = ? and user_id = ? and removed_at is null')
        .get(studentId, demo.users[key]) as { id: string }
    ).id
  const cm = () => demo.callerFor('caseManager', T0)

  describe.each([...NOT_MANAGERS, 'caseManager' as const])('%s on Johnny', (user) => {
    test('team.list shows the whole active team', async () => {
      const team = await demo.callerFor(user).team.list({ studentId: demo.johnnyId })
      expect(team.map((m) => [m.email, m.role])).toEqual(JOHNNY_TEAM)
    })

    test('team.history is readable', async () => {
      await cm().team.invite({ studentId: demo.johnnyId, email: 'new@maple.example', role: 'para' })
      const history = await demo.callerFor(user).team.history({ studentId: demo.johnnyId })
      // The demo's own history (its issued progress report) is there too; the team's part of it is the invite.
      expect(history.filter((h) => h.entity === 'invite').map((h) => [h.entity, h.action, h.actorName])).toEqual([['invite', 'create', DEMO_USERS.caseManager.name]])
    })
  })

  describe.each(NOT_MANAGERS)('%s may not manage Johnny’s team', (user) => {
    let pendingInviteId: string
    beforeEach(async () => {
      pendingInviteId = (await cm().team.invite({ studentId: demo.johnnyId, email: 'pending@maple.example', role: 'parent' })).inviteId
    })

    const attempts = {
      invite: (d: Demo) => d.callerFor(user, T0).team.invite({ studentId: d.johnnyId, email: 'new@maple.example', role: 'para' }),
      remove: (d: Demo) => d.callerFor(user, T0).team.remove({ studentId: d.johnnyId, memberId: memberIdOf(d.johnnyId, 'para') }),
      revokeInvite: (d: Demo) => d.callerFor(user, T0).team.revokeInvite({ studentId: d.johnnyId, inviteId: pendingInviteId }),
      pendingInvites: (d: Demo) => d.callerFor(user, T0).team.pendingInvites({ studentId: d.johnnyId }),
    }

    test.each(Object.keys(attempts) as (keyof typeof attempts)[])('team.%s is FORBIDDEN and writes nothing', async (name) => {
      const before = snapshot()
      const error = await trpcError(attempts[name](demo))
      expect(error.code).toBe('FORBIDDEN')
      expect(error.message).toBe('Your role on this student’s team cannot do that.')
      expect(snapshot()).toEqual(before)
    })
  })

  describe('on Maya, someone else’s student', () => {
    test.each(['speech', 'para', 'parent'] as const)('%s gets NOT_FOUND from team.list', async (user) => {
      const error = await trpcError(demo.callerFor(user).team.list({ studentId: demo.mayaId }))
      expect(error.code).toBe('NOT_FOUND')
      expect(error.message).not.toContain('Maya')
    })

    test('the school admin sees her team but may not change it', async () => {
      const admin = demo.callerFor('admin', T0)
      expect((await admin.team.list({ studentId: demo.mayaId })).map((m) => m.role)).toEqual(['case_manager', 'parent'])
      const before = snapshot()
      const error = await trpcError(admin.team.invite({ studentId: demo.mayaId, email: 'new@maple.example', role: 'para' }))
      expect(error.code).toBe('FORBIDDEN')
      expect(snapshot()).toEqual(before)
    })
  })

  describe('the case manager', () => {
    test('invites, sees the invite pending, and revokes it, each write audited', async () => {
      const created = await cm().team.invite({ studentId: demo.johnnyId, email: ' New.Para@Maple.Example ', role: 'para' })
      expect(created.token).toEqual(expect.any(String))
      const pending = await cm().team.pendingInvites({ studentId: demo.johnnyId })
      expect(pending).toEqual([
        { id: created.inviteId, email: 'new.para@maple.example', role: 'para', createdAt: T0.toISOString(), expiresAt: created.expiresAt },
      ])
      await cm().team.revokeInvite({ studentId: demo.johnnyId, inviteId: created.inviteId })
      expect(await cm().team.pendingInvites({ studentId: demo.johnnyId })).toEqual([])
      const audit = t.sqlite.prepare("select actor_id, entity, entity_id, action from audit_log where entity = 'invite' order by id").all()
      expect(audit).toEqual([
        { actor_id: demo.users.caseManager, entity: 'invite', entity_id: created.inviteId, action: 'create' },
        { actor_id: demo.users.caseManager, entity: 'invite', entity_id: created.inviteId, action: 'revoke' },
      ])
    })

    test('an invite is emailed to the person it names, with the one link that works, once', async () => {
      const created = await cm().team.invite({ studentId: demo.johnnyId, email: 'new.speech@maple.example', role: 'provider' })
      // Tests run without SMTP_URL: the message is kept in the outbox, and the page says so.
      expect(created.mailed).toBe(false)
      const rows = t.sqlite.prepare("select to_email, kind, subject, text_body, student_id, dedupe_key from mail_outbox").all() as Record<string, string>[]
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ to_email: 'new.speech@maple.example', kind: 'invite', student_id: demo.johnnyId, dedupe_key: `invite:${created.inviteId}` })
      expect(rows[0]!.subject).toBe(`${DEMO_USERS.caseManager.name} invited you to Johnny Miller’s team on Same Page`)
      expect(rows[0]!.text_body).toContain(`/invite/${created.token}`)
      expect(rows[0]!.text_body).toContain('as service provider')
      expect(rows[0]!.text_body).toContain('Maple')
      expect(rows[0]!.text_body).not.toContain('{{')
    })

    test('after removing the para, the para’s next call for Johnny is NOT_FOUND', async () => {
      const para = demo.callerFor('para')
      expect(await para.team.list({ studentId: demo.johnnyId })).toHaveLength(5)
      await cm().team.remove({ studentId: demo.johnnyId, memberId: memberIdOf(demo.johnnyId, 'para') })
      for (const call of [para.team.list({ studentId: demo.johnnyId }), para.students.get({ studentId: demo.johnnyId })]) {
        const error = await trpcError(call)
        expect(error.code).toBe('NOT_FOUND')
        expect(error.message).not.toContain('Johnny')
      }
      expect((await para.students.mine()).map((s) => s.name)).toEqual(['Ava Brooks', 'Leo Garcia'])
      expect((await cm().team.list({ studentId: demo.johnnyId })).map((m) => m.role)).toEqual(['case_manager', 'provider', 'parent', 'provider'])
      expect(countRows(t.sqlite, 'team_members')).toBe(13) // stamped, not deleted (Priya is on Leo's and Ava's teams too; Maya's mother is on hers)
    })

    test('inviting someone already on the team is a CONFLICT naming the email field, and writes nothing', async () => {
      const before = snapshot()
      const error = await trpcError(cm().team.invite({ studentId: demo.johnnyId, email: DEMO_USERS.parent.email, role: 'parent' }))
      expect(error.code).toBe('CONFLICT')
      expect(error.message).toBe(`${DEMO_USERS.parent.email} is already on this student's team (parent or guardian).`)
      expect(error.cause).toMatchObject({ name: 'DomainError', field: 'email' })
      expect(snapshot()).toEqual(before)
    })

    test('removing the last case manager is a CONFLICT, and writes nothing', async () => {
      const before = snapshot()
      const error = await trpcError(cm().team.remove({ studentId: demo.johnnyId, memberId: memberIdOf(demo.johnnyId, 'caseManager') }))
      expect(error.code).toBe('CONFLICT')
      expect(error.message).toMatch(/at least one case manager/)
      expect(snapshot()).toEqual(before)
    })

    test('ids of another student’s team cannot be reached through this student', async () => {
      const mayaInvite = await cm().team.invite({ studentId: demo.mayaId, email: 'maya.parent@maple.example', role: 'parent' })
      const before = snapshot()
      const viaJohnny = [
        cm().team.revokeInvite({ studentId: demo.johnnyId, inviteId: mayaInvite.inviteId }),
        cm().team.remove({ studentId: demo.johnnyId, memberId: memberIdOf(demo.mayaId, 'caseManager') }),
      ]
      for (const call of viaJohnny) expect((await trpcError(call)).code).toBe('NOT_FOUND')
      expect(snapshot()).toEqual(before)
    })

    describe('bad input is a BAD_REQUEST naming the field, never an internal error', () => {
      const cases = [
        { name: 'a malformed email', input: { email: 'not-an-email', role: 'para' }, field: 'email', message: 'Enter a valid email address' },
        { name: 'an unknown role', input: { email: 'new@maple.example', role: 'principal' }, field: 'role', message: 'Choose a role' },
        { name: 'a missing email', input: { role: 'para' }, field: 'email', message: 'Enter your email address.' },
      ]
      test.each(cases)('team.invite with $name', async ({ input, field, message }) => {
        const before = snapshot()
        // Deliberately ill-typed: this is what a hand-made HTTP request can send.
        const error = await trpcError(cm().team.invite({ studentId: demo.johnnyId, ...input } as never))
        expect(error.code).toBe('BAD_REQUEST')
        expect(error.message).toContain(`"${field}"`)
        expect(error.message).toContain(message)
        expect(error.cause).toBeInstanceOf(ZodError)
        expect((error.cause as ZodError).issues.map((i) => i.path.join('.'))).toEqual([field])
        expect(snapshot()).toEqual(before)
      })

      test('team.remove without a member', async () => {
        const error = await trpcError(cm().team.remove({ studentId: demo.johnnyId, memberId: '' }))
        expect(error.code).toBe('BAD_REQUEST')
        expect((error.cause as ZodError).issues.map((i) => [i.path.join('.'), i.message])).toEqual([['memberId', 'Choose a member to remove.']])
      })
    })
  })
})
