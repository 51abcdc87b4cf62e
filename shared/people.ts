import { addSections, t } from './i18n/i18n.ts'
import { catalogueLabels } from './labels.ts'
import type { TeamRole } from './roles.ts'
import { people } from './i18n/en/people.ts'

addSections({ people })

/**
 * What a person is to a school, as the People page names it (docs/people.md): its admin, else the highest of the
 * roles they hold on its students' teams, else plain staff (invited to the school, on no team yet).
 */
export const SCHOOL_PERSON_ROLES = ['school_admin', 'case_manager', 'provider', 'para', 'parent', 'staff'] as const
export type SchoolPersonRole = (typeof SCHOOL_PERSON_ROLES)[number]

export const SCHOOL_PERSON_ROLE_LABELS = catalogueLabels<SchoolPersonRole>(SCHOOL_PERSON_ROLES, (role) => t(`people.roles.${role}`))

/** The team roles in the order that names a person: the one who answers for plans first. */
const TEAM_ORDER: readonly TeamRole[] = ['case_manager', 'provider', 'para', 'parent']

export function schoolPersonRole(facts: { admin: boolean; teamRoles: readonly TeamRole[] }): SchoolPersonRole {
  if (facts.admin) return 'school_admin'
  return TEAM_ORDER.find((role) => facts.teamRoles.includes(role)) ?? 'staff'
}

/** Why the admin may not change this person: the People page says it in these words. */
export type PeopleRefusal = 'own_account' | 'last_admin' | 'family_account' | 'switched_off' | 'admin_elsewhere'

export const PEOPLE_REFUSAL_MESSAGES = catalogueLabels<PeopleRefusal>(['own_account', 'last_admin', 'family_account', 'switched_off', 'admin_elsewhere'], (refusal) =>
  t(`people.refusals.${refusal}`),
)

export interface AdminFacts {
  actorId: string
  targetId: string
  /** The target is an active school admin of this school. */
  targetIsAdmin: boolean
  /** Active (not switched off) school admins of this school, the target among them when they are one. */
  activeAdmins: number
  targetSwitchedOff: boolean
  /** The target is a parent or guardian on some student's team: a family account never becomes staff. */
  targetIsParent: boolean
}

/**
 * Making someone a school admin, or taking the role back. Nobody changes their own role (so nobody raises it), and a
 * school always keeps one active admin. null: allowed.
 */
export function schoolAdminRefusal(facts: AdminFacts, grant: boolean): PeopleRefusal | null {
  if (facts.actorId === facts.targetId) return 'own_account'
  if (grant) {
    if (facts.targetIsParent) return 'family_account'
    if (facts.targetSwitchedOff) return 'switched_off'
    return null
  }
  if (facts.targetIsAdmin && !facts.targetSwitchedOff && facts.activeAdmins <= 1) return 'last_admin'
  return null
}

/**
 * Switching an account off: never one's own, never the school's last active admin, and never an admin of another
 * school (the account is the whole installation's: that school's admins answer for it). null: allowed.
 */
export function deactivationRefusal(facts: Omit<AdminFacts, 'targetSwitchedOff' | 'targetIsParent'> & { adminElsewhere: boolean }): PeopleRefusal | null {
  if (facts.actorId === facts.targetId) return 'own_account'
  if (facts.targetIsAdmin && facts.activeAdmins <= 1) return 'last_admin'
  if (facts.adminElsewhere) return 'admin_elsewhere'
  return null
}

export interface PersonForFilter {
  name: string
  email: string
  role: SchoolPersonRole
}

/** The People page's search: words of the name or email (any case), and one role or all. */
export function filterPeople<P extends PersonForFilter>(people: readonly P[], query: string, role: SchoolPersonRole | null): P[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return people.filter((p) => {
    if (role && p.role !== role) return false
    const text = `${p.name} ${p.email}`.toLowerCase()
    return words.every((w) => text.includes(w))
  })
}
