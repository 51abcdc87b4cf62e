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
import { t } from '#shared/i18n/i18n.ts'

export interface InviteView {
  status: InviteStatus
  email: string
  role: TeamRole
  studentName: string
  inviterName: string
  accountExists: boolean
}

/** What the invite page may show. An unknown token is null: the page then says the link is not valid. */
export async function describeInvite(db: DB, token: string, now: Date): Promise<InviteView | null> {
  const row = await findInvite(db, token)
  if (!row) return null
  const account = await db.selectFrom('users').select('id').where('email', '=', row.email).executeTakeFirst()
  return {
    status: inviteStatus({ expiresAt: row.expires_at, usedAt: row.used_at, revokedAt: row.revoked_at }, now),
    email: row.email,
    role: row.role,
    studentName: row.student_name,
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
      'students.name as student_name',
      'inviter.name as inviter_name',
    ])
    .where('invites.token_hash', '=', hashInviteToken(token))
    .executeTakeFirst()
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
): Promise<{ studentId: string }> {
  return db.transaction().execute(async (trx) => {
    const invite = await useInvite(trx, args.token, args.now)
    const user = await trx.selectFrom('users').select('email').where('id', '=', args.userId).executeTakeFirstOrThrow()
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
  args: { token: string; name: string; password: string; now: Date },
): Promise<{ studentId: string; userId: string; email: string }> {
  // Hash before the transaction: argon2 is slow and must not hold the write lock.
  const passwordHash = await hashPassword(args.password)
  return db.transaction().execute(async (trx) => {
    const invite = await useInvite(trx, args.token, args.now)
    const existing = await trx.selectFrom('users').select('id').where('email', '=', invite.email).executeTakeFirst()
    if (existing) {
      throw new DomainError('CONFLICT', t('refusals.accountExists', { email: invite.email }))
    }
    const userId = randomUUID()
    await trx
      .insertInto('users')
      .values({ id: userId, email: invite.email, name: args.name, password_hash: passwordHash, created_at: args.now.toISOString() })
      .execute()
    await recordAudit(trx, {
      actorId: userId,
      studentId: invite.student_id,
      entity: 'user',
      entityId: userId,
      action: 'create',
      after: { email: invite.email, name: args.name },
      at: args.now,
    })
    await joinTeam(trx, invite, userId, args.now)
    return { studentId: invite.student_id, userId, email: invite.email }
  })
}
