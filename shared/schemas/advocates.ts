import { z } from '../zod.ts'
import { ADVOCATE_MAX_DAYS } from '../advocates.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { emailSchema } from './auth.ts'
import { isoDateSchema } from './dates.ts'
import { studentIdSchema } from './ids.ts'
import { advocates } from '../i18n/en/advocates.ts'

addSections({ advocates })

/** What the parent calls the person ("Aunt Rosa"): optional, the account's own name shows once they accept. */
const nameSchema = z
  .string()
  .trim()
  .max(100, { error: () => t('advocates.refusals.nameTooLong', { max: 100 }) })
  .optional()

/** A parent gives read-only access (docs/advocates.md): whom, and the last day it lasts. */
export const grantAdvocateSchema = z.object({
  studentId: studentIdSchema,
  email: emailSchema,
  name: nameSchema,
  lastDay: isoDateSchema,
})

export const revokeAdvocateSchema = z.object({
  studentId: studentIdSchema,
  grantId: z.string().min(1, { error: () => t('advocates.refusals.chooseGrant') }).max(64),
})

/** On the form the parent says for how many days, or the last day: one of the two. */
const daysSchema = z
  .number({ error: () => t('advocates.refusals.daysRange', { max: ADVOCATE_MAX_DAYS }) })
  .int({ error: () => t('advocates.refusals.daysRange', { max: ADVOCATE_MAX_DAYS }) })
  .min(1, { error: () => t('advocates.refusals.daysRange', { max: ADVOCATE_MAX_DAYS }) })
  .max(ADVOCATE_MAX_DAYS, { error: () => t('advocates.refusals.daysRange', { max: ADVOCATE_MAX_DAYS }) })

/** The parent's page has two small forms: give access, and revoke one (asked to confirm first). */
export const advocateFormSchema = z
  .discriminatedUnion('intent', [
    z.object({ intent: z.literal('grant'), email: emailSchema, name: nameSchema, days: daysSchema.optional(), lastDay: isoDateSchema.optional() }),
    revokeAdvocateSchema.omit({ studentId: true }).extend({ intent: z.literal('revoke'), confirmed: z.literal('yes').optional() }),
  ])
  .superRefine((value, ctx) => {
    if (value.intent !== 'grant') return
    if (value.days === undefined && value.lastDay === undefined) ctx.addIssue({ code: 'custom', path: ['days'], message: t('advocates.refusals.howLong') })
    if (value.days !== undefined && value.lastDay !== undefined) ctx.addIssue({ code: 'custom', path: ['days'], message: t('advocates.refusals.oneOfTwo') })
  })
