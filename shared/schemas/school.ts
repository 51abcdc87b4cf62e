import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { MISSED_REASONS } from '../services.ts'
import { isoDateSchema } from './dates.ts'
import { idSchema } from './plan.ts'
import { textSchema } from './text.ts'
import { school } from '../i18n/en/school.ts'

addSections({ school })

/** A school closure: no session is scheduled, missed or owed on it. */
export const closureSchema = z.object({
  schoolId: idSchema,
  date: isoDateSchema,
  /** The last day of a break; without it the closure is the one day `date`. */
  endDate: isoDateSchema.optional(),
  label: textSchema(() => t('school.closureName'), 'one-line', { error: () => t('school.closureLabelRequired') })
    .min(1, { error: () => t('school.closureLabelRequired') })
    .max(80),
})

export const removeClosureSchema = z.object({ date: isoDateSchema })

/** What a closure change would do, asked before it is made (the page's confirm step). */
export const closurePreviewSchema = z.object({
  change: z.enum(['add', 'remove']),
  date: isoDateSchema,
  endDate: isoDateSchema.optional(),
})

/** Which misses owe a make-up at one school: missed reasons, and the session nobody recorded. */
export const makeUpPolicySchema = z.object({
  reasons: z.array(z.enum([...MISSED_REASONS, 'unrecorded'], { error: () => t('school.policyReasonFromList') })).max(8),
})

export const SCHOOL_INTENTS = ['addClosure', 'removeClosure', 'setPolicy', 'defaultPolicy'] as const
export type SchoolIntent = (typeof SCHOOL_INTENTS)[number]

/** Which of the school settings page's forms was sent, read before the form itself so a refusal lands beside it. */
export const schoolIntentSchema = z.object({ intent: z.enum(SCHOOL_INTENTS) })

/**
 * The school settings page's forms, built from the procedures' inputs. An empty date is read as "" so the
 * form keeps saying what the procedure says of a date that is not one.
 */
export const schoolFormSchema = z.discriminatedUnion('intent', [
  // `confirmed` is the confirm step's button: without it the page shows what the change does and asks.
  closureSchema.omit({ schoolId: true }).extend({ intent: z.literal('addClosure'), date: isoDateSchema.prefault(''), confirmed: z.literal('yes').optional() }),
  removeClosureSchema.extend({ intent: z.literal('removeClosure'), confirmed: z.literal('yes').optional() }),
  // No box ticked sends no field at all: a policy that owes nothing.
  makeUpPolicySchema.extend({ intent: z.literal('setPolicy'), reasons: makeUpPolicySchema.shape.reasons.default([]) }),
  z.object({ intent: z.literal('defaultPolicy') }),
])
export type SchoolForm = z.output<typeof schoolFormSchema>

/**
 * The plan import form: a file, or the plan pasted as text. An empty file input is "not given"; when both are
 * given the file wins. What the plan says is checked by the importer, which lists every problem at once.
 */
export const planImportFormSchema = z
  .object({
    file: z.custom<Blob>((value) => value instanceof Blob).optional(),
    json: z.string().optional(),
  })
  .refine((form) => form.file !== undefined || Boolean(form.json?.trim()), { error: () => t('school.import.missing') })
