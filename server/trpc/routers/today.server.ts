import { z } from 'zod'
import { localIsoDate } from '#shared/school-date.ts'
import { isoDateSchema } from '#shared/schemas/plan.ts'
import { recordCheckSchema } from '#shared/schemas/today.ts'
import { checkHistory, checkLog, recordCheck, studentRecentFidelity } from '../../services/accommodation-checks.server.ts'
import { todayForUser } from '../../services/today.server.ts'
import { viewDate } from '../as-of.server.ts'
import { authedProcedure, recordCaseloadRead, router, studentProcedure } from '../trpc.server.ts'

export const todayRouter = router({
  /** User-scoped: lists only the caller's own students (listMyStudents), each with its role's rights. */
  forMe: authedProcedure.input(z.object({ date: isoDateSchema.optional() })).query(async ({ ctx, input, path }) => {
    const today = localIsoDate(ctx.now())
    const view = await todayForUser(ctx.db, ctx.user.id, viewDate(input.date, 'date', ctx.now), today)
    await recordCaseloadRead(ctx, view.students.map((s) => s.id), 'today', path)
    return view
  }),
})

export const checksRouter = router({
  record: studentProcedure('accommodation.check')
    .input(recordCheckSchema)
    .mutation(({ ctx, input }) => recordCheck(ctx.db, { ...input, actorId: ctx.user.id, now: ctx.now(), today: localIsoDate(ctx.now()) })),
  history: studentProcedure('plan.view')
    .input(z.object({ accommodationId: z.string().min(1).max(64), date: isoDateSchema }))
    .query(({ ctx, input }) => checkHistory(ctx.db, input.studentId, input.accommodationId, input.date)),
  /** Every check record of the student, for the records page where a parent may dispute one. */
  log: studentProcedure('plan.view').query(({ ctx, input }) => checkLog(ctx.db, input.studentId)),
  fidelity: studentProcedure('plan.view')
    .input(z.object({ asOf: isoDateSchema.optional() }))
    .query(({ ctx, input }) => studentRecentFidelity(ctx.db, input.studentId, viewDate(input.asOf, 'asOf', ctx.now))),
})
