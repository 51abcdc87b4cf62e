import { z } from 'zod'
import { MISSED_REASONS } from '../services.ts'
import { studentIdSchema } from './ids.ts'
import { idSchema, isoDateSchema, weekdaySchema } from './plan.ts'
import { textSchema } from './text.ts'

export const minutesSchema = z
  .number({ error: 'Enter the minutes as a number.' })
  .int({ error: 'Use whole minutes.' })
  .min(1, { error: 'Minutes must be more than 0.' })
  .max(240, { error: 'Minutes must be 240 or fewer.' })

export const weekdaysSchema = z
  .array(weekdaySchema)
  .min(1, { error: 'Choose at least one weekday.' })
  .max(5)
  .refine((days) => new Set(days).size === days.length, { error: 'Each weekday once.' })

export const missedReasonSchema = z.enum(MISSED_REASONS, {
  error: `Choose a reason: ${MISSED_REASONS.join(', ')}.`,
})

const serviceBase = z.object({
  name: textSchema('The service name', 'one-line').min(1, { error: 'Name the service.' }).max(120),
  providerId: idSchema,
  minutesPerSession: minutesSchema,
  weekdays: weekdaysSchema,
  setting: z.enum(['push-in', 'pull-out'], { error: 'Choose push-in or pull-out.' }),
  grouping: z.enum(['group', 'individual'], { error: 'Choose group or individual.' }),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
})

export const createServiceSchema = serviceBase
  .extend({ studentId: studentIdSchema })
  .refine((s) => s.endDate >= s.startDate, { error: 'The end date must be on or after the start date.', path: ['endDate'] })

export const amendServiceSchema = z.object({
  studentId: studentIdSchema,
  serviceId: idSchema,
  effectiveFrom: isoDateSchema,
  minutesPerSession: minutesSchema,
  weekdays: weekdaysSchema,
  note: textSchema('The note', 'multi-line').max(300).optional(),
})

const changeReason = textSchema('The reason', 'multi-line').min(1, { error: 'Say why this record is changed.' }).max(300)

export const recordSessionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      studentId: studentIdSchema,
      serviceId: idSchema,
      kind: z.literal('delivered'),
      date: isoDateSchema,
      minutes: minutesSchema,
      note: textSchema('The note', 'multi-line').max(500).optional(),
    }),
    z.object({
      studentId: studentIdSchema,
      serviceId: idSchema,
      kind: z.literal('missed'),
      date: isoDateSchema,
      reason: missedReasonSchema,
      note: textSchema('The note', 'multi-line').max(500).optional(),
    }),
    z.object({
      studentId: studentIdSchema,
      serviceId: idSchema,
      kind: z.literal('make_up'),
      date: isoDateSchema,
      minutes: minutesSchema,
      repaysDate: isoDateSchema,
      note: textSchema('The note', 'multi-line').max(500).optional(),
    }),
  ],
  { error: 'Choose delivered, missed or make-up.' },
)
export type RecordSessionInput = z.infer<typeof recordSessionSchema>

export const correctSessionSchema = z.object({
  studentId: studentIdSchema,
  recordId: idSchema,
  kind: z.enum(['delivered', 'missed']).optional(),
  minutes: minutesSchema.optional(),
  reason: missedReasonSchema.optional(),
  note: textSchema('The note', 'multi-line').max(500).optional(),
  changeReason,
})

export const voidSessionSchema = z.object({ studentId: studentIdSchema, recordId: idSchema, changeReason })

export const weekSchema = z.object({ weekOf: isoDateSchema.optional() })
