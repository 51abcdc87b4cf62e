import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { accessEndsAt, ADVOCATE_MAX_OPEN, ENDED_SHOWN_DAYS, grantStatus, type GrantStatus, isOpen, lastDayOf, lastDayProblem, linkExpiresAt } from '#shared/advocates.ts'
import { DomainError } from '#shared/domain-error.ts'
import { formatDay, formatMoment } from '#shared/i18n/format.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { appUrl } from '../mail/app-url.server.ts'
import { enqueueMail } from '../mail/outbox.server.ts'
import { type Executor, recordAudit, recordChange } from './audit.server.ts'
import { hashInviteToken, newInviteToken } from './invite-token.server.ts'
import { activeMembership, isSchoolAdmin } from './memberships.server.ts'
import { accountSides } from './school-standing.server.ts'

/**
 * An advocate at the table (docs/advocates.md): a parent gives an advocate or another family member read-only
 * access to their own child for a limited time. The grant is an invitation by mail, accepted on the invite page;
 * the permission gate reads it on every request (activeGrant), so it ends exactly at expires_at or when revoked.
 */

/** The grant that gives this person read access to this student at `now`, if any: what the gate asks. */
export async function activeGrant(db: Executor, userId: string, studentId: string, now: Date): Promise<{ id: string; expiresAt: string } | undefined> {
  const row = await db
    .selectFrom('advocate_grants')
    .select(['id', 'expires_at'])
    .where('user_id', '=', userId)
    .where('student_id', '=', studentId)
    .where('accepted_at', 'is not', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('expires_at', 'desc')
    .executeTakeFirst()
  return row ? { id: row.id, expiresAt: row.expires_at } : undefined
}

/** Every student this person reads as an advocate at `now`, with when each access ends (their home page). */
export async function activeGrantsOf(db: Executor, userId: string, now: Date): Promise<{ studentId: string; expiresAt: string }[]> {
  const rows = await db
    .selectFrom('advocate_grants')
    .select(['student_id', 'expires_at'])
    .where('user_id', '=', userId)
    .where('accepted_at', 'is not', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .execute()
  const latest = new Map<string, string>()
  for (const r of rows) if ((latest.get(r.student_id) ?? '') < r.expires_at) latest.set(r.student_id, r.expires_at)
  return [...latest].map(([studentId, expiresAt]) => ({ studentId, expiresAt }))
}

export interface EndedAccess {
  studentName: string
  /** When it ended: the parent's revocation, or the end of the last day. */
  endedAt: string
  revoked: boolean
}

/**
 * The read-only access this person had and no longer has, ended within the last ENDED_SHOWN_DAYS days: their home
 * page says so, since the student's pages now answer 404 like any other stranger's.
 */
export async function endedGrantsOf(db: Executor, userId: string, now: Date): Promise<EndedAccess[]> {
  const since = new Date(now.getTime() - ENDED_SHOWN_DAYS * 24 * 60 * 60 * 1000).toISOString()
  const at = now.toISOString()
  const rows = await db
    .selectFrom('advocate_grants')
    .innerJoin('students', 'students.id', 'advocate_grants.student_id')
    .select(['advocate_grants.student_id', 'advocate_grants.expires_at', 'advocate_grants.revoked_at', 'students.name as student_name'])
    .where('advocate_grants.user_id', '=', userId)
    .where('advocate_grants.accepted_at', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('advocate_grants.revoked_at', 'is not', null), eb('advocate_grants.revoked_at', '>=', since)]),
        eb.and([eb('advocate_grants.expires_at', '<=', at), eb('advocate_grants.expires_at', '>=', since)]),
      ]),
    )
    .execute()
  const current = new Set((await activeGrantsOf(db, userId, now)).map((g) => g.studentId))
  const latest = new Map<string, EndedAccess>()
  for (const r of rows) {
    if (current.has(r.student_id)) continue
    const revoked = r.revoked_at !== null && r.revoked_at < r.expires_at
    const endedAt = revoked ? r.revoked_at! : r.expires_at
    if (endedAt > at) continue
    if ((latest.get(r.student_id)?.endedAt ?? '') < endedAt) latest.set(r.student_id, { studentName: r.student_name, endedAt, revoked })
  }
  return [...latest.values()].sort((a, b) => b.endedAt.localeCompare(a.endedAt))
}

