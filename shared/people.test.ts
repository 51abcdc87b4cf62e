import { describe, expect, test } from 'vitest'
import { type AdminFacts, deactivationRefusal, filterPeople, schoolAdminRefusal, schoolPersonRole } from './people.ts'

describe('schoolPersonRole', () => {
  test('the admin first, then the team role that answers for most, else plain staff', () => {
    expect(schoolPersonRole({ admin: true, teamRoles: ['case_manager'] })).toBe('school_admin')
    expect(schoolPersonRole({ admin: false, teamRoles: ['para', 'case_manager'] })).toBe('case_manager')
    expect(schoolPersonRole({ admin: false, teamRoles: ['para', 'provider'] })).toBe('provider')
    expect(schoolPersonRole({ admin: false, teamRoles: ['para'] })).toBe('para')
    expect(schoolPersonRole({ admin: false, teamRoles: ['parent'] })).toBe('parent')
    expect(schoolPersonRole({ admin: false, teamRoles: [] })).toBe('staff')
  })
})

const facts = (over: Partial<AdminFacts> = {}): AdminFacts => ({
  actorId: 'alex',
  targetId: 'dana',
  targetIsAdmin: false,
  activeAdmins: 1,
  targetSwitchedOff: false,
  targetIsParent: false,
  ...over,
})

describe('schoolAdminRefusal', () => {
  test('nobody changes their own role, up or down', () => {
    expect(schoolAdminRefusal(facts({ targetId: 'alex', targetIsAdmin: true, activeAdmins: 2 }), false)).toBe('own_account')
    expect(schoolAdminRefusal(facts({ targetId: 'alex' }), true)).toBe('own_account')
  })

  test('a staff account may be made admin; a family account or a switched-off one may not', () => {
    expect(schoolAdminRefusal(facts(), true)).toBeNull()
    expect(schoolAdminRefusal(facts({ targetIsParent: true }), true)).toBe('family_account')
    expect(schoolAdminRefusal(facts({ targetSwitchedOff: true }), true)).toBe('switched_off')
  })

  test('the last active admin keeps the role; with another active admin it can be taken back', () => {
    expect(schoolAdminRefusal(facts({ targetIsAdmin: true, activeAdmins: 1 }), false)).toBe('last_admin')
    expect(schoolAdminRefusal(facts({ targetIsAdmin: true, activeAdmins: 2 }), false)).toBeNull()
    // A switched-off admin is not one of the active ones: taking the role from them leaves the count as it is.
    expect(schoolAdminRefusal(facts({ targetIsAdmin: true, targetSwitchedOff: true, activeAdmins: 1 }), false)).toBeNull()
  })
})

describe('deactivationRefusal', () => {
  const base = { actorId: 'alex', targetId: 'sam', targetIsAdmin: false, activeAdmins: 1, adminElsewhere: false }
  test('anyone else of the school may be switched off', () => {
    expect(deactivationRefusal(base)).toBeNull()
    expect(deactivationRefusal({ ...base, targetIsAdmin: true, activeAdmins: 2 })).toBeNull()
  })
  test('never oneself, never the last active admin, never another school’s admin', () => {
    expect(deactivationRefusal({ ...base, targetId: 'alex' })).toBe('own_account')
    expect(deactivationRefusal({ ...base, targetIsAdmin: true, activeAdmins: 1 })).toBe('last_admin')
    expect(deactivationRefusal({ ...base, adminElsewhere: true })).toBe('admin_elsewhere')
  })
})

describe('filterPeople', () => {
  const people = [
    { name: 'Sam Ortiz', email: 'para@maple.example', role: 'para' as const },
    { name: 'Dana Rivera', email: 'casemanager@maple.example', role: 'case_manager' as const },
    { name: 'Laura Miller', email: 'parent@maple.example', role: 'parent' as const },
  ]
  test('by words of the name or email, in any case, and by role', () => {
    expect(filterPeople(people, '', null)).toEqual(people)
    expect(filterPeople(people, 'sam', null).map((p) => p.name)).toEqual(['Sam Ortiz'])
    expect(filterPeople(people, 'RIVERA casemanager', null).map((p) => p.name)).toEqual(['Dana Rivera'])
    expect(filterPeople(people, 'maple', 'parent').map((p) => p.name)).toEqual(['Laura Miller'])
    expect(filterPeople(people, 'nobody', null)).toEqual([])
  })
})
