import { z } from 'zod'
import { CHECK_STATUSES } from '../accommodation-fidelity.ts'
import { studentIdSchema } from './ids.ts'
import { idSchema, isoDateSchema } from './plan.ts'
import { textSchema } from './text.ts'

export const clientIdSchema = z
  .string({ error: 'A change id is required.' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'That change id is not valid.' })

export const recordCheckSchema = z
  .object({
    studentId: studentIdSchema,
    accommodationId: idSchema,
    date: isoDateSchema,
    status: z.enum(CHECK_STATUSES, { error: 'Choose Used, Not needed, Not provided or Declined.' }),
    reason: textSchema('The reason', 'multi-line').max(300, { error: 'Keep the reason under 300 characters.' }).optional(),
    clientId: clientIdSchema,
  })
  .refine((c) => c.status !== 'not_provided' || (c.reason ?? '').length > 0, {
    error: 'Say briefly why it was not provided.',
    path: ['reason'],
  })
export type RecordCheckInput = z.infer<typeof recordCheckSchema>

export const CHECK_LABELS = {
  used: 'Used',
  not_needed: 'Not needed',
  not_provided: 'Not provided',
  declined: 'Declined',
} as const
