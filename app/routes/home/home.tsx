import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { buttonClasses } from '#app/components/button.tsx'
import { AlertsToday, UnseenNotifications } from './home-notices.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { hasAppPage, todayComesFirst } from '#shared/app-pages.ts'
import { isFamilyRole, ROLE_LABELS } from '#shared/roles.ts'
import { markSeenFormSchema } from '#shared/schemas/home.ts'
import { TextLink } from '#app/components/text-link.tsx'
import { ParentPlanCard } from './parent-plan-card.tsx'
import { DueList } from '#app/routes/iep/due-list.tsx'
import { can } from '#shared/permissions.ts'
import { lastDayOf } from '#shared/advocates.ts'
import { formatDay, formatMoment } from '#shared/i18n/format.ts'
import { parentPlans } from './parent-plans.server.ts'
import { advocates } from '#shared/i18n/en/advocates.ts'
import { home } from '#shared/i18n/en/home.ts'
import { people } from '#shared/i18n/en/people.ts'
import { records } from '#shared/i18n/en/records.ts'

addSections({ advocates, home, people, records })

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const students = await context.trpc.students.mine()
  // School admins get the whole school's accountability numbers (schools.mine also lists case managers' schools).
  const mySchools = await context.trpc.schools.mine()
  const adminSchools = mySchools.filter((s) => s.role === 'school_admin').map((s) => ({ id: s.id, name: s.name }))
  // School admins and the school's case managers may import a plan from another system.
  const importSchools = mySchools.map((s) => ({ id: s.id, name: s.name }))
  // A parent's unseen notices, and today's alerts for the students someone is parent or case manager of.
  // A case manager's IEP calendar: what is due in the next 30 days and what is late (docs/iep-calendar.md).
  const keepsCalendar = students.some((s) => can(s.role, 'iep.editDates'))
  const [notifications, alerts, plans, due, endedAccess] = await Promise.all([
    context.trpc.notifications.mine({ unseen: true }),
    context.trpc.notifications.alerts(),
    // A parent's first question is whether each child's plan is happening.
    parentPlans(
      context,
      students.filter((s) => isFamilyRole(s.role)),
    ),
    keepsCalendar ? context.trpc.iepCalendar.dueForMe() : Promise.resolve(null),
    // An advocate whose read-only access ended is told here: the student's pages now answer 404 (docs/advocates.md).
    context.trpc.advocates.endedForMe(),
  ])
  return { firstName: user.name.split(' ')[0] ?? user.name, students, adminSchools, importSchools, notifications, alerts, plans, due, endedAccess }
}

export async function action({ context, request }: ActionFunctionArgs) {
  requireUser(context, request)
  const parsed = parseForm(await request.formData(), markSeenFormSchema)
  if (!parsed.ok) return parsed
  const result = await actionResult(() => context.trpc.notifications.markSeen({ id: parsed.value.id }))
  return result.ok ? { ok: true } : { ok: false, message: result.message }
}

