import { z } from '../zod.ts'
import { studentIdSchema } from './ids.ts'
import { idSchema, isoDateSchema } from './plan.ts'
import { changeReason } from './services.ts'

/** A make-up planned ahead: the missed session it will repay and the day it is planned for. */
export const planMakeUpSchema = z.object({ studentId: studentIdSchema, serviceId: idSchema, repaysDate: isoDateSchema, plannedDate: isoDateSchema })
export const moveMakeUpPlanSchema = z.object({ studentId: studentIdSchema, planId: idSchema, plannedDate: isoDateSchema, changeReason })
export const cancelMakeUpPlanSchema = z.object({ studentId: studentIdSchema, planId: idSchema, changeReason })

/** The week's plan forms post to the week's action with their intent and target (the service, or the plan). */
const target = { target: z.string().max(200).default('') }
export const makeUpPlanFormSchema = z.discriminatedUnion('intent', [
  planMakeUpSchema.extend({ ...target, intent: z.literal('plan_make_up') }),
  moveMakeUpPlanSchema.extend({ ...target, intent: z.literal('move_make_up') }),
  cancelMakeUpPlanSchema.extend({ ...target, intent: z.literal('cancel_make_up') }),
])
export type MakeUpPlanForm = z.infer<typeof makeUpPlanFormSchema>
export type MakeUpPlanIntent = MakeUpPlanForm['intent']
export const MAKE_UP_PLAN_INTENTS = ['plan_make_up', 'move_make_up', 'cancel_make_up'] as const satisfies readonly MakeUpPlanIntent[]
