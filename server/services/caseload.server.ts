import type { DB } from '#db/client.server.ts'
import { can, canOwned } from '#shared/permissions.ts'
import type { TeamRole } from '#shared/roles.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { listServices, type Service } from './services.server.ts'

export interface CaseloadStudent {
  id: string
  name: string
  schoolId: string
  role: TeamRole
}

/**
 * A person's caseload: the services whose sessions they record, the same rule as recording one
 * (`sessions.recordForService`): every service of a student they case-manage, the services they provide.
 * The sessions checklist and the accountability caseload both read it, so they never disagree.
 */
export async function caseloadServices(db: DB, userId: string, today?: IsoDate): Promise<{ students: CaseloadStudent[]; services: Service[] }> {
  const memberships = await db
    .selectFrom('team_members')
    .innerJoin('students', 'students.id', 'team_members.student_id')
    .select(['students.id', 'students.name', 'students.school_id', 'team_members.role'])
    .where('team_members.user_id', '=', userId)
    .where('team_members.removed_at', 'is', null)
    .orderBy('students.name')
    .execute()
  const students = memberships.filter((m) => can(m.role, 'sessions.record')).map((m) => ({ id: m.id, name: m.name, schoolId: m.school_id, role: m.role }))
  if (!students.length) return { students, services: [] }
  const roleOf = new Map(students.map((s) => [s.id, s.role]))
  const all = await listServices(db, { studentIds: [...roleOf.keys()], ...(today ? { today } : {}) })
  const services = all.filter((s) => canOwned(roleOf.get(s.studentId)!, 'sessions.recordForService', { providesService: s.providerId === userId }))
  return { students, services }
}
