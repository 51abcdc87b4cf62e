import { buildMeetingBrief } from '#shared/meeting-brief.ts'
import { activeLanguage } from '#shared/i18n/i18n.ts'
import { goalForReader, withReaderTitles } from '#shared/plain-translations.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { studentAccountability } from '../../services/accountability.server.ts'
import { listAccommodations } from '../../services/accommodations.server.ts'
import { concernAgreements, listConcerns, openConcerns } from '../../services/concerns-read.server.ts'
import { listGoals } from '../../services/goals.server.ts'
import { unacknowledgedReductions } from '../../services/plan-changes.server.ts'
import { seesFamilyOnly } from '../owned.server.ts'
import { router, studentProcedure } from '../trpc.server.ts'

export const briefRouter = router({
  /** The meeting brief's content (docs/domain.md#accountability) as of today: the same numbers and goals every team member sees. */
  get: studentProcedure('plan.view').query(async ({ ctx, input }) => {
    const asOf = localIsoDate(ctx.now())
    const [numbers, goals, supports, concerns, reductions] = await Promise.all([
      studentAccountability(ctx.db, input.studentId, asOf),
      listGoals(ctx.db, input.studentId),
      listAccommodations(ctx.db, input.studentId),
      // The open concerns the caller may see: a family-only one never reaches a staff member's brief.
      openConcerns(ctx.db, { studentId: input.studentId, seesFamilyOnly: seesFamilyOnly(ctx) }),
      unacknowledgedReductions(ctx.db, input.studentId),
    ])
    // Agreements and their promised items, on the concerns the caller may see (docs/domain.md#agreements).
    const viewer = { studentId: input.studentId, seesFamilyOnly: seesFamilyOnly(ctx), today: asOf }
    const agreed = await concernAgreements(ctx.db, viewer)
    const issues = agreed.size > 0 ? new Map((await listConcerns(ctx.db, viewer)).map((c) => [c.id, c.issue])) : new Map<string, string>()
    const agreements = [...agreed].map(([concernId, a]) => ({ concernId, issue: issues.get(concernId) ?? '', ...a }))
    return buildMeetingBrief({
      student: ctx.access.student,
      school: { name: ctx.access.student.schoolName },
      asOf,
      services: numbers.services,
      // Each goal's summary and each support's name in the reader's language where someone wrote it
      // (docs/languages.md#plain-summaries).
      accommodations: withReaderTitles(numbers.accommodations, supports, activeLanguage()),
      goals: goals.map((g) => goalForReader(g, activeLanguage())),
      concerns,
      reductions,
      agreements,
    })
  }),
})
