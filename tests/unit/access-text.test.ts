import { describe, expect, test } from 'vitest'
import { accessRoleLabel, describeAccess, distinctReaders } from '#app/routes/student/access-text.ts'

describe('the record of access, in words', () => {
  test('names the person, their role and the kind of record in plain words', () => {
    expect(describeAccess({ at: '2026-11-17T15:00:00.000Z', name: 'Priya Shah', role: 'provider', what: 'records' })).toBe(
      'Priya Shah (Service provider) opened: Service sessions, accommodation records and the numbers',
    )
    expect(describeAccess({ at: '', name: 'Dana Rivera', role: 'case_manager', what: 'export:brief.pdf' })).toBe(
      'Dana Rivera (Case manager) opened: Meeting brief, downloaded as PDF',
    )
  })

  test('an unknown role or kind is shown as stored, never dropped', () => {
    expect(accessRoleLabel('district_auditor')).toBe('district_auditor')
    expect(describeAccess({ at: '', name: 'A', role: 'school_admin', what: 'x-ray' })).toBe('A (School admin) opened: x-ray')
  })

  test('lists each reader once, in order of appearance', () => {
    const rows = [
      { at: '3', name: 'Alex Chen', role: 'school_admin', what: 'plan' },
      { at: '2', name: 'Priya Shah', role: 'provider', what: 'plan' },
      { at: '1', name: 'Alex Chen', role: 'school_admin', what: 'notes' },
    ]
    expect(distinctReaders(rows)).toEqual(['Alex Chen (School admin)', 'Priya Shah (Service provider)'])
  })
})
