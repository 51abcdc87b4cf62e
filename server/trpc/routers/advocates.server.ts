import { mailIsSent } from '../../mail/mail-mode.server.ts'
import { grantAdvocateSchema, revokeAdvocateSchema } from '#shared/schemas/advocates.ts'
import { currentAdvocates, endedGrantsOf, grantAdvocate, listAdvocateGrants, revokeAdvocate } from '../../services/advocates.server.ts'
import { actor, authedProcedure, router, studentProcedure } from '../trpc.server.ts'

/** An advocate at the table (docs/advocates.md): a parent's time-limited, read-only grants for their own child. */
export const advocatesRouter = router({
  /** Every grant for the student, where each stands, and what each person opened: the parent's page. */
  list: studentProcedure('advocates.manage').query(({ ctx, input }) => listAdvocateGrants(ctx.db, input.studentId, ctx.now())),
  grant: studentProcedure('advocates.manage')
    .input(grantAdvocateSchema)
    .mutation(async ({ ctx, input }) => {
      const grant = await grantAdvocate(ctx.db, { studentId: input.studentId, email: input.email, name: input.name, lastDay: input.lastDay, grantedBy: ctx.user.id, now: ctx.now() })
      // The page says whether the invitation went by mail or waits in the outbox, for the link to be passed on by hand.
      return { ...grant, mailed: mailIsSent() }
    }),
  revoke: studentProcedure('advocates.manage')
    .input(revokeAdvocateSchema)
    .mutation(({ ctx, input }) => revokeAdvocate(ctx.db, { studentId: input.studentId, grantId: input.grantId, ...actor(ctx) })),
  /** Who reads the record as the family's advocate now, and until when: shown to everyone who sees the team. */
  /** The caller's own read-only access that ended lately (their home page says so): user-scoped, no student named. */
  endedForMe: authedProcedure.query(({ ctx }) => endedGrantsOf(ctx.db, ctx.user.id, ctx.now())),
  current: studentProcedure('team.view').query(({ ctx, input }) => currentAdvocates(ctx.db, input.studentId, ctx.now())),
})
