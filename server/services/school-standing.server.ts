import { isFamilyRole, isLeadRole, isStaffRole } from '#shared/roles.ts'
import type { Standing } from '#shared/team-join.ts'
import type { Executor } from './audit.server.ts'

/**
 * The standing (shared/team-join.ts) of each email that has an account, at one school. Emails without an account are
 * absent: callers must treat them exactly like accounts that are nothing at the school.
 */
export async function standingAt(db: Executor, schoolId: string, emails: readonly string[]): Promise<Map<string, Standing & { userId: string }>> {
  const out = new Map<string, Standing & { userId: string }>()
  if (!emails.length) return out
  const users = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', [...emails]).execute()
  if (!users.length) return out
  const ids = users.map((u) => u.id)
  const memberships = await db
    .selectFrom('team_members')
    .innerJoin('students', 'students.id', 'team_members.student_id')
    .select(['team_members.user_id', 'team_members.role', 'students.school_id'])
    .where('team_members.user_id', 'in', ids)
    .where('team_members.removed_at', 'is', null)
    .execute()
  const admins = await db
    .selectFrom('school_roles')
    .select(['user_id', 'school_id'])
    .where('user_id', 'in', ids)
    .where('role', '=', 'school_admin')
    .where('removed_at', 'is', null)
    .execute()
  for (const u of users) {
    const mine = memberships.filter((m) => m.user_id === u.id)
    const adminOf = admins.filter((a) => a.user_id === u.id).map((a) => a.school_id)
    out.set(u.email, {
      userId: u.id,
      staffHere: adminOf.includes(schoolId) || mine.some((m) => m.school_id === schoolId && isStaffRole(m.role)),
      caseManagerHere: adminOf.includes(schoolId) || mine.some((m) => m.school_id === schoolId && isLeadRole(m.role)),
      parentAnywhere: mine.some((m) => isFamilyRole(m.role)),
      staffAnywhere: adminOf.length > 0 || mine.some((m) => isStaffRole(m.role)),
    })
  }
  return out
}


/** Which sides of the table one account is on anywhere in the installation (for accepting an invite). */
export async function accountSides(db: Executor, userId: string): Promise<Pick<Standing, 'parentAnywhere' | 'staffAnywhere'>> {
  const roles = await db.selectFrom('team_members').select('role').where('user_id', '=', userId).where('removed_at', 'is', null).execute()
  const admin = await db.selectFrom('school_roles').select('id').where('user_id', '=', userId).where('removed_at', 'is', null).executeTakeFirst()
  return {
    parentAnywhere: roles.some((r) => isFamilyRole(r.role)),
    staffAnywhere: Boolean(admin) || roles.some((r) => isStaffRole(r.role)),
  }
}