export interface CreatedGrant {
  grantId: string
  /** Shown once to the parent to pass on by hand; only its hash is stored. */
  token: string
  expiresAt: string
  linkExpiresAt: string
}

export async function grantAdvocate(
  db: DB,
  args: { studentId: string; email: string; name?: string | null; lastDay: IsoDate; grantedBy: string; now: Date },
): Promise<CreatedGrant> {
  const { studentId, email, lastDay, grantedBy, now } = args
  const name = args.name?.trim() || null
  const problem = lastDayProblem(lastDay, now)
  if (problem) throw new DomainError('BAD_REQUEST', problem, 'lastDay')
  const expiresAt = accessEndsAt(lastDay)
  const linkEnds = linkExpiresAt(now, expiresAt)
  return db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom('team_members')
      .innerJoin('users', 'users.id', 'team_members.user_id')
      .select('team_members.id')
      .where('team_members.student_id', '=', studentId)
      .where('team_members.removed_at', 'is', null)
      .where('users.email', '=', email)
      .executeTakeFirst()
    if (member) throw new DomainError('CONFLICT', t('advocates.refusals.onTeam', { email }), 'email')
    const open = (await grantRows(trx, studentId)).filter((g) => isOpen(statusOf(g, now)))
    if (open.some((g) => g.email === email)) throw new DomainError('CONFLICT', t('advocates.refusals.alreadyOpen', { email }), 'email')
    if (open.length >= ADVOCATE_MAX_OPEN) throw new DomainError('CONFLICT', t('advocates.refusals.tooMany', { max: ADVOCATE_MAX_OPEN }))
    const token = newInviteToken()
    const id = randomUUID()
    await trx
      .insertInto('advocate_grants')
      .values({
        id,
        student_id: studentId,
        email,
        name,
        token_hash: hashInviteToken(token),
        granted_by: grantedBy,
        created_at: now.toISOString(),
        invite_expires_at: linkEnds.toISOString(),
        expires_at: expiresAt.toISOString(),
        accepted_at: null,
        user_id: null,
        revoked_at: null,
        revoked_by: null,
      })
      .execute()
    await recordChange(trx, { actorId: grantedBy, studentId, now }, { entity: 'advocate_grant', entityId: id, action: 'create', after: { email, name, lastDay, expiresAt: expiresAt.toISOString() } })
    await queueGrantMail(trx, { grantId: id, token, studentId, email, grantedBy, lastDay, linkExpiresAt: linkEnds, now })
    return { grantId: id, token, expiresAt: expiresAt.toISOString(), linkExpiresAt: linkEnds.toISOString() }
  })
}

async function queueGrantMail(
  trx: Executor,
  args: { grantId: string; token: string; studentId: string; email: string; grantedBy: string; lastDay: IsoDate; linkExpiresAt: Date; now: Date },
): Promise<void> {
  const student = await trx.selectFrom('students').select(['name', 'school_id']).where('id', '=', args.studentId).executeTakeFirstOrThrow()
  const inviter = await trx.selectFrom('users').select('name').where('id', '=', args.grantedBy).executeTakeFirstOrThrow()
  const words = { inviter: inviter.name, student: student.name, lastDay: formatDay(args.lastDay, 'long'), expires: formatMoment(args.linkExpiresAt.toISOString()) }
  await enqueueMail(
    trx,
    {
      to: args.email,
      schoolId: student.school_id,
      studentId: args.studentId,
      kind: 'advocate_invite',
      compose: () => ({
        subject: t('advocates.mail.subject', words),
        body: {
          paragraphs: [t('advocates.mail.lead', words), t('advocates.mail.what', words), t('advocates.mail.expires', words)],
          action: { label: t('advocates.mail.action', words), url: appUrl(`/invite/${args.token}`) },
          footer: [t('mail.invite.notYou')],
        },
      }),
      dedupeKey: `advocate:${args.grantId}`,
    },
    args.now,
  )
}

