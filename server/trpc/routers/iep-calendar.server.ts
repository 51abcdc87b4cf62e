import { localIsoDate } from '#shared/school-date.ts'
import { setIepDatesSchema, startNextPlanSchema } from '#shared/schemas/iep-calendar.ts'
import { calendarKeptBy, currentPlan, dueForStudents, endedGoals, planYears, setIepDates, startNextPlan } from '../../services/iep-calendar.server.ts'
import { authedProcedure, recordCaseloadRead, router, studentProcedure } from '../trpc.server.ts'

/** The IEP's own calendar (docs/iep-calendar.md). */
export const iepCalendarRouter = router({
  /** The current plan's dates, the earlier plan years and the goals that ended with them: everyone who reads the plan. */
  get: studentProcedure('plan.view').query(async ({ ctx, input }) => {
    const [plan, years, ended] = await Promise.all([currentPlan(ctx.db, input.studentId), planYears(ctx.db, input.studentId), endedGoals(ctx.db, input.studentId)])
    return { plan, years, endedGoals: ended }
  }),
  setDates: studentProcedure('iep.editDates')
    .input(setIepDatesSchema)
    .mutation(({ ctx, input }) => {
      const { studentId, ...dates } = input
      return setIepDates(ctx.db, { studentId, dates, actorId: ctx.user.id, now: ctx.now() })
    }),
  startNext: studentProcedure('plan.startNext')
    .input(startNextPlanSchema)
    .mutation(({ ctx, input }) => startNextPlan(ctx.db, { studentId: input.studentId, input, actorId: ctx.user.id, now: ctx.now() })),
  /** User-scoped: what is due within 30 days or late for the students whose calendar the caller keeps (their caseload). */
  dueForMe: authedProcedure.query(async ({ ctx, path }) => {
    const studentIds = await calendarKeptBy(ctx.db, ctx.user.id)
    const items = await dueForStudents(ctx.db, studentIds, localIsoDate(ctx.now()))
    await recordCaseloadRead(ctx, [...new Set(items.map((i) => i.studentId))], 'plan', path)
    return items
  }),
})