export default function MyStudents() {
  const { t } = useTranslation()
  const { firstName, students, adminSchools, importSchools, notifications, alerts, plans, due, endedAccess } = useLoaderData<typeof loader>()
  // Someone who is only a parent reads about their children's plans; anyone on a school team keeps My students.
  const onlyParent = plans.length > 0 && plans.length === students.length
  // The adults in the room all day go straight to today's supports; others can still find them.
  const roles = students.map((s) => s.role)
  // An advocate (or someone whose access ended) reads for a family: they help carry out no plan (docs/advocates.md).
  const onlyReads = (students.length > 0 || endedAccess.length > 0) && students.every((s) => s.role === 'advocate')
  const inTheRoom = todayComesFirst(roles)
  const onATeam = hasAppPage(roles, 'today')
  const hasCaseload = hasAppPage(roles, 'caseload')
  const recordsSessions = hasAppPage(roles, 'sessions')
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">
        {!onlyParent ? t('home.title') : plans.length === 1 ? t('home.parentPlan.titleOne', { name: plans[0]!.firstName }) : t('home.parentPlan.titleMany')}
      </h1>
      <p className="text-slate-700">
        {onlyParent
          ? t('home.parentPlan.hello', { name: firstName })
          : onlyReads
            ? t('advocates.home.hello', { name: firstName })
            : t('home.hello', { name: firstName })}
      </p>
      <UnseenNotifications notifications={notifications} />
      <AlertsToday alerts={alerts} />
      {endedAccess.length ? (
        <Card title={t('advocates.home.endedTitle')} headingLevel={2}>
          <ul className="space-y-1" aria-label={t('advocates.home.endedTitle')}>
            {endedAccess.map((e) => (
              <li key={`${e.studentName}-${e.endedAt}`}>
                {e.revoked
                  ? t('advocates.home.endedRevoked', { student: e.studentName, date: formatMoment(e.endedAt) })
                  : t('advocates.home.ended', { student: e.studentName, date: formatDay(lastDayOf(e.endedAt), 'long') })}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-slate-700">{t('advocates.home.endedAsk')}</p>
        </Card>
      ) : null}
      {due ? <DueList items={due} /> : null}
      {plans.map((plan) => (
        <ParentPlanCard key={plan.id} plan={plan} />
      ))}
      {inTheRoom ? (
        <Link to="/today" className={`${buttonClasses('primary')} w-full py-3 text-lg sm:w-auto`}>
          {t('home.todaysSupports')}
        </Link>
      ) : onATeam ? (
        <p>
          <TextLink to="/today">{t('home.todaysSupports')}</TextLink>
        </p>
      ) : null}
      {recordsSessions ? (
        <p>
          <TextLink to="/sessions">{t('home.sessionsThisWeek')}</TextLink>
        </p>
      ) : null}
      {importSchools.length ? (
        <p className="flex flex-wrap gap-x-4">
          {importSchools.map((school) => (
            <TextLink key={school.id} to={`/school/${school.id}/import`}>
              {importSchools.length > 1 ? t('home.importPlanAt', { school: school.name }) : t('home.importPlan')}
            </TextLink>
          ))}
        </p>
      ) : null}
      {hasCaseload || adminSchools.length ? (
        <nav aria-label={t('home.overviews')} className="flex flex-wrap gap-x-4">
          {hasCaseload ? (
            <TextLink to="/caseload">{t('home.caseload')}</TextLink>
          ) : null}
          {adminSchools.map((school) => (
            <TextLink key={school.id} to={`/school/${school.id}/accountability`}>
              {adminSchools.length > 1 ? t('home.schoolOverviewAt', { school: school.name }) : t('home.schoolOverview')}
            </TextLink>
          ))}
          {adminSchools.map((school) => (
            <TextLink key={`settings-${school.id}`} to={`/school/${school.id}`}>
              {adminSchools.length > 1 ? t('home.schoolSettingsAt', { school: school.name }) : t('home.schoolSettings')}
            </TextLink>
          ))}
          {adminSchools.map((school) => (
            <TextLink key={`outbox-${school.id}`} to={`/school/${school.id}/outbox`}>
              {adminSchools.length > 1 ? t('home.outboxAt', { school: school.name }) : t('home.outbox')}
            </TextLink>
          ))}
          {adminSchools.map((school) => (
            <TextLink key={`people-${school.id}`} to={`/school/${school.id}/people`}>
              {adminSchools.length > 1 ? t('people.homeAt', { school: school.name }) : t('people.home')}
            </TextLink>
          ))}
          {adminSchools.map((school) => (
            <TextLink key={`records-${school.id}`} to={`/school/${school.id}/records-requests`}>
              {adminSchools.length > 1 ? t('records.requests.homeAt', { school: school.name }) : t('records.requests.title')}
            </TextLink>
          ))}
        </nav>
      ) : null}
      <Card>
        {students.length === 0 ? (
          <p className="text-slate-700">{t('home.noStudents')}</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label={t('home.studentsLabel')}>
            {students.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link to={`/students/${s.id}`} className="text-lg font-medium text-brand-700 underline-offset-2 hover:underline">
                    {s.name}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {s.grade !== null ? t('home.gradeAndSchool', { grade: s.grade, school: s.schoolName }) : s.schoolName}
                  </p>
                </div>
                <span className="flex flex-wrap gap-2">
                  <StatusBadge tone="info">{t('home.yourRole', { role: ROLE_LABELS[s.role] })}</StatusBadge>
                  {s.accessEndsAt ? <StatusBadge tone="neutral">{t('advocates.home.readOnly', { date: formatDay(lastDayOf(s.accessEndsAt), 'long') })}</StatusBadge> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: translate('common.titleSuffix', { title: translate('home.title') }) }]
