import { lazy, type ReactNode, Suspense } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Card } from '#app/components/card.tsx'
import { areaLabel, formatGoalValue, REGULATION_LABELS } from '#shared/plan-labels.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { codeLabel, MIN_POINTS_TO_JUDGE, type ProgressReportDoc, type ReportGoal } from '#shared/progress-report.ts'
import { REASON_LABELS, type MissedReason } from '#shared/services.ts'
import { fidelityDaysSentence, fidelityReading } from '#shared/fidelity-words.ts'
import { reports } from '#shared/i18n/en/reports.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ reports })

const GoalProgressChart = lazy(() => import('../goals/goal-progress-chart.client.tsx'))

/** The cautions of one goal, in words a parent can read: the first thing under the goal's heading. */
export function GoalCautions({ goal, studentName }: { goal: ReportGoal; studentName: string }) {
  const { t } = useTranslation()
  if (goal.cautions.length === 0) return null
  return (
    <Alert tone="warning">
      <ul className="space-y-1">
        {goal.cautions.map((c) => (
          <li key={c}>
            {c === 'met_on_paper'
              ? t('reports.cautions.met_on_paper', { name: studentName })
              : t('reports.cautions.too_few_points', { count: goal.points.length, needed: Math.max(MIN_POINTS_TO_JUDGE, goal.mastery.consecutive) })}
          </li>
        ))}
      </ul>
    </Alert>
  )
}

/** One goal's data for the period: the chart, the numbers behind it, and how the student was when each was taken. */
function GoalData({ goal }: { goal: ReportGoal }) {
  const { t } = useTranslation()
  const hydrated = useHydrated()
  if (goal.points.length === 0) return <p className="text-slate-700">{t('reports.view.noData')}</p>
  return (
    <div className="space-y-2">
      <p className="text-slate-800">
        {t('reports.view.regulation', { count: goal.points.length, calm: goal.regulation.calm, uneasy: goal.regulation.uneasy, dysregulated: goal.regulation.dysregulated })}
      </p>
      <div className="h-[220px] w-full" role="img" aria-label={t('reports.view.chartLabel', { count: goal.points.length, goal: formatGoalValue(goal.mastery.threshold, goal.unit) })}>
        {hydrated ? (
          <Suspense fallback={null}>
            <GoalProgressChart
              points={goal.points.map((p, i) => ({ id: `${p.date}-${i}`, date: p.date, value: p.value, regulation: p.regulation }))}
              threshold={goal.mastery.threshold}
              unit={goal.unit}
            />
          </Suspense>
        ) : null}
      </div>
      <details>
        <summary className="cursor-pointer text-slate-800">{t('reports.view.pointsTable')}</summary>
        <ul className="mt-2 space-y-1 text-sm">
          {goal.points.map((p, i) => (
            <li key={`${p.date}-${i}`}>
              <time dateTime={p.date}>{formatDay(p.date)}</time>: {formatGoalValue(p.value, goal.unit)} · {REGULATION_LABELS[p.regulation]}
            </li>
          ))}
        </ul>
      </details>
    </div>
  )
}

/**
 * A progress report, read-only: each goal (with `goalExtra` under it: the draft's form, on the draft page), then
 * services, supports and open concerns. The same document whether it is a draft or an issued version.
 */
