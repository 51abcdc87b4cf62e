import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react'
import { lazy, Suspense } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { buttonClasses } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { ProgressPointForm } from './progress-point-form.tsx'
import { ProgressPointsTable } from './progress-points-table.tsx'
import { AttachmentsCard } from '#app/components/attachments-card.tsx'
import { openFilesOwner } from '#shared/attachments.ts'
import { submitForm, type RefusedForm } from './submit-form.server.ts'
import { RegulationMark } from '#app/components/regulation-mark.tsx'
import { MasteryBadge } from './mastery-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { areaLabel, firstName, formatGoalValue, REGULATION_LABELS } from '#shared/plan-labels.ts'
import { typedValue } from '#app/utils/plan-form.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { describeRule, RECENT_POINTS } from '#shared/mastery.ts'
import { can } from '#shared/permissions.ts'
import { activeLanguage, addSections, t } from '#shared/i18n/i18n.ts'
import { formatDay, formatMoment } from '#shared/i18n/format.ts'
import { addDays, localIsoDate } from '#shared/school-date.ts'
import { EFFECT_KIND_LABELS } from '#shared/effects.ts'
import { goalPageFormSchema, PLAIN_PARTS, REGULATION_STATES, UNIT_LABELS } from '#shared/schemas/plan.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { ReaderTextNote, TranslationStatus } from '#app/components/translation-notes.tsx'
import { goalForReader } from '#shared/plain-translations.ts'
import { attachments } from '#shared/i18n/en/attachments.ts'
import { effects } from '#shared/i18n/en/effects.ts'
import { goals } from '#shared/i18n/en/goals.ts'
import { iepCalendar } from '#shared/i18n/en/iepCalendar.ts'

addSections({ attachments, effects, goals, iepCalendar })

// Recharts is only needed once the page is interactive: its own chunk keeps it off the first paint.
const GoalProgressChart = lazy(() => import('./goal-progress-chart.client.tsx'))

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const goalId = params.goalId ?? ''
  const goal = await loadOr404(() => context.trpc.goals.get({ studentId, goalId }))
  // Files on the data points: counted for all, listed for the one point opened (docs/attachments.md).
  const counts = await loadOr404(() => context.trpc.attachments.counts({ studentId, ownerKind: 'progress_point' }))
  const openId = openFilesOwner(new URL(request.url).searchParams)
  const openPoint = goal.points.find((p) => p.id === openId)
  const openFiles = openPoint
    ? { pointId: openPoint.id, date: openPoint.date, list: await loadOr404(() => context.trpc.attachments.list({ studentId, ownerKind: 'progress_point', ownerId: openPoint.id })) }
    : null
  // The server's school day, the same one progress.add checks "no future dates" against.
  // The plain summary in the reader's language where someone wrote it (docs/languages.md#plain-summaries).
  return { goal: goalForReader(goal, activeLanguage()), counts, openFiles, today: localIsoDate(context.now()) }
}

type ActionData =
  | { intent: 'add'; ok: true; pointId: string; value: number; date: string }
  | ({ intent: 'add' } & RefusedForm)
  | { intent: 'void'; ok: true; pointId: string }
  | ({ intent: 'void' } & RefusedForm)
  | { intent: 'unknown'; ok: false; message: string }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const goalId = params.goalId ?? ''
  const result = await submitForm(await request.formData(), goalPageFormSchema, async (input) => {
    if (input.intent === 'void') {
      await context.trpc.progress.void({ studentId, pointId: input.pointId, reason: input.reason })
      return { intent: input.intent, ok: true as const, pointId: input.pointId }
    }
    const { intent, mode, value, trials, ...point } = input
    // Only the way the adult chose counts: a value typed before switching to trials is not sent.
    const added = await context.trpc.progress.add({ studentId, goalId, ...point, ...(mode === 'trials' ? { trials } : { value }) })
    return { intent, ok: true as const, pointId: added.pointId, value: added.value, date: point.date }
  })
  if (result.ok) return result.data
  // A refusal goes back to the form it came from.
  const intent = typedValue(result.values, 'intent')
  if (intent === 'add' || intent === 'void') return { intent, ...result }
  return { intent: 'unknown', ok: false, message: t('goals.unknownAction') }
}