export async function revokeAdvocate(db: DB, args: { studentId: string; grantId: string; actorId: string; now: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const grant = (await grantRows(trx, args.studentId)).find((g) => g.id === args.grantId)
    if (!grant) throw new DomainError('NOT_FOUND', t('advocates.refusals.notFound'))
    if (!isOpen(statusOf(grant, args.now))) throw new DomainError('CONFLICT', t('advocates.refusals.alreadyEnded'))
    await trx.updateTable('advocate_grants').set({ revoked_at: args.now.toISOString(), revoked_by: args.actorId }).where('id', '=', grant.id).execute()
    await recordChange(trx, { actorId: args.actorId, studentId: args.studentId, now: args.now }, {
      entity: 'advocate_grant',
      entityId: grant.id,
      action: 'revoke',
      before: { email: grant.email, revokedAt: null },
      after: { email: grant.email, lastDay: lastDayOf(grant.expires_at), revokedAt: args.now.toISOString() },
    })
  })
}

function grantRows(db: Executor, studentId: string) {
  return db
    .selectFrom('advocate_grants')
    .leftJoin('users', 'users.id', 'advocate_grants.user_id')
    .select([
      'advocate_grants.id',
      'advocate_grants.email',
      'advocate_grants.created_at',
      'advocate_grants.invite_expires_at',
      'advocate_grants.expires_at',
      'advocate_grants.accepted_at',
      'advocate_grants.user_id',
      'advocate_grants.revoked_at',
      'advocate_grants.name as given_name',
      'users.name',
    ])
    .where('advocate_grants.student_id', '=', studentId)
    .orderBy('advocate_grants.created_at', 'desc')
    .execute()
}

function statusOf(g: { expires_at: string; invite_expires_at: string; accepted_at: string | null; revoked_at: string | null }, now: Date): GrantStatus {
  return grantStatus({ expiresAt: g.expires_at, inviteExpiresAt: g.invite_expires_at, acceptedAt: g.accepted_at, revokedAt: g.revoked_at }, now)
}

export interface OpenedPage {
  at: string
  what: string
}

export interface GrantView {
  id: string
  email: string
  /** What the parent called them when giving access, if she did. */
  givenName: string | null
  /** The account's name once accepted. */
  name: string | null
  status: GrantStatus
  createdAt: string
  lastDay: IsoDate
  expiresAt: string
  inviteExpiresAt: string
  acceptedAt: string | null
  revokedAt: string | null
  /** Every kind of record they opened while the access lasted, newest first (the record of access). */
  opened: OpenedPage[]
}

/** The parent's list: every grant ever given for the student, where each stands, and what each person opened. */
export async function listAdvocateGrants(db: DB, studentId: string, now: Date): Promise<GrantView[]> {
  const rows = await grantRows(db, studentId)
  const out: GrantView[] = []
  for (const g of rows) {
    const opened =
      g.user_id && g.accepted_at
        ? await db
            .selectFrom('access_log')
            .select(['at', 'what'])
            .where('user_id', '=', g.user_id)
            .where('student_id', '=', studentId)
            .where('role', '=', 'advocate')
            .where('at', '>=', g.accepted_at)
            .where('at', '<', g.revoked_at && g.revoked_at < g.expires_at ? g.revoked_at : g.expires_at)
            .orderBy('id', 'desc')
            .limit(500)
            .execute()
        : []
    out.push({
      id: g.id,
      email: g.email,
      givenName: g.given_name,
      name: g.name,
      status: statusOf(g, now),
      createdAt: g.created_at,
      lastDay: lastDayOf(g.expires_at),
      expiresAt: g.expires_at,
      inviteExpiresAt: g.invite_expires_at,
      acceptedAt: g.accepted_at,
      revokedAt: g.revoked_at,
      opened,
    })
  }
  return out
}

