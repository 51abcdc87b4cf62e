import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createLucia } from '#server/auth/lucia.server.ts'
import { checkCredentials, signInWithThrottle } from '#server/auth/sign-in.server.ts'
import { RateLimits, SignInGuard } from '#server/auth/sign-in-guard.server.ts'
import { DEMO_PASSWORD, DEMO_USERS, type DemoUserKey } from '#server/demo/seed.ts'
import { requestPasswordReset } from '#server/services/account.server.ts'
import { type CollabListener, registerCollab } from '#server/services/collab-hub.server.ts'
import { acceptInviteAsUser, acceptInviteWithNewAccount, describeInvite } from '#server/services/invites.server.ts'
import { createContext } from '#server/trpc/context.server.ts'
import { type AppCaller, createCaller } from '#server/trpc/_app.server.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

const T0 = new Date('2026-03-02T09:00:00.000Z')
const TABLES = ['users', 'school_roles', 'team_members', 'staff_invites', 'auth_sessions', 'audit_log', 'mail_outbox']

const REFUSALS = {
  own: 'Nobody changes their own role or switches off their own account. Ask another school admin.',
  lastAdmin: 'This is the school’s last active school admin. Make someone else a school admin first.',
  family: 'This is a parent or guardian’s account. Staff and family use separate accounts.',
  switchedOff: 'This account is deactivated. Reactivate it first.',
  elsewhere: 'This person is a school admin of another school. Ask that school to make the change.',
}

