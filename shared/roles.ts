import { addSections, t } from './i18n/i18n.ts'
import { catalogueLabels } from './labels.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

export const TEAM_ROLES = ['case_manager', 'provider', 'para', 'parent'] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

/**
 * The role a person holds for one student: their team role, school_admin through the student's school, or advocate
 * through a parent's time-limited, read-only grant (docs/advocates.md).
 */
export type StudentRole = TeamRole | 'school_admin' | 'advocate'

export const ROLE_LABELS = catalogueLabels<StudentRole>([...TEAM_ROLES, 'school_admin', 'advocate'], (role) => t(`domain.roles.${role}`))

/** The school's side of a team: everyone but the family. */
export const STAFF_ROLES = ['case_manager', 'provider', 'para'] as const satisfies readonly TeamRole[]

export function isStaffRole(role: TeamRole): boolean {
  return (STAFF_ROLES as readonly TeamRole[]).includes(role)
}

/** The roles held on a team (as opposed to school_admin, which comes through the student's school). */
export function isTeamRole(role: StudentRole): role is TeamRole {
  return (TEAM_ROLES as readonly StudentRole[]).includes(role)
}

/** The family's side: a parent's reads of their own child's records are not access by the school. */
export function isFamilyRole(role: StudentRole): boolean {
  return role === 'parent'
}

/** The team role that answers for the plan: every team keeps at least one. */
export const LEAD_ROLE = 'case_manager' satisfies TeamRole

export function isLeadRole(role: StudentRole): boolean {
  return role === LEAD_ROLE
}

/** Who may be named a service's provider: the team members who record sessions. */
export const SERVICE_PROVIDER_ROLES = ['provider', 'case_manager'] as const satisfies readonly TeamRole[]

export function mayProvideServices(role: StudentRole): boolean {
  return (SERVICE_PROVIDER_ROLES as readonly StudentRole[]).includes(role)
}
