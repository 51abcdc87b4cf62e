import type { DB } from '#db/client.server.ts'
import { ACCESS_COALESCE_MS } from '#shared/record-access.ts'
import { isFamilyRole, type StudentRole } from '#shared/roles.ts'
import { appendChained } from './audit-chain.server.ts'
import type { Executor } from './audit.server.ts'
import { activeAdminRoles } from './memberships.server.ts'

export interface StudentRead {
  studentId: string
  /** The role the reader holds for that student. */
  role: StudentRole
}

/**
 * Logs that a person at school read a kind of record of some students (FERPA 34 CFR 99.32). A parent's reads of
 * their own child's records are not access by the school and are not logged. One row per (person, student, kind)
 * within ACCESS_COALESCE_MS: a page view's several queries or a reload make one row, not a flood. A download
 * (an `export:` kind) is a copy leaving the app: each one is its own row.
 * A read that cannot be logged fails with it (the caller sees an error, never records without a trace).
 */
export async function recordAccess(db: DB, args: { userId: string; reads: StudentRead[]; what: string; via: string; now: Date }): Promise<void> {
  const staff = new Map<string, StudentRead>()
  for (const read of args.reads) if (!isFamilyRole(read.role)) staff.set(read.studentId, read)
  if (!staff.size) return
  const since = new Date(args.now.getTime() - ACCESS_COALESCE_MS).toISOString()
  const download = args.what.startsWith('export:')
  const notYetLogged = async (ex: Executor): Promise<StudentRead[]> => {
    if (download) return [...staff.values()]
    const recent = await ex
      .selectFrom('access_log')
      .select('student_id')
      .where('user_id', '=', args.userId)
      .where('what', '=', args.what)
      .where('student_id', 'in', [...staff.keys()])
      .where('at', '>', since)
      .execute()
    const seen = new Set(recent.map((r) => r.student_id))
    return [...staff.values()].filter((r) => !seen.has(r.studentId))
  }
  // A plain read first: most reads within the window need no write transaction at all.
  if (!(await notYetLogged(db)).length) return
  await db.transaction().execute(async (trx) => {
    // Again under the write lock: two queries of one page view race here, and only the first writes.
    const todo = await notYetLogged(trx)
    const at = args.now.toISOString()
    await appendChained(
      trx,
      'access_log',
      todo.map((r) => ({ at, user_id: args.userId, role: r.role, student_id: r.studentId, what: args.what, via: args.via })),
    )
  })
}

/** The roles a person holds for some students (team role, else school admin): for reads of a whole caseload. */
export async function rolesFor(db: DB, userId: string, studentIds: readonly string[]): Promise<StudentRead[]> {
  const ids = [...new Set(studentIds)]
  if (!ids.length) return []
  const team = await db
    .selectFrom('team_members')
    .select(['student_id', 'role'])
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .where('student_id', 'in', ids)
    .execute()
  const reads = new Map<string, StudentRead>(team.map((m) => [m.student_id, { studentId: m.student_id, role: m.role }]))
  const rest = ids.filter((id) => !reads.has(id))
  if (rest.length) {
    const admin = await activeAdminRoles(db, userId)
      .innerJoin('students', 'students.school_id', 'school_roles.school_id')
      .select('students.id')
      .where('students.id', 'in', rest)
      .execute()
    for (const a of admin) reads.set(a.id, { studentId: a.id, role: 'school_admin' })
  }
  return [...reads.values()]
}

export interface AccessEntry {
  id: number
  at: string
  name: string
  role: string
  what: string
}

/** Who at school opened a student's records, newest first (the record of access a family may inspect). */
export async function listAccess(db: DB, studentId: string, limit = 500): Promise<AccessEntry[]> {
  return db
    .selectFrom('access_log')
    .innerJoin('users', 'users.id', 'access_log.user_id')
    .select(['access_log.id', 'access_log.at', 'users.name', 'access_log.role', 'access_log.what'])
    .where('access_log.student_id', '=', studentId)
    .orderBy('access_log.id', 'desc')
    .limit(limit)
    .execute()
}
