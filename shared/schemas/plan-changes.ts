import { z } from '../zod.ts'
import { studentIdSchema } from './ids.ts'
import { idSchema } from './plan.ts'

export const acknowledgePlanChangeSchema = z.object({ studentId: studentIdSchema, planChangeId: idSchema })
/** The form's fields: the student comes from the page's address. */
export const acknowledgePlanChangeFormSchema = z.object({ planChangeId: idSchema })
