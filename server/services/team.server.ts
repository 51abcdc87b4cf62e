import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { inviteExpiry, inviteStatus } from '#shared/invite-status.ts'
import { limitedToOwnRecords } from '#shared/permissions.ts'
import { isLeadRole, LEAD_ROLE, ROLE_LABELS, type TeamRole } from '#shared/roles.ts'
import { familyOnlyConcernIds } from './concerns-read.server.ts'
import { familyOnlyAttachmentIds } from './attachments.server.ts'
import { parseAreas } from './memberships.server.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { collabHub } from './collab-hub.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { queueInviteMail } from './invite-mail.server.ts'
import { hashInviteToken, newInviteToken } from './invite-token.server.ts'
import { DEFAULT_LANGUAGE, type Language, t } from '#shared/i18n/i18n.ts'

export interface TeamMember {
  id: string
  userId: string
  name: string
  email: string
  role: TeamRole
  addedAt: string
  /** Goal areas a provider works in. */
  areas: string[]
}

/** A student's team as it stands (removed members left out), each member with their account. */
function currentMembers(db: Executor, studentId: string) {
  return db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .where('team_members.student_id', '=', studentId)
    .where('team_members.removed_at', 'is', null)
}

export async function listTeam(db: DB, studentId: string): Promise<TeamMember[]> {
  const rows = await currentMembers(db, studentId)
    .select(['team_members.id', 'team_members.user_id', 'users.name', 'users.email', 'team_members.role', 'team_members.added_at', 'team_members.areas'])
    .orderBy('team_members.added_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    role: r.role,
    addedAt: r.added_at,
    areas: parseAreas(r.areas),
  }))
}

export interface PendingInvite {
  id: string
  email: string
  role: TeamRole
  createdAt: string
  expiresAt: string
}

export async function listPendingInvites(db: DB, studentId: string, now: Date): Promise<PendingInvite[]> {
  const rows = await db
    .selectFrom('invites')
    .select(['id', 'email', 'role', 'created_at', 'expires_at', 'used_at', 'revoked_at'])
    .where('student_id', '=', studentId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute()
  return rows
    .filter((r) => inviteStatus({ expiresAt: r.expires_at, usedAt: r.used_at, revokedAt: r.revoked_at }, now) === 'valid')
    .map((r) => ({ id: r.id, email: r.email, role: r.role, createdAt: r.created_at, expiresAt: r.expires_at }))
}

export interface CreatedInvite {
  inviteId: string
  /** Shown once to the case manager to send; never stored. */
  token: string
  expiresAt: string
}

export async function inviteMember(
  db: DB,
  args: { studentId: string; email: string; role: TeamRole; invitedBy: string; now: Date; language?: Language },
): Promise<CreatedInvite> {
  const { studentId, email, role, invitedBy, now } = args
  const language = args.language ?? DEFAULT_LANGUAGE
  const by = { actorId: invitedBy, studentId, now }
  return db.transaction().execute(async (trx) => {
    const existing = await currentMembers(trx, studentId).select(['team_members.role']).where('users.email', '=', email).executeTakeFirst()
    if (existing) {
      throw new DomainError(
        'CONFLICT',
        t('refusals.alreadyOnTeam', { email, role: ROLE_LABELS[existing.role].toLowerCase() }),
        'email',
      )
    }
    // A new invite to the same address replaces any pending one, so only the newest link works.
    const pending = await trx
      .selectFrom('invites')
      .select(['id', 'role'])
      .where('student_id', '=', studentId)
      .where('email', '=', email)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute()
    for (const p of pending) {
      await trx.updateTable('invites').set({ revoked_at: now.toISOString() }).where('id', '=', p.id).execute()
      await recordChange(trx, by, {
        entity: 'invite',
        entityId: p.id,
        action: 'revoke',
        before: { email, role: p.role, revokedAt: null },
        after: { email, role: p.role, revokedAt: now.toISOString(), reason: 'replaced by a new invite' },
      })
    }
    const token = newInviteToken()
    const invite = {
      id: randomUUID(),
      student_id: studentId,
      email,
      role,
      token_hash: hashInviteToken(token),
      invited_by: invitedBy,
      created_at: now.toISOString(),
      expires_at: inviteExpiry(now).toISOString(),
      used_at: null,
      used_by: null,
      revoked_at: null,
      language,
    }
    await trx.insertInto('invites').values(invite).execute()
    await recordChange(trx, by, { entity: 'invite', entityId: invite.id, action: 'create', after: { email, role, expiresAt: invite.expires_at } })
    await queueInviteMail(trx, { inviteId: invite.id, token, studentId, email, role, invitedBy, expiresAt: invite.expires_at, language, now })
    return { inviteId: invite.id, token, expiresAt: invite.expires_at }
  })
}

export async function revokeInvite(
  db: DB,
  args: { studentId: string; inviteId: string; actorId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const invite = await trx
      .selectFrom('invites')
      .select(['id', 'email', 'used_at', 'revoked_at'])
      .where('id', '=', args.inviteId)
      .where('student_id', '=', args.studentId)
      .executeTakeFirst()
    if (!invite) throw new DomainError('NOT_FOUND', t('refusals.inviteNotFound'))
    if (invite.used_at) throw new DomainError('CONFLICT', t('refusals.inviteUsed'))
    if (invite.revoked_at) return
    await trx.updateTable('invites').set({ revoked_at: args.now.toISOString() }).where('id', '=', invite.id).execute()
    await recordChange(trx, args, {
      entity: 'invite',
      entityId: invite.id,
      action: 'revoke',
      before: { email: invite.email, revokedAt: null },
      after: { email: invite.email, revokedAt: args.now.toISOString() },
    })
  })
}

