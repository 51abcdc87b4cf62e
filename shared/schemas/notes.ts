import { z } from '../zod.ts'
import { studentIdSchema } from './ids.ts'
import { boundedIsoDate } from './dates.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { textSchema } from './text.ts'
import { notes } from '../i18n/en/notes.ts'

addSections({ notes })

export const NOTEBOOK_TITLE_MAX = 80

export const notebookTitleSchema = textSchema(() => t('notes.schema.titleLabel'), 'one-line', { error: () => t('notes.schema.titleRequired') })
  .min(1, { error: () => t('notes.schema.titleRequired') })
  .max(NOTEBOOK_TITLE_MAX, { error: () => t('notes.schema.titleTooLong', { max: NOTEBOOK_TITLE_MAX + 1 }) })

export const notebookIdSchema = z
  .string({ error: () => t('notes.schema.idRequired') })
  .min(1, { error: () => t('notes.schema.idRequired') })
  .max(64, { error: () => t('notes.schema.idInvalid') })

export const createNotebookSchema = z.object({ studentId: studentIdSchema, title: notebookTitleSchema })
export const notebookInputSchema = z.object({ studentId: studentIdSchema, notebookId: notebookIdSchema })
export const renameNotebookSchema = notebookInputSchema.extend({ title: notebookTitleSchema })
export const listNotebooksSchema = z.object({ studentId: studentIdSchema, includeArchived: z.boolean().optional() })

export const daySchema = boundedIsoDate(() => t('notes.chooseHistoryDay'))
export const notebookDaySchema = notebookInputSchema.extend({ day: daySchema })

export const searchNotebooksSchema = z.object({
  studentId: studentIdSchema,
  query: textSchema(() => t('notes.schema.searchLabel'), 'one-line', { error: () => t('notes.schema.searchRequired') })
    .min(2, { error: () => t('notes.schema.searchTooShort') })
    .max(100, { error: () => t('notes.schema.searchTooLong') }),
})

/** The notebook page's two forms, told apart by their `intent`: renaming takes the title's own rules. */
export const notebookFormSchema = z.discriminatedUnion('intent', [
  renameNotebookSchema.pick({ title: true }).extend({ intent: z.literal('rename') }),
  z.object({ intent: z.literal('archive') }),
])

/** Restoring a day of the history: the day as the history procedures take it. */
export const restoreDayFormSchema = notebookDaySchema.pick({ day: true })
