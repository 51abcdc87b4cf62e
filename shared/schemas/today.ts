import { z } from '../zod.ts'
import { CHECK_STATUSES } from '../accommodation-fidelity.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { studentIdSchema } from './ids.ts'
import { idSchema, isoDateSchema, progressPointSchema } from './plan.ts'
import { textSchema } from './text.ts'
import { today } from '../i18n/en/today.ts'

addSections({ today })

export const clientIdSchema = z
  .string({ error: () => t('today.schema.clientIdRequired') })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: () => t('today.schema.clientIdInvalid') })

// The fields of one tap, before the rule that ties the reason to "not provided" (omit() refuses refined objects).
const checkFields = z.object({
  studentId: studentIdSchema,
  accommodationId: idSchema,
  date: isoDateSchema,
  status: z.enum(CHECK_STATUSES, { error: () => t('today.schema.chooseStatus') }),
  reason: textSchema(() => t('today.schema.reasonLabel'), 'multi-line')
    .max(300, { error: () => t('today.schema.reasonTooLong') })
    .optional(),
  clientId: clientIdSchema,
})

const reasonGiven = (c: { status: string; reason?: string | undefined }) => c.status !== 'not_provided' || (c.reason ?? '').length > 0
const REASON_NEEDED = { error: () => t('today.schema.reasonRequired'), path: ['reason'] }

export const recordCheckSchema = checkFields.refine(reasonGiven, REASON_NEEDED)
export type RecordCheckInput = z.infer<typeof recordCheckSchema>

/** A tap posted without scripts: the same rules; the server gives it its change id. */
export const checkFormSchema = checkFields
  .omit({ clientId: true })
  .extend({ intent: z.literal('check') })
  .refine(reasonGiven, REASON_NEEDED)

/** The Today screen's quick data point: a goal's progress point (its prompt level chooser starts at Independent). */
export const quickProgressFormSchema = progressPointSchema.safeExtend({ intent: z.literal('progress') })

/** "All as planned" posted without scripts: one student's day; the server works out which supports it records. */
export const allAsPlannedFormSchema = z.object({ intent: z.literal('allAsPlanned'), studentId: studentIdSchema, date: isoDateSchema })

/** The Today page's three forms, told apart by their `intent`. */
export const todayFormSchema = z.discriminatedUnion('intent', [checkFormSchema, quickProgressFormSchema, allAsPlannedFormSchema])

/**
 * What was typed, as typed, to put back into a refused form (a page without scripts has nothing else to
 * refill it from). No rules: the rules are the schemas above.
 */
const typed = z.string().default('')
export const todayFormEchoSchema = z.object({
  intent: z.enum(['check', 'progress', 'allAsPlanned']),
  studentId: typed,
  accommodationId: typed,
  goalId: typed,
  value: typed,
  promptLevel: typed,
  regulation: typed,
  note: typed,
})
export type TodayFormEcho = z.infer<typeof todayFormEchoSchema>
