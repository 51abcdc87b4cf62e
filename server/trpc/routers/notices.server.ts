import { TRPCError } from '@trpc/server'
import { setCadenceSchema } from '#shared/schemas/notices.ts'
import { t } from '#shared/i18n/i18n.ts'
import { cadenceFor, myCadences, setCadence } from '../../services/notice-preferences.server.ts'
import { authedProcedure, router, studentProcedure } from '../trpc.server.ts'

export const noticesRouter = router({
  /** User-scoped: for each student whose team the caller is on, how they hear about it (their choice or the default). */
  myCadences: authedProcedure.query(({ ctx }) => myCadences(ctx.db, ctx.user.id)),
  /**
   * The caller's own choice for one student. Only a team member has one: a school admin who is not on the team
   * is refused, since nothing about the student is sent to them.
   */
  setCadence: studentProcedure('student.view')
    .input(setCadenceSchema)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now()
      if ((await cadenceFor(ctx.db, ctx.user.id, input.studentId)) === null) throw new TRPCError({ code: 'FORBIDDEN', message: t('notices.cadence.notOnTeam') })
      await setCadence(ctx.db, ctx.user.id, input.studentId, input.cadence, now)
      return { studentId: input.studentId, cadence: input.cadence }
    }),
})