describe('people router (docs/people.md)', () => {
  const { t, demo } = useDemoDb({ now: T0 })
  let hub: { removed: [string, string][]; deactivated: string[]; sessions: string[] }
  let unregister: () => void
  let otherSchool: { schoolId: string; adminId: string }
  let outsiderId: string

  const snapshot = () => Object.fromEntries(TABLES.map((table) => [table, t.sqlite.prepare(`select * from ${table}`).all()]))
  const userRow = (id: string) => ({ id, email: (t.sqlite.prepare('select email from users where id = ?').get(id) as { email: string }).email, name: 'X', language: 'en' as const })
  const callerForId = (id: string): AppCaller => createCaller(createContext({ db: t.db, user: userRow(id), now: () => T0 }))
  const admin = () => demo.callerFor('admin', T0)
  const school = () => demo.schoolId
  const addUser = (email: string, name: string) => {
    const id = randomUUID()
    t.sqlite.prepare('insert into users (id, email, name, password_hash, created_at) values (?, ?, ?, ?, ?)').run(id, email, name, 'x', T0.toISOString())
    return id
  }
  const activeTeam = (studentId: string) =>
    t.sqlite
      .prepare('select u.name, m.role from team_members m join users u on u.id = m.user_id where m.student_id = ? and m.removed_at is null order by u.name')
      .all(studentId) as { name: string; role: string }[]
  const audits = (entity: string, action: string) =>
    t.sqlite.prepare('select actor_id, student_id, entity_id, before, after, at from audit_log where entity = ? and action = ? order by id').all(entity, action) as {
      actor_id: string
      student_id: string | null
      entity_id: string
      before: string | null
      after: string
      at: string
    }[]

  beforeEach(() => {
    hub = { removed: [], deactivated: [], sessions: [] }
    const listener: CollabListener = {
      memberRemoved: (studentId, userId) => hub.removed.push([studentId, userId]),
      notebookArchived: () => {},
      sessionEnded: (id) => hub.sessions.push(id),
      userDeactivated: (userId) => hub.deactivated.push(userId),
      flush: async () => {},
      applyStored: () => {},
    }
    unregister = registerCollab(listener)
    // A second school with its own admin, and someone who is nobody to either school.
    const schoolId = randomUUID()
    t.sqlite.prepare('insert into schools (id, name, created_at) values (?, ?, ?)').run(schoolId, 'Oak Middle', T0.toISOString())
    const adminId = addUser('admin@oak.example', 'Olive Oak')
    t.sqlite.prepare("insert into school_roles (id, school_id, user_id, role, created_at) values (?, ?, ?, 'school_admin', ?)").run(randomUUID(), schoolId, adminId, T0.toISOString())
    otherSchool = { schoolId, adminId }
    outsiderId = addUser('nobody@elsewhere.example', 'Nora Nobody')
  })
  afterEach(() => unregister())

  describe('only this school’s admin passes the gate', () => {
    const calls: Record<string, (c: AppCaller, schoolId: string) => Promise<unknown>> = {
      list: (c, schoolId) => c.people.list({ schoolId }),
      inviteStaff: (c, schoolId) => c.people.inviteStaff({ schoolId, email: 'new.staff@maple.example', name: 'New Staff' }),
      revokeStaffInvite: (c, schoolId) => c.people.revokeStaffInvite({ schoolId, inviteId: 'no-such-invite' }),
      setSchoolAdmin: (c, schoolId) => c.people.setSchoolAdmin({ schoolId, userId: demo.users.speech, admin: true }),
      deactivate: (c, schoolId) => c.people.deactivate({ schoolId, userId: demo.users.ot }),
      reactivate: (c, schoolId) => c.people.reactivate({ schoolId, userId: demo.users.ot }),
      moveCaseload: (c, schoolId) => c.people.moveCaseload({ schoolId, fromUserId: demo.users.caseManager, toUserId: demo.users.ot }),
      unlinkParent: (c, schoolId) => c.people.unlinkParent({ schoolId, userId: demo.users.parent, studentId: demo.johnnyId }),
    }
    const NOT_ADMINS: [string, () => AppCaller, string][] = [
      ['the admin of another school', () => callerForId(otherSchool.adminId), 'NOT_FOUND'],
      ['the case manager', () => demo.callerFor('caseManager', T0), 'FORBIDDEN'],
      ['a provider', () => demo.callerFor('speech', T0), 'NOT_FOUND'],
      ['the para', () => demo.callerFor('para', T0), 'NOT_FOUND'],
      ['a parent', () => demo.callerFor('parent', T0), 'NOT_FOUND'],
      ['someone outside the school', () => callerForId(outsiderId), 'NOT_FOUND'],
    ]
    for (const [who, caller, code] of NOT_ADMINS) {
      test.each(Object.keys(calls))(`${who}: people.%s is refused and writes nothing`, async (name) => {
        const before = snapshot()
        const error = await trpcError(calls[name]!(caller(), school()))
        expect(error.code).toBe(code)
        expect(error.message).not.toContain('Maple')
        expect(snapshot()).toEqual(before)
        expect(hub).toEqual({ removed: [], deactivated: [], sessions: [] })
      })
    }

    test('the other school’s admin cannot reach this school’s people through her own school either', async () => {
      const before = snapshot()
      const error = await trpcError(callerForId(otherSchool.adminId).people.deactivate({ schoolId: otherSchool.schoolId, userId: demo.users.para }))
      expect([error.code, error.message]).toEqual(['NOT_FOUND', 'This person is not at your school.'])
      expect(snapshot()).toEqual(before)
    })
  })

  describe('list', () => {
    test('every staff member and family account, with school role, students, last sign-in and status', async () => {
      await signInWithThrottle({ db: t.db, guard: new SignInGuard(), limits: new RateLimits(), now: T0 }, DEMO_USERS.para.email, DEMO_PASSWORD, { ip: '203.0.113.1', deviceCookie: null })
      const { people } = await admin().people.list({ schoolId: school() })
      const row = (key: DemoUserKey) => people.find((p) => p.userId === demo.users[key])!
      expect(people.map((p) => [p.name, p.role])).toEqual([
        ['Alex Chen', 'school_admin'],
        ['Dana Rivera', 'case_manager'],
        ['Jordan Lee', 'provider'],
        ['Laura Miller', 'parent'],
        ['Priya Shah', 'provider'],
        ['Rosa Thompson', 'parent'],
        ['Sam Ortiz', 'para'],
      ])
      expect(row('caseManager').teams.map((m) => [m.studentName, m.role])).toEqual([
        ['Ava Brooks', 'case_manager'],
        ['Johnny Miller', 'case_manager'],
        ['Leo Garcia', 'case_manager'],
        ['Maya Thompson', 'case_manager'],
      ])
      expect(row('caseManager').caseload).toBe(4)
      expect(row('parent')).toMatchObject({ family: true, email: DEMO_USERS.parent.email, status: 'active' })
      expect(row('para').lastSignIn).toBe(T0.toISOString())
      expect(row('speech').lastSignIn).toBeNull()
      // Nobody of the other school, and not the outsider.
      expect(people.map((p) => p.userId)).not.toContain(otherSchool.adminId)
      expect(people.map((p) => p.userId)).not.toContain(outsiderId)
    })
  })

  describe('school admin role', () => {
    test('making and removing a school admin: in history with who and when; the person stays on the staff list', async () => {
      await admin().people.setSchoolAdmin({ schoolId: school(), userId: demo.users.speech, admin: true })
      expect((await demo.callerFor('speech', T0).schools.mine()).map((s) => s.role)).toEqual(['school_admin'])
      expect(audits('school_role', 'grant')).toMatchObject([{ actor_id: demo.users.admin, at: T0.toISOString() }])
      // The new admin may now run the page, and take the role back from nobody but others.
      await demo.callerFor('speech', T0).people.list({ schoolId: school() })
      await admin().people.setSchoolAdmin({ schoolId: school(), userId: demo.users.speech, admin: false })
      expect(audits('school_role', 'revoke')).toMatchObject([{ actor_id: demo.users.admin }])
      const { people, changes } = await admin().people.list({ schoolId: school() })
      expect(people.find((p) => p.userId === demo.users.speech)).toMatchObject({ admin: false, role: 'provider' })
      expect(changes.map((c) => `${c.entity}.${c.action}`)).toEqual(['school_role.revoke', 'school_role.grant'])
    })

    test('nobody changes their own role: the admin may not drop hers, nor a new admin raise or drop her own', async () => {
      const before = snapshot()
      const own = await trpcError(admin().people.setSchoolAdmin({ schoolId: school(), userId: demo.users.admin, admin: false }))
      expect([own.code, own.message]).toEqual(['FORBIDDEN', REFUSALS.own])
      const raise = await trpcError(admin().people.setSchoolAdmin({ schoolId: school(), userId: demo.users.admin, admin: true }))
      expect([raise.code, raise.message]).toEqual(['FORBIDDEN', REFUSALS.own])
      expect(snapshot()).toEqual(before)
    })

    test('the last active school admin never loses the role (an admin switched off mid-request cannot take it from her)', async () => {
      await admin().people.setSchoolAdmin({ schoolId: school(), userId: demo.users.speech, admin: true })
      // Alex is switched off by Priya; a request of Alex's already in flight then tries to take Priya's role.
      await demo.callerFor('speech', T0).people.deactivate({ schoolId: school(), userId: demo.users.admin })
      const before = snapshot()
      const error = await trpcError(admin().people.setSchoolAdmin({ schoolId: school(), userId: demo.users.speech, admin: false }))
      expect([error.code, error.message]).toEqual(['CONFLICT', REFUSALS.lastAdmin])
      const deactivate = await trpcError(admin().people.deactivate({ schoolId: school(), userId: demo.users.speech }))
      expect([deactivate.code, deactivate.message]).toEqual(['CONFLICT', REFUSALS.lastAdmin])
      expect(snapshot()).toEqual(before)
    })

    test('a parent’s account is never made staff, and a deactivated account is reactivated first', async () => {
      const family = await trpcError(admin().people.setSchoolAdmin({ schoolId: school(), userId: demo.users.parent, admin: true }))
      expect([family.code, family.message]).toEqual(['FORBIDDEN', REFUSALS.family])
      await admin().people.deactivate({ schoolId: school(), userId: demo.users.ot })
      const off = await trpcError(admin().people.setSchoolAdmin({ schoolId: school(), userId: demo.users.ot, admin: true }))
      expect([off.code, off.message]).toEqual(['FORBIDDEN', REFUSALS.switchedOff])
    })
  })

  describe('deactivate and reactivate', () => {
    test('ends every session, closes every notebook socket, refuses sign-in after the right password; records keep their author', async () => {
      const lucia = createLucia(t.db)
      const sessions = [await lucia.createSession(demo.users.para, {}), await lucia.createSession(demo.users.para, {})]
      const authored = t.sqlite.prepare('select count(*) as n from progress_points where recorded_by = ?').get(demo.users.para) as { n: number }
      expect(authored.n).toBeGreaterThan(0)

      const result = await admin().people.deactivate({ schoolId: school(), userId: demo.users.para })
      expect(result).toEqual({ name: DEMO_USERS.para.name, sessionsEnded: 2 })
      expect(t.sqlite.prepare('select count(*) as n from auth_sessions where user_id = ?').get(demo.users.para)).toEqual({ n: 0 })
      expect(t.sqlite.prepare('select deactivated_at, deactivated_by from users where id = ?').get(demo.users.para)).toEqual({ deactivated_at: T0.toISOString(), deactivated_by: demo.users.admin })
      expect(hub.deactivated).toEqual([demo.users.para])
      expect(hub.sessions.sort()).toEqual(sessions.map((s) => s.id).sort())
      expect(audits('user', 'deactivate')).toMatchObject([{ actor_id: demo.users.admin, entity_id: demo.users.para, at: T0.toISOString() }])
      // Her records and her team place stay.
      expect(t.sqlite.prepare('select count(*) as n from progress_points where recorded_by = ?').get(demo.users.para)).toEqual(authored)
      expect(activeTeam(demo.johnnyId)).toContainEqual({ name: DEMO_USERS.para.name, role: 'para' })

      // Any session still presented (here, one written after) reads as signed out.
      t.sqlite.prepare('insert into auth_sessions (id, user_id, expires_at) values (?, ?, ?)').run('left-over-session', demo.users.para, Math.floor(T0.getTime() / 1000) + 3600 * 24 * 365 * 10)
      expect((await lucia.validateSession('left-over-session')).user).toBeNull()

      // Sign-in: the right password hears why; a wrong one hears nothing new. Both count as failures.
      expect(await checkCredentials(t.db, DEMO_USERS.para.email, DEMO_PASSWORD)).toEqual({ ok: false, reason: 'switched_off' })
      expect(await checkCredentials(t.db, DEMO_USERS.para.email, 'not-the-password')).toEqual({ ok: false, reason: 'invalid' })
      const signIn = await signInWithThrottle({ db: t.db, guard: new SignInGuard(), limits: new RateLimits(), now: T0 }, DEMO_USERS.para.email, DEMO_PASSWORD, { ip: '203.0.113.9', deviceCookie: null })
      expect(signIn).toEqual({ ok: false, reason: 'switched_off' })
      expect(audits('auth', 'sign_in.failed').at(-1)?.after).toContain('switched_off')
      // No reset link goes out for it either (answered the same as an unknown address).
      expect(await requestPasswordReset(t.db, { email: DEMO_USERS.para.email, now: T0 })).toEqual({ mailed: false })

      const { people } = await admin().people.list({ schoolId: school() })
      expect(people.find((p) => p.userId === demo.users.para)).toMatchObject({ status: 'deactivated', deactivatedAt: T0.toISOString() })

      await admin().people.reactivate({ schoolId: school(), userId: demo.users.para })
      expect(audits('user', 'reactivate')).toMatchObject([{ actor_id: demo.users.admin, entity_id: demo.users.para }])
      expect(await checkCredentials(t.db, DEMO_USERS.para.email, DEMO_PASSWORD)).toEqual({ ok: true, userId: demo.users.para })
    })

    test('never one’s own account, never the last admin, never an admin of another school', async () => {
      const before = snapshot()
      const own = await trpcError(admin().people.deactivate({ schoolId: school(), userId: demo.users.admin }))
      expect([own.code, own.message]).toEqual(['FORBIDDEN', REFUSALS.own])
      t.sqlite.prepare("insert into school_roles (id, school_id, user_id, role, created_at) values (?, ?, ?, 'school_admin', ?)").run(randomUUID(), otherSchool.schoolId, demo.users.ot, T0.toISOString())
      const elsewhere = snapshot()
      const error = await trpcError(admin().people.deactivate({ schoolId: school(), userId: demo.users.ot }))
      expect([error.code, error.message]).toEqual(['FORBIDDEN', REFUSALS.elsewhere])
      expect(snapshot()).toEqual(elsewhere)
      expect(before.users).toEqual(elsewhere.users)
      expect(hub.deactivated).toEqual([])
    })
  })

  describe('move caseload', () => {
    test('every student of the case manager gets the new one: old places end, one history row each, her notebooks close', async () => {
      const result = await admin().people.moveCaseload({ schoolId: school(), fromUserId: demo.users.caseManager, toUserId: demo.users.ot })
      const caseload = [demo.johnnyId, demo.mayaId, demo.leoId, demo.avaId].sort()
      expect(result).toEqual({ moved: 4, from: DEMO_USERS.caseManager.name, to: DEMO_USERS.ot.name })
      // Jordan was Johnny's OT provider: that place ended and he is his case manager now.
      expect(activeTeam(demo.johnnyId)).toEqual([
        { name: DEMO_USERS.ot.name, role: 'case_manager' },
        { name: DEMO_USERS.parent.name, role: 'parent' },
        { name: DEMO_USERS.speech.name, role: 'provider' },
        { name: DEMO_USERS.para.name, role: 'para' },
      ])
      // Maya's mother stays; only the case manager changes.
      expect(activeTeam(demo.mayaId)).toEqual([
        { name: DEMO_USERS.ot.name, role: 'case_manager' },
        { name: DEMO_USERS.mayaParent.name, role: 'parent' },
      ])
      expect(activeTeam(demo.leoId)).toContainEqual({ name: DEMO_USERS.ot.name, role: 'case_manager' })
      expect(activeTeam(demo.leoId).map((m) => m.name)).not.toContain(DEMO_USERS.caseManager.name)
      const ended = t.sqlite.prepare('select student_id, removed_at, removed_by from team_members where user_id = ? and removed_at is not null order by student_id').all(demo.users.caseManager)
      expect(ended).toEqual(caseload.map((id) => ({ student_id: id, removed_at: T0.toISOString(), removed_by: demo.users.admin })))
      const rows = audits('team_member', 'move_caseload')
      expect(rows.map((r) => r.student_id).sort()).toEqual(caseload)
      expect(rows.every((r) => r.actor_id === demo.users.admin && r.at === T0.toISOString())).toBe(true)
      expect(hub.removed.map(([studentId, userId]) => [studentId, userId]).sort()).toEqual(caseload.map((id) => [id, demo.users.caseManager]))
      // The student's history says it; Dana stays on the school's list as staff.
      const history = await demo.callerFor('ot', T0).team.history({ studentId: demo.johnnyId })
      expect(history[0]).toMatchObject({ entity: 'team_member', action: 'move_caseload', actorName: DEMO_USERS.admin.name })
      const { people } = await admin().people.list({ schoolId: school() })
      expect(people.find((p) => p.userId === demo.users.caseManager)).toMatchObject({ role: 'staff', caseload: 0, teams: [] })
      // And the new case manager runs the team.
      await demo.callerFor('ot', T0).team.pendingInvites({ studentId: demo.mayaId })
    })

    test('refused: to a parent, to oneself, to a deactivated account, from someone with no caseload, to the same person', async () => {
      const before = snapshot()
      const move = (fromUserId: string, toUserId: string) => trpcError(admin().people.moveCaseload({ schoolId: school(), fromUserId, toUserId }))
      expect((await move(demo.users.caseManager, demo.users.parent)).message).toBe(REFUSALS.family)
      expect((await move(demo.users.caseManager, demo.users.admin)).message).toBe(REFUSALS.own)
      const none = await move(demo.users.speech, demo.users.ot)
      expect([none.code, none.message]).toEqual(['CONFLICT', `${DEMO_USERS.speech.name} is not the case manager of any student at this school.`])
      expect((await move(demo.users.caseManager, demo.users.caseManager)).code).toBe('BAD_REQUEST')
      expect((await move(demo.users.caseManager, outsiderId)).code).toBe('NOT_FOUND')
      expect(snapshot()).toEqual(before)
      await admin().people.deactivate({ schoolId: school(), userId: demo.users.ot })
      expect((await move(demo.users.caseManager, demo.users.ot)).message).toBe(REFUSALS.switchedOff)
    })
  })

  describe('unlink a parent', () => {
    test('her place on the student’s team ends, in history; the account stays', async () => {
      const result = await admin().people.unlinkParent({ schoolId: school(), userId: demo.users.parent, studentId: demo.johnnyId })
      expect(result).toEqual({ name: DEMO_USERS.parent.name, student: 'Johnny Miller' })
      expect(activeTeam(demo.johnnyId).map((m) => m.role)).not.toContain('parent')
      expect(t.sqlite.prepare('select count(*) as n from users where id = ?').get(demo.users.parent)).toEqual({ n: 1 })
      const [row] = audits('team_member', 'remove')
      expect(row).toMatchObject({ actor_id: demo.users.admin, student_id: demo.johnnyId })
      expect(hub.removed).toEqual([[demo.johnnyId, demo.users.parent]])
    })

    test('only a parent’s link, only at this school', async () => {
      const before = snapshot()
      const para = await trpcError(admin().people.unlinkParent({ schoolId: school(), userId: demo.users.para, studentId: demo.johnnyId }))
      expect([para.code, para.message]).toEqual(['NOT_FOUND', 'This parent is not linked to that student.'])
      const maya = await trpcError(admin().people.unlinkParent({ schoolId: school(), userId: demo.users.parent, studentId: demo.mayaId }))
      expect(maya.code).toBe('NOT_FOUND')
      expect(snapshot()).toEqual(before)
    })
  })

  describe('staff invites', () => {
    test('an invite is mailed; accepting makes the account and a staff place at the school', async () => {
      const invite = await admin().people.inviteStaff({ schoolId: school(), email: 'Robin.New@Maple.example', name: 'Robin New' })
      const mail = t.sqlite.prepare("select to_email, kind, text_body from mail_outbox where kind = 'invite'").all() as { to_email: string; kind: string; text_body: string }[]
      expect(mail).toHaveLength(1)
      expect(mail[0]!.to_email).toBe('robin.new@maple.example')
      expect(mail[0]!.text_body).toContain(`/invite/${invite.token}`)
      expect(t.sqlite.prepare('select token_hash from staff_invites').all()).not.toContainEqual({ token_hash: invite.token })
      expect(await describeInvite(t.db, invite.token, T0)).toMatchObject({ kind: 'staff', schoolName: 'Maple Elementary', email: 'robin.new@maple.example', status: 'valid', accountExists: false })
      expect(audits('staff_invite', 'create')).toMatchObject([{ actor_id: demo.users.admin }])
      expect((await admin().people.list({ schoolId: school() })).invites.map((i) => i.email)).toEqual(['robin.new@maple.example'])

      const accepted = await acceptInviteWithNewAccount(t.db, { token: invite.token, name: 'Robin New', password: 'a-long-enough-password', language: 'en', now: T0 })
      expect(accepted.studentId).toBeNull()
      const { people, invites } = await admin().people.list({ schoolId: school() })
      expect(people.find((p) => p.userId === accepted.userId)).toMatchObject({ role: 'staff', status: 'active', teams: [] })
      expect(invites).toEqual([])
      // Used once: the link is spent.
      await expect(acceptInviteWithNewAccount(t.db, { token: invite.token, name: 'Again', password: 'a-long-enough-password', language: 'en', now: T0 })).rejects.toMatchObject({ code: 'CONFLICT' })
    }, 15_000)

    test('refused for someone already on the staff; a parent account cannot accept; an invite can be cancelled', async () => {
      const staff = await trpcError(admin().people.inviteStaff({ schoolId: school(), email: DEMO_USERS.para.email, name: 'Sam' }))
      expect([staff.code, staff.message]).toEqual(['CONFLICT', `${DEMO_USERS.para.email} is already on this school’s staff.`])
      const invite = await admin().people.inviteStaff({ schoolId: school(), email: DEMO_USERS.parent.email, name: 'Laura' })
      await expect(acceptInviteAsUser(t.db, { token: invite.token, userId: demo.users.parent, now: T0 })).rejects.toThrow(/Staff and family use separate accounts/)
      await admin().people.revokeStaffInvite({ schoolId: school(), inviteId: invite.inviteId })
      expect((await admin().people.list({ schoolId: school() })).invites).toEqual([])
      expect(audits('staff_invite', 'revoke')).toMatchObject([{ actor_id: demo.users.admin, entity_id: invite.inviteId }])
    })
  })
})
