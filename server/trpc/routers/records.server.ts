import { DomainError } from '#shared/domain-error.ts'
import { t } from '#shared/i18n/i18n.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { exportRefSchema, logRequestSchema, requestDaysSchema, requestRefSchema } from '#shared/schemas/records.ts'
import type { StudentRole } from '#shared/roles.ts'
import { type ExportSide, getExport, listMyExports, requestExport } from '../../services/record-exports.server.ts'
import { fulfilRequest, listRequests, logRequest, requestDays, schoolStudents, setRequestDays } from '../../services/records-requests.server.ts'
import { actor, router, schoolProcedure, studentProcedure } from '../trpc.server.ts'

/** A parent gets the family's copy; the school admin (answering a records request) the school's. */
function sideOf(role: StudentRole): ExportSide {
  return role === 'parent' ? 'family' : 'school'
}

/** The whole record of one student in one ZIP (docs/records.md). */
export const recordsRouter = router({
  /** The files this person asked for (for an admin, every school copy of the student), newest first. */
  exports: studentProcedure('records.export').query(({ ctx, input }) => {
    const side = sideOf(ctx.access.role)
    return listMyExports(ctx.db, { studentId: input.studentId, userId: side === 'family' ? ctx.user.id : null, side })
  }),
  /** Starts a file; it is made in the background and the person is told when it is ready. */
  start: studentProcedure('records.export').mutation(({ ctx, input }) =>
    requestExport(ctx.db, { studentId: input.studentId, userId: ctx.user.id, side: sideOf(ctx.access.role), now: ctx.now(), clock: ctx.now }),
  ),
  /**
   * One ready file, for its download: a parent's own family copies, or any school copy for an admin. Anything else,
   * including another parent's file, is NOT_FOUND. The read is the download's row in the record of access.
   */
  file: studentProcedure('records.export')
    .input(exportRefSchema)
    .query(async ({ ctx, input }) => {
      const side = sideOf(ctx.access.role)
      const found = await getExport(ctx.db, input.exportId)
      const mine = found && found.studentId === input.studentId && found.side === side && (side === 'school' || found.requestedBy === ctx.user.id)
      if (!mine) throw new DomainError('NOT_FOUND', t('records.exports.notFound'))
      if (found.status !== 'ready' || found.size === null || found.sha256 === null) throw new DomainError('CONFLICT', t('records.exports.notReady'))
      return { id: found.id, size: found.size, sha256: found.sha256, createdAt: found.createdAt }
    }),
})

/** Parents' requests for records at one school, and the days the school has to answer them. */
export const recordsRequestsRouter = router({
  list: schoolProcedure('school.recordsRequests').query(async ({ ctx, input }) => {
    const [requests, days, students] = await Promise.all([
      listRequests(ctx.db, { schoolId: input.schoolId, today: localIsoDate(ctx.now()) }),
      requestDays(ctx.db, input.schoolId),
      schoolStudents(ctx.db, input.schoolId),
    ])
    return { requests, days, students }
  }),
  log: schoolProcedure('school.recordsRequests')
    .input(logRequestSchema)
    .mutation(({ ctx, input }) => logRequest(ctx.db, { ...input, ...actor(ctx), today: localIsoDate(ctx.now()) })),
  fulfil: schoolProcedure('school.recordsRequests')
    .input(requestRefSchema)
    .mutation(({ ctx, input }) => fulfilRequest(ctx.db, { schoolId: input.schoolId, requestId: input.requestId, ...actor(ctx), clock: ctx.now })),
  setDays: schoolProcedure('school.recordsRequests')
    .input(requestDaysSchema)
    .mutation(({ ctx, input }) => setRequestDays(ctx.db, { schoolId: input.schoolId, days: input.days, ...actor(ctx) })),
})
