import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { iepDatesProblems } from '../iep-calendar.ts'
import { isoDateSchema } from './dates.ts'
import { studentIdSchema } from './ids.ts'
import { textSchema } from './text.ts'
import { iepCalendar } from '../i18n/en/iepCalendar.ts'

addSections({ iepCalendar })

/** A plan year's four dates as a form or the API gives them: each may be left out (not known yet). */
const iepDatesFields = z.object({
  startDate: isoDateSchema.optional(),
  endDate: isoDateSchema.optional(),
  annualReviewDate: isoDateSchema.optional(),
  reevaluationDate: isoDateSchema.optional(),
})

/** The dates' own rules (shared/iep-calendar.ts), each refusal under its field. */
function datesChecked<S extends z.ZodType<{ [K in keyof z.infer<typeof iepDatesFields>]?: string | null | undefined }>>(schema: S) {
  return schema.superRefine((value, ctx) => {
    const problems = iepDatesProblems({
      startDate: value.startDate ?? null,
      endDate: value.endDate ?? null,
      annualReviewDate: value.annualReviewDate ?? null,
      reevaluationDate: value.reevaluationDate ?? null,
    })
    for (const p of problems) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message })
  })
}

/**
 * The API names all four dates, each a date or null (not known): a call that leaves one out is refused rather than
 * clearing it by accident. The form leaves an empty field out; its page sends null for it.
 */
const apiDatesFields = z.object({
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  annualReviewDate: isoDateSchema.nullable(),
  reevaluationDate: isoDateSchema.nullable(),
})

export const iepDatesFormSchema = datesChecked(iepDatesFields)
export const setIepDatesSchema = datesChecked(apiDatesFields.extend({ studentId: studentIdSchema }))
export type IepDatesInput = { [K in keyof z.infer<typeof iepDatesFields>]?: string | null }

export const GOAL_CHOICES = ['carry', 'change', 'end'] as const
export type GoalChoice = (typeof GOAL_CHOICES)[number]

export const END_REASON_MAX = 300

const goalChoiceSchema = z
  .object({
    goalId: z.string().min(1).max(64),
    choice: z.enum(GOAL_CHOICES, { error: () => t('iepCalendar.rules.goalsMismatch') }),
    reason: textSchema(() => t('iepCalendar.next.reason'), 'one-line').max(END_REASON_MAX).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.choice === 'end' && !value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: t('iepCalendar.rules.endReasonRequired') })
  })

const nextPlanFields = iepDatesFields.extend({ goals: z.array(goalChoiceSchema).max(200).default([]) })


/** Starting the next plan: its dates, and what happens to each goal of the current plan. */
export const startNextPlanSchema = datesChecked(apiDatesFields.extend({ studentId: studentIdSchema, goals: z.array(goalChoiceSchema).max(200) }))
export type StartNextPlanInput = z.infer<typeof startNextPlanSchema>

/** The page's form: the same, and a tick that the case manager has checked it. */
export const nextPlanFormSchema = datesChecked(
  nextPlanFields.extend({
    confirm: z
      .boolean({ error: () => t('iepCalendar.next.confirmRequired') })
      .refine((v) => v === true, { error: () => t('iepCalendar.next.confirmRequired') }),
  }),
)
