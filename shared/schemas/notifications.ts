import { z } from 'zod'

export const markSeenSchema = z.object({
  id: z
    .string({ error: 'A notification id is required.' })
    .trim()
    .min(1, { error: 'A notification id is required.' })
    .max(64, { error: 'That notification id is not valid.' }),
})

export const myNotificationsSchema = z.object({ unseen: z.boolean({ error: 'unseen must be true or false.' }).optional() }).optional()
