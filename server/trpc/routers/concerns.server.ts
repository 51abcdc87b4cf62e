import { localIsoDate } from '#shared/school-date.ts'
import {
  addConcernUpdateSchema,
  concernRefSchema,
  createConcernSchema,
  disputeRecordSchema,
  editConcernSchema,
  escalateConcernSchema,
  linkRecordsSchema,
  takeBackStepSchema,
  recordAgreementSchema,
  addAgreementItemSchema,
  markItemDoneSchema,
  shareConcernSchema,
  withdrawDisputeSchema,
} from '#shared/schemas/concerns.ts'
import { z } from 'zod'
import { DISPUTE_KINDS } from '#shared/schemas/concerns.ts'
import { idSchema } from '#shared/schemas/plan.ts'
import { concernSide } from '#shared/concerns.ts'
import { letterFacts } from '../../services/concern-letters.server.ts'
import { concernLetters, concernsWithUnansweredLetters, letterRecipients, markLetterSent, recordLetterResponse, sendLetter } from '../../services/letters-sent.server.ts'
import { markLetterSentSchema, recordLetterResponseSchema, sendLetterSchema } from '#shared/schemas/letters.ts'
import { concernLogRows, getConcern, linkableRecords, listConcerns, openConcerns } from '../../services/concerns-read.server.ts'
import {
  addAgreementItem,
  addConcernUpdate,
  createConcern,
  editConcern,
  escalateConcern,
  linkConcernRecords,
  markAgreementItemDone,
  recordAgreement,
  shareConcern,
  takeBackConcernStep,
} from '../../services/concerns-write.server.ts'
import { disputeHistory, disputeRecord, listDisputes, withdrawDispute } from '../../services/disputes.server.ts'
import { owns, readableConcernCheck, requireOwned, seesFamilyOnly } from '../owned.server.ts'
import { router, studentProcedure } from '../trpc.server.ts'

type Ctx = Parameters<typeof seesFamilyOnly>[0] & { now: () => Date }

/** Who reads and writes: the student, whether family-only concerns exist for the caller, and (for writes) when. */
function viewer(ctx: Ctx, studentId: string) {
  return { studentId, seesFamilyOnly: seesFamilyOnly(ctx), today: localIsoDate(ctx.now()) }
}

function writer(ctx: Ctx, studentId: string) {
  return { ...viewer(ctx, studentId), actorId: ctx.user.id, now: ctx.now() }
}

/** The caller's side must have logged the concern (and the caller must be able to read it at all). */
async function requireOwnSide(ctx: Ctx, studentId: string, concernId: string): Promise<void> {
  requireOwned(ctx, 'concern.editOwnSide', await readableConcernCheck(ctx, studentId, concernId))
}

