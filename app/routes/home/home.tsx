import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card } from '#app/components/card.tsx'
import { buttonClasses } from '#app/components/button.tsx'
import { AlertsToday, UnseenNotifications } from './home-notices.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'
import { ROLE_LABELS } from '#shared/roles.ts'
import { TextLink } from '#app/components/text-link.tsx'

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const students = await context.trpc.students.mine()
  // School admins get the whole school's accountability numbers (schools.mine also lists case managers' schools).
  const mySchools = await context.trpc.schools.mine()
  const adminSchools = mySchools.filter((s) => s.role === 'school_admin').map((s) => ({ id: s.id, name: s.name }))
  // School admins and the school's case managers may import a plan from another system.
  const importSchools = mySchools.map((s) => ({ id: s.id, name: s.name }))
  // A parent's unseen notices, and today's alerts for the students someone is parent or case manager of.
  const [notifications, alerts] = await Promise.all([context.trpc.notifications.mine({ unseen: true }), context.trpc.notifications.alerts()])
  return { firstName: user.name.split(' ')[0] ?? user.name, students, adminSchools, importSchools, notifications, alerts }
}

export async function action({ context, request }: ActionFunctionArgs) {
  requireUser(context, request)
  const form = await request.formData()
  if (form.get('intent') !== 'markSeen') return { ok: false, message: 'That action is not known.' }
  const result = await actionResult(() => context.trpc.notifications.markSeen({ id: String(form.get('id') ?? '') }))
  return result.ok ? { ok: true } : { ok: false, message: result.message }
}

export default function MyStudents() {
  const { firstName, students, adminSchools, importSchools, notifications, alerts } = useLoaderData<typeof loader>()
  // The adults in the room all day go straight to today's supports; others can still find them.
  const inTheRoom = students.some((s) => s.role === 'para' || s.role === 'provider')
  const onATeam = students.some((s) => s.role !== 'school_admin')
  const hasCaseload = students.some((s) => s.role === 'case_manager' || s.role === 'provider')
  const recordsSessions = students.some((s) => s.role === 'provider' || s.role === 'case_manager')
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">My students</h1>
      <p className="text-slate-700">Hello, {firstName}. These are the students whose plans you help carry out.</p>
      <UnseenNotifications notifications={notifications} />
      <AlertsToday alerts={alerts} />
      {inTheRoom ? (
        <Link to="/today" className={`${buttonClasses('primary')} w-full py-3 text-lg sm:w-auto`}>
          Today’s supports
        </Link>
      ) : onATeam ? (
        <p>
          <TextLink to="/today">
            Today’s supports
          </TextLink>
        </p>
      ) : null}
      {recordsSessions ? (
        <p>
          <TextLink to="/sessions">
            Sessions this week
          </TextLink>
        </p>
      ) : null}
      {importSchools.length ? (
        <p className="flex flex-wrap gap-x-4">
          {importSchools.map((school) => (
            <TextLink key={school.id} to={`/school/${school.id}/import`}>
              {importSchools.length > 1 ? `Import a plan: ${school.name}` : 'Import a plan'}
            </TextLink>
          ))}
        </p>
      ) : null}
      {hasCaseload || adminSchools.length ? (
        <nav aria-label="Overviews" className="flex flex-wrap gap-x-4">
          {hasCaseload ? (
            <TextLink to="/caseload">
              Caseload
            </TextLink>
          ) : null}
          {adminSchools.map((school) => (
            <TextLink key={school.id} to={`/school/${school.id}/accountability`}>
              {adminSchools.length > 1 ? `School overview: ${school.name}` : 'School overview'}
            </TextLink>
          ))}
          {adminSchools.map((school) => (
            <TextLink key={`settings-${school.id}`} to={`/school/${school.id}`}>
              {adminSchools.length > 1 ? `School settings: ${school.name}` : 'School settings'}
            </TextLink>
          ))}
        </nav>
      ) : null}
      <Card>
        {students.length === 0 ? (
          <p className="text-slate-700">
            You are not on any student’s team yet. When a case manager invites you, the student will appear here.
          </p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label="Students">
            {students.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link to={`/students/${s.id}`} className="text-lg font-medium text-brand-700 underline-offset-2 hover:underline">
                    {s.name}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {s.grade !== null ? `Grade ${s.grade} · ` : ''}
                    {s.schoolName}
                  </p>
                </div>
                <StatusBadge tone="info">Your role: {ROLE_LABELS[s.role]}</StatusBadge>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: 'My students · Same Page' }]
