import { localIsoDate } from '#shared/school-date.ts'
import {
  addConcernUpdateSchema,
  concernRefSchema,
  createConcernSchema,
  disputeRecordSchema,
  editConcernSchema,
  escalateConcernSchema,
  linkRecordsSchema,
  withdrawDisputeSchema,
} from '#shared/schemas/concerns.ts'
import { z } from 'zod'
import { DISPUTE_KINDS } from '#shared/schemas/concerns.ts'
import { idSchema } from '#shared/schemas/plan.ts'
import {
  addConcernUpdate,
  concernLogRows,
  createConcern,
  editConcern,
  escalateConcern,
  getConcern,
  letterFacts,
  linkableRecords,
  linkConcernRecords,
  listConcerns,
  openConcerns,
} from '../../services/concerns.server.ts'
import { disputeHistory, disputeRecord, listDisputes, withdrawDispute } from '../../services/disputes.server.ts'
import { router, studentProcedure } from '../trpc.server.ts'

export const concernsRouter = router({
  /** The concerns the caller may see: family-only ones only for the student's parents. */
  list: studentProcedure('concerns.view').query(({ ctx, input }) =>
    listConcerns(ctx.db, { studentId: input.studentId, role: ctx.access.role, today: localIsoDate(ctx.now()) }),
  ),
  open: studentProcedure('concerns.view').query(({ ctx, input }) => openConcerns(ctx.db, { studentId: input.studentId, role: ctx.access.role })),
  get: studentProcedure('concerns.view')
    .input(concernRefSchema)
    .query(({ ctx, input }) => getConcern(ctx.db, { ...input, role: ctx.access.role, today: localIsoDate(ctx.now()) })),
  /** The records a concern can be about, to choose from. */
  linkable: studentProcedure('concerns.create').query(({ ctx, input }) => linkableRecords(ctx.db, input.studentId)),
  letter: studentProcedure('concerns.view')
    .input(concernRefSchema)
    .query(({ ctx, input }) => letterFacts(ctx.db, { ...input, role: ctx.access.role, today: localIsoDate(ctx.now()) })),
  /** Rows for the CSV export, visibility applied. */
  log: studentProcedure('concerns.view').query(({ ctx, input }) =>
    concernLogRows(ctx.db, { studentId: input.studentId, role: ctx.access.role, today: localIsoDate(ctx.now()) }),
  ),
  create: studentProcedure('concerns.create')
    .input(createConcernSchema)
    .mutation(({ ctx, input }) => createConcern(ctx.db, { ...input, role: ctx.access.role, actorId: ctx.user.id, now: ctx.now(), today: localIsoDate(ctx.now()) })),
  edit: studentProcedure('concerns.edit')
    .input(editConcernSchema)
    .mutation(({ ctx, input }) => editConcern(ctx.db, { ...input, role: ctx.access.role, actorId: ctx.user.id, now: ctx.now(), today: localIsoDate(ctx.now()) })),
  addUpdate: studentProcedure('concerns.respond')
    .input(addConcernUpdateSchema)
    .mutation(({ ctx, input }) => addConcernUpdate(ctx.db, { ...input, role: ctx.access.role, actorId: ctx.user.id, now: ctx.now(), today: localIsoDate(ctx.now()) })),
  link: studentProcedure('concerns.edit')
    .input(linkRecordsSchema)
    .mutation(({ ctx, input }) => linkConcernRecords(ctx.db, { ...input, role: ctx.access.role, actorId: ctx.user.id, now: ctx.now() })),
  escalate: studentProcedure('concerns.edit')
    .input(escalateConcernSchema)
    .mutation(({ ctx, input }) =>
      escalateConcern(ctx.db, { ...input, step: input.step as 1 | 2 | 3 | 4 | 5 | 6, role: ctx.access.role, actorId: ctx.user.id, now: ctx.now(), today: localIsoDate(ctx.now()) }),
    ),
})

export const disputesRouter = router({
  /** The disputes that stand on the student's records: every team member sees them. */
  list: studentProcedure('plan.view').query(({ ctx, input }) => listDisputes(ctx.db, input.studentId)),
  history: studentProcedure('plan.view')
    .input(z.object({ kind: z.enum(DISPUTE_KINDS), recordId: idSchema }))
    .query(({ ctx, input }) => disputeHistory(ctx.db, input.studentId, input.kind, input.recordId)),
  flag: studentProcedure('records.dispute')
    .input(disputeRecordSchema)
    .mutation(({ ctx, input }) => disputeRecord(ctx.db, { ...input, actorId: ctx.user.id, now: ctx.now() })),
  withdraw: studentProcedure('records.dispute')
    .input(withdrawDisputeSchema)
    .mutation(({ ctx, input }) => withdrawDispute(ctx.db, { ...input, actorId: ctx.user.id, now: ctx.now() })),
})
