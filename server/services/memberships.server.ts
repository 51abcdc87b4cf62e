import type { DB } from '#db/client.server.ts'
import type { Executor } from './audit.server.ts'
import type { SchoolRole } from '#shared/permissions.ts'
import type { StudentRole } from '#shared/roles.ts'
import { activeGrant, activeGrantsOf } from './advocates.server.ts'

export interface StudentAccess {
  role: StudentRole
  /** The team_members row, when access comes from team membership rather than school admin. */
  memberId: string | null
  student: { id: string; name: string; preferredName: string | null; grade: number | null; schoolId: string; schoolName: string }
}

/**
 * Resolves what one person may be for one student: their active team role, or school_admin of the
 * student's school. null means "not visible": callers answer 404 and name nothing of the student.
 */
/** A student as every view of "my students" shows it (students joined to schools). */
const STUDENT_COLUMNS = ['students.id', 'students.name', 'students.preferred_name', 'students.grade', 'schools.name as school_name'] as const

/** The school-admin rows a person holds now: the one query behind every "admin of this school" answer. */
export function activeAdminRoles(db: Executor, userId: string) {
  return db.selectFrom('school_roles').where('school_roles.user_id', '=', userId).where('school_roles.role', '=', 'school_admin').where('school_roles.removed_at', 'is', null)
}

export async function isSchoolAdmin(db: Executor, userId: string, schoolId: string): Promise<boolean> {
  return Boolean(await activeAdminRoles(db, userId).select('school_roles.id').where('school_roles.school_id', '=', schoolId).executeTakeFirst())
}

/** The person's current place on the student's team, if any. */
export function activeMembership(db: Executor, studentId: string, userId: string) {
  return db
    .selectFrom('team_members')
    .select(['id', 'role'])
    .where('student_id', '=', studentId)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .executeTakeFirst()
}

export async function resolveStudentAccess(db: DB, userId: string, studentId: string, now: Date): Promise<StudentAccess | null> {
  const student = await db
    .selectFrom('students')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .select([...STUDENT_COLUMNS, 'students.school_id'])
    .where('students.id', '=', studentId)
    .executeTakeFirst()
  if (!student) return null
  const shaped = {
    id: student.id,
    name: student.name,
    preferredName: student.preferred_name,
    grade: student.grade,
    schoolId: student.school_id,
    schoolName: student.school_name,
  }

  const member = await activeMembership(db, studentId, userId)
  if (member) return { role: member.role, memberId: member.id, student: shaped }

  if (await isSchoolAdmin(db, userId, student.school_id)) return { role: 'school_admin', memberId: null, student: shaped }
  // A parent's read-only grant (docs/advocates.md), read on every request: it ends exactly at its end or revocation.
  if (await activeGrant(db, userId, studentId, now)) return { role: 'advocate', memberId: null, student: shaped }
  return null
}

export interface MyStudent {
  id: string
  name: string
  preferredName: string | null
  grade: number | null
  schoolName: string
  role: StudentRole
  /** For an advocate: the moment their read-only access ends. */
  accessEndsAt?: string
}

/**
 * Exactly the students a person may see: their teams, every student of a school they administer, and the students
 * a parent let them read for a while (as advocate, until `now` passes the grant's end).
 */
export async function listMyStudents(db: DB, userId: string, now: Date): Promise<MyStudent[]> {
  const teamRows = await db
    .selectFrom('team_members')
    .innerJoin('students', 'students.id', 'team_members.student_id')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .select([...STUDENT_COLUMNS, 'team_members.role'])
    .where('team_members.user_id', '=', userId)
    .where('team_members.removed_at', 'is', null)
    .execute()
  const adminRows = await activeAdminRoles(db, userId)
    .innerJoin('students', 'students.school_id', 'school_roles.school_id')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .select(STUDENT_COLUMNS)
    .execute()

  const byId = new Map<string, MyStudent>()
  for (const r of teamRows) {
    byId.set(r.id, shape(r, r.role))
  }
  for (const r of adminRows) {
    if (!byId.has(r.id)) byId.set(r.id, shape(r, 'school_admin'))
  }
  const grants = (await activeGrantsOf(db, userId, now)).filter((g) => !byId.has(g.studentId))
  if (grants.length) {
    const rows = await db
      .selectFrom('students')
      .innerJoin('schools', 'schools.id', 'students.school_id')
      .select(STUDENT_COLUMNS)
      .where(
        'students.id',
        'in',
        grants.map((g) => g.studentId),
      )
      .execute()
    for (const r of rows) byId.set(r.id, { ...shape(r, 'advocate'), accessEndsAt: grants.find((g) => g.studentId === r.id)!.expiresAt })
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name))
}

function shape(
  r: { id: string; name: string; preferred_name: string | null; grade: number | null; school_name: string },
  role: StudentRole,
): MyStudent {
  return { id: r.id, name: r.name, preferredName: r.preferred_name, grade: r.grade, schoolName: r.school_name, role }
}

/** A school admin, or a case manager of at least one of the school's students; null otherwise. */
export async function resolveSchoolRole(db: DB, userId: string, schoolId: string): Promise<SchoolRole | null> {
  if (await isSchoolAdmin(db, userId, schoolId)) return 'school_admin'
  const manager = await db
    .selectFrom('team_members')
    .innerJoin('students', 'students.id', 'team_members.student_id')
    .select('team_members.id')
    .where('students.school_id', '=', schoolId)
    .where('team_members.user_id', '=', userId)
    .where('team_members.role', '=', 'case_manager')
    .where('team_members.removed_at', 'is', null)
    .executeTakeFirst()
  return manager ? 'case_manager' : null
}

export interface MySchool {
  id: string
  name: string
  role: SchoolRole
  /** The school year (reporting periods fall inside it); null until the school sets it. */
  yearStart: string | null
  yearEnd: string | null
}

/** Schools where the person is admin or a case manager, for the school pages and the importer. */
export async function listMySchools(db: DB, userId: string): Promise<MySchool[]> {
  const schools = await db.selectFrom('schools').select(['id', 'name', 'year_start', 'year_end']).orderBy('name').execute()
  const out: MySchool[] = []
  for (const s of schools) {
    const role = await resolveSchoolRole(db, userId, s.id)
    if (role) out.push({ id: s.id, name: s.name, role, yearStart: s.year_start, yearEnd: s.year_end })
  }
  return out
}

/** A team_members row's goal areas (stored as JSON; null before any were set). */
export function parseAreas(json: string | null): string[] {
  return json ? (JSON.parse(json) as string[]) : []
}

/** The goal areas of one team membership; none for access that is not a membership. */
export async function memberAreas(db: Executor, memberId: string | null): Promise<string[]> {
  if (!memberId) return []
  const member = await db.selectFrom('team_members').select('areas').where('id', '=', memberId).executeTakeFirst()
  return parseAreas(member?.areas ?? null)
}
