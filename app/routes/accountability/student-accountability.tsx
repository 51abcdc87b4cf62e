import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { lazy, Suspense } from 'react'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { ColumnHeads, Table } from '#app/components/table.tsx'
import { formatMonthDay, formatRate, ledgerSentence, plural, rateTone, weekdayList } from './accountability-text.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { firstName } from '#app/utils/plan-labels.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import type { ServiceAccountability, StudentAccountability } from '#app/utils/api-types.ts'
import { ALERT_TEXT } from '#shared/accountability.ts'
import { formatSchoolDate, localIsoDate } from '#shared/school-date.ts'
import { MISSED_REASONS, REASON_LABELS, REASON_RESPONSIBILITY } from '#shared/services.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'
import { TextLink } from '#app/components/text-link.tsx'

// Recharts is only needed once the page is interactive: its own chunk keeps it off the first paint.
const ServiceTrendChart = lazy(() => import('./service-trend-chart.client.tsx'))

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  // The server's school day, the same one the procedure checks "not in the future" against.
  const today = localIsoDate(context.now())
  const asked = new URL(request.url).searchParams.get('asOf') || undefined
  const result = await actionResult(() => context.trpc.accountability.student({ studentId, asOf: asked }))
  if (result.ok) return { numbers: result.data, today, asOfError: null }
  // Anything but a bad date (a mangled id, a student they may not see) is the same 404 as every student page.
  if (!result.fieldErrors.asOf) throw new Response('Not found', { status: 404 })
  // A mistyped or future date is the person's mistake: say so over today's numbers.
  const numbers = await loadOr404(() => context.trpc.accountability.student({ studentId }))
  return data({ numbers, today, asOfError: `The date in the address can’t be used: ${result.fieldErrors.asOf.join(' ')}` }, { status: 400 })
}

