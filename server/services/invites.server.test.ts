import { createHash } from 'node:crypto'
import { verify } from '@node-rs/argon2'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { DEMO_USERS } from '#server/demo/seed.ts'
import { isDomainError } from '#shared/domain-error.ts'
import { INVITE_STATUS_MESSAGES } from '#shared/invite-status.ts'
import type { TeamRole } from '#shared/roles.ts'
import { seedDemoTeam, type Demo } from '#tests/fixtures/demo.ts'
import { countRows, createTestDb, type TestDb } from '#tests/setup/test-db.ts'
import { acceptInviteAsUser, acceptInviteWithNewAccount, describeInvite } from './invites.server.ts'
import { inviteMember, revokeInvite } from './team.server.ts'

const DAY = 24 * 60 * 60 * 1000
const T0 = new Date('2026-03-02T09:00:00.000Z')
const after = (ms: number) => new Date(T0.getTime() + ms)
const NEW_EMAIL = 'ot.provider@maple.example'

const TABLES = ['users', 'team_members', 'invites', 'audit_log'] as const

interface AuditRow {
  id: number
  at: string
  actor_id: string | null
  student_id: string | null
  entity: string
  entity_id: string
  action: string
  before: string | null
  after: string | null
}

describe('invites', () => {
  let t: TestDb
  let demo: Demo
  beforeEach(async () => {
    t = createTestDb()
    demo = await seedDemoTeam(t, T0)
  })
  afterEach(() => t.close())

  const counts = () => Object.fromEntries(TABLES.map((table) => [table, countRows(t.sqlite, table)]))
  const audit = () => t.sqlite.prepare('select * from audit_log order by id').all() as AuditRow[]
  const invite = (email = NEW_EMAIL, role: TeamRole = 'provider', studentId = demo.johnnyId) =>
    inviteMember(t.db, { studentId, email, role, invitedBy: demo.users.caseManager, now: T0 })

  /** Runs `write`, expects a DomainError with this code and message, and that nothing at all was written. */
  async function expectRefusal(write: () => Promise<unknown>, code: string, message: string | RegExp) {
    const before = counts()
    const error = await write().then(
      () => null,
      (e: unknown) => e,
    )
    expect(isDomainError(error), `expected a DomainError, got ${String(error)}`).toBe(true)
    if (!isDomainError(error)) return
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
    expect(counts()).toEqual(before)
  }

  describe('inviting', () => {
    test('stores only the SHA-256 of the token: the raw token is nowhere in the database', async () => {
      const { inviteId, token, expiresAt } = await invite()
      expect(token.length).toBeGreaterThanOrEqual(40)
      const row = t.sqlite.prepare('select * from invites where id = ?').get(inviteId) as Record<string, unknown>
      expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'))
      expect(row).toMatchObject({ email: NEW_EMAIL, role: 'provider', invited_by: demo.users.caseManager, used_at: null })
      expect(row.expires_at).toBe(after(7 * DAY).toISOString())
      expect(expiresAt).toBe(row.expires_at)
      for (const table of ['invites', 'audit_log']) {
        expect(JSON.stringify(t.sqlite.prepare(`select * from ${table}`).all())).not.toContain(token)
      }
    })

    test('records who invited whom in the audit log', async () => {
      const { inviteId } = await invite()
      const [row] = audit()
      expect(row).toMatchObject({
        actor_id: demo.users.caseManager,
        student_id: demo.johnnyId,
        entity: 'invite',
        entity_id: inviteId,
        action: 'create',
        at: T0.toISOString(),
        before: null,
      })
      expect(JSON.parse(row!.after!)).toEqual({ email: NEW_EMAIL, role: 'provider', expiresAt: after(7 * DAY).toISOString() })
    })

    test('someone already on the team is refused with a clear message, and nothing is written', async () => {
      await expectRefusal(
        () => invite(DEMO_USERS.para.email, 'provider'),
        'CONFLICT',
        `${DEMO_USERS.para.email} is already on this student's team (paraprofessional).`,
      )
    })

    test('a new invite to the same address replaces the pending one', async () => {
      const first = await invite()
      const second = await invite(NEW_EMAIL, 'para')
      expect(await describeInvite(t.db, first.token, T0)).toMatchObject({ status: 'revoked' })
      expect(await describeInvite(t.db, second.token, T0)).toMatchObject({ status: 'valid', role: 'para' })
      const revoke = audit().find((r) => r.action === 'revoke')
      expect(revoke).toMatchObject({ entity: 'invite', entity_id: first.inviteId, actor_id: demo.users.caseManager })
      expect(JSON.parse(revoke!.before!)).toMatchObject({ revokedAt: null })
      expect(JSON.parse(revoke!.after!)).toMatchObject({ revokedAt: T0.toISOString() })
    })
  })

  describe('describeInvite', () => {
    test('says what the invite page may show', async () => {
      const { token } = await invite()
      expect(await describeInvite(t.db, token, T0)).toEqual({
        kind: 'team',
        status: 'valid',
        email: NEW_EMAIL,
        role: 'provider',
        studentName: 'Johnny Miller',
        language: 'en',
        inviterName: DEMO_USERS.caseManager.name,
        accountExists: false,
      })
    })

    test('an unknown or malformed token is null', async () => {
      await invite()
      expect(await describeInvite(t.db, 'x'.repeat(43), T0)).toBeNull()
      expect(await describeInvite(t.db, '', T0)).toBeNull()
    })
  })

  describe('accepting with a new account', () => {
    test('creates the user with an argon2 hash and an active membership in the invited role', async () => {
      const { token, inviteId } = await invite()
      const later = after(DAY)
      const { userId, studentId } = await acceptInviteWithNewAccount(t.db, {
        token,
        name: 'Olivia Tran',
        password: 'a-long-password',
        language: 'es',
        now: later,
      })
      expect(studentId).toBe(demo.johnnyId)
      // The language chosen at sign-up is the account's: its pages and mail are in it from the start.
      expect((await t.db.selectFrom('users').select('language').where('id', '=', userId).executeTakeFirstOrThrow()).language).toBe('es')

      const user = t.sqlite.prepare('select * from users where id = ?').get(userId) as Record<string, string>
      expect(user).toMatchObject({ email: NEW_EMAIL, name: 'Olivia Tran' })
      expect(user.password_hash).toMatch(/^\$argon2id\$/)
      expect(user.password_hash).not.toContain('a-long-password')
      expect(await verify(user.password_hash!, 'a-long-password')).toBe(true)

      const memberships = t.sqlite.prepare('select * from team_members where user_id = ?').all(userId)
      expect(memberships).toEqual([
        expect.objectContaining({ student_id: demo.johnnyId, role: 'provider', removed_at: null, added_at: later.toISOString() }),
      ])
      const used = t.sqlite.prepare('select used_at, used_by from invites where id = ?').get(inviteId)
      expect(used).toEqual({ used_at: later.toISOString(), used_by: userId })

      const rows = audit().slice(1) // after the invite's own row
      expect(rows.map((r) => [r.entity, r.action, r.actor_id, r.student_id])).toEqual([
        ['user', 'create', userId, demo.johnnyId],
        ['team_member', 'join', userId, demo.johnnyId],
      ])
      expect(rows[0]!.entity_id).toBe(userId)
      expect(JSON.parse(rows[0]!.after!)).toEqual({ email: NEW_EMAIL, name: 'Olivia Tran' })
      expect(JSON.stringify(rows)).not.toContain('a-long-password')
      expect(JSON.stringify(rows)).not.toContain('argon2')
      const member = memberships[0] as { id: string }
      expect(rows[1]!.entity_id).toBe(member.id)
      expect(JSON.parse(rows[1]!.after!)).toEqual({ userId, email: NEW_EMAIL, role: 'provider', inviteId })
    })

    test('a used link is refused, and nothing is written', async () => {
      const { token } = await invite()
      await acceptInviteWithNewAccount(t.db, { token, name: 'Olivia Tran', password: 'a-long-password', language: 'en', now: T0 })
      await expectRefusal(
        () => acceptInviteWithNewAccount(t.db, { token, name: 'Someone Else', password: 'another-password', language: 'en', now: T0 }),
        'CONFLICT',
        INVITE_STATUS_MESSAGES.used,
      )
    })

    test('an expired link (7 days later) is refused, and nothing is written', async () => {
      const { token } = await invite()
      await expectRefusal(
        () => acceptInviteWithNewAccount(t.db, { token, name: 'Olivia Tran', password: 'a-long-password', language: 'en', now: after(7 * DAY) }),
        'CONFLICT',
        INVITE_STATUS_MESSAGES.expired,
      )
      // A moment before, it still works.
      const ok = await acceptInviteWithNewAccount(t.db, { token, name: 'Olivia Tran', password: 'a-long-password', language: 'en', now: after(7 * DAY - 1000) })
      expect(ok.studentId).toBe(demo.johnnyId)
    })

    test('a revoked link is refused', async () => {
      const { token, inviteId } = await invite()
      await revokeInvite(t.db, { studentId: demo.johnnyId, inviteId, actorId: demo.users.caseManager, now: T0 })
      await expectRefusal(
        () => acceptInviteWithNewAccount(t.db, { token, name: 'Olivia Tran', password: 'a-long-password', language: 'en', now: T0 }),
        'CONFLICT',
        INVITE_STATUS_MESSAGES.revoked,
      )
    })

    test('an unknown link is refused as not valid', async () => {
      await expectRefusal(
        () => acceptInviteWithNewAccount(t.db, { token: 'y'.repeat(43), name: 'Olivia Tran', password: 'a-long-password', language: 'en', now: T0 }),
        'NOT_FOUND',
        /not valid/,
      )
    })

    test('an invite for an email that has an account cannot create a second account', async () => {
      const { token } = await invite(DEMO_USERS.speech.email, 'provider', demo.mayaId)
      await expectRefusal(
        () => acceptInviteWithNewAccount(t.db, { token, name: 'Impostor', password: 'a-long-password', language: 'en', now: T0 }),
        'CONFLICT',
        `An account for ${DEMO_USERS.speech.email} already exists. Sign in to accept the invite.`,
      )
    })
  })

  describe('accepting as an existing user', () => {
    test('joins that user to the team', async () => {
      const { token, inviteId } = await invite(DEMO_USERS.speech.email, 'provider', demo.mayaId)
      expect(await describeInvite(t.db, token, T0)).toMatchObject({ accountExists: true, studentName: 'Maya Thompson' })
      const usersBefore = countRows(t.sqlite, 'users')
      expect(await acceptInviteAsUser(t.db, { token, userId: demo.users.speech, now: T0 })).toEqual({ studentId: demo.mayaId })
      expect(countRows(t.sqlite, 'users')).toBe(usersBefore)
      const member = t.sqlite
        .prepare('select id, role, removed_at from team_members where student_id = ? and user_id = ?')
        .get(demo.mayaId, demo.users.speech) as { id: string }
      expect(member).toMatchObject({ role: 'provider', removed_at: null })
      expect(t.sqlite.prepare('select used_by from invites where id = ?').get(inviteId)).toEqual({ used_by: demo.users.speech })
      expect(audit().at(-1)).toMatchObject({
        actor_id: demo.users.speech,
        student_id: demo.mayaId,
        entity: 'team_member',
        entity_id: member.id,
        action: 'join',
      })
    })

    test('a different signed-in user is refused, naming the invited email, and nothing is written', async () => {
      const { token } = await invite(DEMO_USERS.speech.email, 'provider', demo.mayaId)
      await expectRefusal(
        () => acceptInviteAsUser(t.db, { token, userId: demo.users.parent, now: T0 }),
        'FORBIDDEN',
        `This invite is for ${DEMO_USERS.speech.email}.`,
      )
    })

    test('the same link cannot be used twice', async () => {
      const { token } = await invite(DEMO_USERS.speech.email, 'provider', demo.mayaId)
      await acceptInviteAsUser(t.db, { token, userId: demo.users.speech, now: T0 })
      await expectRefusal(() => acceptInviteAsUser(t.db, { token, userId: demo.users.speech, now: T0 }), 'CONFLICT', INVITE_STATUS_MESSAGES.used)
    })
  })
})
