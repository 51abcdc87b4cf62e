import { acknowledgePlanChangeSchema } from '#shared/schemas/plan-changes.ts'
import { acknowledgePlanChange, listPlanChanges, unacknowledgedReductions } from '../../services/plan-changes.server.ts'
import { router, studentProcedure } from '../trpc.server.ts'

export const planChangesRouter = router({
  /** Everyone on the team, and the school admin, reads the changes and who in the family acknowledged them. */
  list: studentProcedure('plan.view').query(({ ctx, input }) => listPlanChanges(ctx.db, input.studentId)),
  /** The flag on the student page and in the brief. */
  unacknowledgedReductions: studentProcedure('plan.view').query(({ ctx, input }) => unacknowledgedReductions(ctx.db, input.studentId)),
  /** Only a parent of this student acknowledges, for themselves. */
  acknowledge: studentProcedure('plan.acknowledgeChange')
    .input(acknowledgePlanChangeSchema)
    .mutation(({ ctx, input }) => acknowledgePlanChange(ctx.db, { studentId: input.studentId, planChangeId: input.planChangeId, userId: ctx.user.id, now: ctx.now() })),
})
