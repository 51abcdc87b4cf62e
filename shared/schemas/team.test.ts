import { describe, expect, test } from 'vitest'
import { inviteMemberSchema, removeMemberSchema, revokeInviteSchema, studentInputSchema } from './team.ts'

describe('inviteMemberSchema', () => {
  test('normalises the email', () => {
    expect(inviteMemberSchema.parse({ studentId: 's1', email: ' New.Para@Maple.Example ', role: 'para' })).toEqual({
      studentId: 's1',
      email: 'new.para@maple.example',
      role: 'para',
    })
  })

  test('a malformed email and a bad role are each refused under their own field', () => {
    const result = inviteMemberSchema.safeParse({ studentId: 's1', email: 'not-an-email', role: 'boss' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['email', 'Enter a valid email address, like name@school.org.'],
      ['role', 'Choose a role: case manager, provider, para or parent.'],
    ])
  })

  test('a school admin cannot be invited onto a team', () => {
    expect(inviteMemberSchema.safeParse({ studentId: 's1', email: 'a@b.org', role: 'school_admin' }).success).toBe(false)
  })
})

describe('studentInputSchema', () => {
  test('requires a student id of sane length', () => {
    expect(studentInputSchema.safeParse({}).error?.issues[0]?.message).toBe('A student id is required.')
    expect(studentInputSchema.safeParse({ studentId: '' }).error?.issues[0]?.message).toBe('A student id is required.')
    expect(studentInputSchema.safeParse({ studentId: 'x'.repeat(65) }).success).toBe(false)
  })
})

describe('removeMemberSchema and revokeInviteSchema', () => {
  test('name what is missing', () => {
    expect(removeMemberSchema.safeParse({ studentId: 's1', memberId: '' }).error?.issues[0]?.message).toBe(
      'Choose a member to remove.',
    )
    expect(revokeInviteSchema.safeParse({ studentId: 's1', inviteId: '' }).error?.issues[0]?.message).toBe(
      'Choose an invite to cancel.',
    )
  })
})
