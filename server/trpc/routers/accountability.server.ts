import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { localIsoDate } from '#shared/school-date.ts'
import { isoDateSchema } from '#shared/schemas/plan.ts'
import { caseload, studentAccountability } from '../../services/accountability.server.ts'
import { authedProcedure, recordCaseloadRead, router, schoolProcedure, studentProcedure } from '../trpc.server.ts'

/** asOf: a real date, not in the future (the numbers of a day that has not happened are not evidence). */
function asOfSchema(now: () => Date) {
  return isoDateSchema.optional().refine((d) => !d || d <= localIsoDate(now()), { error: 'asOf cannot be in the future.' })
}

const asOfInput = z.object({ asOf: isoDateSchema.optional() })

function resolveAsOf(asOf: string | undefined, now: () => Date): string {
  const today = localIsoDate(now())
  const parsed = asOfSchema(now).safeParse(asOf)
  // A TRPCError, not a bare ZodError: zod 4's ZodError is not an Error, so tRPC wrapped it as a 500.
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ ...i, path: ['asOf'] }))
    throw new TRPCError({ code: 'BAD_REQUEST', message: issues[0]?.message ?? 'asOf is not valid.', cause: new z.ZodRealError(issues) })
  }
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
  school: schoolProcedure('school.calendar')
    .input(asOfInput)
    .query(async ({ ctx, input, path }) => {
      const rows = await caseload(ctx.db, { userId: ctx.user.id, asOf: resolveAsOf(input.asOf, ctx.now), scope: { schoolId: input.schoolId } })
      await recordCaseloadRead(ctx, rows.map((r) => r.studentId), 'records', path)
      return rows
    }),
})
