import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { CODE_LABEL_MAX, MAX_CODES, NARRATIVE_MAX } from '../progress-report.ts'
import { PERIOD_NAME_MAX } from '../reporting-periods.ts'
import { isoDateSchema } from './dates.ts'
import { idSchema } from './plan.ts'
import { textSchema } from './text.ts'
import { reports } from '../i18n/en/reports.ts'

addSections({ reports })

const periodName = textSchema(() => t('reports.form.periodName'), 'one-line', { error: () => t('reports.form.periodNameRequired') })
  .trim()
  .min(1, { error: () => t('reports.form.periodNameRequired') })
  .max(PERIOD_NAME_MAX, { error: () => t('reports.form.periodNameTooLong', { max: PERIOD_NAME_MAX }) })

/** A reporting period as the admin writes it. */
export const periodFieldsSchema = z.object({
  name: periodName,
  start: isoDateSchema.prefault(''),
  end: isoDateSchema.prefault(''),
})

export const addPeriodSchema = periodFieldsSchema
export const updatePeriodSchema = periodFieldsSchema.extend({ periodId: idSchema })
export const removePeriodSchema = z.object({ periodId: idSchema })

const codeLabel = textSchema(() => t('reports.form.codeLabel'), 'one-line')
  .trim()
  .min(1, { error: () => t('reports.form.codeLabelRequired') })
  .max(CODE_LABEL_MAX, { error: () => t('reports.form.codeLabelTooLong', { max: CODE_LABEL_MAX }) })

/** The school's progress codes, one label per line on the form; keys are kept for labels that stay. */
export const progressCodesSchema = z.object({
  labels: z
    .array(codeLabel)
    .min(2, { error: () => t('reports.form.codesTooFew') })
    .max(MAX_CODES, { error: () => t('reports.form.codesTooMany', { max: MAX_CODES }) }),
})

export const reportRefSchema = z.object({ periodId: idSchema })

/** One goal's part of a draft: the progress code and the narrative. */
export const goalPartSchema = z.object({
  periodId: idSchema,
  goalId: idSchema,
  code: z.string().max(40).optional(),
  narrative: textSchema(() => t('reports.form.narrative'), 'multi-line').max(NARRATIVE_MAX, { error: () => t('reports.form.narrativeTooLong', { max: NARRATIVE_MAX }) }),
})

/** Issuing: the first version needs nothing more; a correction needs its reason. */
export const issueSchema = z.object({
  periodId: idSchema,
  reason: textSchema(() => t('reports.form.reason'), 'multi-line').trim().max(500, { error: () => t('reports.form.reasonTooLong') }).optional(),
})

export const versionRefSchema = z.object({ periodId: idSchema, version: z.number().int().min(1).max(1000) })

export const acknowledgeSchema = versionRefSchema.extend({
  comment: textSchema(() => t('reports.form.comment'), 'multi-line').trim().max(NARRATIVE_MAX, { error: () => t('reports.form.commentTooLong', { max: NARRATIVE_MAX }) }).optional(),
})

/** The reporting periods page's forms, told apart by `intent`. */
export const periodsFormSchema = z.discriminatedUnion('intent', [
  periodFieldsSchema.extend({ intent: z.literal('add') }),
  periodFieldsSchema.extend({ intent: z.literal('update'), periodId: idSchema }),
  z.object({ intent: z.literal('remove'), periodId: idSchema }),
  z.object({ intent: z.literal('quarters') }),
  z.object({
    intent: z.literal('codes'),
    // One code per line; blank lines are dropped before the list is checked.
    labels: z
      .string()
      .max(MAX_CODES * (CODE_LABEL_MAX + 2))
      .transform((text) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)),
  }),
])

/** The draft page's forms: one goal's part, or issuing (a correction with its reason). */
export const reportFormSchema = z.discriminatedUnion('intent', [
  goalPartSchema.omit({ periodId: true }).extend({ intent: z.literal('part'), narrative: goalPartSchema.shape.narrative.prefault('') }),
  issueSchema.omit({ periodId: true }).extend({ intent: z.literal('issue'), reason: z.preprocess((v) => (v === '' ? undefined : v), issueSchema.shape.reason) }),
])

/** The acknowledgment form: an optional comment (an empty box is no comment). */
export const acknowledgeFormSchema = z.object({ comment: z.preprocess((v) => (v === '' ? undefined : v), acknowledgeSchema.shape.comment) })
