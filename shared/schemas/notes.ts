import { z } from 'zod'
import { studentIdSchema } from './ids.ts'
import { boundedIsoDate } from './dates.ts'
import { textSchema } from './text.ts'

export const NOTEBOOK_TITLE_MAX = 80

export const notebookTitleSchema = textSchema('The title', 'one-line', { error: 'Give the notebook a title.' })
  .min(1, { error: 'Give the notebook a title.' })
  .max(NOTEBOOK_TITLE_MAX, { error: `Keep the title under ${NOTEBOOK_TITLE_MAX + 1} characters.` })

export const notebookIdSchema = z
  .string({ error: 'A notebook id is required.' })
  .min(1, { error: 'A notebook id is required.' })
  .max(64, { error: 'That notebook id is not valid.' })

export const createNotebookSchema = z.object({ studentId: studentIdSchema, title: notebookTitleSchema })
export const notebookInputSchema = z.object({ studentId: studentIdSchema, notebookId: notebookIdSchema })
export const renameNotebookSchema = notebookInputSchema.extend({ title: notebookTitleSchema })
export const listNotebooksSchema = z.object({ studentId: studentIdSchema, includeArchived: z.boolean().optional() })

export const daySchema = boundedIsoDate('Choose a day from the history.')
export const notebookDaySchema = notebookInputSchema.extend({ day: daySchema })

export const searchNotebooksSchema = z.object({
  studentId: studentIdSchema,
  query: textSchema('The search', 'one-line', { error: 'Type something to search for.' })
    .min(2, { error: 'Type at least 2 letters to search.' })
    .max(100, { error: 'Keep the search under 101 characters.' }),
})
