export const TEAM_ROLES = ['case_manager', 'provider', 'para', 'parent'] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

/** The role a person holds for one student: their team role, or school_admin through the student's school. */
export type StudentRole = TeamRole | 'school_admin'

export const ROLE_LABELS: Record<StudentRole, string> = {
  case_manager: 'Case manager',
  provider: 'Service provider',
  para: 'Paraprofessional',
  parent: 'Parent or guardian',
  school_admin: 'School admin',
}

/** The school's side of a team: everyone but the family. */
export const STAFF_ROLES = ['case_manager', 'provider', 'para'] as const satisfies readonly TeamRole[]

export function isStaffRole(role: TeamRole): boolean {
  return (STAFF_ROLES as readonly TeamRole[]).includes(role)
}
