import { Term } from '#app/components/term.tsx'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { Card } from '#app/components/card.tsx'
import { LadderExplainer } from './ladder-explainer.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { firstName } from '#app/utils/plan-labels.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { ladderStep, STATUS_LABELS, VISIBILITY_LABELS } from '#shared/concerns.ts'
import { can } from '#shared/permissions.ts'
import { formatSchoolDate } from '#shared/school-date.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const concerns = await loadOr404(() => context.trpc.concerns.list({ studentId: params.studentId ?? '' }))
  return { concerns }
}

const LINK = 'inline-flex min-h-11 items-center font-medium text-brand-700 underline'

/** The concern log, in the form families are told to keep, newest first. */
export default function ConcernLog() {
  const { concerns } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  if (!parent) return null
  const base = `/students/${parent.student.id}`
  const first = firstName(parent.student)
  const mayCreate = can(parent.student.role, 'concerns.create')
  return (
    <div className="space-y-6">
      <Link to={base} className={LINK}>
        Back to {first}’s plan
      </Link>
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold text-slate-900">Concern log</h2>
        <p className="text-slate-700">
          Each concern about {first}’s plan: the date, the issue, who was contacted, what they answered, what follow-up is needed, and where it stands on
          the escalation ladder. Nothing written here is deleted: changes keep the earlier wording.
        </p>
        <p className="flex flex-wrap gap-x-4">
          {mayCreate ? (
            <Link to={`${base}/concerns/new`} className={LINK}>
              Log a concern
            </Link>
          ) : null}
          <a href={`/api/students/${parent.student.id}/concerns.csv`} className={LINK} download>
            Download the concern log (CSV)
          </a>
        </p>
      </div>

      {concerns.length === 0 ? (
        <Card>
          <p className="text-slate-700">No concerns logged yet.</p>
        </Card>
      ) : (
        <ul className="space-y-4" aria-label="Concerns, newest first">
          {concerns.map((c) => (
            <li key={c.id}>
              <Card>
                <h3 className="text-lg font-semibold text-slate-900">
                  <Link to={`${base}/concerns/${c.id}`} className="text-brand-700 underline">
                    {c.issue}
                  </Link>
                </h3>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
                  <time dateTime={c.date}>{formatSchoolDate(c.date)}</time>
                  <StatusBadge tone={c.status === 'resolved' ? 'good' : c.status === 'waiting' ? 'warn' : 'info'}>{STATUS_LABELS[c.status]}</StatusBadge>
                  <StatusBadge>
                    Step {c.step}: {ladderStep(c.step).title}
                  </StatusBadge>
                  {c.visibility === 'family' ? <StatusBadge tone="warn">{VISIBILITY_LABELS.family}</StatusBadge> : null}
                </p>
                <dl className="mt-2 grid gap-1 text-slate-700 sm:grid-cols-2">
                  <Term term="Person contacted">{c.personContacted || '—'}</Term>
                  <Term term="Documented efforts at this step">{c.efforts}</Term>
                  <Term term="Response">{c.response || '—'}</Term>
                  <Term term="Follow-up needed">{c.followUp || '—'}</Term>
                </dl>
                {c.suggestion ? (
                  <p className="mt-2 font-medium text-amber-900">
                    Suggested next step: {c.suggestion.step.step}. {c.suggestion.step.title}
                  </p>
                ) : null}
                {c.complaint ? <p className="mt-2 font-medium text-slate-900">State complaint: {c.complaint.text}</p> : null}
              </Card>
            </li>
          ))}
        </ul>
      )}

      <Card title="The escalation ladder" headingId="ladder">
        <p className="mb-3 text-slate-700">
          Start at the lowest step and move up only when a problem repeats. The app suggests a next step after two documented efforts, or when the linked
          records show a pattern; it never moves a concern by itself.
        </p>
        <LadderExplainer />
      </Card>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, 'Concern log') }]
