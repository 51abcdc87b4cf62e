import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react'
import { lazy, Suspense } from 'react'
import { Alert } from '#app/components/alert.tsx'
import { buttonClasses } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { ProgressPointForm, type ProgressFormFailure, type ProgressFormValues } from './progress-point-form.tsx'
import { ProgressPointsTable, type VoidFailure } from './progress-points-table.tsx'
import { RegulationMark } from '#app/components/regulation-mark.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { areaLabel, firstName, formatGoalValue, REGULATION_LABELS } from '#app/utils/plan-labels.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { describeRule, MASTERY_LABELS, RECENT_POINTS, type MasteryStatus } from '#shared/mastery.ts'
import { can } from '#shared/permissions.ts'
import { formatSchoolDate, localIsoDate } from '#shared/school-date.ts'
import { PLAIN_PARTS, REGULATION_STATES, UNIT_LABELS, type PromptLevel, type RegulationState, type TrialResult } from '#shared/schemas/plan.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'
import { TextLink } from '#app/components/text-link.tsx'

// Recharts is only needed once the page is interactive: its own chunk keeps it off the first paint.
const GoalProgressChart = lazy(() => import('./goal-progress-chart.client.tsx'))

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const goalId = params.goalId ?? ''
  const goal = await loadOr404(() => context.trpc.goals.get({ studentId, goalId }))
  // The server's school day, the same one progress.add checks "no future dates" against.
  return { goal, today: localIsoDate(context.now()) }
}

function readPointForm(form: FormData): ProgressFormValues {
  const s = (key: string) => String(form.get(key) ?? '')
  return {
    date: s('date'),
    mode: s('mode') === 'trials' ? 'trials' : 'value',
    value: s('value').trim(),
    trials: s('trials'),
    promptLevel: s('promptLevel'),
    regulation: s('regulation'),
    note: s('note'),
  }
}

type ActionData =
  | { intent: 'add'; ok: true; pointId: string; value: number; date: string }
  | ({ intent: 'add'; ok: false } & ProgressFormFailure)
  | { intent: 'void'; ok: true; pointId: string }
  | ({ intent: 'void'; ok: false } & VoidFailure)
  | { intent: 'unknown'; ok: false; message: string }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const goalId = params.goalId ?? ''
  const form = await request.formData()
  const intent = form.get('intent')

  if (intent === 'add') {
    const values = readPointForm(form)
    const trials = values.trials.split(',').filter(Boolean) as TrialResult[]
    const result = await actionResult(() =>
      context.trpc.progress.add({
        studentId,
        goalId,
        date: values.date,
        value: values.mode === 'value' && values.value !== '' ? Number(values.value) : undefined,
        trials: values.mode === 'trials' && trials.length ? trials : undefined,
        // The schema checks these against its lists; an unknown word comes back as a field error.
        promptLevel: values.promptLevel as PromptLevel,
        regulation: values.regulation as RegulationState,
        note: values.note,
      }),
    )
    if (!result.ok) {
      const fieldErrors = { ...result.fieldErrors }
      // zod runs the schema's "a value or trials" rule only once the other fields pass; say it in the same
      // round, so the adult fixes everything at once.
      const missing = values.mode === 'value' ? values.value === '' : trials.length === 0
      if (missing && !fieldErrors.value && !fieldErrors.trials) fieldErrors.value = ['Enter a value, or tap a result for each trial.']
      return { intent, ok: false, message: result.message, fieldErrors, values }
    }
    return { intent, ok: true, pointId: result.data.pointId, value: result.data.value, date: values.date }
  }

  if (intent === 'void') {
    const pointId = String(form.get('pointId') ?? '')
    const reason = String(form.get('reason') ?? '')
    const result = await actionResult(() => context.trpc.progress.void({ studentId, pointId, reason }))
    if (!result.ok) return { intent, ok: false, pointId, reason, message: result.message, fieldErrors: result.fieldErrors }
    return { intent, ok: true, pointId }
  }

  return { intent: 'unknown', ok: false, message: 'That action is not known.' }
}