export async function removeMember(
  db: DB,
  args: { studentId: string; memberId: string; actorId: string; now: Date },
): Promise<void> {
  const removedUserId = await db.transaction().execute(async (trx) => {
    const member = await currentMembers(trx, args.studentId)
      .select(['team_members.id', 'team_members.role', 'team_members.user_id', 'users.email', 'users.name'])
      .where('team_members.id', '=', args.memberId)
      .executeTakeFirst()
    if (!member) throw new DomainError('NOT_FOUND', t('refusals.memberNotFound'))
    if (isLeadRole(member.role)) {
      const { count } = await trx
        .selectFrom('team_members')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('student_id', '=', args.studentId)
        .where('role', '=', LEAD_ROLE)
        .where('removed_at', 'is', null)
        .executeTakeFirstOrThrow()
      if (Number(count) <= 1) {
        throw new DomainError(
          'CONFLICT',
          t('refusals.lastCaseManager'),
        )
      }
    }
    await trx
      .updateTable('team_members')
      .set({ removed_at: args.now.toISOString(), removed_by: args.actorId })
      .where('id', '=', member.id)
      .execute()
    await recordChange(trx, args, {
      entity: 'team_member',
      entityId: member.id,
      action: 'remove',
      before: { userId: member.user_id, name: member.name, email: member.email, role: member.role, removedAt: null },
      after: {
        userId: member.user_id,
        name: member.name,
        email: member.email,
        role: member.role,
        removedAt: args.now.toISOString(),
        removedBy: args.actorId,
      },
    })
    return member.user_id
  })
  // After the commit: their open notebooks close now, not when they next reload (docs/domain.md#notebooks).
  collabHub.memberRemoved(args.studentId, removedUserId)
}

export interface HistoryEntry {
  id: number
  at: string
  actorName: string | null
  entity: string
  action: string
  before: unknown
  after: unknown
}

export interface HistoryView {
  limit?: number
  /** Leave out the entries of family-only concerns, which exist only for the student's parents. */
  hideFamilyOnly?: boolean
  /**
   * Leave out the notebook words some entries carry (a restore keeps the restored text), for people who may not open
   * the notebooks (the school admin, docs/domain.md#notebooks): the history must not be a way round `notes.view`.
   */
  hideNotebookText?: boolean
  /** Leave out the writing of progress report drafts, for the family, who never learn of a draft (docs/progress-reports.md). */
  hideDrafts?: boolean
}

/** The student's audit trail, newest first; everything hidden unless the caller says the person may see it. */
export async function listStudentHistory(db: DB, studentId: string, view: HistoryView = {}): Promise<HistoryEntry[]> {
  const { limit = 100, hideFamilyOnly = true, hideNotebookText = true, hideDrafts = true } = view
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'users.name as actor_name',
      'audit_log.entity',
      'audit_log.action',
      'audit_log.before',
      'audit_log.after',
    ])
    .where('audit_log.student_id', '=', studentId)
  if (hideFamilyOnly) {
    query = query.where(({ eb, and, not }) =>
      not(and([eb('audit_log.entity', '=', 'concern'), eb('audit_log.entity_id', 'in', familyOnlyConcernIds(db, studentId))])),
    )
    // So are the files attached to them (and to their letters).
    query = query.where(({ eb, and, not }) =>
      not(and([eb('audit_log.entity', '=', 'attachment'), eb('audit_log.entity_id', 'in', familyOnlyAttachmentIds(db, studentId))])),
    )
  }
  if (hideDrafts) {
    query = query.where(({ eb, and, not }) => not(and([eb('audit_log.entity', '=', 'progress_report'), eb('audit_log.action', '=', 'write_part')])))
  }
  const rows = await query.orderBy('audit_log.id', 'desc').limit(limit).execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorName: r.actor_name,
    entity: r.entity,
    action: r.action,
    before: r.before ? withoutNotebookText(r.entity, JSON.parse(r.before), hideNotebookText) : null,
    after: r.after ? withoutNotebookText(r.entity, JSON.parse(r.after), hideNotebookText) : null,
  }))
}

/** A notebook entry without the notebook's words (its title and dates stay: they say what happened, not what it says). */
function withoutNotebookText(entity: string, value: unknown, hide: boolean): unknown {
  if (!hide || entity !== 'notebook' || !value || typeof value !== 'object' || Array.isArray(value)) return value
  const { text: _text, ...rest } = value as Record<string, unknown>
  return rest
}

/** Which goal areas a provider works in: they may then edit the plain parts of those goals. */
export async function setProviderAreas(
  db: DB,
  args: { studentId: string; memberId: string; areas: string[]; actorId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom('team_members')
      .select(['id', 'role', 'areas'])
      .where('id', '=', args.memberId)
      .where('student_id', '=', args.studentId)
      .where('removed_at', 'is', null)
      .executeTakeFirst()
    if (!member) throw new DomainError('NOT_FOUND', t('refusals.memberNotFound'))
    // Areas only narrow what a provider may edit: for anyone else they would mean nothing.
    if (!limitedToOwnRecords(member.role, 'goal.editPlainInArea')) throw new DomainError('BAD_REQUEST', t('refusals.areasProvidersOnly'))
    const areas = [...new Set(args.areas)].sort()
    await trx.updateTable('team_members').set({ areas: JSON.stringify(areas) }).where('id', '=', member.id).execute()
    await recordChange(trx, args, { entity: 'team_member', entityId: member.id, action: 'set_areas', before: { areas: parseAreas(member.areas) }, after: { areas } })
  })
}
