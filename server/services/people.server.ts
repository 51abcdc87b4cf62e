import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { t } from '#shared/i18n/i18n.ts'
import { inviteExpiry, inviteStatus } from '#shared/invite-status.ts'
import { deactivationRefusal, PEOPLE_REFUSAL_MESSAGES, type PeopleRefusal, schoolAdminRefusal, type SchoolPersonRole, schoolPersonRole } from '#shared/people.ts'
import { isFamilyRole, isStaffRole, LEAD_ROLE, type TeamRole } from '#shared/roles.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { appUrl } from '../mail/app-url.server.ts'
import { enqueueMail } from '../mail/outbox.server.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { collabHub } from './collab-hub.server.ts'
import { hashInviteToken, newInviteToken } from './invite-token.server.ts'

/**
 * The People page (docs/people.md): every staff and family account of one school, and what its admin changes about
 * them. Each change runs in one transaction with its audit rows (who, when, and the school in `after`, so the page
 * lists its own history); notebook sockets are closed after the commit.
 */

export interface PersonTeam {
  studentId: string
  studentName: string
  role: TeamRole
}

export interface SchoolPerson {
  userId: string
  name: string
  email: string
  role: SchoolPersonRole
  admin: boolean
  teams: PersonTeam[]
  /** How many of the school's students they case-manage. */
  caseload: number
  /** A parent or guardian anywhere: never made staff (shared/team-join.ts). */
  family: boolean
  lastSignIn: string | null
  status: 'active' | 'deactivated'
  deactivatedAt: string | null
}

