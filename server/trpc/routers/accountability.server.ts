import { z } from 'zod'
import { localIsoDate } from '#shared/school-date.ts'
import { isoDateSchema } from '#shared/schemas/plan.ts'
import { caseload, studentAccountability } from '../../services/accountability.server.ts'
import { refuseField } from '../as-of.server.ts'
import { authedProcedure, recordCaseloadRead, router, schoolProcedure, studentProcedure } from '../trpc.server.ts'
import { t } from '#shared/i18n/i18n.ts'

const asOfInput = z.object({ asOf: isoDateSchema.optional() })

/** asOf: a date in range (the schema), not in the future (the numbers of a day that has not happened are not evidence). */
function resolveAsOf(asOf: string | undefined, now: () => Date): string {
  const today = localIsoDate(now())
  if (asOf !== undefined && asOf > today) refuseField('asOf', t('refusals.asOfFuture'))
  return asOf ?? today
}

export const accountabilityRouter = router({
  student: studentProcedure('plan.view')
    .input(asOfInput)
    .query(({ ctx, input }) => studentAccountability(ctx.db, input.studentId, resolveAsOf(input.asOf, ctx.now))),
  /** User-scoped: the caller's own caseload (students they case-manage, services they provide). */
  caseload: authedProcedure.input(asOfInput).query(async ({ ctx, input, path }) => {
    const rows = await caseload(ctx.db, { userId: ctx.user.id, asOf: resolveAsOf(input.asOf, ctx.now), scope: 'mine' })
    await recordCaseloadRead(ctx, rows.map((r) => r.studentId), 'records', path)
    return rows
  }),
  school: schoolProcedure('school.accountability')
    .input(asOfInput)
    .query(async ({ ctx, input, path }) => {
      const rows = await caseload(ctx.db, { userId: ctx.user.id, asOf: resolveAsOf(input.asOf, ctx.now), scope: { schoolId: input.schoolId } })
      await recordCaseloadRead(ctx, rows.map((r) => r.studentId), 'records', path)
      return rows
    }),
})
