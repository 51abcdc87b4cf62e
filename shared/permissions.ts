import type { StudentRole } from './roles.ts'

const EVERYONE = ['case_manager', 'provider', 'para', 'parent', 'school_admin'] as const

/**
 * The one permission table (docs/roles.md). Routes and procedures never check roles by hand:
 * they name an action and the gate asks `can`.
 */
const PERMISSIONS = {
  'student.view': EVERYONE,
  'team.view': EVERYONE,
  'team.manage': ['case_manager'],
  'history.view': EVERYONE,
  'plan.view': EVERYONE,
  // Goals' official text, accommodations and profiles: the case manager owns the plan.
  'plan.edit': ['case_manager'],
  // The plain parts of a goal: also providers, for goals in their own areas (checked by the service).
  'goal.editPlain': ['case_manager', 'provider'],
  'progress.record': ['case_manager', 'provider', 'para'],
  // Marking today's supports used / not needed / not provided / declined: the adults in the room.
  'accommodation.check': ['case_manager', 'provider', 'para'],
  'services.manage': ['case_manager'],
  // Providers only for the services they provide (checked by the service layer).
  'sessions.record': ['case_manager', 'provider'],
  // The notices sent to the family and when each was seen: the school's side of "we told them".
  // Parents read their own through notifications.mine, not through this list of everyone's.
  'notifications.viewSent': ['case_manager', 'provider', 'para', 'school_admin'],
  // Notebooks (docs/domain.md#notebooks): only the team opens and edits them; the school admin is not on the team.
  'notes.view': ['case_manager', 'provider', 'para', 'parent'],
  'notes.edit': ['case_manager', 'provider', 'para', 'parent'],
  // Creating, renaming, archiving and restoring an older day: the case manager.
  'notes.manage': ['case_manager'],
  // The concern log (docs/domain.md#concerns). Everyone on the team reads the shared concerns; family-only ones are filtered
  // out for everyone but parents by the service, in every view, export and search.
  'concerns.view': EVERYONE,
  // Parents and case managers log concerns and keep their own side's concerns up to date (checked by the service).
  'concerns.create': ['case_manager', 'parent'],
  'concerns.edit': ['case_manager', 'parent'],
  // Staff on the team answer shared concerns: a response is appended, never an edit.
  'concerns.respond': ['case_manager', 'provider', 'para', 'parent'],
  // A parent may flag any session record or accommodation check as disputed (and withdraw the flag).
  'records.dispute': ['parent'],
  // The record of access (FERPA 34 CFR 99.32): who at school opened the student's records. The family it is kept
  // for, and the school people answerable for it; not every staff member reading who else looked.
  'access.view': ['parent', 'case_manager', 'school_admin'],
} as const satisfies Record<string, readonly StudentRole[]>

export type Action = keyof typeof PERMISSIONS

export const ACTIONS = Object.keys(PERMISSIONS) as Action[]

export function can(role: StudentRole, action: Action): boolean {
  return (PERMISSIONS[action] as readonly StudentRole[]).includes(role)
}

/** What a person is to a school: its admin, a case manager of one of its students, or neither. */
export type SchoolRole = 'school_admin' | 'case_manager'

const SCHOOL_PERMISSIONS = {
  'school.view': ['school_admin', 'case_manager'],
  'school.calendar': ['school_admin'],
  'school.policy': ['school_admin'],
  'school.import': ['school_admin', 'case_manager'],
} as const satisfies Record<string, readonly SchoolRole[]>

export type SchoolAction = keyof typeof SCHOOL_PERMISSIONS

export const SCHOOL_ACTIONS = Object.keys(SCHOOL_PERMISSIONS) as SchoolAction[]

export function canInSchool(role: SchoolRole, action: SchoolAction): boolean {
  return (SCHOOL_PERMISSIONS[action] as readonly SchoolRole[]).includes(role)
}

/** What a person may do in a notebook's live document: edit it, read it only, or nothing (refused). */
export type NotebookAccess = 'edit' | 'read' | 'none'

export function notebookAccess(role: StudentRole): NotebookAccess {
  if (!can(role, 'notes.view')) return 'none'
  return can(role, 'notes.edit') ? 'edit' : 'read'
}