/** The school's people: its admins and staff (school roles) and everyone on a team of one of its students. */
export async function listPeople(db: DB, schoolId: string): Promise<SchoolPerson[]> {
  const teams = await db
    .selectFrom('team_members')
    .innerJoin('students', 'students.id', 'team_members.student_id')
    .select(['team_members.user_id', 'team_members.role', 'students.id as student_id', 'students.name as student_name'])
    .where('students.school_id', '=', schoolId)
    .where('team_members.removed_at', 'is', null)
    .orderBy('students.name')
    .execute()
  const roles = await db.selectFrom('school_roles').select(['user_id', 'role']).where('school_id', '=', schoolId).where('removed_at', 'is', null).execute()
  const ids = [...new Set([...teams.map((m) => m.user_id), ...roles.map((r) => r.user_id)])]
  if (!ids.length) return []
  const users = await db.selectFrom('users').select(['id', 'name', 'email', 'deactivated_at']).where('id', 'in', ids).execute()
  const signIns = await db
    .selectFrom('audit_log')
    .select(['entity_id', (eb) => eb.fn.max('at').as('last')])
    .where('entity', '=', 'auth')
    .where('action', '=', 'sign_in')
    .where('entity_id', 'in', ids)
    .groupBy('entity_id')
    .execute()
  const parents = new Set(
    (await db.selectFrom('team_members').select('user_id').where('user_id', 'in', ids).where('role', '=', 'parent').where('removed_at', 'is', null).execute()).map(
      (r) => r.user_id,
    ),
  )
  const lastSignIn = new Map(signIns.map((s) => [s.entity_id, s.last as string | null]))
  return users
    .map((u) => {
      const mine = teams.filter((m) => m.user_id === u.id).map((m) => ({ studentId: m.student_id, studentName: m.student_name, role: m.role }))
      const admin = roles.some((r) => r.user_id === u.id && r.role === 'school_admin')
      return {
        userId: u.id,
        name: u.name,
        email: u.email,
        role: schoolPersonRole({ admin, teamRoles: mine.map((m) => m.role) }),
        admin,
        teams: mine,
        caseload: mine.filter((m) => m.role === LEAD_ROLE).length,
        family: parents.has(u.id),
        lastSignIn: lastSignIn.get(u.id) ?? null,
        status: u.deactivated_at ? ('deactivated' as const) : ('active' as const),
        deactivatedAt: u.deactivated_at,
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

export interface PeopleChange {
  id: number
  at: string
  actorName: string | null
  entity: string
  action: string
  before: unknown
  after: unknown
}

const PEOPLE_ENTITIES = ['user', 'school_role', 'staff_invite', 'team_member'] as const

/** The school's people changes, newest first: every row this service writes names the school in `after`. */
export async function listPeopleChanges(db: DB, schoolId: string, limit = 50): Promise<PeopleChange[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.id', 'audit_log.at', 'users.name as actor_name', 'audit_log.entity', 'audit_log.action', 'audit_log.before', 'audit_log.after'])
    .where('audit_log.entity', 'in', PEOPLE_ENTITIES)
    .where(sql<string>`json_extract(audit_log.after, '$.schoolId')`, '=', schoolId)
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorName: r.actor_name,
    entity: r.entity,
    action: r.action,
    before: r.before ? JSON.parse(r.before) : null,
    after: r.after ? JSON.parse(r.after) : null,
  }))
}

// The person and the rules -------------------------------------------------------------------------------

interface Person {
  id: string
  name: string
  email: string
  deactivated_at: string | null
}

function refuse(refusal: PeopleRefusal): never {
  throw new DomainError(refusal === 'last_admin' ? 'CONFLICT' : 'FORBIDDEN', PEOPLE_REFUSAL_MESSAGES[refusal])
}

/** A person of this school (a school role here, or on a team of one of its students); anyone else is not found. */
async function personAt(trx: Executor, schoolId: string, userId: string): Promise<Person> {
  const user = await trx.selectFrom('users').select(['id', 'name', 'email', 'deactivated_at']).where('id', '=', userId).executeTakeFirst()
  const role = user && (await trx.selectFrom('school_roles').select('id').where('school_id', '=', schoolId).where('user_id', '=', userId).where('removed_at', 'is', null).executeTakeFirst())
  const team =
    user &&
    !role &&
    (await trx
      .selectFrom('team_members')
      .innerJoin('students', 'students.id', 'team_members.student_id')
      .select('team_members.id')
      .where('students.school_id', '=', schoolId)
      .where('team_members.user_id', '=', userId)
      .where('team_members.removed_at', 'is', null)
      .executeTakeFirst())
  if (!user || (!role && !team)) throw new DomainError('NOT_FOUND', t('people.refusals.notHere'))
  return user
}

async function adminRow(trx: Executor, schoolId: string, userId: string) {
  return trx
    .selectFrom('school_roles')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .where('role', '=', 'school_admin')
    .where('removed_at', 'is', null)
    .executeTakeFirst()
}

/** The school's admins whose accounts are on: the ones who can still run it. */
async function activeAdminCount(trx: Executor, schoolId: string): Promise<number> {
  const { count } = await trx
    .selectFrom('school_roles')
    .innerJoin('users', 'users.id', 'school_roles.user_id')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('school_roles.school_id', '=', schoolId)
    .where('school_roles.role', '=', 'school_admin')
    .where('school_roles.removed_at', 'is', null)
    .where('users.deactivated_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(count)
}

async function isParentAnywhere(trx: Executor, userId: string): Promise<boolean> {
  return Boolean(await trx.selectFrom('team_members').select('id').where('user_id', '=', userId).where('role', '=', 'parent').where('removed_at', 'is', null).executeTakeFirst())
}

/** Keeps someone on the school's list when their last team or admin role here ends (a moved caseload, say). */
async function keepOnStaff(trx: Executor, schoolId: string, userId: string, now: Date): Promise<void> {
  const any = await trx.selectFrom('school_roles').select('id').where('school_id', '=', schoolId).where('user_id', '=', userId).where('removed_at', 'is', null).executeTakeFirst()
  if (any) return
  await trx.insertInto('school_roles').values({ id: randomUUID(), school_id: schoolId, user_id: userId, role: 'staff', created_at: now.toISOString(), removed_at: null }).execute()
}

interface SchoolChange {
  schoolId: string
  actorId: string
  now: Date
}

// School admin ---------------------------------------------------------------------------------------------

export async function setSchoolAdmin(db: DB, args: SchoolChange & { userId: string; admin: boolean }): Promise<{ name: string }> {
  return db.transaction().execute(async (trx) => {
    const person = await personAt(trx, args.schoolId, args.userId)
    const row = await adminRow(trx, args.schoolId, args.userId)
    const refusal = schoolAdminRefusal(
      {
        actorId: args.actorId,
        targetId: person.id,
        targetIsAdmin: Boolean(row),
        activeAdmins: await activeAdminCount(trx, args.schoolId),
        targetSwitchedOff: Boolean(person.deactivated_at),
        targetIsParent: await isParentAnywhere(trx, person.id),
      },
      args.admin,
    )
    if (refusal) refuse(refusal)
    const who = { userId: person.id, name: person.name, email: person.email, role: 'school_admin', schoolId: args.schoolId }
    if (args.admin && !row) {
      const id = randomUUID()
      await trx.insertInto('school_roles').values({ id, school_id: args.schoolId, user_id: person.id, role: 'school_admin', created_at: args.now.toISOString(), removed_at: null }).execute()
      await recordChange(trx, args, { entity: 'school_role', entityId: id, action: 'grant', after: who })
    } else if (!args.admin && row) {
      await trx.updateTable('school_roles').set({ removed_at: args.now.toISOString() }).where('id', '=', row.id).execute()
      await keepOnStaff(trx, args.schoolId, person.id, args.now)
      await recordChange(trx, args, { entity: 'school_role', entityId: row.id, action: 'revoke', before: { ...who, removedAt: null }, after: { ...who, removedAt: args.now.toISOString() } })
    }
    return { name: person.name }
  })
}

// Deactivate and reactivate ----------------------------------------------------------------------------------

/**
 * Switches an account off: it cannot sign in, every session ends now, and every open notebook socket closes at once.
 * Nothing it wrote changes: the records keep it as their author, and its team places stay for when it comes back.
 */
export async function deactivatePerson(db: DB, args: SchoolChange & { userId: string }): Promise<{ name: string; sessionsEnded: number }> {
  const outcome = await db.transaction().execute(async (trx) => {
    const person = await personAt(trx, args.schoolId, args.userId)
    if (person.deactivated_at) return { name: person.name, sessions: [] as string[] }
    const adminElsewhere = await trx
      .selectFrom('school_roles')
      .select('id')
      .where('user_id', '=', person.id)
      .where('role', '=', 'school_admin')
      .where('removed_at', 'is', null)
      .where('school_id', '!=', args.schoolId)
      .executeTakeFirst()
    const refusal = deactivationRefusal({
      actorId: args.actorId,
      targetId: person.id,
      targetIsAdmin: Boolean(await adminRow(trx, args.schoolId, person.id)),
      activeAdmins: await activeAdminCount(trx, args.schoolId),
      adminElsewhere: Boolean(adminElsewhere),
    })
    if (refusal) refuse(refusal)
    const at = args.now.toISOString()
    await trx.updateTable('users').set({ deactivated_at: at, deactivated_by: args.actorId }).where('id', '=', person.id).execute()
    const sessions = (await trx.deleteFrom('auth_sessions').where('user_id', '=', person.id).returning('id').execute()).map((s) => s.id)
    await recordChange(trx, args, {
      entity: 'user',
      entityId: person.id,
      action: 'deactivate',
      before: { deactivatedAt: null },
      after: { name: person.name, email: person.email, schoolId: args.schoolId, deactivatedAt: at, sessionsEnded: sessions.length },
    })
    return { name: person.name, sessions }
  })
  // After the commit: the editors close now, not when they next reload.
  collabHub.userDeactivated(args.userId)
  for (const id of outcome.sessions) collabHub.sessionEnded(id)
  return { name: outcome.name, sessionsEnded: outcome.sessions.length }
}

export async function reactivatePerson(db: DB, args: SchoolChange & { userId: string }): Promise<{ name: string }> {
  return db.transaction().execute(async (trx) => {
    const person = await personAt(trx, args.schoolId, args.userId)
    if (!person.deactivated_at) return { name: person.name }
    await trx.updateTable('users').set({ deactivated_at: null, deactivated_by: null }).where('id', '=', person.id).execute()
    await recordChange(trx, args, {
      entity: 'user',
      entityId: person.id,
      action: 'reactivate',
      before: { deactivatedAt: person.deactivated_at },
      after: { name: person.name, email: person.email, schoolId: args.schoolId, deactivatedAt: null },
    })
    return { name: person.name }
  })
}

// Caseload ------------------------------------------------------------------------------------------------

/**
 * Every student of the school whose active case manager is `from` gets `to` instead: `from`'s place ends, a place
 * `to` held on that team in another role ends, and `to` becomes case manager. One history row per student.
 */
export async function moveCaseload(db: DB, args: SchoolChange & { fromUserId: string; toUserId: string }): Promise<{ moved: number; from: string; to: string }> {
  const outcome = await db.transaction().execute(async (trx) => {
    const from = await personAt(trx, args.schoolId, args.fromUserId)
    const to = await personAt(trx, args.schoolId, args.toUserId)
    // Moving a caseload to or from oneself would change one's own place on teams (and open their notebooks).
    if (from.id === args.actorId || to.id === args.actorId) refuse('own_account')
    if (to.deactivated_at) refuse('switched_off')
    if (await isParentAnywhere(trx, to.id)) refuse('family_account')
    const cases = await trx
      .selectFrom('team_members')
      .innerJoin('students', 'students.id', 'team_members.student_id')
      .select(['team_members.id', 'team_members.student_id'])
      .where('students.school_id', '=', args.schoolId)
      .where('team_members.user_id', '=', from.id)
      .where('team_members.role', '=', LEAD_ROLE)
      .where('team_members.removed_at', 'is', null)
      .execute()
    if (!cases.length) throw new DomainError('CONFLICT', t('people.refusals.noCaseload', { name: from.name }), 'fromUserId')
    const at = args.now.toISOString()
    for (const c of cases) {
      await trx.updateTable('team_members').set({ removed_at: at, removed_by: args.actorId }).where('id', '=', c.id).execute()
      const held = await trx
        .selectFrom('team_members')
        .select(['id', 'role'])
        .where('student_id', '=', c.student_id)
        .where('user_id', '=', to.id)
        .where('removed_at', 'is', null)
        .executeTakeFirst()
      let memberId = held?.id
      if (held && held.role !== LEAD_ROLE) {
        await trx.updateTable('team_members').set({ removed_at: at, removed_by: args.actorId }).where('id', '=', held.id).execute()
        memberId = undefined
      }
      if (!memberId) {
        memberId = randomUUID()
        await trx
          .insertInto('team_members')
          .values({ id: memberId, student_id: c.student_id, user_id: to.id, role: LEAD_ROLE, added_at: at, added_by: args.actorId, removed_at: null, removed_by: null, areas: null })
          .execute()
      }
      await recordChange(trx, { ...args, studentId: c.student_id }, {
        entity: 'team_member',
        entityId: memberId,
        action: 'move_caseload',
        before: { userId: from.id, name: from.name, role: LEAD_ROLE, memberId: c.id, toHeld: held?.role ?? null },
        after: { userId: to.id, name: to.name, role: LEAD_ROLE, schoolId: args.schoolId, fromName: from.name },
      })
    }
    await keepOnStaff(trx, args.schoolId, from.id, args.now)
    return { moved: cases.map((c) => c.student_id), from: from.name, to: to.name }
  })
  for (const studentId of outcome.moved) collabHub.memberRemoved(studentId, args.fromUserId)
  return { moved: outcome.moved.length, from: outcome.from, to: outcome.to }
}

// Parents ---------------------------------------------------------------------------------------------------

/** A parent's link to one student ends (their team place, in the student's history); the account stays. */
export async function unlinkParent(db: DB, args: SchoolChange & { userId: string; studentId: string }): Promise<{ name: string; student: string }> {
  const outcome = await db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom('team_members')
      .innerJoin('students', 'students.id', 'team_members.student_id')
      .innerJoin('users', 'users.id', 'team_members.user_id')
      .select(['team_members.id', 'team_members.role', 'users.name', 'users.email', 'students.name as student_name'])
      .where('students.school_id', '=', args.schoolId)
      .where('team_members.student_id', '=', args.studentId)
      .where('team_members.user_id', '=', args.userId)
      .where('team_members.removed_at', 'is', null)
      .executeTakeFirst()
    if (!member || !isFamilyRole(member.role)) throw new DomainError('NOT_FOUND', t('people.refusals.notLinked'))
    const at = args.now.toISOString()
    await trx.updateTable('team_members').set({ removed_at: at, removed_by: args.actorId }).where('id', '=', member.id).execute()
    const who = { userId: args.userId, name: member.name, email: member.email, role: member.role }
    await recordChange(trx, { ...args, studentId: args.studentId }, {
      entity: 'team_member',
      entityId: member.id,
      action: 'remove',
      before: { ...who, removedAt: null },
      after: { ...who, removedAt: at, removedBy: args.actorId, schoolId: args.schoolId, reason: 'unlinked by the school admin' },
    })
    return { name: member.name, student: member.student_name }
  })
  collabHub.memberRemoved(args.studentId, args.userId)
  return outcome
}

