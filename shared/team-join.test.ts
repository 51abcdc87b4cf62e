import { describe, expect, test } from 'vitest'
import { TEAM_ROLES } from './roles.ts'
import { inviteRefusal, joinsAtOnce, type Standing } from './team-join.ts'

const none: Standing = { staffHere: false, caseManagerHere: false, parentAnywhere: false, staffAnywhere: false }
const providerHere: Standing = { ...none, staffHere: true, staffAnywhere: true }
const caseManagerHere: Standing = { ...providerHere, caseManagerHere: true }
const staffElsewhere: Standing = { ...none, staffAnywhere: true }
const parent: Standing = { ...none, parentAnywhere: true }
const bothHats: Standing = { ...caseManagerHere, parentAnywhere: true }

describe('joinsAtOnce', () => {
  test.each(TEAM_ROLES)('no account and an account that is nothing here read the same for %s: invited', (role) => {
    expect(joinsAtOnce(undefined, role)).toBe(false)
    expect(joinsAtOnce(none, role)).toBe(false)
    expect(joinsAtOnce(staffElsewhere, role)).toBe(false)
  })

  test.each(TEAM_ROLES)('a parent anywhere never joins at once, as %s', (role) => {
    expect(joinsAtOnce(parent, role)).toBe(false)
    expect(joinsAtOnce(bothHats, role)).toBe(false)
  })

  test('parents are always invited, even staff named as parent', () => {
    for (const s of [undefined, none, providerHere, caseManagerHere, parent]) expect(joinsAtOnce(s, 'parent')).toBe(false)
  })

  test('the school’s staff join at once as provider or para', () => {
    expect(joinsAtOnce(providerHere, 'provider')).toBe(true)
    expect(joinsAtOnce(providerHere, 'para')).toBe(true)
    expect(joinsAtOnce(caseManagerHere, 'para')).toBe(true)
  })

  test('the case-manager role only for those who already hold it at the school', () => {
    expect(joinsAtOnce(providerHere, 'case_manager')).toBe(false)
    expect(joinsAtOnce(caseManagerHere, 'case_manager')).toBe(true)
  })
})

describe('inviteRefusal', () => {
  test('a parent account may not take a staff role', () => {
    for (const role of ['case_manager', 'provider', 'para'] as const) expect(inviteRefusal(role, parent)).toBe('parent_account_staff_role')
    expect(inviteRefusal('parent', parent)).toBeNull()
  })

  test('a staff account may not take a parent role', () => {
    expect(inviteRefusal('parent', staffElsewhere)).toBe('staff_account_parent_role')
    expect(inviteRefusal('provider', staffElsewhere)).toBeNull()
  })

  test('a new account (nothing yet) may take any role', () => {
    for (const role of TEAM_ROLES) expect(inviteRefusal(role, none)).toBeNull()
  })
})
