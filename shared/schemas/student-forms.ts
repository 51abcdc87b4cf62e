import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { createNotebookSchema } from './notes.ts'
import { inviteMemberSchema, removeMemberSchema, revokeInviteSchema, setProviderAreasSchema } from './team.ts'
import { student } from '../i18n/en/student.ts'

addSections({ student })

/**
 * The student page's small forms, each told apart by its `intent` field. Each is its procedure's input without
 * the student (the page's address names it), so the rules live once, in the input schema.
 */
export const STUDENT_PAGE_INTENTS = ['invite', 'remove', 'setAreas', 'revoke'] as const
export type StudentPageIntent = (typeof STUDENT_PAGE_INTENTS)[number]

export const studentPageIntentSchema = z.object({
  intent: z.enum(STUDENT_PAGE_INTENTS, { error: () => t('student.unknownAction') }),
})

export const inviteFormSchema = inviteMemberSchema.omit({ studentId: true })
export const removeMemberFormSchema = removeMemberSchema.omit({ studentId: true })
export const revokeInviteFormSchema = revokeInviteSchema.omit({ studentId: true })
// With no box ticked the form sends no `areas` at all: that is "no areas".
export const providerAreasFormSchema = setProviderAreasSchema
  .omit({ studentId: true })
  .extend({ areas: setProviderAreasSchema.shape.areas.default([]) })
export const createNotebookFormSchema = createNotebookSchema.omit({ studentId: true })
