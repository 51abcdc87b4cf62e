import { can } from '#shared/permissions.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { acknowledgeSchema, addPeriodSchema, goalPartSchema, issueSchema, progressCodesSchema, removePeriodSchema, reportRefSchema, updatePeriodSchema, versionRefSchema } from '#shared/schemas/reports.ts'
import { DomainError } from '#shared/domain-error.ts'
import { t } from '#shared/i18n/i18n.ts'
import { acknowledgeReport, buildReport, issuedPdf, issuedReport, issueReport, listReports, reportVersions, saveGoalPart } from '../../services/progress-reports.server.ts'
import { addPeriod, listPeriods, progressCodes, removePeriod, setProgressCodes, updatePeriod } from '../../services/reporting-periods.server.ts'
import { memberAreas } from '../../services/memberships.server.ts'
import { goalAreaCheck, owns, requireOwned } from '../owned.server.ts'
import { actor, router, schoolProcedure, studentProcedure } from '../trpc.server.ts'

/** The school's reporting periods and progress codes: everyone at the school reads them, the admin sets them. */
export const reportingRouter = router({
  periods: schoolProcedure('school.view').query(({ ctx, input }) => listPeriods(ctx.db, input.schoolId)),
  addPeriod: schoolProcedure('school.reporting')
    .input(addPeriodSchema)
    .mutation(({ ctx, input }) => addPeriod(ctx.db, { ...input, ...actor(ctx) })),
  updatePeriod: schoolProcedure('school.reporting')
    .input(updatePeriodSchema)
    .mutation(({ ctx, input }) => updatePeriod(ctx.db, { ...input, ...actor(ctx) })),
  removePeriod: schoolProcedure('school.reporting')
    .input(removePeriodSchema)
    .mutation(({ ctx, input }) => removePeriod(ctx.db, { ...input, ...actor(ctx) })),
  codes: schoolProcedure('school.view').query(({ ctx, input }) => progressCodes(ctx.db, input.schoolId)),
  setCodes: schoolProcedure('school.reporting')
    .input(progressCodesSchema)
    .mutation(({ ctx, input }) => setProgressCodes(ctx.db, { ...input, ...actor(ctx) })),
})

/** One student's progress reports (docs/progress-reports.md). */
export const reportsRouter = router({
  /** Every period with its report's state; a parent learns only of issued versions. */
  list: studentProcedure('reports.view').query(({ ctx, input }) => listReports(ctx.db, { studentId: input.studentId, issuedOnly: !can(ctx.access.role, 'reports.viewDraft') })),
  /**
   * The draft as the records stand today, with the team's words. Never for the family. `writable`: the goals whose
   * part the caller may write (every goal for the case manager, a provider's in her areas, none for the others).
   */
  draft: studentProcedure('reports.viewDraft')
    .input(reportRefSchema)
    .query(async ({ ctx, input }) => {
      const [doc, versions, areas] = await Promise.all([
        buildReport(ctx.db, { studentId: input.studentId, periodId: input.periodId, today: localIsoDate(ctx.now()) }),
        reportVersions(ctx.db, input.studentId, input.periodId),
        memberAreas(ctx.db, ctx.access.memberId),
      ])
      const writable = can(ctx.access.role, 'reports.write')
        ? doc.goals.filter((g) => owns(ctx, 'report.writeGoalInArea', { goalInMyAreas: areas.includes(g.area) })).map((g) => g.goalId)
        : []
      return { doc, versions, writable }
    }),
  writePart: studentProcedure('reports.write', 'report.writeGoalInArea')
    .input(goalPartSchema)
    .mutation(async ({ ctx, input }) => {
      requireOwned(ctx, 'report.writeGoalInArea', await goalAreaCheck(ctx, input.studentId, input.goalId, 'report'))
      return saveGoalPart(ctx.db, { studentId: input.studentId, periodId: input.periodId, goalId: input.goalId, code: input.code || null, narrative: input.narrative, ...actor(ctx) })
    }),
  issue: studentProcedure('reports.issue')
    .input(issueSchema)
    .mutation(({ ctx, input }) =>
      issueReport(ctx.db, { studentId: input.studentId, periodId: input.periodId, reason: input.reason ?? null, ...actor(ctx), today: localIsoDate(ctx.now()) }),
    ),
  /** An issued version, exactly as issued, with every version's reason and who acknowledged it. */
  version: studentProcedure('reports.view')
    .input(versionRefSchema)
    .query(({ ctx, input }) => issuedReport(ctx.db, input)),
  pdf: studentProcedure('reports.view')
    .input(versionRefSchema)
    .query(({ ctx, input }) => issuedPdf(ctx.db, input)),
  acknowledge: studentProcedure('reports.acknowledge')
    .input(acknowledgeSchema)
    .mutation(async ({ ctx, input }) => {
      const versions = await reportVersions(ctx.db, input.studentId, input.periodId)
      // Only the version in force is acknowledged: an older one was replaced by a correction.
      if (versions.at(-1)?.version !== input.version) throw new DomainError('BAD_REQUEST', t('reports.ack.notLatest'))
      return acknowledgeReport(ctx.db, { studentId: input.studentId, periodId: input.periodId, version: input.version, comment: input.comment ?? null, ...actor(ctx) })
    }),
})
