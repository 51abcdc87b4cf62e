import { listAccess } from '../../services/record-access.server.ts'
import { router, studentProcedure } from '../trpc.server.ts'

export const accessRouter = router({
  /** Who at school opened the student's records, newest first (FERPA 34 CFR 99.32). */
  list: studentProcedure('access.view').query(({ ctx, input }) => listAccess(ctx.db, input.studentId)),
})
