import type { ConcernSide } from './concerns.ts'
import type { StudentRole } from './roles.ts'

const EVERYONE = ['case_manager', 'provider', 'para', 'parent', 'school_admin'] as const
/**
 * Everyone above, and the advocate a parent let in to read (docs/advocates.md): only reads carry this list, never a
 * deed that writes, so an advocate changes nothing.
 */
const READERS = [...EVERYONE, 'advocate'] as const

/**
 * The one permission table. Routes and procedures never check roles by hand: they name an action and the
 * gate asks `can`. Whether a person may touch one particular record is an owned action (OWNED_PERMISSIONS).
 */
const PERMISSIONS = {
  'student.view': READERS,
  'team.view': READERS,
  'team.manage': ['case_manager'],
  'history.view': READERS,
  'plan.view': READERS,
  // Goals' official text, accommodations and profiles: the case manager owns the plan.
  'plan.edit': ['case_manager'],
  // A change to the plan is acknowledged by the family it was sent to; the school reads who did and when.
  'plan.acknowledgeChange': ['parent'],
  // The IEP's own dates (start, end, annual review, re-evaluation): everyone reads them with the plan; the case manager
  // keeps them, is reminded of what falls due, and starts the next plan at the annual review (docs/iep-calendar.md).
  'iep.editDates': ['case_manager'],
  'plan.startNext': ['case_manager'],
  // The plain parts of a goal: also providers, for goals in their own areas ('goal.editPlainInArea').
  'goal.editPlain': ['case_manager', 'provider'],
  'progress.record': ['case_manager', 'provider', 'para'],
  // Marking today's supports used / not needed / not provided / declined: the adults in the room.
  'accommodation.check': ['case_manager', 'provider', 'para'],
  'services.manage': ['case_manager'],
  // Providers only for the services they provide ('sessions.recordForService').
  'sessions.record': ['case_manager', 'provider'],
  // The notices sent to the family and when each was seen: the school's side of "we told them".
  // Parents read their own through notifications.mine, not through this list of everyone's.
  'notifications.viewSent': ['case_manager', 'provider', 'para', 'school_admin'],
  // Notebooks: only the team opens and edits them; the school admin is not on the team.
  'notes.view': ['case_manager', 'provider', 'para', 'parent'],
  'notes.edit': ['case_manager', 'provider', 'para', 'parent'],
  // Creating, renaming, archiving and restoring an older day: the case manager.
  'notes.manage': ['case_manager'],
  // The concern log. Everyone on the team reads the shared concerns; family-only ones exist for parents only
  // ('concern.read'), in every view, export and search.
  'concerns.view': READERS,
  // Parents and case managers log concerns and keep their own side's concerns up to date ('concern.editOwnSide').
  'concerns.create': ['case_manager', 'parent'],
  'concerns.edit': ['case_manager', 'parent'],
  // Staff on the team answer shared concerns: a response is appended, never an edit.
  'concerns.respond': ['case_manager', 'provider', 'para', 'parent'],
  // A concern that ended with an agreement: the parent or the case manager records the agreement, its promised items
  // and marks them done, on the concerns they may read (docs/domain.md#agreements).
  'concerns.agree': ['case_manager', 'parent'],
  // A family-only concern shared with the team later: only the family, whose concern it is (never the other way).
  'concerns.share': ['parent'],
  // What happened next (docs/effects.md): everyone reads the effects at home; the team records them, each person
  // correcting or removing only their own entries ('effect.correctOwn').
  'effects.view': READERS,
  'effects.record': ['case_manager', 'provider', 'para', 'parent'],
  // A parent may flag any session record or accommodation check as disputed (and withdraw the flag).
  'records.dispute': ['parent'],
  // The record of access (FERPA 34 CFR 99.32): who at school opened the student's records. The family it is kept
  // for, and the school people answerable for it; not every staff member reading who else looked.
  'access.view': ['parent', 'case_manager', 'school_admin'],
  // Progress reports (docs/progress-reports.md). Everyone reads issued versions; the family never reads a draft.
  'reports.view': READERS,
  'reports.viewDraft': ['case_manager', 'provider', 'para', 'school_admin'],
  // The case manager writes every goal's part; a provider the goals in her own areas ('report.writeGoalInArea').
  'reports.write': ['case_manager', 'provider'],
  // Issuing and correcting: the case manager answers for what the family is sent.
  'reports.issue': ['case_manager'],
  'reports.acknowledge': ['parent'],
  // A parent lets an advocate or another family member read the record for a while, revokes it, and sees what they
  // opened (docs/advocates.md). Only the family gives access to its own child.
  'advocates.manage': ['parent'],
  // Attached files (docs/attachments.md): whoever may read the record a file is attached to may download it, the
  // advocate the parent let in included (the record's own action, and a concern's visibility, are checked too); the
  // team adds files, and each removes their own.
  'attachments.view': READERS,
  'attachments.add': ['case_manager', 'provider', 'para', 'parent'],
  // The whole record in one file (docs/records.md): the family's copy for a parent, the school's copy for the admin
  // answering a records request. Each side downloads only its own files.
  'records.export': ['parent', 'school_admin'],
} as const satisfies Record<string, readonly StudentRole[]>