/** "Tue, Nov 24", "Tue, Nov 24 and Wed, Nov 25", "a, b and c". */
function listDates(dates: string[]): string {
  const f = dates.map((d) => formatDay(d))
  return f.length <= 1 ? (f[0] ?? '') : t('goals.listAnd', { rest: f.slice(0, -1).join(', '), last: f.at(-1) ?? '' })
}

export default function GoalPage() {
  const { t } = useTranslation()
  const { goal, counts, openFiles, today } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const hydrated = useHydrated()
  if (!parent) return null
  const { student } = parent
  const first = firstName(student)
  // A goal ended with an earlier plan is read, never added to or changed (docs/iep-calendar.md).
  const canRecord = can(student.role, 'progress.record') && !goal.ended
  const canEditPlain = can(student.role, 'goal.editPlain') && !goal.ended
  const unit = UNIT_LABELS[goal.unit]
  const area = areaLabel(goal.area)

  const valid = goal.points.filter((p) => !p.voidedAt)
  // What happened next at home (docs/effects.md), beside the data point of that day or of the day before.
  const marks = effectMarks(valid, goal.effects)
  const canRecordEffect = can(student.role, 'effects.record')
  const recentDysregulated = valid.slice(-RECENT_POINTS).filter((p) => p.regulation === 'dysregulated')
  const addFailure = actionData?.intent === 'add' && !actionData.ok ? actionData : null
  const added = actionData?.intent === 'add' && actionData.ok ? actionData : null
  const voidFailure = actionData?.intent === 'void' && !actionData.ok ? actionData : null
  const voided = actionData?.intent === 'void' && actionData.ok
  const otherFailure = actionData?.intent === 'unknown' ? actionData : null

  return (
    <div className="space-y-6">
      <nav aria-label={t('goals.goalLinks')} className="flex flex-wrap items-center gap-2">
        <TextLink to={`/students/${student.id}`}>{t('goals.backToPlan', { name: first })}</TextLink>
        <span className="flex-1" />
        {canRecord ? (
          <a href="#add-point" className={buttonClasses('primary')}>
            {t('goals.addPoint')}
          </a>
        ) : null}
        {canEditPlain ? (
          <Link to={`/students/${student.id}/goals/${goal.id}/edit`} className={buttonClasses('secondary')}>
            {t('goals.editTitle')}
          </Link>
        ) : null}
        <Link to={`/students/${student.id}/history`} className={buttonClasses('secondary')}>
          {t('goals.history')}
        </Link>
      </nav>

      <div className="space-y-2">
        <h2 className="text-2xl font-semibold text-slate-900">{t('goals.areaGoal', { area })}</h2>
        <p className="flex flex-wrap items-center gap-2 text-slate-800">
          <MasteryBadge status={goal.status.status} />
          <span>{goal.status.reason}</span>
        </p>
      </div>

      {goal.ended ? (
        <Alert tone="info">
          <p>{t('iepCalendar.goalEnded', { date: formatMoment(goal.ended.at, 'date'), reason: goal.ended.reason })}</p>
        </Alert>
      ) : null}
      {goal.metOnPaper ? (
        <Alert tone="warning">
          <h3 className="text-lg font-semibold">{t('goals.metOnPaper', { name: first })}</h3>
          {recentDysregulated.length > 0 ? (
            <p className="mt-1">
              {t('goals.metOnPaperBody', {
                count: recentDysregulated.length,
                total: Math.min(RECENT_POINTS, valid.length),
                name: first,
                dates: listDates(recentDysregulated.map((p) => p.date)),
              })}
            </p>
          ) : null}
          {goal.metOnPaperEffects > 0 ? <p className="mt-1">{t('effects.countsForFlag', { count: goal.metOnPaperEffects })}</p> : null}
        </Alert>
      ) : null}
      {otherFailure ? <Alert>{otherFailure.message}</Alert> : null}

      <Card title={t('goals.theGoal')} headingLevel={3}>
        <div className="grid gap-6 md:grid-cols-2">
          <section aria-labelledby="official-heading" className="space-y-2">
            <h4 id="official-heading" className="font-semibold text-slate-900">
              {t('goals.officialIepText')}
            </h4>
            <blockquote className="border-l-4 border-slate-300 pl-3 text-slate-800">{goal.officialText}</blockquote>
          </section>
          <section aria-labelledby="plain-heading" className="space-y-2">
            <h4 id="plain-heading" className="font-semibold text-slate-900">
              {t('goals.plainLegend')}
            </h4>
            <dl className="space-y-3">
              {PLAIN_PARTS.map((part) => (
                <div key={part.key}>
                  <dt className="text-sm font-semibold uppercase tracking-wide text-brand-800">{part.label}</dt>
                  <dd className="text-slate-900" lang={goal.plainIn.language}>
                    {goal.plain[part.key]}
                  </dd>
                </div>
              ))}
            </dl>
            <ReaderTextNote state={goal.plainIn} />
            {canEditPlain ? (
              <TranslationStatus
                translations={goal.translations}
                hrefFor={(language) => `/students/${student.id}/goals/${goal.id}/plain/${language}`}
                linkText={(language, written) => t(written ? 'languages.translation.goalLinkChange' : 'languages.translation.goalLink', { language })}
              />
            ) : null}
          </section>
        </div>
        <dl className="mt-6 grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm font-semibold text-slate-700">{t('goals.baselineStarted', { name: first })}</dt>
            <dd>{goal.baseline}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold text-slate-700">{t('goals.target')}</dt>
            <dd>{goal.target}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold text-slate-700">{t('goals.countsAsMet')}</dt>
            <dd>{describeRule(goal.mastery, unit)}</dd>
          </div>
        </dl>
        <p className="mt-4 text-sm text-slate-600">
          {t('goals.version', { version: goal.version, name: goal.updatedBy, date: formatMoment(goal.updatedAt, 'date') })}
        </p>
      </Card>

      <Card title={t('goals.progress')} headingLevel={3}>
        {voided ? (
          <div className="mb-4">
            <Alert tone="success">{t('goals.voided')}</Alert>
          </div>
        ) : null}
        {valid.length === 0 ? (
          <p className="text-slate-700">{t('goals.noData')}</p>
        ) : (
          <figure className="space-y-3">
            <div
              role="img"
              aria-label={[
                t('goals.chartLabel', {
                  n: valid.length,
                  from: formatDay(valid[0]!.date),
                  to: formatDay(valid.at(-1)!.date),
                  goal: formatGoalValue(goal.mastery.threshold, goal.unit),
                }),
                marks.list.length > 0 ? t('effects.chartText', { count: marks.list.length, list: marks.list.map((m) => m.text).join('; ') }) : '',
              ]
                .filter(Boolean)
                .join(' ')}
              className="h-[260px] w-full"
            >
              {hydrated ? (
                <Suspense fallback={<ChartPlaceholder />}>
                  <GoalProgressChart
                    points={valid.map((p) => ({ id: p.id, date: p.date, value: p.value, regulation: p.regulation, effects: marks.byPoint.get(p.id) }))}
                    threshold={goal.mastery.threshold}
                    unit={goal.unit}
                  />
                </Suspense>
              ) : (
                <ChartPlaceholder />
              )}
            </div>
            <figcaption>
              <ul aria-label={t('goals.chartLegend')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
                {REGULATION_STATES.map((r) => (
                  <li key={r} className="inline-flex items-center gap-1.5">
                    <RegulationMark state={r} size={16} />
                    {REGULATION_LABELS[r]}
                  </li>
                ))}
                <li className="inline-flex items-center gap-1.5">
                  <span aria-hidden="true" className="inline-block w-6 border-t-2 border-dashed border-slate-800" />
                  {t('goals.goalLine')}
                </li>
                {marks.list.length > 0 ? (
                  <li className="inline-flex items-center gap-1.5">
                    <span aria-hidden="true" className="inline-block h-3 w-3 rotate-45 bg-amber-600" />
                    {t('effects.onChart')}
                  </li>
                ) : null}
              </ul>
              {marks.list.length > 0 ? (
                <div className="mt-3">
                  <h4 className="font-semibold text-slate-900">{t('effects.onChart')}</h4>
                  <ul className="list-disc pl-5 text-slate-800" aria-label={t('effects.onChart')}>
                    {marks.list.map((m) => (
                      <li key={m.id}>{m.text}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </figcaption>
          </figure>
        )}
        {canRecordEffect ? (
          <p className="mt-4">
            <TextLink to={`/students/${student.id}/effects?goal=${goal.id}`}>{t('effects.recordLink')}</TextLink>
          </p>
        ) : null}
        {goal.points.length > 0 ? (
          <div className="mt-6 space-y-2">
            <h4 className="font-semibold text-slate-900">{t('goals.allPoints')}</h4>
            <ProgressPointsTable
              points={goal.points}
              unit={goal.unit}
              canVoid={canRecord}
              voidFailure={voidFailure}
              busy={busy}
              files={{ counts, mayAdd: can(student.role, 'attachments.add') }}
            />
          </div>
        ) : null}
        {openFiles ? (
          <div className="mt-4">
            <AttachmentsCard
              bare
              headingLevel={4}
              studentId={student.id}
              ownerKind="progress_point"
              ownerId={openFiles.pointId}
              list={openFiles.list}
              title={t('attachments.filesOf', { name: t('attachments.pointName', { date: formatDay(openFiles.date) }) })}
              closeTo="."
            />
          </div>
        ) : null}
      </Card>

      {canRecord ? (
        <div id="add-point" className="scroll-mt-4">
          <Card title={t('goals.addPoint')} headingLevel={3}>
            {added ? (
              <div className="mb-4">
                <Alert tone="success">
                  {t('goals.added', { value: formatGoalValue(added.value, goal.unit), date: formatDay(added.date) })}
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

/**
 * Each effect at home beside its data point: the point of the same day, else the point of the day before (a child who
 * held it together at school and fell apart at home, or would not go back the next morning). The list is the chart's
 * text alternative; an effect with no point near it is listed without a mark.
 */
function effectMarks(points: { id: string; date: string }[], effects: { id: string; date: string; kind: keyof typeof EFFECT_KIND_LABELS }[]) {
  const byPoint = new Map<string, string>()
  const list = [...effects]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => {
      const point = points.findLast((p) => p.date === e.date) ?? points.findLast((p) => p.date === addDays(e.date, -1))
      const kind = EFFECT_KIND_LABELS[e.kind]
      if (!point) return { id: e.id, text: t('effects.chartItem', { kind, date: formatDay(e.date) }) }
      byPoint.set(point.id, [byPoint.get(point.id), kind].filter(Boolean).join(', '))
      return { id: e.id, text: t('effects.afterPoint', { kind, date: formatDay(e.date), point: formatDay(point.date) }) }
    })
  return { byPoint, list }
}

function ChartPlaceholder() {
  return <div className="h-full w-full animate-pulse rounded bg-slate-100" />
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? studentPageTitle(matches, t('goals.areaGoal', { area: areaLabel(data.goal.area) }))
      : t('common.titleSuffix', { title: t('common.notFound') }),
  },
]
