import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useParams } from '@remix-run/react'
import { Alert } from '#app/components/alert.tsx'
import { Card } from '#app/components/card.tsx'
import { DisputeContext, DisputeMark } from './session-log-list.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { disputeAction } from './dispute-action.server.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { can } from '#shared/permissions.ts'
import { formatSchoolDate } from '#shared/school-date.ts'
import { TextLink } from '#app/components/text-link.tsx'

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const [student, checks, disputes] = await Promise.all([
    loadOr404(() => context.trpc.students.get({ studentId })),
    loadOr404(() => context.trpc.checks.log({ studentId })),
    loadOr404(() => context.trpc.disputes.list({ studentId })),
  ])
  return {
    checks,
    disputes: Object.fromEntries(disputes.map((d) => [`${d.kind}:${d.recordId}`, d])),
    mayDispute: can(student.role, 'records.dispute'),
  }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  return disputeAction(context, params.studentId ?? '', await request.formData())
}

const STATUS_TEXT = { used: 'Used', not_needed: 'Not needed', not_provided: 'Not provided', declined: 'Declined' } as const
const STATUS_TONE = { used: 'good', not_needed: 'neutral', not_provided: 'bad', declined: 'warn' } as const

/** Each day's accommodation records, newest first, with any dispute flag; a parent may dispute one. */
export default function AccommodationRecords() {
  const { checks, disputes, mayDispute } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { studentId } = useParams()
  return (
    <DisputeContext.Provider value={{ disputes, mayDispute }}>
      <div className="space-y-6">
        <TextLink to={`/students/${studentId}`}>
          Back to the plan
        </TextLink>
        {actionData ? <Alert tone={actionData.ok ? 'success' : 'error'}>{actionData.message}</Alert> : null}
        <Card title="Accommodation records" headingLevel={2}>
          <p className="mb-3 text-slate-700">Every record of whether a support was used, newest first. A record replaced later the same day stays, marked.</p>
          {checks.length === 0 ? (
            <p className="text-slate-700">No accommodation records yet.</p>
          ) : (
            <ul className="divide-y divide-slate-200" aria-label="Accommodation records, newest first">
              {checks.map((c) => {
                const name = `${c.title}, ${formatSchoolDate(c.date)}`
                return (
                  <li key={c.id} id={`check-${c.id}`} className="space-y-1 py-3">
                    <p className="font-medium text-slate-900">
                      <time dateTime={c.date}>{formatSchoolDate(c.date)}</time> · {c.title}
                    </p>
                    <p className="flex flex-wrap items-center gap-2">
                      {c.current ? <StatusBadge tone={STATUS_TONE[c.status]}>{STATUS_TEXT[c.status]}</StatusBadge> : <s className="text-slate-700">{STATUS_TEXT[c.status]}</s>}
                      {c.current ? null : <span className="text-sm text-slate-700">replaced by a later record</span>}
                      {c.reason ? <span className="text-sm text-slate-700">Reason: {c.reason}</span> : null}
                    </p>
                    <p className="text-sm text-slate-600">Recorded by {c.recordedBy}</p>
                    <DisputeMark kind="check" recordId={c.id} name={name} />
                  </li>
                )
              })}
            </ul>
          )}
        </Card>
      </div>
    </DisputeContext.Provider>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, 'Accommodation records') }]
