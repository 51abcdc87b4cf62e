import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { INVITE_STATUS_MESSAGES, inviteStatus, type InviteStatus } from '#shared/invite-status.ts'
import type { TeamRole } from '#shared/roles.ts'
import { hashPassword } from '../auth/password.server.ts'
import { type Executor, recordAudit } from './audit.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { hashInviteToken } from './invite-token.server.ts'
import { accountSides } from './school-standing.server.ts'
import { INVITE_REFUSAL_MESSAGES, inviteRefusal } from '#shared/team-join.ts'
import { t, type Language } from '#shared/i18n/i18n.ts'
import type { IsoDate } from '#shared/school-date.ts'
import type { GrantStatus } from '#shared/advocates.ts'
import { acceptAdvocateGrant, type AdvocateInvite, findAdvocateInvite } from './advocates.server.ts'

export type InviteView = {
  status: InviteStatus
  email: string
  inviterName: string
  accountExists: boolean
} & ({ kind: 'team'; role: TeamRole; studentName: string; language: Language } | { kind: 'staff'; schoolName: string } | { kind: 'advocate'; studentName: string; lastDay: IsoDate })

/** What the invite page may show. An unknown token is null: the page then says the link is not valid. */
export async function describeInvite(db: DB, token: string, now: Date): Promise<InviteView | null> {
  const row = await findInvite(db, token)
  if (!row) return describeStaffInvite(db, token, now)
  const account = await db.selectFrom('users').select('id').where('email', '=', row.email).executeTakeFirst()
  return {
    kind: 'team',
    status: inviteStatus({ expiresAt: row.expires_at, usedAt: row.used_at, revokedAt: row.revoked_at }, now),
    email: row.email,
    role: row.role,
    studentName: row.student_name,
    language: row.language,
    inviterName: row.inviter_name,
    accountExists: Boolean(account),
  }
}

async function findInvite(db: Executor, token: string) {
  if (token.length < 20 || token.length > 100) return undefined
  return db
    .selectFrom('invites')
    .innerJoin('students', 'students.id', 'invites.student_id')
    .innerJoin('users as inviter', 'inviter.id', 'invites.invited_by')
    .select([
      'invites.id',
      'invites.student_id',
      'invites.email',
      'invites.role',
      'invites.expires_at',
      'invites.used_at',
      'invites.revoked_at',
      'invites.language',
      'students.name as student_name',
      'inviter.name as inviter_name',
    ])
    .where('invites.token_hash', '=', hashInviteToken(token))
    .executeTakeFirst()
}

// An invite to a school's staff (docs/people.md): the same link, page and rules, and a 'staff' school role for a team.

async function findStaffInvite(db: Executor, token: string) {
  if (token.length < 20 || token.length > 100) return undefined
  return db
    .selectFrom('staff_invites')
    .innerJoin('schools', 'schools.id', 'staff_invites.school_id')
    .innerJoin('users as inviter', 'inviter.id', 'staff_invites.invited_by')
    .select([
      'staff_invites.id',
      'staff_invites.school_id',
      'staff_invites.email',
      'staff_invites.expires_at',
      'staff_invites.used_at',
      'staff_invites.revoked_at',
      'schools.name as school_name',
      'inviter.name as inviter_name',
    ])
    .where('staff_invites.token_hash', '=', hashInviteToken(token))
    .executeTakeFirst()
}

async function describeStaffInvite(db: DB, token: string, now: Date): Promise<InviteView | null> {
  const row = await findStaffInvite(db, token)
  if (!row) return describeAdvocateInvite(db, token, now)
  const account = await db.selectFrom('users').select('id').where('email', '=', row.email).executeTakeFirst()
  return {
    kind: 'staff',
    status: inviteStatus({ expiresAt: row.expires_at, usedAt: row.used_at, revokedAt: row.revoked_at }, now),
    email: row.email,
    schoolName: row.school_name,
    inviterName: row.inviter_name,
    accountExists: Boolean(account),
  }
}