export type Action = keyof typeof PERMISSIONS

export const ACTIONS = Object.keys(PERMISSIONS) as Action[]

export function can(role: StudentRole, action: Action): boolean {
  return (PERMISSIONS[action] as readonly StudentRole[]).includes(role)
}

/**
 * The one fact about a record that each owned action needs, gathered by the tRPC layer before it asks `canOwned`.
 * A rule reads facts, never rows: the same rule then serves one record (a mutation) and a filter (a list).
 */
export interface OwnedFacts {
  /** The caller is the provider of the session's service. */
  'sessions.recordForService': { providesService: boolean }
  /** The goal's area is one of the caller's areas on this team. */
  'goal.editPlainInArea': { goalInMyAreas: boolean }
  /** The goal's area is one of the caller's areas on this team (a report's part for that goal). */
  'report.writeGoalInArea': { goalInMyAreas: boolean }
  /** The concern is shared with the team rather than family-only. */
  'concern.read': { sharedWithTeam: boolean }
  /** The side that logged the concern. */
  'concern.editOwnSide': { loggedBy: ConcernSide }
  /** The caller recorded the effect (its first entry). */
  'effect.correctOwn': { recordedByMe: boolean }
}

export type OwnedAction = keyof OwnedFacts

interface OwnedRule<F> {
  /** The table's action for the same deed: the gate checks it first, so an owned action never widens it. */
  gate: Action
  /** Roles that may touch every such record of the student. */
  anyRecord: readonly StudentRole[]
  /** Roles that may touch a record only when `owns` holds. */
  ownRecord: readonly StudentRole[]
  owns: (facts: F, role: StudentRole) => boolean
  /** A record one may not even read does not exist for that person; one may read but not change is forbidden. */
  refusal: 'NOT_FOUND' | 'FORBIDDEN'
}