// Staff invites ----------------------------------------------------------------------------------------------

export interface StaffInvite {
  id: string
  email: string
  name: string
  createdAt: string
  expiresAt: string
}

export async function listStaffInvites(db: DB, schoolId: string, now: Date): Promise<StaffInvite[]> {
  const rows = await db
    .selectFrom('staff_invites')
    .select(['id', 'email', 'name', 'created_at', 'expires_at', 'used_at', 'revoked_at'])
    .where('school_id', '=', schoolId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute()
  return rows
    .filter((r) => inviteStatus({ expiresAt: r.expires_at, usedAt: r.used_at, revokedAt: r.revoked_at }, now) === 'valid')
    .map((r) => ({ id: r.id, email: r.email, name: r.name, createdAt: r.created_at, expiresAt: r.expires_at }))
}

/** Staff of the school already: an admin or staff role here, or a staff place on one of its students' teams. */
async function isStaffHere(trx: Executor, schoolId: string, email: string): Promise<boolean> {
  const user = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
  if (!user) return false
  const role = await trx.selectFrom('school_roles').select('id').where('school_id', '=', schoolId).where('user_id', '=', user.id).where('removed_at', 'is', null).executeTakeFirst()
  if (role) return true
  const places = await trx
    .selectFrom('team_members')
    .innerJoin('students', 'students.id', 'team_members.student_id')
    .select('team_members.role')
    .where('students.school_id', '=', schoolId)
    .where('team_members.user_id', '=', user.id)
    .where('team_members.removed_at', 'is', null)
    .execute()
  return places.some((p) => isStaffRole(p.role))
}

/** Invites someone to the school's staff by email: the link (stored hashed) goes out in the same transaction. */
export async function inviteStaff(
  db: DB,
  args: SchoolChange & { email: string; name: string },
): Promise<{ inviteId: string; token: string; expiresAt: string }> {
  return db.transaction().execute(async (trx) => {
    if (await isStaffHere(trx, args.schoolId, args.email)) throw new DomainError('CONFLICT', t('people.refusals.alreadyStaff', { email: args.email }), 'email')
    // A new invite to the same address replaces a pending one, so only the newest link works.
    const pending = await trx
      .selectFrom('staff_invites')
      .select(['id', 'name'])
      .where('school_id', '=', args.schoolId)
      .where('email', '=', args.email)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute()
    for (const p of pending) {
      await trx.updateTable('staff_invites').set({ revoked_at: args.now.toISOString() }).where('id', '=', p.id).execute()
      await recordChange(trx, args, { entity: 'staff_invite', entityId: p.id, action: 'revoke', after: { email: args.email, name: p.name, schoolId: args.schoolId, reason: 'replaced by a new invite' } })
    }
    const token = newInviteToken()
    const id = randomUUID()
    const expiresAt = inviteExpiry(args.now).toISOString()
    await trx
      .insertInto('staff_invites')
      .values({
        id,
        school_id: args.schoolId,
        email: args.email,
        name: args.name,
        token_hash: hashInviteToken(token),
        invited_by: args.actorId,
        created_at: args.now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
        used_by: null,
        revoked_at: null,
      })
      .execute()
    await recordChange(trx, args, { entity: 'staff_invite', entityId: id, action: 'create', after: { email: args.email, name: args.name, schoolId: args.schoolId, expiresAt } })
    const school = await trx.selectFrom('schools').select('name').where('id', '=', args.schoolId).executeTakeFirstOrThrow()
    const inviter = await trx.selectFrom('users').select('name').where('id', '=', args.actorId).executeTakeFirstOrThrow()
    const words = { inviter: inviter.name, name: args.name, school: school.name, expires: formatDay(expiresAt.slice(0, 10) as IsoDate, 'long') }
    await enqueueMail(
      trx,
      {
        to: args.email,
        toName: args.name,
        schoolId: args.schoolId,
        kind: 'invite',
        compose: () => ({
          subject: t('people.mail.subject', words),
          body: {
            paragraphs: [t('people.mail.lead', words), t('people.mail.what', words), t('people.mail.expires', words)],
            action: { label: t('people.mail.action', words), url: appUrl(`/invite/${token}`) },
            footer: [t('mail.invite.notYou')],
          },
        }),
        dedupeKey: `staff-invite:${id}`,
      },
      args.now,
    )
    return { inviteId: id, token, expiresAt }
  })
}

export async function revokeStaffInvite(db: DB, args: SchoolChange & { inviteId: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const invite = await trx
      .selectFrom('staff_invites')
      .select(['id', 'email', 'name', 'used_at', 'revoked_at'])
      .where('id', '=', args.inviteId)
      .where('school_id', '=', args.schoolId)
      .executeTakeFirst()
    if (!invite) throw new DomainError('NOT_FOUND', t('people.refusals.inviteNotFound'))
    if (invite.used_at) throw new DomainError('CONFLICT', t('refusals.inviteUsed'))
    if (invite.revoked_at) return
    await trx.updateTable('staff_invites').set({ revoked_at: args.now.toISOString() }).where('id', '=', invite.id).execute()
    await recordChange(trx, args, { entity: 'staff_invite', entityId: invite.id, action: 'revoke', after: { email: invite.email, name: invite.name, schoolId: args.schoolId } })
  })
}
