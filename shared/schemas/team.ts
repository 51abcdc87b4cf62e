import { z } from '../zod.ts'
import { languageSchema } from './language.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { emailSchema, teamRoleSchema } from './auth.ts'
import { studentIdSchema } from './ids.ts'
import { GOAL_AREAS } from './plan.ts'
import { student } from '../i18n/en/student.ts'

addSections({ student })

export { studentIdSchema }

export const studentInputSchema = z.object({ studentId: studentIdSchema })

export const inviteMemberSchema = z.object({
  studentId: studentIdSchema,
  email: emailSchema,
  role: teamRoleSchema,
  /** The invitation mail's and the sign-up page's language (docs/languages.md); English when not chosen. */
  language: languageSchema.optional(),
})

export const removeMemberSchema = z.object({
  studentId: studentIdSchema,
  memberId: z.string().min(1, { error: () => t('student.chooseMemberToRemove') }).max(64),
})

export const revokeInviteSchema = z.object({
  studentId: studentIdSchema,
  inviteId: z.string().min(1, { error: () => t('student.chooseInviteToCancel') }).max(64),
})

export const setProviderAreasSchema = z.object({
  studentId: studentIdSchema,
  memberId: z.string().min(1, { error: () => t('student.chooseProvider') }).max(64),
  areas: z.array(z.enum(GOAL_AREAS, { error: () => t('student.chooseAreasFromList') })).max(GOAL_AREAS.length),
})