/** A parent's grant of read-only access (docs/advocates.md): the same link and page, accepted as an advocate. */
async function describeAdvocateInvite(db: DB, token: string, now: Date): Promise<InviteView | null> {
  const grant = await findAdvocateInvite(db, token, now)
  if (!grant) return null
  const account = await db.selectFrom('users').select('id').where('email', '=', grant.email).executeTakeFirst()
  return {
    kind: 'advocate',
    // Accepted is "used", a link past its week "expired": the page says why it no longer works.
    status: ADVOCATE_INVITE_STATUS[grant.status],
    email: grant.email,
    studentName: grant.studentName,
    inviterName: grant.inviterName,
    lastDay: grant.lastDay,
    accountExists: Boolean(account),
  }
}

const ADVOCATE_INVITE_STATUS: Record<GrantStatus, InviteStatus> = { invited: 'valid', active: 'used', expired: 'used', revoked: 'revoked', unused: 'expired' }

/** An advocate's grant for this token, when it is neither a team's nor a staff invite. */
async function advocateInviteOrThrow(trx: Executor, token: string, now: Date): Promise<AdvocateInvite> {
  const grant = await findAdvocateInvite(trx, token, now)
  if (!grant) throw new DomainError('NOT_FOUND', t('refusals.inviteInvalid'))
  return grant
}

/** A valid staff invite for this token, or undefined when the token is not a staff invite's at all. */
async function useStaffInvite(trx: Executor, token: string, now: Date) {
  const invite = await findStaffInvite(trx, token)
  if (!invite) return undefined
  const status = inviteStatus({ expiresAt: invite.expires_at, usedAt: invite.used_at, revokedAt: invite.revoked_at }, now)
  if (status !== 'valid') throw new DomainError('CONFLICT', INVITE_STATUS_MESSAGES[status])
  return invite
}

async function joinStaff(trx: Executor, invite: { id: string; school_id: string; email: string }, userId: string, now: Date): Promise<void> {
  const held = await trx.selectFrom('school_roles').select('id').where('school_id', '=', invite.school_id).where('user_id', '=', userId).where('removed_at', 'is', null).executeTakeFirst()
  if (!held) {
    const id = randomUUID()
    await trx.insertInto('school_roles').values({ id, school_id: invite.school_id, user_id: userId, role: 'staff', created_at: now.toISOString(), removed_at: null }).execute()
    await recordAudit(trx, {
      actorId: userId,
      entity: 'school_role',
      entityId: id,
      action: 'join',
      after: { userId, email: invite.email, role: 'staff', schoolId: invite.school_id, inviteId: invite.id },
      at: now,
    })
  }
  await trx.updateTable('staff_invites').set({ used_at: now.toISOString(), used_by: userId }).where('id', '=', invite.id).execute()
}

async function useInvite(trx: Executor, token: string, now: Date) {
  const invite = await findInvite(trx, token)
  if (!invite) throw new DomainError('NOT_FOUND', t('refusals.inviteInvalid'))
  const status = inviteStatus({ expiresAt: invite.expires_at, usedAt: invite.used_at, revokedAt: invite.revoked_at }, now)
  if (status !== 'valid') throw new DomainError('CONFLICT', INVITE_STATUS_MESSAGES[status])
  return invite
}

async function joinTeam(
  trx: Executor,
  invite: { id: string; student_id: string; role: TeamRole; email: string },
  userId: string,
  now: Date,
): Promise<void> {
  const active = await trx
    .selectFrom('team_members')
    .select('id')
    .where('student_id', '=', invite.student_id)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .executeTakeFirst()
  if (!active) {
    const memberId = randomUUID()
    await trx
      .insertInto('team_members')
      .values({
        id: memberId,
        student_id: invite.student_id,
        user_id: userId,
        role: invite.role,
        added_at: now.toISOString(),
        added_by: null,
        removed_at: null,
        removed_by: null,
      })
      .execute()
    await recordAudit(trx, {
      actorId: userId,
      studentId: invite.student_id,
      entity: 'team_member',
      entityId: memberId,
      action: 'join',
      after: { userId, email: invite.email, role: invite.role, inviteId: invite.id },
      at: now,
    })
  }
  await trx
    .updateTable('invites')
    .set({ used_at: now.toISOString(), used_by: userId })
    .where('id', '=', invite.id)
    .execute()
}

