import { addSections, t } from './i18n/i18n.ts'
import { catalogueLabels } from './labels.ts'
import { isStaffRole, type TeamRole } from './roles.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

/** What an existing account already is, at the school a student is imported into and in the whole installation. */
export interface Standing {
  /** Staff of the school: its admin, or on a team of one of its students as case manager, provider or para. */
  staffHere: boolean
  /** Its admin, or a case manager of one of its students: already holds the school-level role a case manager has. */
  caseManagerHere: boolean
  /** A parent or guardian on any student's team, in any school. */
  parentAnywhere: boolean
  /** Staff of any school (an admin, or a staff role on any team). */
  staffAnywhere: boolean
}

/**
 * Whether a plan import may put an account on the new student's team at once (docs/import-format.md, "Who joins at
 * once"); everyone else is invited. `undefined` is "no account", and must read exactly like "not staff here" so the
 * import never tells whether an email has an account elsewhere. Parents are always invited: a family confirms its
 * own child. A staff role goes only to the school's staff who are nobody's parent; the case-manager role, which
 * opens the school's import page, only to those who already hold it at the school. An import never makes anyone
 * a school admin.
 */
export function joinsAtOnce(standing: Standing | undefined, role: TeamRole): boolean {
  if (!standing || role === 'parent' || standing.parentAnywhere || !standing.staffHere) return false
  return role !== 'case_manager' || standing.caseManagerHere
}

export type InviteRefusal = 'parent_account_staff_role' | 'staff_account_parent_role'

/**
 * One account, one side of the table: an account that is a parent anywhere never takes a staff role, and a staff
 * account never takes a parent's (which would let a school account read family-only concerns). A person who is
 * both uses two emails. null: the account may accept an invite for this role.
 */
export function inviteRefusal(role: TeamRole, account: Pick<Standing, 'parentAnywhere' | 'staffAnywhere'>): InviteRefusal | null {
  if (isStaffRole(role) && account.parentAnywhere) return 'parent_account_staff_role'
  if (role === 'parent' && account.staffAnywhere) return 'staff_account_parent_role'
  return null
}

export const INVITE_REFUSAL_MESSAGES = catalogueLabels<InviteRefusal>(['parent_account_staff_role', 'staff_account_parent_role'], (refusal) =>
  t(`domain.invite.${refusal}`),
)