export const concernsRouter = router({
  /** The concerns the caller may see: family-only ones only for the student's parents. */
  list: studentProcedure('concerns.view').query(async ({ ctx, input }) => {
    const v = viewer(ctx, input.studentId)
    const list = await listConcerns(ctx.db, v)
    const unanswered = await concernsWithUnansweredLetters(
      ctx.db,
      list.map((c) => c.id),
      v.today,
    )
    return list.map((c) => ({ ...c, unansweredLetter: unanswered.has(c.id) }))
  }),
  open: studentProcedure('concerns.view').query(({ ctx, input }) => openConcerns(ctx.db, viewer(ctx, input.studentId))),
  get: studentProcedure('concerns.view', 'concern.read')
    .input(concernRefSchema)
    .query(async ({ ctx, input }) => {
      await readableConcernCheck(ctx, input.studentId, input.concernId)
      const concern = await getConcern(ctx.db, { ...input, ...viewer(ctx, input.studentId) })
      return { ...concern, canEdit: owns(ctx, 'concern.editOwnSide', { loggedBy: concern.createdByRole }) }
    }),
  /** The records a concern can be about, to choose from. */
  linkable: studentProcedure('concerns.create').query(({ ctx, input }) => linkableRecords(ctx.db, input.studentId)),
  letter: studentProcedure('concerns.view', 'concern.read')
    .input(concernRefSchema)
    .query(async ({ ctx, input }) => {
      await readableConcernCheck(ctx, input.studentId, input.concernId)
      return letterFacts(ctx.db, { ...input, ...viewer(ctx, input.studentId) })
    }),
  /** The concern's letters sent (by email or by hand), each flagged when unanswered past its due date. */
  letters: studentProcedure('concerns.view', 'concern.read')
    .input(concernRefSchema)
    .query(async ({ ctx, input }) => {
      await readableConcernCheck(ctx, input.studentId, input.concernId)
      return concernLetters(ctx.db, { ...input, ...viewer(ctx, input.studentId) })
    }),
  /** The school-side team a letter may be addressed to (names and emails, as the team page shows them). */
  letterRecipients: studentProcedure('concerns.respond').query(({ ctx, input }) => letterRecipients(ctx.db, input.studentId)),
  sendLetter: studentProcedure('concerns.respond', 'concern.read')
    .input(sendLetterSchema)
    .mutation(async ({ ctx, input }) => {
      await readableConcernCheck(ctx, input.studentId, input.concernId)
      return sendLetter(ctx.db, { ...input, ...writer(ctx, input.studentId) })
    }),
  markLetterSent: studentProcedure('concerns.respond', 'concern.read')
    .input(markLetterSentSchema)
    .mutation(async ({ ctx, input }) => {
      await readableConcernCheck(ctx, input.studentId, input.concernId)
      return markLetterSent(ctx.db, { ...input, ...writer(ctx, input.studentId) })
    }),
  recordLetterResponse: studentProcedure('concerns.respond', 'concern.read')
    .input(recordLetterResponseSchema)
    .mutation(async ({ ctx, input }) => {
      await readableConcernCheck(ctx, input.studentId, input.concernId)
      return recordLetterResponse(ctx.db, { ...input, ...writer(ctx, input.studentId) })
    }),
  /** Rows for the CSV export, visibility applied. */
  log: studentProcedure('concerns.view').query(({ ctx, input }) => concernLogRows(ctx.db, viewer(ctx, input.studentId))),
  create: studentProcedure('concerns.create')
    .input(createConcernSchema)
    .mutation(({ ctx, input }) => createConcern(ctx.db, { ...input, ...writer(ctx, input.studentId), side: concernSide(ctx.access.role) })),
  edit: studentProcedure('concerns.edit', 'concern.editOwnSide')
    .input(editConcernSchema)
    .mutation(async ({ ctx, input }) => {
      await requireOwnSide(ctx, input.studentId, input.concernId)
      return editConcern(ctx.db, { ...input, ...writer(ctx, input.studentId) })
    }),
  addUpdate: studentProcedure('concerns.respond', 'concern.read')
    .input(addConcernUpdateSchema)
    .mutation(async ({ ctx, input }) => {
      await readableConcernCheck(ctx, input.studentId, input.concernId)
      return addConcernUpdate(ctx.db, { ...input, ...writer(ctx, input.studentId) })
    }),
  link: studentProcedure('concerns.edit', 'concern.editOwnSide')
    .input(linkRecordsSchema)
    .mutation(async ({ ctx, input }) => {
      await requireOwnSide(ctx, input.studentId, input.concernId)
      return linkConcernRecords(ctx.db, { ...input, ...writer(ctx, input.studentId) })
    }),
  escalate: studentProcedure('concerns.edit', 'concern.editOwnSide')
    .input(escalateConcernSchema)
    .mutation(async ({ ctx, input }) => {
      await requireOwnSide(ctx, input.studentId, input.concernId)
      return escalateConcern(ctx.db, { ...input, step: input.step as 1 | 2 | 3 | 4 | 5 | 6, ...writer(ctx, input.studentId) })
    }),
  /** A concern ended with an agreement (docs/domain.md#agreements): the parent or the case manager, on a concern they can read. */
  recordAgreement: studentProcedure('concerns.agree', 'concern.read')
    .input(recordAgreementSchema)
    .mutation(async ({ ctx, input }) => {
      await readableConcernCheck(ctx, input.studentId, input.concernId)
      return recordAgreement(ctx.db, { ...input, ...writer(ctx, input.studentId) })
    }),
  addAgreementItem: studentProcedure('concerns.agree', 'concern.read')
    .input(addAgreementItemSchema)
    .mutation(async ({ ctx, input }) => {
      await readableConcernCheck(ctx, input.studentId, input.concernId)
      return addAgreementItem(ctx.db, { ...input, ...writer(ctx, input.studentId) })
    }),
  markItemDone: studentProcedure('concerns.agree', 'concern.read')
    .input(markItemDoneSchema)
    .mutation(async ({ ctx, input }) => {
      await readableConcernCheck(ctx, input.studentId, input.concernId)
      return markAgreementItemDone(ctx.db, { ...input, ...writer(ctx, input.studentId) })
    }),
  /** A family-only concern shared with the team, by the family; never the other way. */
  share: studentProcedure('concerns.share', 'concern.read')
    .input(shareConcernSchema)
    .mutation(async ({ ctx, input }) => {
      await readableConcernCheck(ctx, input.studentId, input.concernId)
      return shareConcern(ctx.db, { ...input, ...writer(ctx, input.studentId) })
    }),
  /** A step recorded by mistake is taken back by the side that may move the concern: a new entry, never a deletion. */
  takeBackStep: studentProcedure('concerns.edit', 'concern.editOwnSide')
    .input(takeBackStepSchema)
    .mutation(async ({ ctx, input }) => {
      await requireOwnSide(ctx, input.studentId, input.concernId)
      return takeBackConcernStep(ctx.db, { ...input, ...writer(ctx, input.studentId) })
    }),
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
