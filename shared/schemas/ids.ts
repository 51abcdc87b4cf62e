import { z } from 'zod'

export const studentIdSchema = z
  .string({ error: 'A student id is required.' })
  .min(1, { error: 'A student id is required.' })
  .max(64, { error: 'That student id is not valid.' })
