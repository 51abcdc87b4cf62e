import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { buttonClasses } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { MakeUpsCard } from './make-ups-card.tsx'
import { PeriodServicesCard } from './period-services-card.tsx'
import { SessionWeekDay } from './session-week-day.tsx'
import { WeekBulkBar } from './week-bulk-bar.tsx'
import { isPlanIntent, makeUpPlanAction } from './make-up-plan-action.server.ts'
import { PlannedOnDay } from './make-up-plan-day.tsx'
import { requireAppPage } from '#app/utils/app-pages.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { sessionAction } from './session-action.server.ts'
import { groupSessionAction } from './group-session-action.server.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addDays, isIsoDate } from '#shared/school-date.ts'
import { noSchoolSentence } from '#shared/school-day.ts'
import { isWeekOf } from '#shared/school-week.ts'
import { sessions } from '#shared/i18n/en/sessions.ts'

addSections({ sessions })

export async function loader({ context, request }: LoaderFunctionArgs) {
  await requireAppPage(context, request, 'sessions')
  const asked = new URL(request.url).searchParams.get('week') ?? ''
  // A mistyped ?week= shows this week rather than an error page.
  const week = await loadOr404(() => context.trpc.sessions.week({ weekOf: isIsoDate(asked) ? asked : undefined }))
  // On a Saturday or a Sunday the week on screen (Monday to Friday) is still this week.
  const thisWeek = isWeekOf(week.weekOf, week.today)
  // Make-ups planned ahead, of the services on this week (a provider's own; a case manager's every one).
  const serviceIds = new Set(week.students.flatMap((s) => s.services.map((svc) => svc.service.id)))
  const plans = (await Promise.all(week.students.map((s) => context.trpc.sessions.plannedMakeUps({ studentId: s.id })))).flat().filter((p) => serviceIds.has(p.serviceId))
  return { week, thisWeek, plans }
}

export async function action({ context, request }: ActionFunctionArgs) {
  requireUser(context, request)
  const form = await request.formData()
  if (form.get('intent') === 'group') return groupSessionAction(context, form)
  return isPlanIntent(form.get('intent')) ? makeUpPlanAction(context, form) : sessionAction(context, form)
}

const WEEK_LINK = `${buttonClasses('secondary')} px-2 text-center text-sm sm:px-4 sm:text-base`

export default function SessionsThisWeek() {
  const { t } = useTranslation()
  const { week, thisWeek, plans } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const planResult = answer && 'planIntent' in answer ? answer : undefined
  const result = answer && !('planIntent' in answer) ? answer : undefined
  const noSchool = week.todayInfo ? noSchoolSentence(week.todayInfo) : null
  // A plan's answer goes beside its item; when the item left this week (cancelled, or moved out of it), to the card.
  const planOnScreen = (planId: string) => plans.some((p) => p.planId === planId && week.days.includes(p.plannedDate))
  const planAnswerHere = planResult?.ok && planResult.planIntent !== 'plan_make_up' && !planOnScreen(planResult.target) ? planResult.message : null
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t('sessions.weekHeading', { date: formatDay(week.weekOf) })}</h1>
        <p className="text-slate-700">
          {t('sessions.weekToday', { date: formatDay(week.today) })}
          {noSchool ? `${noSchool} ` : ''}
          {t('sessions.weekIntro')}
        </p>
      </div>
      <nav aria-label={t('sessions.weeksNav')} className="grid grid-cols-3 gap-2 sm:flex">
        <Link className={WEEK_LINK} to={`/sessions?week=${addDays(week.weekOf, -7)}`}>
          {t('sessions.previousWeek')}
        </Link>
        <Link className={WEEK_LINK} to="/sessions" aria-current={thisWeek ? 'page' : undefined}>
          {t('sessions.thisWeek')}
        </Link>
        <Link className={WEEK_LINK} to={`/sessions?week=${addDays(week.weekOf, 7)}`}>
          {t('sessions.nextWeek')}
        </Link>
      </nav>
      {week.students.length ? <WeekBulkBar weekOf={week.weekOf} /> : null}
      {week.students.length === 0 ? (
        <Card>
          <p className="text-slate-700">{t('sessions.noSessionsToRecord')}</p>
        </Card>
      ) : (
        <>
          <PeriodServicesCard students={week.students} today={week.today} result={result} />
          {week.days.map((date) => (
            <SessionWeekDay key={date} date={date} today={week.today} closures={week.closures} students={week.students} result={result}>
              {plans.some((p) => p.plannedDate === date) ? <PlannedOnDay date={date} week={week} plans={plans} sessionResult={result} planResult={planResult} /> : null}
            </SessionWeekDay>
          ))}
          <MakeUpsCard students={week.students} today={week.today} result={result} plans={plans} planResult={planResult} planAnswerHere={planAnswerHere} />
        </>
      )}
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: translate('common.titleSuffix', { title: translate('sessions.weekTitle') }) }]