const OWNED_PERMISSIONS: { [A in OwnedAction]: OwnedRule<OwnedFacts[A]> } = {
  // Recording, correcting and voiding a session: the case manager for every service, a provider for hers.
  'sessions.recordForService': {
    gate: 'sessions.record',
    anyRecord: ['case_manager'],
    ownRecord: ['provider'],
    owns: (f) => f.providesService,
    refusal: 'FORBIDDEN',
  },
  // A provider rewrites the plain parts of goals in her own areas only; the case manager owns the whole plan.
  'goal.editPlainInArea': {
    gate: 'goal.editPlain',
    anyRecord: ['case_manager'],
    ownRecord: ['provider'],
    owns: (f) => f.goalInMyAreas,
    refusal: 'FORBIDDEN',
  },
  // A provider writes the report's part for goals in her own areas; the case manager writes every part.
  'report.writeGoalInArea': {
    gate: 'reports.write',
    anyRecord: ['case_manager'],
    ownRecord: ['provider'],
    owns: (f) => f.goalInMyAreas,
    refusal: 'FORBIDDEN',
  },
  // A family-only concern exists only for the student's parents: staff must not even learn that it is there.
  // The advocate the parent let in reads what the parent reads (docs/advocates.md).
  'concern.read': {
    gate: 'concerns.view',
    anyRecord: ['parent', 'advocate'],
    ownRecord: EVERYONE,
    owns: (f) => f.sharedWithTeam,
    refusal: 'NOT_FOUND',
  },
  // Each side keeps its own concerns up to date; the other side answers with a response, never an edit.
  'concern.editOwnSide': {
    gate: 'concerns.edit',
    anyRecord: [],
    ownRecord: ['parent', 'case_manager'],
    owns: (f, role) => f.loggedBy === role,
    refusal: 'FORBIDDEN',
  },
  // An effect at home is the word of the person who saw it: only they correct or remove it (by a later entry).
  'effect.correctOwn': {
    gate: 'effects.record',
    anyRecord: [],
    ownRecord: ['case_manager', 'provider', 'para', 'parent'],
    owns: (f) => f.recordedByMe,
    refusal: 'FORBIDDEN',
  },
}

export const OWNED_ACTIONS = Object.keys(OWNED_PERMISSIONS) as OwnedAction[]

/** May this person touch this record? `can` for the deed, then the owned rule for the record's fact. */
export function canOwned<A extends OwnedAction>(role: StudentRole, action: A, facts: OwnedFacts[A]): boolean {
  const rule = OWNED_PERMISSIONS[action] as OwnedRule<OwnedFacts[A]>
  if (!can(role, rule.gate)) return false
  return rule.anyRecord.includes(role) || (rule.ownRecord.includes(role) && rule.owns(facts, role))
}

/** The table's action an owned action is checked under at the gate. */
export function ownedGate(action: OwnedAction): Action {
  return OWNED_PERMISSIONS[action].gate
}

export function ownedRefusal(action: OwnedAction): 'NOT_FOUND' | 'FORBIDDEN' {
  return OWNED_PERMISSIONS[action].refusal
}

/** Roles whose right to an owned action depends on the record (areas, for instance, matter only to them). */
export function limitedToOwnRecords(role: StudentRole, action: OwnedAction): boolean {
  const rule = OWNED_PERMISSIONS[action]
  return rule.ownRecord.includes(role) && !rule.anyRecord.includes(role)
}

/** What a person is to a school: its admin, a case manager of one of its students, or neither. */
export type SchoolRole = 'school_admin' | 'case_manager'

const SCHOOL_PERMISSIONS = {
  'school.view': ['school_admin', 'case_manager'],
  'school.calendar': ['school_admin'],
  // Every student's numbers at the school (the accountability school view): the admin answers for them all.
  'school.accountability': ['school_admin'],
  'school.policy': ['school_admin'],
  'school.import': ['school_admin', 'case_manager'],
  // Every message sent for the school's families and staff: the admin's, as the one who answers for what was sent.
  'school.outbox': ['school_admin'],
  // How long staff and families stay signed in: the admin answers for devices shared in classrooms.
  'school.sessions': ['school_admin'],
  // The school's own sign-in service (single sign-on): who may sign in to the school's staff accounts is the admin's to set.
  'school.sso': ['school_admin'],
  // The school's people (docs/people.md): inviting staff, school roles, caseloads, switching accounts off and on.
  'school.people': ['school_admin'],
  // Whether the school's admins and case managers must sign in with two steps (docs/two-step.md).
  'school.security': ['school_admin'],
  // Reporting periods and progress codes (docs/progress-reports.md): the school's calendar of reports.
  'school.reporting': ['school_admin'],
  // Parents' requests for records and the days the school has to answer them (docs/records.md#records-requests).
  'school.recordsRequests': ['school_admin'],
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