/** The invitee already has an account and is signed in as it. */
export async function acceptInviteAsUser(
  db: DB,
  args: { token: string; userId: string; now: Date },
): Promise<{ studentId: string | null }> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('email').where('id', '=', args.userId).executeTakeFirstOrThrow()
    const staff = await useStaffInvite(trx, args.token, args.now)
    if (staff) {
      if (user.email !== staff.email) throw new DomainError('FORBIDDEN', t('refusals.inviteForOther', { email: staff.email }))
      const refusal = inviteRefusal('para', await accountSides(trx, args.userId))
      if (refusal) throw new DomainError('FORBIDDEN', INVITE_REFUSAL_MESSAGES[refusal])
      await joinStaff(trx, staff, args.userId, args.now)
      return { studentId: null }
    }
    if (!(await findInvite(trx, args.token))) {
      const grant = await advocateInviteOrThrow(trx, args.token, args.now)
      await acceptAdvocateGrant(trx, grant, { id: args.userId, email: user.email }, args.now)
      return { studentId: grant.studentId }
    }
    const invite = await useInvite(trx, args.token, args.now)
    if (user.email !== invite.email) {
      throw new DomainError(
        'FORBIDDEN',
        t('refusals.inviteForOther', { email: invite.email }),
      )
    }
    // Staff and family never share an account (shared/team-join.ts): an invite cannot turn one into the other.
    const refusal = inviteRefusal(invite.role, await accountSides(trx, args.userId))
    if (refusal) throw new DomainError('FORBIDDEN', INVITE_REFUSAL_MESSAGES[refusal])
    await joinTeam(trx, invite, args.userId, args.now)
    return { studentId: invite.student_id }
  })
}

/** The invitee is new: create the account (name + password) and join in one transaction. */
export async function acceptInviteWithNewAccount(
  db: DB,
  args: { token: string; name: string; password: string; language: Language; now: Date },
): Promise<{ studentId: string | null; userId: string; email: string }> {
  // Hash before the transaction: argon2 is slow and must not hold the write lock.
  const passwordHash = await hashPassword(args.password)
  return db.transaction().execute(async (trx) => {
    const staff = await useStaffInvite(trx, args.token, args.now)
    if (staff) {
      const userId = await createAccount(trx, { email: staff.email, name: args.name, language: args.language, passwordHash, studentId: null, now: args.now })
      await joinStaff(trx, staff, userId, args.now)
      return { studentId: null, userId, email: staff.email }
    }
    if (!(await findInvite(trx, args.token))) {
      const grant = await advocateInviteOrThrow(trx, args.token, args.now)
      if (grant.status !== 'invited') throw new DomainError('CONFLICT', t('domain.invite.expired'))
      const userId = await createAccount(trx, { email: grant.email, name: args.name, language: args.language, passwordHash, studentId: grant.studentId, now: args.now })
      await acceptAdvocateGrant(trx, grant, { id: userId, email: grant.email }, args.now)
      return { studentId: grant.studentId, userId, email: grant.email }
    }
    const invite = await useInvite(trx, args.token, args.now)
    const userId = await createAccount(trx, { email: invite.email, name: args.name, language: args.language, passwordHash, studentId: invite.student_id, now: args.now })
    await joinTeam(trx, invite, userId, args.now)
    return { studentId: invite.student_id, userId, email: invite.email }
  })
}

async function createAccount(trx: Executor, args: { email: string; name: string; language: Language; passwordHash: string; studentId: string | null; now: Date }): Promise<string> {
  const existing = await trx.selectFrom('users').select('id').where('email', '=', args.email).executeTakeFirst()
  if (existing) {
    throw new DomainError('CONFLICT', t('refusals.accountExists', { email: args.email }))
  }
  const userId = randomUUID()
  await trx
    .insertInto('users')
    .values({ id: userId, email: args.email, name: args.name, language: args.language, password_hash: args.passwordHash, created_at: args.now.toISOString() })
    .execute()
  await recordAudit(trx, {
    actorId: userId,
    studentId: args.studentId,
    entity: 'user',
    entityId: userId,
    action: 'create',
    after: { email: args.email, name: args.name },
    at: args.now,
  })
  return userId
}
