import { listOutbox } from '../../mail/outbox.server.ts'
import { mailIsSent } from '../../mail/mail-mode.server.ts'
import { router, schoolProcedure } from '../trpc.server.ts'

/** How many of the newest messages the Outbox page shows: enough for a term of a school's mail, bounded. */
export const OUTBOX_PAGE_SIZE = 200

export const mailRouter = router({
  /** The school's outbox, newest first, and whether messages leave the machine or are only kept. */
  outbox: schoolProcedure('school.outbox').query(async ({ ctx, input }) => ({
    sending: mailIsSent(),
    messages: await listOutbox(ctx.db, input.schoolId, OUTBOX_PAGE_SIZE),
    pageSize: OUTBOX_PAGE_SIZE,
  })),
})
