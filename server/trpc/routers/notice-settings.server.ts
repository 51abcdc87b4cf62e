import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { latestDuePeriod, localClock } from '#shared/digests.ts'
import { t } from '#shared/i18n/i18n.ts'
import { renderMail } from '#shared/mail/compose.ts'
import { setCadenceSchema } from '#shared/schemas/notices.ts'
import { studentIdSchema } from '#shared/schemas/team.ts'
import { appUrl } from '../../mail/app-url.server.ts'
import { buildWeeklyDigest, settingsPath } from '../../services/digests.server.ts'
import { cadenceFor, myCadences, setCadence } from '../../services/notice-preferences.server.ts'
import { authedProcedure, router } from '../trpc.server.ts'

const studentInput = z.object({ studentId: studentIdSchema })

/** User-scoped: each person's own choice per student; being on the student's team (not removed) is the gate. */
async function requireOnTeam(ctx: Parameters<typeof cadenceFor>[0], userId: string, studentId: string) {
  const cadence = await cadenceFor(ctx, userId, studentId)
  if (!cadence) throw new TRPCError({ code: 'NOT_FOUND', message: t('digests.refusals.notOnTeam') })
  return cadence
}

export const noticeSettingsRouter = router({
  /** The caller's students (teams they are on) with their cadence: their choice (`chosen`), else their role's default. */
  mine: authedProcedure.query(({ ctx }) => myCadences(ctx.db, ctx.user.id)),
  /** The caller's own choice for one of their students; a student whose team they are not on is not found. */
  set: authedProcedure.input(setCadenceSchema).mutation(async ({ ctx, input }) => {
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
    // A preview sends nothing, so it makes no settings link: its footer points at this page, signed in.
    const settingsUrl = appUrl(settingsPath(input.studentId))
    const mail = await buildWeeklyDigest(ctx.db, { userId: ctx.user.id, studentId: input.studentId, period: { ...period, to: period.to < today.date ? period.to : today.date }, settingsUrl })
    if (!mail) throw new TRPCError({ code: 'NOT_FOUND', message: t('digests.refusals.notOnTeam') })
    const school = await ctx.db.selectFrom('students').innerJoin('schools', 'schools.id', 'students.school_id').select('schools.name').where('students.id', '=', input.studentId).executeTakeFirst()
    return { subject: mail.subject, table: mail.body.table ?? null, ...renderMail({ schoolName: school?.name ?? null, body: mail.body }) }
  }),
})
