import { localIsoDate } from '#shared/school-date.ts'
import { describeSchoolDay } from '#shared/school-day.ts'
import { calendarForStudent } from '../../services/calendar.server.ts'
import { listMyStudents } from '../../services/memberships.server.ts'
import { authedProcedure, router, studentProcedure } from '../trpc.server.ts'

export const studentsRouter = router({
  mine: authedProcedure.query(({ ctx }) => listMyStudents(ctx.db, ctx.user.id, ctx.now())),
  get: studentProcedure('student.view').query(({ ctx }) => ({ ...ctx.access.student, role: ctx.access.role })),
  /** What kind of day today is at the student's school, and the next school day (the goal card's day). */
  schoolDay: studentProcedure('student.view').query(async ({ ctx, input }) =>
    describeSchoolDay(localIsoDate(ctx.now()), await calendarForStudent(ctx.db, input.studentId)),
  ),
})
