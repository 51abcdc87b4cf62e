import { z } from 'zod'
import { localIsoDate } from '#shared/school-date.ts'
import { isoDateSchema } from '#shared/schemas/plan.ts'
import {
  amendServiceSchema,
  correctSessionSchema,
  createServiceSchema,
  recordSessionSchema,
  voidSessionSchema,
  weekSchema,
} from '#shared/schemas/services.ts'
import { closurePreviewSchema, closureSchema, makeUpPolicySchema, removeClosureSchema } from '#shared/schemas/school.ts'
import { addClosure, closuresForSchool, previewClosureChange, removeClosure } from '../../services/calendar.server.ts'
import { makeUpReasons, setMakeUpReasons } from '../../services/make-up-policy.server.ts'
import { schoolSessionLimits, setSchoolSessionLimits } from '../../services/school-session-limits.server.ts'
import { sessionLimitsSchema } from '#shared/schemas/session-limits.ts'
import { listMySchools } from '../../services/memberships.server.ts'
import { correctSession, recordSession, recordVersions, voidSession } from '../../services/session-records.server.ts'
import { sessionLog, sessionsForServices, sessionsWeek } from '../../services/session-checklist.server.ts'
import { makeUpPlanProcedures } from './make-up-plans.server.ts'
import { recordWeek, weekBulkPlanFor } from '../../services/week-bulk.server.ts'
import { recordWeekSchema } from '#shared/schemas/week-bulk.ts'
import { amendService, createService, listServices } from '../../services/services.server.ts'
import { viewDate } from '../as-of.server.ts'
import { requireMayRecordFor, requireOwned, serviceCheck, sessionRecordCheck } from '../owned.server.ts'
import { groupOfService, recordGroupSession } from '../../services/group-sessions.server.ts'
import { recordGroupSessionSchema } from '#shared/schemas/group-sessions.ts'
import { authedProcedure, recordCaseloadRead, router, schoolProcedure, studentProcedure } from '../trpc.server.ts'

export const servicesRouter = router({
  list: studentProcedure('plan.view').query(({ ctx, input }) => listServices(ctx.db, { studentIds: [input.studentId], today: localIsoDate(ctx.now()) })),
  sessions: studentProcedure('plan.view')
    .input(z.object({ from: isoDateSchema, to: isoDateSchema }))
    .query(async ({ ctx, input }) => {
      const today = localIsoDate(ctx.now())
      const to = viewDate(input.to, 'to', ctx.now)
      return sessionsForServices(ctx.db, await listServices(ctx.db, { studentIds: [input.studentId], today }), input.from, to, today)
    }),
  create: studentProcedure('services.manage')
    .input(createServiceSchema)
    .mutation(({ ctx, input }) => createService(ctx.db, { ...input, actorId: ctx.user.id, now: ctx.now() })),
  amend: studentProcedure('services.manage')
    .input(amendServiceSchema)
    .mutation(({ ctx, input }) => amendService(ctx.db, { ...input, actorId: ctx.user.id, now: ctx.now() })),
})