export interface CurrentAdvocate {
  name: string
  email: string
  lastDay: IsoDate
  expiresAt: string
}

/** Who reads the student's record as the family's advocate right now, and until when: what the team is shown. */
export async function currentAdvocates(db: DB, studentId: string, now: Date): Promise<CurrentAdvocate[]> {
  return (await grantRows(db, studentId))
    .filter((g) => statusOf(g, now) === 'active')
    .map((g) => ({ name: g.name ?? g.given_name ?? g.email, email: g.email, lastDay: lastDayOf(g.expires_at), expiresAt: g.expires_at }))
}

// Accepting, on the invite page (server/services/invites.server.ts hands a token that is not a team's or staff's here).

export interface AdvocateInvite {
  id: string
  studentId: string
  studentName: string
  email: string
  inviterName: string
  status: GrantStatus
  lastDay: IsoDate
}

export async function findAdvocateInvite(db: Executor, token: string, now: Date): Promise<AdvocateInvite | undefined> {
  if (token.length < 20 || token.length > 100) return undefined
  const row = await db
    .selectFrom('advocate_grants')
    .innerJoin('students', 'students.id', 'advocate_grants.student_id')
    .innerJoin('users as inviter', 'inviter.id', 'advocate_grants.granted_by')
    .select([
      'advocate_grants.id',
      'advocate_grants.student_id',
      'advocate_grants.email',
      'advocate_grants.expires_at',
      'advocate_grants.invite_expires_at',
      'advocate_grants.accepted_at',
      'advocate_grants.revoked_at',
      'students.name as student_name',
      'inviter.name as inviter_name',
    ])
    .where('advocate_grants.token_hash', '=', hashInviteToken(token))
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    studentId: row.student_id,
    studentName: row.student_name,
    email: row.email,
    inviterName: row.inviter_name,
    status: statusOf(row, now),
    lastDay: lastDayOf(row.expires_at),
  }
}

/** The invited person takes the access: only while the link works, for their own email, from a family-side account. */
export async function acceptAdvocateGrant(trx: Executor, invite: AdvocateInvite, user: { id: string; email: string }, now: Date): Promise<void> {
  if (invite.status !== 'invited') throw new DomainError('CONFLICT', t(invite.status === 'active' ? 'domain.invite.used' : invite.status === 'revoked' ? 'domain.invite.revoked' : 'domain.invite.expired'))
  if (user.email !== invite.email) throw new DomainError('FORBIDDEN', t('refusals.inviteForOther', { email: invite.email }))
  // The advocate reads what the family reads, family-only concerns included: never a school account.
  if ((await accountSides(trx, user.id)).staffAnywhere) throw new DomainError('FORBIDDEN', t('advocates.refusals.staffAccount'))
  if (await activeMembership(trx, invite.studentId, user.id)) throw new DomainError('CONFLICT', t('advocates.refusals.hasRole'))
  const student = await trx.selectFrom('students').select('school_id').where('id', '=', invite.studentId).executeTakeFirstOrThrow()
  if (await isSchoolAdmin(trx, user.id, student.school_id)) throw new DomainError('CONFLICT', t('advocates.refusals.hasRole'))
  await trx.updateTable('advocate_grants').set({ accepted_at: now.toISOString(), user_id: user.id }).where('id', '=', invite.id).where('accepted_at', 'is', null).execute()
  await recordAudit(trx, {
    actorId: user.id,
    studentId: invite.studentId,
    entity: 'advocate_grant',
    entityId: invite.id,
    action: 'accept',
    after: { email: invite.email, lastDay: invite.lastDay },
    at: now,
  })
}
