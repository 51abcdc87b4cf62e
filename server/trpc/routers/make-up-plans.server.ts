import { DomainError } from '#shared/domain-error.ts'
import { t } from '#shared/i18n/i18n.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { cancelMakeUpPlanSchema, moveMakeUpPlanSchema, planMakeUpSchema } from '#shared/schemas/make-up-plans.ts'
import { currentPlans } from '../../services/make-up-plan-store.server.ts'
import { cancelMakeUpPlan, moveMakeUpPlan, planMakeUp, plannedMakeUps } from '../../services/make-up-plans.server.ts'
import { type OwnedCheck, requireOwned, serviceCheck } from '../owned.server.ts'
import { studentProcedure } from '../trpc.server.ts'

type Ctx = Parameters<typeof serviceCheck>[0]

/** A plan belongs to its service: the service's provider (and the case manager) may move or cancel it. */
async function planCheck(ctx: Ctx, studentId: string, planId: string): Promise<OwnedCheck<'sessions.recordForService'>> {
  const [plan] = await currentPlans(ctx.db, { planId, studentId })
  if (!plan) throw new DomainError('NOT_FOUND', t('sessions.plannedMakeUps.refusals.notFound'))
  return serviceCheck(ctx, studentId, plan.serviceId)
}

/**
 * Make-ups planned ahead (docs/domain.md#planned-make-ups), in the sessions router: everyone on the team sees the
 * open plans; planning, moving and cancelling is recording a session's make-up, so the same rule applies.
 */
export const makeUpPlanProcedures = {
  plannedMakeUps: studentProcedure('plan.view').query(({ ctx, input }) => plannedMakeUps(ctx.db, input.studentId)),
  planMakeUp: studentProcedure('sessions.record', 'sessions.recordForService')
    .input(planMakeUpSchema)
    .mutation(async ({ ctx, input }) => {
      requireOwned(ctx, 'sessions.recordForService', await serviceCheck(ctx, input.studentId, input.serviceId))
      return planMakeUp(ctx.db, { ...input, actorId: ctx.user.id, now: ctx.now(), today: localIsoDate(ctx.now()) })
    }),
  moveMakeUpPlan: studentProcedure('sessions.record', 'sessions.recordForService')
    .input(moveMakeUpPlanSchema)
    .mutation(async ({ ctx, input }) => {
      requireOwned(ctx, 'sessions.recordForService', await planCheck(ctx, input.studentId, input.planId))
      return moveMakeUpPlan(ctx.db, { ...input, actorId: ctx.user.id, now: ctx.now(), today: localIsoDate(ctx.now()) })
    }),
  cancelMakeUpPlan: studentProcedure('sessions.record', 'sessions.recordForService')
    .input(cancelMakeUpPlanSchema)
    .mutation(async ({ ctx, input }) => {
      requireOwned(ctx, 'sessions.recordForService', await planCheck(ctx, input.studentId, input.planId))
      return cancelMakeUpPlan(ctx.db, { ...input, actorId: ctx.user.id, now: ctx.now() })
    }),
}