export const sessionsRouter = router({
  /** User-scoped: only services the caller provides, or of students they case-manage. */
  week: authedProcedure.input(weekSchema).query(async ({ ctx, input, path }) => {
    const today = localIsoDate(ctx.now())
    const week = await sessionsWeek(ctx.db, ctx.user.id, viewDate(input.weekOf, 'weekOf', ctx.now), today)
    await recordCaseloadRead(ctx, week.students.map((s) => s.id), 'records', path)
    return week
  }),
  /** User-scoped like the week: "Delivered as scheduled" — what it would record, and what it leaves out and why. */
  weekPlan: authedProcedure.input(weekSchema).query(async ({ ctx, input, path }) => {
    const { studentIds, ...plan } = await weekBulkPlanFor(ctx.db, ctx.user.id, viewDate(input.weekOf, 'weekOf', ctx.now), localIsoDate(ctx.now()))
    await recordCaseloadRead(ctx, studentIds, 'records', path)
    return plan
  }),
  /** Records the confirmed list; only the caller's own recordable sessions are ever in the plan it is checked against. */
  recordWeek: authedProcedure
    .input(recordWeekSchema)
    .mutation(({ ctx, input }) =>
      recordWeek(ctx.db, { userId: ctx.user.id, weekOf: viewDate(input.weekOf, 'weekOf', ctx.now), sessions: input.sessions, now: ctx.now(), today: localIsoDate(ctx.now()) }),
    ),
  record: studentProcedure('sessions.record', 'sessions.recordForService')
    .input(recordSessionSchema)
    .mutation(async ({ ctx, input }) => {
      requireOwned(ctx, 'sessions.recordForService', await serviceCheck(ctx, input.studentId, input.serviceId))
      return recordSession(ctx.db, { ...input, actorId: ctx.user.id, now: ctx.now(), today: localIsoDate(ctx.now()) })
    }),
  /** A group session recorded once: each student named must be one the caller may record for (owned, per student). */
  recordGroup: studentProcedure('sessions.record', 'sessions.recordForService')
    .input(recordGroupSessionSchema)
    .mutation(async ({ ctx, input }) => {
      requireOwned(ctx, 'sessions.recordForService', await serviceCheck(ctx, input.studentId, input.serviceId))
      const group = await groupOfService(ctx.db, input.studentId, input.serviceId)
      for (const { studentId } of input.students) {
        const service = group.services.find((s) => s.studentId === studentId)
        // A student outside the group is refused by the recording itself, in words that name nobody.
        if (service) await requireMayRecordFor(ctx, studentId, service.id)
      }
      return recordGroupSession(ctx.db, { ...input, actorId: ctx.user.id, now: ctx.now(), today: localIsoDate(ctx.now()) })
    }),
  correct: studentProcedure('sessions.record', 'sessions.recordForService')
    .input(correctSessionSchema)
    .mutation(async ({ ctx, input }) => {
      requireOwned(ctx, 'sessions.recordForService', await sessionRecordCheck(ctx, input.studentId, input.recordId))
      return correctSession(ctx.db, { ...input, actorId: ctx.user.id, now: ctx.now() })
    }),
  void: studentProcedure('sessions.record', 'sessions.recordForService')
    .input(voidSessionSchema)
    .mutation(async ({ ctx, input }) => {
      requireOwned(ctx, 'sessions.recordForService', await sessionRecordCheck(ctx, input.studentId, input.recordId))
      return voidSession(ctx.db, { ...input, actorId: ctx.user.id, now: ctx.now() })
    }),
  versions: studentProcedure('plan.view')
    .input(z.object({ recordId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => recordVersions(ctx.db, input.studentId, input.recordId)),
  log: studentProcedure('plan.view').query(({ ctx, input }) => sessionLog(ctx.db, input.studentId)),
  ...makeUpPlanProcedures,
})

export const schoolsRouter = router({
  /** User-scoped: the schools where the caller is admin or a case manager. */
  mine: authedProcedure.query(({ ctx }) => listMySchools(ctx.db, ctx.user.id)),
  closures: schoolProcedure('school.view').query(({ ctx, input }) => closuresForSchool(ctx.db, input.schoolId)),
  /** What adding or removing a closure would change, shown before the admin confirms it. */
  closureChange: schoolProcedure('school.calendar')
    .input(closurePreviewSchema)
    .query(({ ctx, input }) => previewClosureChange(ctx.db, { schoolId: input.schoolId, change: input.change, date: input.date, endDate: input.endDate })),
  addClosure: schoolProcedure('school.calendar')
    .input(closureSchema)
    .mutation(({ ctx, input }) => addClosure(ctx.db, { ...input, actorId: ctx.user.id, now: ctx.now() })),
  removeClosure: schoolProcedure('school.calendar')
    .input(removeClosureSchema)
    .mutation(({ ctx, input }) => removeClosure(ctx.db, { schoolId: input.schoolId, date: input.date, actorId: ctx.user.id, now: ctx.now() })),
  makeUpPolicy: schoolProcedure('school.view').query(({ ctx, input }) => makeUpReasons(ctx.db, input.schoolId)),
  setMakeUpPolicy: schoolProcedure('school.policy')
    .input(makeUpPolicySchema)
    .mutation(({ ctx, input }) => setMakeUpReasons(ctx.db, { schoolId: input.schoolId, reasons: input.reasons, actorId: ctx.user.id, now: ctx.now() })),
  sessionLimits: schoolProcedure('school.sessions').query(({ ctx, input }) => schoolSessionLimits(ctx.db, input.schoolId)),
  setSessionLimits: schoolProcedure('school.sessions')
    .input(sessionLimitsSchema)
    .mutation(({ ctx, input }) => {
      const { schoolId, ...limits } = input
      return setSchoolSessionLimits(ctx.db, { schoolId, limits, actorId: ctx.user.id, now: ctx.now() })
    }),
})
