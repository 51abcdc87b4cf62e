import { localIsoDate } from '#shared/school-date.ts'
import { markSeenSchema, myNotificationsSchema } from '#shared/schemas/notifications.ts'
import { activeAlertsFor } from '../../services/active-alerts.server.ts'
import { markNotificationSeen, myNotifications, sentForStudent } from '../../services/notifications.server.ts'
import { authedProcedure, router, studentProcedure } from '../trpc.server.ts'

export const notificationsRouter = router({
  /** User-scoped: the caller's own notices, about students whose team they are on. */
  mine: authedProcedure.input(myNotificationsSchema).query(({ ctx, input }) => myNotifications(ctx.db, ctx.user.id, { unseen: input?.unseen })),
  /** User-scoped: only the caller's own notice; anyone else's id is NOT_FOUND. */
  markSeen: authedProcedure.input(markSeenSchema).mutation(({ ctx, input }) => markNotificationSeen(ctx.db, { userId: ctx.user.id, id: input.id, now: ctx.now() })),
  /** User-scoped: today's accountability alerts for the students the caller is parent or case manager of. */
  alerts: authedProcedure.query(({ ctx }) => activeAlertsFor(ctx.db, ctx.user.id, localIsoDate(ctx.now()))),
  /** The school's view: every notice sent to the family about this student, and when each was seen. */
  forStudent: studentProcedure('notifications.viewSent').query(({ ctx, input }) => sentForStudent(ctx.db, input.studentId)),
})