export default function AccountabilityPage() {
  const { numbers, today, asOfError } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  if (!parent) return null
  const { student } = parent
  const first = firstName(student)
  const asOf = numbers.asOf
  const jsonHref = `/api/students/${student.id}/accountability?asOf=${asOf}`

  return (
    <div className="space-y-6">
      <TextLink to={`/students/${student.id}`}>
        Back to {first}’s plan
      </TextLink>

      <div className="space-y-2">
        <h2 className="text-2xl font-semibold text-slate-900">Is the plan happening?</h2>
        <p className="text-slate-700">
          What {first}’s IEP mandates and what the session records show, up to and including {formatSchoolDate(asOf)}. Everyone on{' '}
          {first}’s team — school staff and family — sees these same numbers.
        </p>
      </div>

      <AlertList services={numbers.services} asOf={asOf} />

      <Form method="get" className="flex flex-wrap items-end gap-3" aria-label="Choose the date">
        <div className="min-w-0 flex-1 sm:max-w-xs">
          <Field
            label="Numbers as of"
            type="date"
            name="asOf"
            max={today}
            defaultValue={asOf}
            required
            errors={asOfError ? [asOfError] : undefined}
          />
        </div>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </Form>


      {numbers.services.length === 0 ? (
        <Card>
          <p className="text-slate-700">No services had started by {formatSchoolDate(asOf)}.</p>
        </Card>
      ) : (
        numbers.services.map((s) => <ServiceCard key={s.key} service={s} first={first} />)
      )}

      <AccommodationCard accommodations={numbers.accommodations} asOf={asOf} />

      <p className="no-print">
        <a href={jsonHref} download={`accountability-${asOf}.json`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
          Download these numbers (JSON)
        </a>
      </p>
    </div>
  )
}

/** Alerts first, in plain words and naming the service: the reason to read the rest of the page. */
function AlertList({ services, asOf }: { services: readonly ServiceAccountability[]; asOf: string }) {
  const alerts = services.flatMap((s) => s.alerts.map((a) => ({ key: `${s.key}-${a}`, service: s.name, text: ALERT_TEXT[a] })))
  if (services.length === 0) return null
  if (alerts.length === 0) {
    return <Alert tone="success">No alerts as of {formatSchoolDate(asOf)}: every service is on track.</Alert>
  }
  return (
    <Alert tone="warning">
      <h3 id="alerts-heading" className="text-lg font-semibold">
        Needs attention
      </h3>
      <ul aria-labelledby="alerts-heading" className="mt-1 list-disc space-y-1 pl-5">
        {alerts.map((a) => (
          <li key={a.key}>
            <span className="font-semibold">{a.service}:</span> {a.text}
          </li>
        ))}
      </ul>
    </Alert>
  )
}

function ServiceCard({ service: s, first }: { service: ServiceAccountability; first: string }) {
  const id = `service-${s.key}`
  // Not recorded is red (docs/domain.md#session-status: an undocumented session is not a delivered one); a miss may be the student's.
  const sessionCells: { label: string; value: number; tone?: 'warn' | 'bad' }[] = [
    { label: 'Due so far', value: s.sessions.due },
    { label: 'Delivered', value: s.sessions.delivered },
    { label: 'Missed', value: s.sessions.missed, tone: s.sessions.missed > 0 ? 'warn' : undefined },
    { label: 'Not recorded', value: s.sessions.unrecorded, tone: s.sessions.unrecorded > 0 ? 'bad' : undefined },
    { label: 'Still to be recorded', value: s.sessions.pending },
    { label: 'Make-up sessions', value: s.sessions.madeUp },
  ]
  const reasons = MISSED_REASONS.filter((r) => (s.missedByReason[r] ?? 0) > 0)
  return (
    <Card title={s.name} headingLevel={3} headingId={id}>
      <p className="-mt-2 text-slate-700">
        With {s.providerName} · {plural(s.minutesPerSession, 'minute')} a session, {weekdayList(s.weekdays)}
      </p>
      {s.disputedRecords > 0 ? (
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <StatusBadge tone="bad">Disputed</StatusBadge>
          <span className="text-slate-800">
            {s.disputedRecords === 1 ? '1 record of this service is' : `${s.disputedRecords} records of this service are`} disputed by the family (see the
            session log).
          </span>
        </p>
      ) : null}

      <div role="group" aria-label={`${s.name} numbers`} className="mt-4 space-y-5">
        <div className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-slate-900">
              <span className="text-2xl font-semibold">{s.minutesDelivered}</span> of {plural(s.minutesMandated, 'mandated minute')} delivered
            </p>
            <StatusBadge tone={s.sessions.due === 0 ? 'neutral' : rateTone(s.deliveryRate)}>{formatRate(s.deliveryRate)} delivered</StatusBadge>
          </div>
          <div aria-hidden="true" className="h-3 overflow-hidden rounded-full bg-slate-200">
            <div className="h-full rounded-full bg-brand-700" style={{ width: `${Math.min(100, s.deliveryRate * 100)}%` }} />
          </div>
        </div>

        <div>
          <h4 id={`${id}-sessions`} className="font-semibold text-slate-900">
            Sessions
          </h4>
          <dl aria-labelledby={`${id}-sessions`} className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
            {sessionCells.map((c) => (
              <div key={c.label} className={`rounded-md p-2 ${CELL_TONES[c.tone ?? 'plain']}`}>
                <dt className="text-sm">{c.label}</dt>
                <dd className="text-xl font-semibold">{c.value}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-sm text-slate-700">
            A session nobody recorded within 5 school days counts as <strong className="text-red-900">not recorded</strong>: an undocumented
            session is not a delivered one. Sessions of the last 5 school days are still to be recorded and are not counted yet.
          </p>
        </div>

        <div>
          <h4 className="font-semibold text-slate-900">Owed to {first}</h4>
          <p className="mt-1 text-lg font-medium text-slate-900">{ledgerSentence(s, first)}</p>
          <p className="mt-1 text-sm text-slate-700">
            Owed: each session missed for a reason the school is responsible for or not recorded, and the minutes short of any shorter
            session. Make-up sessions pay it back.
          </p>
        </div>

        <div>
          <h4 id={`${id}-reasons`} className="font-semibold text-slate-900">
            Why sessions were missed
          </h4>
          {reasons.length === 0 && s.sessions.unrecorded === 0 ? (
            <p className="mt-1 text-slate-700">No sessions were missed.</p>
          ) : (
            <ul aria-labelledby={`${id}-reasons`} className="mt-1 divide-y divide-slate-200">
              {reasons.map((r) => (
                <ReasonRow key={r} label={REASON_LABELS[r]} count={s.missedByReason[r] ?? 0} school={REASON_RESPONSIBILITY[r] === 'school'} />
              ))}
              {s.sessions.unrecorded > 0 ? <ReasonRow label={REASON_LABELS.unrecorded} count={s.sessions.unrecorded} school /> : null}
            </ul>
          )}
        </div>
      </div>

      <WeeklyTrend service={s} />
    </Card>
  )
}

const CELL_TONES = { plain: 'bg-slate-50 text-slate-900', warn: 'bg-amber-50 text-amber-950', bad: 'bg-red-50 text-red-900' } as const

function ReasonRow({ label, count, school }: { label: string; count: number; school: boolean }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span>
        {label}: <span className="font-semibold">{plural(count, 'session')}</span>
      </span>
      <StatusBadge tone={school ? 'warn' : 'neutral'}>{school ? 'School responsible' : 'Student reason'}</StatusBadge>
    </li>
  )
}

function WeeklyTrend({ service: s }: { service: ServiceAccountability }) {
  const hydrated = useHydrated()
  const weeks = s.trend
  if (weeks.length === 0) return null
  const range = `${formatMonthDay(weeks[0]!.weekOf)} to ${formatMonthDay(weeks.at(-1)!.weekOf)}`
  return (
    <div className="mt-6 space-y-3">
      <h4 className="font-semibold text-slate-900">Week by week</h4>
      <figure className="space-y-2">
        <div
          role="img"
          aria-label={`Bar chart of minutes delivered against minutes mandated for ${plural(weeks.length, 'week')}, weeks of ${range}. The table below lists the same numbers.`}
          className="h-[220px] w-full"
        >
          {hydrated ? (
            <Suspense fallback={<ChartPlaceholder />}>
              <ServiceTrendChart weeks={weeks} />
            </Suspense>
          ) : (
            <ChartPlaceholder />
          )}
        </div>
        <figcaption>
          <ul aria-label="Chart legend" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
            <li className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block size-4 border border-slate-600 bg-slate-300" />
              Minutes mandated
            </li>
            <li className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block size-4 bg-brand-700" />
              Minutes delivered (make-ups included)
            </li>
          </ul>
        </figcaption>
      </figure>
      <Table
        caption={`${s.name}: minutes per week`}
        head={<ColumnHeads columns={['Week of', { label: 'Mandated', numeric: true }, { label: 'Delivered', numeric: true }]} />}
      >
        {weeks.map((w) => (
          <tr key={w.weekOf}>
            <th scope="row" className="py-1.5 pr-4 font-normal">
              {formatMonthDay(w.weekOf)}
            </th>
            <td className="py-1.5 pr-4 text-right tabular-nums">{w.mandated}</td>
            <td className={`py-1.5 text-right tabular-nums ${w.delivered < w.mandated ? 'font-semibold text-red-900' : ''}`}>{w.delivered}</td>
          </tr>
        ))}
      </Table>
    </div>
  )
}

function ChartPlaceholder() {
  return <div className="h-full w-full animate-pulse rounded bg-slate-100" />
}

function AccommodationCard({ accommodations, asOf }: { accommodations: StudentAccountability['accommodations']; asOf: string }) {
  return (
    <Card title="Accommodations: were they used?" headingLevel={3} headingId="accommodation-use">
      <p className="text-sm text-slate-700">
        From each accommodation’s start to {formatSchoolDate(asOf)}: the days it was used, out of the days it applied. Days marked “Not
        needed” are left out of the percentage. A support for one subject or for tests counts only on days someone recorded it.
      </p>
      {accommodations.length === 0 ? (
        <p className="mt-3 text-slate-700">No accommodations had started by this date.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200" aria-label="Accommodation fidelity">
          {accommodations.map((a) => (
            <li key={a.title} className="space-y-1 py-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h4 className="font-semibold">{a.title}</h4>
                {a.applicableDays > 0 ? (
                  <StatusBadge tone={rateTone(a.fidelity)}>{formatRate(a.fidelity)} fidelity</StatusBadge>
                ) : (
                  <StatusBadge>No days yet</StatusBadge>
                )}
              </div>
              {a.applicableDays > 0 ? (
                <p className="text-slate-800">
                  Used on {a.usedDays} of {plural(a.applicableDays, 'day')} it applied.{' '}
                  <span className={a.recordedDays < a.applicableDays ? 'font-medium text-red-900' : ''}>
                    Recorded on {a.recordedDays} of those days.
                  </span>
                </p>
              ) : (
                <p className="text-slate-800">It did not apply on any recorded day.</p>
              )}
              {a.disputedChecks > 0 ? (
                <p className="flex flex-wrap items-center gap-2">
                  <StatusBadge tone="bad">Disputed</StatusBadge>
                  <span className="text-slate-800">{a.disputedChecks === 1 ? '1 daily record is' : `${a.disputedChecks} daily records are`} disputed by the family.</span>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const student = matches.find((m) => m.id === 'student')?.data as { student?: { name: string } } | undefined
  const name = student?.student?.name
  return [{ title: data ? `Is the plan happening?${name ? ` · ${name}` : ''} · Same Page` : 'Not found · Same Page' }]
}
