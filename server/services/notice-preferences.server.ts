import { defaultCadence, type NoticeCadence } from '#shared/notice-cadence.ts'
import type { TeamRole } from '#shared/roles.ts'
import type { Executor } from './audit.server.ts'

/**
 * How `userId` hears about `studentId` by mail: their own choice, else their role's default. Null when they are
 * not (or no longer) on the student's team: a removed member hears nothing more.
 */
export async function cadenceFor(db: Executor, userId: string, studentId: string): Promise<NoticeCadence | null> {
  const member = await db
    .selectFrom('team_members')
    .leftJoin('notice_preferences as p', (join) => join.onRef('p.user_id', '=', 'team_members.user_id').onRef('p.student_id', '=', 'team_members.student_id'))
    .select(['team_members.role', 'p.cadence'])
    .where('team_members.user_id', '=', userId)
    .where('team_members.student_id', '=', studentId)
    .where('team_members.removed_at', 'is', null)
    .executeTakeFirst()
  if (!member) return null
  return member.cadence ?? defaultCadence(member.role)
}

/** Everyone on the student's team with their cadence (choice or default), for a notice about that student. */
export async function teamCadences(db: Executor, studentId: string): Promise<{ userId: string; role: TeamRole; cadence: NoticeCadence }[]> {
  const rows = await db
    .selectFrom('team_members')
    .leftJoin('notice_preferences as p', (join) => join.onRef('p.user_id', '=', 'team_members.user_id').onRef('p.student_id', '=', 'team_members.student_id'))
    .select(['team_members.user_id', 'team_members.role', 'p.cadence'])
    .where('team_members.student_id', '=', studentId)
    .where('team_members.removed_at', 'is', null)
    .execute()
  return rows.map((r) => ({ userId: r.user_id, role: r.role, cadence: r.cadence ?? defaultCadence(r.role) }))
}

/** Records a person's choice for one student (the caller has checked they are on the team). */
export async function setCadence(db: Executor, userId: string, studentId: string, cadence: NoticeCadence, now: Date): Promise<void> {
  await db
    .insertInto('notice_preferences')
    .values({ user_id: userId, student_id: studentId, cadence, updated_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['user_id', 'student_id']).doUpdateSet({ cadence, updated_at: now.toISOString() }))
    .execute()
}

export interface MyCadence {
  studentId: string
  studentName: string
  role: TeamRole
  cadence: NoticeCadence
  /** True when the person chose it; false while it is their role's default. */
  chosen: boolean
}

/** Every student whose team the person is on, with how they hear about each. */
export async function myCadences(db: Executor, userId: string): Promise<MyCadence[]> {
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('students', 'students.id', 'team_members.student_id')
    .leftJoin('notice_preferences as p', (join) => join.onRef('p.user_id', '=', 'team_members.user_id').onRef('p.student_id', '=', 'team_members.student_id'))
    .select(['students.id', 'students.name', 'team_members.role', 'p.cadence'])
    .where('team_members.user_id', '=', userId)
    .where('team_members.removed_at', 'is', null)
    .orderBy('students.name')
    .execute()
  const seen = new Set<string>()
  const out: MyCadence[] = []
  for (const r of rows) {
    if (seen.has(r.id)) continue
    seen.add(r.id)
    out.push({ studentId: r.id, studentName: r.name, role: r.role, cadence: r.cadence ?? defaultCadence(r.role), chosen: r.cadence != null })
  }
  return out
}
