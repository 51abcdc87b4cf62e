import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { buttonClasses } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { MakeUpsCard } from './make-ups-card.tsx'
import { SessionWeekDay } from './session-week-day.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { sessionAction } from './session-action.server.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { addDays, formatSchoolDate, isIsoDate } from '#shared/school-date.ts'
import { noSchoolSentence } from '#shared/school-day.ts'
import { isWeekOf } from '#shared/school-week.ts'

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireUser(context, request)
  const asked = new URL(request.url).searchParams.get('week') ?? ''
  // A mistyped ?week= shows this week rather than an error page.
  const week = await loadOr404(() => context.trpc.sessions.week({ weekOf: isIsoDate(asked) ? asked : undefined }))
  // On a Saturday or a Sunday the week on screen (Monday to Friday) is still this week.
  const thisWeek = isWeekOf(week.weekOf, week.today)
  return { week, thisWeek }
}

export async function action({ context, request }: ActionFunctionArgs) {
  requireUser(context, request)
  return sessionAction(context, await request.formData())
}

const WEEK_LINK = `${buttonClasses('secondary')} px-2 text-center text-sm sm:px-4 sm:text-base`

export default function SessionsThisWeek() {
  const { week, thisWeek } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const closed = new Set(week.closures.map((c) => c.date))
  // A make-up is most often held in the week on screen: its latest school day up to today.
  const defaultDate = [...week.days].reverse().find((d) => d <= week.today && !closed.has(d)) ?? week.today
  const noSchool = week.todayInfo ? noSchoolSentence(week.todayInfo) : null
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Sessions, week of {formatSchoolDate(week.weekOf)}</h1>
        <p className="text-slate-700">
          Today is {formatSchoolDate(week.today)}. {noSchool ? `${noSchool} ` : ''}Record each
          session as delivered or missed within 5 school days; after that an unrecorded session counts as not delivered.
        </p>
      </div>
      <nav aria-label="Weeks" className="grid grid-cols-3 gap-2 sm:flex">
        <Link className={WEEK_LINK} to={`/sessions?week=${addDays(week.weekOf, -7)}`}>
          Previous week
        </Link>
        <Link className={WEEK_LINK} to="/sessions" aria-current={thisWeek ? 'page' : undefined}>
          This week
        </Link>
        <Link className={WEEK_LINK} to={`/sessions?week=${addDays(week.weekOf, 7)}`}>
          Next week
        </Link>
      </nav>
      {week.students.length === 0 ? (
        <Card>
          <p className="text-slate-700">
            You have no sessions to record. Sessions appear here for the services you provide and for the students you case-manage.
          </p>
        </Card>
      ) : (
        <>
          {week.days.map((date) => (
            <SessionWeekDay key={date} date={date} today={week.today} closures={week.closures} students={week.students} result={result} />
          ))}
          <MakeUpsCard students={week.students} defaultDate={defaultDate} today={week.today} result={result} />
        </>
      )}
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: 'Sessions this week · Same Page' }]
