import { describe, expect, test } from 'vitest'
import { ACTIONS, can, canOwned, limitedToOwnRecords, notebookAccess, OWNED_ACTIONS, ownedGate, ownedRefusal, type Action } from './permissions.ts'
import type { StudentRole } from './roles.ts'

const ROLES: StudentRole[] = ['case_manager', 'provider', 'para', 'parent', 'school_admin', 'advocate']

// docs/roles.md, written out by hand: only the case manager changes the team; everyone who can see the
// student (school admin included) sees the student, the team and the history.
const EXPECTED: Record<Action, Record<StudentRole, boolean>> = {
  'student.view': { case_manager: true, provider: true, para: true, parent: true, school_admin: true, advocate: true },
  'team.view': { case_manager: true, provider: true, para: true, parent: true, school_admin: true, advocate: true },
  'team.manage': { case_manager: true, provider: false, para: false, parent: false, school_admin: false, advocate: false },
  'history.view': { case_manager: true, provider: true, para: true, parent: true, school_admin: true, advocate: true },
  'plan.view': { case_manager: true, provider: true, para: true, parent: true, school_admin: true, advocate: true },
  'plan.edit': { case_manager: true, provider: false, para: false, parent: false, school_admin: false, advocate: false },
  'plan.acknowledgeChange': { case_manager: false, provider: false, para: false, parent: true, school_admin: false, advocate: false },
  'iep.editDates': { case_manager: true, provider: false, para: false, parent: false, school_admin: false, advocate: false },
  'plan.startNext': { case_manager: true, provider: false, para: false, parent: false, school_admin: false, advocate: false },
  'goal.editPlain': { case_manager: true, provider: true, para: false, parent: false, school_admin: false, advocate: false },
  'progress.record': { case_manager: true, provider: true, para: true, parent: false, school_admin: false, advocate: false },
  'accommodation.check': { case_manager: true, provider: true, para: true, parent: false, school_admin: false, advocate: false },
  'services.manage': { case_manager: true, provider: false, para: false, parent: false, school_admin: false, advocate: false },
  'sessions.record': { case_manager: true, provider: true, para: false, parent: false, school_admin: false, advocate: false },
  'notifications.viewSent': { case_manager: true, provider: true, para: true, parent: false, school_admin: true, advocate: false },
  // docs/domain.md#notebooks: only team members open or change a notebook; the school admin is not on the team.
  'notes.view': { case_manager: true, provider: true, para: true, parent: true, school_admin: false, advocate: false },
  'notes.edit': { case_manager: true, provider: true, para: true, parent: true, school_admin: false, advocate: false },
  'notes.manage': { case_manager: true, provider: false, para: false, parent: false, school_admin: false, advocate: false },
  'concerns.view': { case_manager: true, provider: true, para: true, parent: true, school_admin: true, advocate: true },
  'concerns.create': { case_manager: true, provider: false, para: false, parent: true, school_admin: false, advocate: false },
  'concerns.edit': { case_manager: true, provider: false, para: false, parent: true, school_admin: false, advocate: false },
  'concerns.respond': { case_manager: true, provider: true, para: true, parent: true, school_admin: false, advocate: false },
  'records.dispute': { case_manager: false, provider: false, para: false, parent: true, school_admin: false, advocate: false },
  'concerns.agree': { case_manager: true, provider: false, para: false, parent: true, school_admin: false, advocate: false },
  'concerns.share': { case_manager: false, provider: false, para: false, parent: true, school_admin: false, advocate: false },
  'effects.view': { case_manager: true, provider: true, para: true, parent: true, school_admin: true, advocate: true },
  'effects.record': { case_manager: true, provider: true, para: true, parent: true, school_admin: false, advocate: false },
  // FERPA 34 CFR 99.32: the family sees who at school opened the records; so do the case manager and the school admin.
  'access.view': { case_manager: true, provider: false, para: false, parent: true, school_admin: true, advocate: false },
  'reports.view': { case_manager: true, provider: true, para: true, parent: true, school_admin: true, advocate: true },
  'reports.viewDraft': { case_manager: true, provider: true, para: true, parent: false, school_admin: true, advocate: false },
  'reports.write': { case_manager: true, provider: true, para: false, parent: false, school_admin: false, advocate: false },
  'reports.issue': { case_manager: true, provider: false, para: false, parent: false, school_admin: false, advocate: false },
  'reports.acknowledge': { case_manager: false, provider: false, para: false, parent: true, school_admin: false, advocate: false },
  // docs/advocates.md: only the family gives an advocate read-only access to its own child.
  'advocates.manage': { case_manager: false, provider: false, para: false, parent: true, school_admin: false, advocate: false },
  'attachments.view': { case_manager: true, provider: true, para: true, parent: true, school_admin: true, advocate: true },
  'attachments.add': { case_manager: true, provider: true, para: true, parent: true, school_admin: false, advocate: false },
  'records.export': { case_manager: false, provider: false, para: false, parent: true, school_admin: true, advocate: false },
}

// docs/advocates.md: the advocate a parent let in reads, and that is all.
const READS_ONLY: Action[] = ['student.view', 'team.view', 'history.view', 'plan.view', 'concerns.view', 'effects.view', 'reports.view', 'attachments.view']