const STATUS_TONES: Record<MasteryStatus, 'good' | 'info' | 'warn' | 'neutral'> = {
  met: 'good',
  on_track: 'info',
  needs_attention: 'warn',
  no_data: 'neutral',
}

/** "Tue, Nov 24", "Tue, Nov 24 and Wed, Nov 25", "a, b and c". */
function listDates(dates: string[]): string {
  const f = dates.map(formatSchoolDate)
  return f.length <= 1 ? (f[0] ?? '') : `${f.slice(0, -1).join(', ')} and ${f.at(-1)}`
}

export default function GoalPage() {
  const { goal, today } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const hydrated = useHydrated()
  if (!parent) return null
  const { student } = parent
  const first = firstName(student)
  const role = student.role
  const unit = UNIT_LABELS[goal.unit]
  const area = areaLabel(goal.area)

  const valid = goal.points.filter((p) => !p.voidedAt)
  const recentDysregulated = valid.slice(-RECENT_POINTS).filter((p) => p.regulation === 'dysregulated')
  const addFailure = actionData?.intent === 'add' && !actionData.ok ? actionData : null
  const added = actionData?.intent === 'add' && actionData.ok ? actionData : null
  const voidFailure = actionData?.intent === 'void' && !actionData.ok ? actionData : null
  const voided = actionData?.intent === 'void' && actionData.ok
  const otherFailure = actionData?.intent === 'unknown' ? actionData : null

  return (
    <div className="space-y-6">
      <nav aria-label="Goal links" className="flex flex-wrap items-center gap-2">
        <TextLink to={`/students/${student.id}`}>
          Back to {first}’s plan
        </TextLink>
        <span className="flex-1" />
        {can(role, 'progress.record') ? (
          <a href="#add-point" className={buttonClasses('primary')}>
            Add a data point
          </a>
        ) : null}
        {can(role, 'goal.editPlain') ? (
          <Link to={`/students/${student.id}/goals/${goal.id}/edit`} className={buttonClasses('secondary')}>
            Edit goal
          </Link>
        ) : null}
        <Link to={`/students/${student.id}/history`} className={buttonClasses('secondary')}>
          History
        </Link>
      </nav>

      <div className="space-y-2">
        <h2 className="text-2xl font-semibold text-slate-900">{area} goal</h2>
        <p className="flex flex-wrap items-center gap-2 text-slate-800">
          <StatusBadge tone={STATUS_TONES[goal.status.status]}>{MASTERY_LABELS[goal.status.status]}</StatusBadge>
          <span>{goal.status.reason}</span>
        </p>
      </div>

      {goal.metOnPaper ? (
        <Alert tone="warning">
          <h3 className="text-lg font-semibold">Met on paper — check how {first} is really doing</h3>
          <p className="mt-1">
            The latest numbers reach the goal, but{' '}
            {recentDysregulated.length === 1
              ? 'one of the last data points was'
              : `${recentDysregulated.length} of the last ${Math.min(RECENT_POINTS, valid.length)} data points were`}{' '}
            recorded while {first} was dysregulated ({listDates(recentDysregulated.map((p) => p.date))}).
          </p>
        </Alert>
      ) : null}
      {otherFailure ? <Alert>{otherFailure.message}</Alert> : null}

      <Card title="The goal" headingLevel={3}>
        <div className="grid gap-6 md:grid-cols-2">
          <section aria-labelledby="official-heading" className="space-y-2">
            <h4 id="official-heading" className="font-semibold text-slate-900">
              Official IEP text
            </h4>
            <blockquote className="border-l-4 border-slate-300 pl-3 text-slate-800">{goal.officialText}</blockquote>
          </section>
          <section aria-labelledby="plain-heading" className="space-y-2">
            <h4 id="plain-heading" className="font-semibold text-slate-900">
              In plain words
            </h4>
            <dl className="space-y-3">
              {PLAIN_PARTS.map((part) => (
                <div key={part.key}>
                  <dt className="text-sm font-semibold uppercase tracking-wide text-brand-800">{part.label}</dt>
                  <dd className="text-slate-900">{goal.plain[part.key]}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
        <dl className="mt-6 grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm font-semibold text-slate-700">Baseline (where {first} started)</dt>
            <dd>{goal.baseline}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold text-slate-700">Target</dt>
            <dd>{goal.target}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold text-slate-700">Counts as met when</dt>
            <dd>{describeRule(goal.mastery, unit)}</dd>
          </div>
        </dl>
        <p className="mt-4 text-sm text-slate-600">
          Version {goal.version}, last changed by {goal.updatedBy} on{' '}
          {new Date(goal.updatedAt).toLocaleDateString('en-US', { dateStyle: 'medium' })}.
        </p>
      </Card>

      <Card title="Progress" headingLevel={3}>
        {voided ? (
          <div className="mb-4">
            <Alert tone="success">The data point was voided. It stays in the table, struck through, with your reason.</Alert>
          </div>
        ) : null}
        {valid.length === 0 ? (
          <p className="text-slate-700">No data recorded yet.</p>
        ) : (
          <figure className="space-y-3">
            <div
              role="img"
              aria-label={`Chart of ${valid.length} data points from ${formatSchoolDate(valid[0]!.date)} to ${formatSchoolDate(
                valid.at(-1)!.date,
              )}, with the goal line at ${formatGoalValue(goal.mastery.threshold, goal.unit)}. The table below lists every point.`}
              className="h-[260px] w-full"
            >
              {hydrated ? (
                <Suspense fallback={<ChartPlaceholder />}>
                  <GoalProgressChart
                    points={valid.map((p) => ({ id: p.id, date: p.date, value: p.value, regulation: p.regulation }))}
                    threshold={goal.mastery.threshold}
                    unit={goal.unit}
                  />
                </Suspense>
              ) : (
                <ChartPlaceholder />
              )}
            </div>
            <figcaption>
              <ul aria-label="Chart legend" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
                {REGULATION_STATES.map((r) => (
                  <li key={r} className="inline-flex items-center gap-1.5">
                    <RegulationMark state={r} size={16} />
                    {REGULATION_LABELS[r]}
                  </li>
                ))}
                <li className="inline-flex items-center gap-1.5">
                  <span aria-hidden="true" className="inline-block w-6 border-t-2 border-dashed border-slate-800" />
                  Goal line
                </li>
              </ul>
            </figcaption>
          </figure>
        )}
        {goal.points.length > 0 ? (
          <div className="mt-6 space-y-2">
            <h4 className="font-semibold text-slate-900">All data points</h4>
            <ProgressPointsTable
              points={goal.points}
              unit={goal.unit}
              canVoid={can(role, 'progress.record')}
              voidFailure={voidFailure}
              busy={busy}
            />
          </div>
        ) : null}
      </Card>

      {can(role, 'progress.record') ? (
        <div id="add-point" className="scroll-mt-4">
          <Card title="Add a data point" headingLevel={3}>
            {added ? (
              <div className="mb-4">
                <Alert tone="success">
                  Added {formatGoalValue(added.value, goal.unit)} for {formatSchoolDate(added.date)}.
                </Alert>
              </div>
            ) : null}
            <ProgressPointForm
              key={added?.pointId ?? 'new'}
              unit={goal.unit}
              studentFirstName={first}
              today={today}
              failure={addFailure}
              busy={busy}
            />
          </Card>
        </div>
      ) : null}
    </div>
  )
}

function ChartPlaceholder() {
  return <div className="h-full w-full animate-pulse rounded bg-slate-100" />
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const student = matches.find((m) => m.id === 'student')?.data as { student?: { name: string } } | undefined
  const name = student?.student?.name
  return [{ title: data ? `${areaLabel(data.goal.area)} goal${name ? ` · ${name}` : ''} · Same Page` : 'Not found · Same Page' }]
}
