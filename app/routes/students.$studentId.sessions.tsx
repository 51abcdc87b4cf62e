import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useParams } from '@remix-run/react'
import { Card } from '#app/components/card.tsx'
import { SessionLogMonth } from '#app/components/session-log-list.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { monthLabel, sessionLogByMonth } from '#app/utils/session-log.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { localIsoDate } from '#shared/school-date.ts'

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const services = await loadOr404(() => context.trpc.services.list({ studentId }))
  const from = services.map((s) => s.startDate).sort()[0]
  const today = localIsoDate(new Date())
  const sessions = from ? await loadOr404(() => context.trpc.services.sessions({ studentId, from, to: today })) : []
  // A record's versions load on demand; an unknown id just shows none.
  const shownVersions = new URL(request.url).searchParams.get('versions')
  const versions = shownVersions ? await actionResult(() => context.trpc.sessions.versions({ studentId, recordId: shownVersions })) : null
  return { months: sessionLogByMonth(sessions), shownVersions, versions: versions?.ok ? versions.data : null }
}

export default function SessionLog() {
  const { months, shownVersions, versions } = useLoaderData<typeof loader>()
  const { studentId } = useParams()
  return (
    <div className="space-y-6">
      <Card title="Session log" headingLevel={2}>
        <p className="text-slate-700">
          Every session of this student’s services up to today, oldest first: delivered, missed, pending (within 5 school days) or unrecorded. A
          correction keeps the earlier version; a voided record stays, struck through.
        </p>
        <p className="mt-2 flex flex-wrap gap-x-4">
          <a href={`/api/students/${studentId}/sessions.csv`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            Download CSV
          </a>
          <Link to={`/students/${studentId}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            Back to the plan
          </Link>
        </p>
      </Card>
      {months.length === 0 ? (
        <Card>
          <p className="text-slate-700">No sessions yet: the student’s services have not started, or there are none.</p>
        </Card>
      ) : (
        months.map(({ month, entries }) => (
          <Card key={month} title={monthLabel(month)} headingLevel={3} headingId={`month-${month}`}>
            <SessionLogMonth headingId={`month-${month}`} entries={entries} shownVersions={shownVersions} versions={versions} />
          </Card>
        ))
      )}
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, 'Session log') }]
