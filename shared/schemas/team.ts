import { z } from 'zod'
import { emailSchema, teamRoleSchema } from './auth.ts'

export const studentIdSchema = z
  .string({ error: 'A student id is required.' })
  .min(1, { error: 'A student id is required.' })
  .max(64, { error: 'That student id is not valid.' })

export const studentInputSchema = z.object({ studentId: studentIdSchema })

export const inviteMemberSchema = z.object({
  studentId: studentIdSchema,
  email: emailSchema,
  role: teamRoleSchema,
})

export const removeMemberSchema = z.object({
  studentId: studentIdSchema,
  memberId: z.string().min(1, { error: 'Choose a member to remove.' }).max(64),
})

export const revokeInviteSchema = z.object({
  studentId: studentIdSchema,
  inviteId: z.string().min(1, { error: 'Choose an invite to cancel.' }).max(64),
})
