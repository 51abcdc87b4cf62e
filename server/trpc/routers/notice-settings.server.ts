import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { latestDuePeriod, localClock } from '#shared/digests.ts'
import { t } from '#shared/i18n/i18n.ts'
import { renderMail } from '#shared/mail/compose.ts'
import { NOTICE_CADENCES } from '#shared/notice-cadence.ts'
import { buildWeeklyDigest } from '../../services/digests.server.ts'
import { cadenceFor, setCadence } from '../../services/notice-preferences.server.ts'
import { authedProcedure, router } from '../trpc.server.ts'
import { defaultCadence } from '#shared/notice-cadence.ts'

const studentInput = z.object({ studentId: z.string().min(1).max(64) })
const setInput = studentInput.extend({ cadence: z.enum(NOTICE_CADENCES, { error: () => t('digests.refusals.cadence') }) })

/** User-scoped: each person's own choice per student; being on the student's team (not removed) is the gate. */
async function requireOnTeam(ctx: Parameters<typeof cadenceFor>[0], userId: string, studentId: string) {
  const cadence = await cadenceFor(ctx, userId, studentId)
  if (!cadence) throw new TRPCError({ code: 'NOT_FOUND', message: t('digests.refusals.notOnTeam') })
  return cadence
}

export const noticeSettingsRouter = router({
  /** The caller's students (teams they are on) with their cadence: their choice, else their role's default. */
  mine: authedProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db
      .selectFrom('team_members')
      .innerJoin('students', 'students.id', 'team_members.student_id')
      .leftJoin('notice_preferences as p', (join) => join.onRef('p.user_id', '=', 'team_members.user_id').onRef('p.student_id', '=', 'team_members.student_id'))
      .select(['students.id', 'students.name', 'team_members.role', 'p.cadence'])
      .where('team_members.user_id', '=', ctx.user.id)
      .where('team_members.removed_at', 'is', null)
      .orderBy('students.name')
      .execute()
    return rows.map((r) => ({ studentId: r.id, studentName: r.name, role: r.role, cadence: r.cadence ?? defaultCadence(r.role) }))
  }),
  set: authedProcedure.input(setInput).mutation(async ({ ctx, input }) => {
    await requireOnTeam(ctx.db, ctx.user.id, input.studentId)
    await setCadence(ctx.db, ctx.user.id, input.studentId, input.cadence, ctx.now())
    return { studentId: input.studentId, cadence: input.cadence }
  }),
  /** This week's digest as the caller would get it now: nothing is sent. */
  preview: authedProcedure.input(studentInput).query(async ({ ctx, input }) => {
    await requireOnTeam(ctx.db, ctx.user.id, input.studentId)
    const today = localClock(ctx.now())
    // The week in progress (up to today), or the one just ended on a weekend.
    const period = latestDuePeriod('weekly', { date: today.date, minutes: 24 * 60 })
    const mail = await buildWeeklyDigest(ctx.db, { userId: ctx.user.id, studentId: input.studentId, period: { ...period, to: period.to < today.date ? period.to : today.date } })
    if (!mail) throw new TRPCError({ code: 'NOT_FOUND', message: t('digests.refusals.notOnTeam') })
    const school = await ctx.db.selectFrom('students').innerJoin('schools', 'schools.id', 'students.school_id').select('schools.name').where('students.id', '=', input.studentId).executeTakeFirst()
    return { subject: mail.subject, table: mail.body.table ?? null, ...renderMail({ schoolName: school?.name ?? null, body: mail.body }) }
  }),
})
