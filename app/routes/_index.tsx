import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card } from '#app/components/card.tsx'
import { buttonClasses } from '#app/components/button.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { ROLE_LABELS } from '#shared/roles.ts'

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const students = await context.trpc.students.mine()
  // School admins get the whole school's accountability numbers (schools.mine also lists case managers' schools).
  const mySchools = await context.trpc.schools.mine()
  const adminSchools = mySchools.filter((s) => s.role === 'school_admin').map((s) => ({ id: s.id, name: s.name }))
  // School admins and the school's case managers may import a plan from another system.
  const importSchools = mySchools.map((s) => ({ id: s.id, name: s.name }))
  return { firstName: user.name.split(' ')[0] ?? user.name, students, adminSchools, importSchools }
}

export default function MyStudents() {
  const { firstName, students, adminSchools, importSchools } = useLoaderData<typeof loader>()
  // The adults in the room all day go straight to today's supports; others can still find them.
  const inTheRoom = students.some((s) => s.role === 'para' || s.role === 'provider')
  const onATeam = students.some((s) => s.role !== 'school_admin')
  const hasCaseload = students.some((s) => s.role === 'case_manager' || s.role === 'provider')
  const recordsSessions = students.some((s) => s.role === 'provider' || s.role === 'case_manager')
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">My students</h1>
      <p className="text-slate-700">Hello, {firstName}. These are the students whose plans you help carry out.</p>
      {inTheRoom ? (
        <Link to="/today" className={`${buttonClasses('primary')} w-full py-3 text-lg sm:w-auto`}>
          Today’s supports
        </Link>
      ) : onATeam ? (
        <p>
          <Link to="/today" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            Today’s supports
          </Link>
        </p>
      ) : null}
      {recordsSessions ? (
        <p>
          <Link to="/sessions" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            Sessions this week
          </Link>
        </p>
      ) : null}
      {importSchools.length ? (
        <p className="flex flex-wrap gap-x-4">
          {importSchools.map((school) => (
            <Link key={school.id} to={`/school/${school.id}/import`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
              {importSchools.length > 1 ? `Import a plan: ${school.name}` : 'Import a plan'}
            </Link>
          ))}
        </p>
      ) : null}
      {hasCaseload || adminSchools.length ? (
        <nav aria-label="Overviews" className="flex flex-wrap gap-x-4">
          {hasCaseload ? (
            <Link to="/caseload" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
              Caseload
            </Link>
          ) : null}
          {adminSchools.map((school) => (
            <Link key={school.id} to={`/school/${school.id}/accountability`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
              {adminSchools.length > 1 ? `School overview: ${school.name}` : 'School overview'}
            </Link>
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