export function ReportView({ doc, goalExtra }: { doc: ProgressReportDoc; goalExtra?: (goal: ReportGoal) => ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="space-y-6">
      <Card title={t('reports.view.goalsHeading')} headingId="report-goals">
        <ol className="space-y-8">
          {doc.goals.map((g) => (
            <li key={g.goalId} className="space-y-3" aria-labelledby={`goal-${g.goalId}`}>
              <h3 id={`goal-${g.goalId}`} className="text-lg font-semibold text-slate-900">
                {t('reports.view.goalHeading', { area: areaLabel(g.area) })}
              </h3>
              <GoalCautions goal={g} studentName={doc.student.name.split(' ')[0] ?? doc.student.name} />
              <p className="text-slate-900">{g.plain.means}</p>
              <p className="text-sm text-slate-700">
                <span className="font-medium">{t('reports.view.official')}</span> {g.officialText}
              </p>
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="font-medium">{t('reports.view.baseline')}</dt>
                <dd>{g.baseline}</dd>
                <dt className="font-medium">{t('reports.view.target')}</dt>
                <dd>{g.target}</dd>
                <dt className="font-medium">{t('reports.view.rule')}</dt>
                <dd>{g.ruleText}</dd>
                <dt className="font-medium">{t('reports.view.trend')}</dt>
                <dd>{g.status.reason}</dd>
              </dl>
              <GoalData goal={g} />
              {goalExtra ? (
                goalExtra(g)
              ) : (
                <div className="rounded-md bg-slate-50 p-3">
                  <p className="font-medium text-slate-900">{t('reports.view.code', { code: codeLabel(doc.codes, g.code) ?? t('reports.view.noCode') })}</p>
                  {g.narrative ? <p className="mt-1 whitespace-pre-line text-slate-800">{g.narrative}</p> : null}
                </div>
              )}
            </li>
          ))}
        </ol>
        {doc.goals.length === 0 ? <p className="text-slate-700">{t('reports.view.noGoals')}</p> : null}
      </Card>
      <Card title={t('reports.view.servicesHeading')} headingId="report-services">
        {doc.services.length === 0 ? <p className="text-slate-700">{t('reports.view.noServices')}</p> : null}
        <ul className="space-y-3">
          {doc.services.map((s) => (
            <li key={s.key}>
              <p className="font-medium text-slate-900">{t('reports.view.serviceLine', { name: s.name, provider: s.providerName })}</p>
              <p className="text-slate-800">{t('reports.view.minutes', { delivered: s.minutesDelivered, mandated: s.minutesMandated })}</p>
              <p className="text-sm text-slate-700">
                {t('reports.view.sessions', { due: s.sessions.due, delivered: s.sessions.delivered, missed: s.sessions.missed, unrecorded: s.sessions.unrecorded, madeUp: s.sessions.madeUp })}
              </p>
              {Object.keys(s.missedByReason).length ? (
                <p className="text-sm text-slate-700">
                  {t('reports.view.missedWhy', {
                    reasons: (Object.entries(s.missedByReason) as [MissedReason, number][]).map(([r, n]) => `${REASON_LABELS[r]} (${n})`).join(', '),
                  })}
                </p>
              ) : null}
              <p className="text-sm text-slate-700">{t('reports.view.ledger', { owed: s.ledger.minutesOwed, madeUp: s.ledger.minutesMadeUp, balance: s.ledger.balanceAtEnd })}</p>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('reports.view.supportsHeading')} headingId="report-supports">
        {doc.accommodations.length === 0 ? <p className="text-slate-700">{t('reports.view.noSupports')}</p> : null}
        <ul className="space-y-1">
          {doc.accommodations.map((a) => (
            <li key={a.title}>
              <span className="font-medium">
                {fidelityReading(a) === 'share' ? t('reports.view.supportShare', { title: a.title, percent: Math.round(a.fidelity * 100) }) : a.title}
              </span>
              : {fidelityDaysSentence(a) ?? t('reports.view.supportNoDays')}
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('reports.view.concernsHeading')} headingId="report-concerns">
        {doc.concerns.length === 0 ? <p className="text-slate-700">{t('reports.view.noConcerns')}</p> : null}
        <ul className="space-y-1">
          {doc.concerns.map((c, i) => (
            <li key={i}>
              <time dateTime={c.date}>{formatDay(c.date, 'medium')}</time>: {c.issue} ({c.linkedTo.join(', ')})
            </li>
          ))}
        </ul>
      </Card>
    </div>
  )
}
