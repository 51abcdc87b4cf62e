import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { DEMO_USERS } from '#server/demo/seed.ts'
import { isDomainError } from '#shared/domain-error.ts'
import { seedDemoTeam, type Demo } from '#tests/fixtures/demo.ts'
import { countRows, createTestDb, type TestDb } from '#tests/setup/test-db.ts'
import { acceptInviteAsUser } from './invites.server.ts'
import { inviteMember, listPendingInvites, listStudentHistory, listTeam, removeMember, revokeInvite } from './team.server.ts'

const DAY = 24 * 60 * 60 * 1000
const T0 = new Date('2026-03-02T09:00:00.000Z')
const T1 = new Date(T0.getTime() + DAY)

describe('team service', () => {
  let t: TestDb
  let demo: Demo
  beforeEach(async () => {
    t = createTestDb()
    demo = await seedDemoTeam(t, T0)
  })
  afterEach(() => t.close())

  const memberId = (studentId: string, userId: string) =>
    (
      t.sqlite.prepare('select id from team_members where student_id = ? and user_id = ? and removed_at is null').get(studentId, userId) as {
        id: string
      }
    ).id
  const snapshot = () => ({
    members: t.sqlite.prepare('select * from team_members order by id').all(),
    invites: t.sqlite.prepare('select * from invites order by id').all(),
    audit: countRows(t.sqlite, 'audit_log'),
  })
  async function refusal(write: () => Promise<unknown>) {
    const error = await write().then(
      () => null,
      (e: unknown) => e,
    )
    if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`)
    return error
  }

  test('listTeam lists the active members with their roles, oldest first', async () => {
    const team = await listTeam(t.db, demo.johnnyId)
    expect(team.map((m) => [m.email, m.role])).toEqual([
      [DEMO_USERS.caseManager.email, 'case_manager'],
      [DEMO_USERS.para.email, 'para'],
      [DEMO_USERS.speech.email, 'provider'],
      [DEMO_USERS.parent.email, 'parent'],
      [DEMO_USERS.ot.email, 'provider'],
    ])
    expect(JSON.stringify(team)).not.toContain('argon2')
    expect((await listTeam(t.db, demo.mayaId)).map((m) => m.email)).toEqual([DEMO_USERS.caseManager.email, DEMO_USERS.mayaParent.email])
  })

  describe('removeMember', () => {
    test('stamps removed_at and removed_by; the row stays', async () => {
      const id = memberId(demo.johnnyId, demo.users.para)
      await removeMember(t.db, { studentId: demo.johnnyId, memberId: id, actorId: demo.users.caseManager, now: T1 })
      const row = t.sqlite.prepare('select * from team_members where id = ?').get(id)
      expect(row).toMatchObject({ user_id: demo.users.para, role: 'para', removed_at: T1.toISOString(), removed_by: demo.users.caseManager })
      expect((await listTeam(t.db, demo.johnnyId)).map((m) => m.role)).toEqual(['case_manager', 'provider', 'parent', 'provider'])
    })

    test('writes an audit row with who, what, before and after', async () => {
      const id = memberId(demo.johnnyId, demo.users.para)
      await removeMember(t.db, { studentId: demo.johnnyId, memberId: id, actorId: demo.users.caseManager, now: T1 })
      const rows = t.sqlite.prepare('select * from audit_log').all() as Record<string, string>[]
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({
        at: T1.toISOString(),
        actor_id: demo.users.caseManager,
        student_id: demo.johnnyId,
        entity: 'team_member',
        entity_id: id,
        action: 'remove',
      })
      const person = { userId: demo.users.para, name: DEMO_USERS.para.name, email: DEMO_USERS.para.email, role: 'para' }
      expect(JSON.parse(rows[0]!.before!)).toEqual({ ...person, removedAt: null })
      expect(JSON.parse(rows[0]!.after!)).toEqual({ ...person, removedAt: T1.toISOString(), removedBy: demo.users.caseManager })
    })

    test('refuses removing the last case manager, and writes nothing', async () => {
      const before = snapshot()
      const error = await refusal(() =>
        removeMember(t.db, {
          studentId: demo.johnnyId,
          memberId: memberId(demo.johnnyId, demo.users.caseManager),
          actorId: demo.users.caseManager,
          now: T1,
        }),
      )
      expect(error.code).toBe('CONFLICT')
      expect(error.message).toMatch(/needs at least one case manager/)
      expect(snapshot()).toEqual(before)
    })

    test('a case manager can be removed once there is another', async () => {
      const { token } = await inviteMember(t.db, {
        studentId: demo.mayaId,
        email: DEMO_USERS.speech.email,
        role: 'case_manager',
        invitedBy: demo.users.caseManager,
        now: T0,
      })
      await acceptInviteAsUser(t.db, { token, userId: demo.users.speech, now: T0 })
      await removeMember(t.db, {
        studentId: demo.mayaId,
        memberId: memberId(demo.mayaId, demo.users.caseManager),
        actorId: demo.users.speech,
        now: T1,
      })
      expect((await listTeam(t.db, demo.mayaId)).map((m) => [m.email, m.role])).toEqual([
        [DEMO_USERS.mayaParent.email, 'parent'],
        [DEMO_USERS.speech.email, 'case_manager'],
      ])
    })

    test('a member of another student, or one already removed, is not found', async () => {
      const paraOnJohnny = memberId(demo.johnnyId, demo.users.para)
      const wrongStudent = await refusal(() =>
        removeMember(t.db, { studentId: demo.mayaId, memberId: paraOnJohnny, actorId: demo.users.caseManager, now: T1 }),
      )
      expect(wrongStudent.code).toBe('NOT_FOUND')
      await removeMember(t.db, { studentId: demo.johnnyId, memberId: paraOnJohnny, actorId: demo.users.caseManager, now: T1 })
      const again = await refusal(() =>
        removeMember(t.db, { studentId: demo.johnnyId, memberId: paraOnJohnny, actorId: demo.users.caseManager, now: T1 }),
      )
      expect(again.code).toBe('NOT_FOUND')
      expect(countRows(t.sqlite, 'audit_log')).toBe(1)
    })
  })

  describe('invites', () => {
    const invite = (email: string) =>
      inviteMember(t.db, { studentId: demo.johnnyId, email, role: 'parent', invitedBy: demo.users.caseManager, now: T0 })

    test('pending invites exclude used, revoked and expired ones', async () => {
      const a = await invite('a@maple.example')
      const b = await invite('b@maple.example')
      expect((await listPendingInvites(t.db, demo.johnnyId, T0)).map((i) => i.email).sort()).toEqual(['a@maple.example', 'b@maple.example'])
      await revokeInvite(t.db, { studentId: demo.johnnyId, inviteId: a.inviteId, actorId: demo.users.caseManager, now: T0 })
      expect((await listPendingInvites(t.db, demo.johnnyId, T0)).map((i) => i.id)).toEqual([b.inviteId])
      expect(await listPendingInvites(t.db, demo.johnnyId, new Date(T0.getTime() + 7 * DAY))).toEqual([])
      expect(await listPendingInvites(t.db, demo.mayaId, T0)).toEqual([])
      expect(JSON.stringify(await listPendingInvites(t.db, demo.johnnyId, T0))).not.toContain(b.token)
    })

    test('revoking stamps revoked_at and writes an audit row with before and after', async () => {
      const { inviteId } = await invite('a@maple.example')
      await revokeInvite(t.db, { studentId: demo.johnnyId, inviteId, actorId: demo.users.caseManager, now: T1 })
      expect(t.sqlite.prepare('select revoked_at from invites where id = ?').get(inviteId)).toEqual({ revoked_at: T1.toISOString() })
      const row = t.sqlite.prepare("select * from audit_log where action = 'revoke'").get() as Record<string, string>
      expect(row).toMatchObject({ actor_id: demo.users.caseManager, student_id: demo.johnnyId, entity: 'invite', entity_id: inviteId })
      expect(JSON.parse(row.before!)).toEqual({ email: 'a@maple.example', revokedAt: null })
      expect(JSON.parse(row.after!)).toEqual({ email: 'a@maple.example', revokedAt: T1.toISOString() })
    })

    test('revoking an invite of another student is not found; revoking twice writes once', async () => {
      const { inviteId } = await invite('a@maple.example')
      const error = await refusal(() =>
        revokeInvite(t.db, { studentId: demo.mayaId, inviteId, actorId: demo.users.caseManager, now: T1 }),
      )
      expect(error.code).toBe('NOT_FOUND')
      await revokeInvite(t.db, { studentId: demo.johnnyId, inviteId, actorId: demo.users.caseManager, now: T1 })
      await revokeInvite(t.db, { studentId: demo.johnnyId, inviteId, actorId: demo.users.caseManager, now: T1 })
      expect(t.sqlite.prepare("select count(*) as n from audit_log where action = 'revoke'").get()).toEqual({ n: 1 })
    })
  })

  test('listStudentHistory shows the student’s audit rows, newest first, with who did it', async () => {
    await inviteMember(t.db, { studentId: demo.johnnyId, email: 'a@maple.example', role: 'para', invitedBy: demo.users.caseManager, now: T0 })
    await removeMember(t.db, {
      studentId: demo.johnnyId,
      memberId: memberId(demo.johnnyId, demo.users.para),
      actorId: demo.users.caseManager,
      now: T1,
    })
    await inviteMember(t.db, { studentId: demo.mayaId, email: 'b@maple.example', role: 'para', invitedBy: demo.users.caseManager, now: T0 })
    const history = await listStudentHistory(t.db, demo.johnnyId)
    expect(history.map((h) => [h.entity, h.action, h.actorName])).toEqual([
      ['team_member', 'remove', DEMO_USERS.caseManager.name],
      ['invite', 'create', DEMO_USERS.caseManager.name],
    ])
    expect(history[0]!.after).toMatchObject({ removedAt: T1.toISOString() })
  })
})