describe('the permission table', () => {
  test('lists exactly the actions this test knows, so a new action needs its row here', () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  const cases = Object.entries(EXPECTED).flatMap(([action, row]) =>
    ROLES.map((role) => ({ action: action as Action, role, allowed: row[role] })),
  )
  test.each(cases)('$role may $action: $allowed', ({ action, role, allowed }) => {
    expect(can(role, action)).toBe(allowed)
  })

  test('an advocate may only read: every action they may take is one of the reads', () => {
    expect(ACTIONS.filter((action) => can('advocate', action))).toEqual(READS_ONLY)
  })

  test('only the case manager may manage the team', () => {
    expect(ROLES.filter((role) => can(role, 'team.manage'))).toEqual(['case_manager'])
  })
})

describe('notebook access', () => {
  test.each([
    ['case_manager', 'edit'],
    ['provider', 'edit'],
    ['para', 'edit'],
    ['parent', 'edit'],
    ['school_admin', 'none'],
    // docs/advocates.md: the notebooks stay the team's; a socket is refused to an advocate like to any outsider.
    ['advocate', 'none'],
  ] as const)('%s gets %s', (role, access) => {
    expect(notebookAccess(role)).toBe(access)
  })
})

// Owned actions: whether a person may touch one record, written out by hand per role and per fact.
describe('owned actions', () => {
  test('the test knows every owned action', () => {
    expect([...OWNED_ACTIONS].sort()).toEqual(['concern.editOwnSide', 'concern.read', 'effect.correctOwn', 'goal.editPlainInArea', 'report.writeGoalInArea', 'sessions.recordForService'])
  })

  test.each(OWNED_ACTIONS)('%s never widens its gate action', (action) => {
    for (const role of ROLES) {
      if (!can(role, ownedGate(action))) {
        for (const facts of [{ providesService: true }, { goalInMyAreas: true }, { sharedWithTeam: true }, { loggedBy: role }, { recordedByMe: true }]) {
          expect(canOwned(role, action, facts as never)).toBe(false)
        }
      }
    }
  })

  test.each([
    ['case_manager', true, true],
    ['provider', true, false],
    ['para', false, false],
    ['parent', false, false],
    ['school_admin', false, false],
    ['advocate', false, false],
  ] as const)('sessions of a service: %s may record her own: %s, another’s: %s', (role, own, other) => {
    expect(canOwned(role, 'sessions.recordForService', { providesService: true })).toBe(own)
    expect(canOwned(role, 'sessions.recordForService', { providesService: false })).toBe(other)
  })

  test.each([
    ['case_manager', true, true],
    ['provider', true, false],
    ['para', false, false],
    ['parent', false, false],
    ['school_admin', false, false],
    ['advocate', false, false],
  ] as const)('plain goal parts: %s may edit a goal in her areas: %s, outside them: %s', (role, inArea, outside) => {
    expect(canOwned(role, 'goal.editPlainInArea', { goalInMyAreas: true })).toBe(inArea)
    expect(canOwned(role, 'goal.editPlainInArea', { goalInMyAreas: false })).toBe(outside)
  })

  test.each([
    ['case_manager', true, true],
    ['provider', true, false],
    ['para', false, false],
    ['parent', false, false],
    ['school_admin', false, false],
    ['advocate', false, false],
  ] as const)('a report part: %s may write a goal in her areas: %s, outside them: %s', (role, inArea, outside) => {
    expect(canOwned(role, 'report.writeGoalInArea', { goalInMyAreas: true })).toBe(inArea)
    expect(canOwned(role, 'report.writeGoalInArea', { goalInMyAreas: false })).toBe(outside)
  })

  test.each([
    ['case_manager', true, false],
    ['provider', true, false],
    ['para', true, false],
    ['parent', true, true],
    ['school_admin', true, false],
    // The advocate reads what the parent who let them in reads (docs/advocates.md).
    ['advocate', true, true],
  ] as const)('concerns: %s reads a shared one: %s, a family-only one: %s', (role, shared, familyOnly) => {
    expect(canOwned(role, 'concern.read', { sharedWithTeam: true })).toBe(shared)
    expect(canOwned(role, 'concern.read', { sharedWithTeam: false })).toBe(familyOnly)
  })

  test.each([
    ['case_manager', false, true],
    ['provider', false, false],
    ['para', false, false],
    ['parent', true, false],
    ['school_admin', false, false],
    ['advocate', false, false],
  ] as const)('concern edits: %s may change the family’s: %s, the case manager’s: %s', (role, family, school) => {
    expect(canOwned(role, 'concern.editOwnSide', { loggedBy: 'parent' })).toBe(family)
    expect(canOwned(role, 'concern.editOwnSide', { loggedBy: 'case_manager' })).toBe(school)
  })

  test.each([
    ['case_manager', true],
    ['provider', true],
    ['para', true],
    ['parent', true],
    ['school_admin', false],
  ] as const)('effects: %s may correct her own: %s, and never another’s', (role, own) => {
    expect(canOwned(role, 'effect.correctOwn', { recordedByMe: true })).toBe(own)
    expect(canOwned(role, 'effect.correctOwn', { recordedByMe: false })).toBe(false)
  })

  test('an unreadable concern is not found; every other refusal is forbidden', () => {
    expect(OWNED_ACTIONS.filter((a) => ownedRefusal(a) === 'NOT_FOUND')).toEqual(['concern.read'])
  })

  test('only providers are limited to their own areas and services', () => {
    expect(ROLES.filter((r) => limitedToOwnRecords(r, 'goal.editPlainInArea'))).toEqual(['provider'])
    expect(ROLES.filter((r) => limitedToOwnRecords(r, 'sessions.recordForService'))).toEqual(['provider'])
    expect(ROLES.filter((r) => limitedToOwnRecords(r, 'report.writeGoalInArea'))).toEqual(['provider'])
  })
})
