import {
  createNotebookSchema,
  listNotebooksSchema,
  notebookDaySchema,
  notebookInputSchema,
  renameNotebookSchema,
  searchNotebooksSchema,
} from '#shared/schemas/notes.ts'
import {
  archiveNotebook,
  createNotebook,
  getNotebook,
  getNotebookContent,
  getNotebookDay,
  listNotebookHistory,
  listNotebooks,
  renameNotebook,
  restoreNotebookDay,
  searchNotebooks,
} from '../../services/notebooks.server.ts'
import { actor, router, studentProcedure } from '../trpc.server.ts'

export const notebooksRouter = router({
  list: studentProcedure('notes.view')
    .input(listNotebooksSchema)
    .query(({ ctx, input }) => listNotebooks(ctx.db, input.studentId, input.includeArchived ?? false)),
  get: studentProcedure('notes.view')
    .input(notebookInputSchema)
    .query(({ ctx, input }) => getNotebook(ctx.db, input.studentId, input.notebookId)),
  content: studentProcedure('notes.view')
    .input(notebookInputSchema)
    .query(({ ctx, input }) => getNotebookContent(ctx.db, input.studentId, input.notebookId)),
  search: studentProcedure('notes.view')
    .input(searchNotebooksSchema)
    .query(({ ctx, input }) => searchNotebooks(ctx.db, input.studentId, input.query)),
  history: studentProcedure('notes.view')
    .input(notebookInputSchema)
    .query(({ ctx, input }) => listNotebookHistory(ctx.db, input.studentId, input.notebookId)),
  day: studentProcedure('notes.view')
    .input(notebookDaySchema)
    .query(({ ctx, input }) => getNotebookDay(ctx.db, input.studentId, input.notebookId, input.day)),
  create: studentProcedure('notes.manage')
    .input(createNotebookSchema)
    .mutation(({ ctx, input }) => createNotebook(ctx.db, { studentId: input.studentId, title: input.title, ...actor(ctx) })),
  rename: studentProcedure('notes.manage')
    .input(renameNotebookSchema)
    .mutation(({ ctx, input }) =>
      renameNotebook(ctx.db, { studentId: input.studentId, notebookId: input.notebookId, title: input.title, ...actor(ctx) }),
    ),
  archive: studentProcedure('notes.manage')
    .input(notebookInputSchema)
    .mutation(({ ctx, input }) =>
      archiveNotebook(ctx.db, { studentId: input.studentId, notebookId: input.notebookId, ...actor(ctx) }),
    ),
  restore: studentProcedure('notes.manage')
    .input(notebookDaySchema)
    .mutation(({ ctx, input }) =>
      restoreNotebookDay(ctx.db, { studentId: input.studentId, notebookId: input.notebookId, day: input.day, ...actor(ctx) }),
    ),
})
