import { describe, expect, test } from 'vitest'
import { groupKeyOf, groupsOf, GROUP_SIZE_MAX, normalGroupName, planGroupRecording } from './group-sessions.ts'

const svc = (id: string, studentId: string, providerId: string, groupName: string | null, grouping: 'group' | 'individual' = 'group') => ({ id, studentId, providerId, grouping, groupName })

describe('which services are one group', () => {
  test('the same provider and the same name, whatever the spaces and case', () => {
    expect(normalGroupName('  Social   Skills group ')).toBe('social skills group')
    const groups = groupsOf([svc('a', 'ava', 'priya', 'Social skills group'), svc('b', 'leo', 'priya', 'social skills  GROUP'), svc('c', 'jo', 'priya', 'Articulation')])
    expect(groups.map((g) => [g.name, g.services.map((s) => s.id)])).toEqual([
      ['Social skills group', ['a', 'b']],
      ['Articulation', ['c']],
    ])
  })

  test('another provider’s group of the same name is another group', () => {
    const groups = groupsOf([svc('a', 'ava', 'priya', 'Social skills'), svc('b', 'leo', 'omar', 'Social skills')])
    expect(groups).toHaveLength(2)
  })

  test('an individual service or one with no group name is in no group', () => {
    expect(groupKeyOf(svc('a', 'ava', 'priya', 'Social skills', 'individual'))).toBeNull()
    expect(groupKeyOf(svc('a', 'ava', 'priya', null))).toBeNull()
    expect(groupKeyOf(svc('a', 'ava', 'priya', '   '))).toBeNull()
    expect(groupsOf([svc('a', 'ava', 'priya', null)])).toEqual([])
  })
})

describe('what a group recording writes', () => {
  const members = [
    { studentId: 'ava', serviceId: 'sa', alreadyRecorded: false },
    { studentId: 'leo', serviceId: 'sl', alreadyRecorded: false },
    { studentId: 'jo', serviceId: 'sj', alreadyRecorded: true },
  ]

  test('present students get the minutes, absent ones a missed record with their reason or “student absent”', () => {
    const plan = planGroupRecording(
      members,
      [
        { studentId: 'ava', present: true },
        { studentId: 'leo', present: false },
      ],
      25,
    )
    expect(plan.writes).toEqual([
      { studentId: 'ava', serviceId: 'sa', kind: 'delivered', minutes: 25 },
      { studentId: 'leo', serviceId: 'sl', kind: 'missed', reason: 'student_absent' },
    ])
    expect(planGroupRecording(members, [{ studentId: 'leo', present: false, reason: 'student_declined' }], 25).writes).toEqual([
      { studentId: 'leo', serviceId: 'sl', kind: 'missed', reason: 'student_declined' },
    ])
  })

  test('a student already recorded that day is listed and left alone; a double submit writes nothing', () => {
    const plan = planGroupRecording(members, [{ studentId: 'jo', present: true }], 25)
    expect(plan).toEqual({ writes: [], skipped: [{ studentId: 'jo', serviceId: 'sj' }], strangers: [] })
    const again = planGroupRecording(
      members.map((m) => ({ ...m, alreadyRecorded: true })),
      [{ studentId: 'ava', present: true }],
      25,
    )
    expect(again.writes).toEqual([])
  })

  test('a student outside the group is named as a stranger; one named twice counts once', () => {
    const plan = planGroupRecording(members, [{ studentId: 'maya', present: true }, { studentId: 'ava', present: true }, { studentId: 'ava', present: false }], 25)
    expect(plan.strangers).toEqual(['maya'])
    expect(plan.writes).toEqual([{ studentId: 'ava', serviceId: 'sa', kind: 'delivered', minutes: 25 }])
  })

  test('no more than the largest group is read', () => {
    const many = Array.from({ length: GROUP_SIZE_MAX + 5 }, (_, i) => ({ studentId: `s${i}`, present: true }))
    expect(planGroupRecording([], many, 25).strangers).toHaveLength(GROUP_SIZE_MAX)
  })
})
