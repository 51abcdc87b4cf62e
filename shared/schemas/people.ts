import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { SCHOOL_PERSON_ROLES } from '../people.ts'
import { emailSchema, personNameSchema } from './auth.ts'
import { idSchema } from './plan.ts'
import { studentIdSchema } from './ids.ts'
import { people } from '../i18n/en/people.ts'

addSections({ people })

const personIdSchema = z.string({ error: () => t('people.choosePerson') }).min(1, { error: () => t('people.choosePerson') }).max(64)

export const inviteStaffSchema = z.object({ email: emailSchema, name: personNameSchema })

/** Make a school admin (`admin: true`) or take the role back. */
export const setSchoolAdminSchema = z.object({ userId: personIdSchema, admin: z.boolean() })

export const personSchema = z.object({ userId: personIdSchema })

export const moveCaseloadSchema = z
  .object({ fromUserId: personIdSchema, toUserId: personIdSchema })
  .refine((v) => v.fromUserId !== v.toUserId, { error: () => t('people.moveToSomeoneElse'), path: ['toUserId'] })

export const unlinkParentSchema = z.object({ userId: personIdSchema, studentId: studentIdSchema })

export const revokeStaffInviteSchema = z.object({ inviteId: idSchema })

/** The page's search: a few words and a role; anything else is ignored rather than refused (it is an address). */
export const peopleSearchSchema = z.object({
  q: z.string().max(100).catch(''),
  role: z.enum(SCHOOL_PERSON_ROLES).nullable().catch(null),
})

export const PEOPLE_INTENTS = ['invite', 'makeAdmin', 'removeAdmin', 'deactivate', 'reactivate', 'moveCaseload', 'unlink', 'revokeInvite'] as const

export const peopleIntentSchema = z.object({ intent: z.enum(PEOPLE_INTENTS) })

/** The People page's forms. `confirmed` is the confirm step's button: without it, switching off only asks. */
export const peopleFormSchema = z.discriminatedUnion('intent', [
  inviteStaffSchema.extend({ intent: z.literal('invite') }),
  personSchema.extend({ intent: z.literal('makeAdmin') }),
  personSchema.extend({ intent: z.literal('removeAdmin') }),
  personSchema.extend({ intent: z.literal('deactivate'), confirmed: z.literal('yes').optional() }),
  personSchema.extend({ intent: z.literal('reactivate') }),
  z.object({ intent: z.literal('moveCaseload'), fromUserId: personIdSchema, toUserId: personIdSchema }),
  unlinkParentSchema.extend({ intent: z.literal('unlink') }),
  revokeStaffInviteSchema.extend({ intent: z.literal('revokeInvite') }),
])
export type PeopleForm = z.output<typeof peopleFormSchema>
