import { listMyStudents } from '../../services/memberships.server.ts'
import { authedProcedure, router, studentProcedure } from '../trpc.server.ts'

export const studentsRouter = router({
  mine: authedProcedure.query(({ ctx }) => listMyStudents(ctx.db, ctx.user.id)),
  get: studentProcedure('student.view').query(({ ctx }) => ({ ...ctx.access.student, role: ctx.access.role })),
})
