import { z } from 'zod'
import { t } from '../i18n/i18n.ts'
import { emailSchema } from './auth.ts'
import { isoDateSchema } from './dates.ts'
import { studentIdSchema } from './ids.ts'

/** A parent gives read-only access (docs/advocates.md): whom, and the last day it lasts. */
export const grantAdvocateSchema = z.object({
  studentId: studentIdSchema,
  email: emailSchema,
  lastDay: isoDateSchema,
})

export const revokeAdvocateSchema = z.object({
  studentId: studentIdSchema,
  grantId: z.string().min(1, { error: () => t('advocates.refusals.chooseGrant') }).max(64),
})

/** The parent's page has two small forms: give access, and revoke one. */
export const advocateFormSchema = z.discriminatedUnion('intent', [
  grantAdvocateSchema.omit({ studentId: true }).extend({ intent: z.literal('grant') }),
  revokeAdvocateSchema.omit({ studentId: true }).extend({ intent: z.literal('revoke') }),
])
