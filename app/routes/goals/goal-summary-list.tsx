import { Link } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import type { MasteryStatus } from '#shared/mastery.ts'
import { MasteryBadge } from './mastery-badge.tsx'
import { ReaderTextNote, type ReaderTextState } from '#app/components/translation-notes.tsx'
import { goals } from '#shared/i18n/en/goals.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ goals })

export interface GoalSummary {
  id: string
  area: string
  plain: { means: string }
  /** The language `plain` is in, for a reader of another language (docs/languages.md#plain-summaries). */
  plainIn?: ReaderTextState
  target: string
  status: { status: MasteryStatus; reason: string }
  metOnPaper: boolean
}

export function GoalSummaryList({ goals, studentId, firstName }: { goals: GoalSummary[]; studentId: string; firstName: string }) {
  const { t } = useTranslation()
  if (goals.length === 0) return <p className="text-slate-700">{t('goals.noGoalsWritten')}</p>
  return (
    <ul className="divide-y divide-slate-200" aria-label={t('goals.goalsList')}>
      {goals.map((g) => (
        <li key={g.id} className="space-y-1 py-3">
          <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">{g.area}</p>
          <Link
            to={`/students/${studentId}/goals/${g.id}`}
            lang={g.plainIn?.language}
            className="text-lg font-medium text-brand-700 underline-offset-2 hover:underline"
          >
            {g.plain.means}
          </Link>
          {g.plainIn ? <ReaderTextNote state={g.plainIn} /> : null}
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <MasteryBadge status={g.status.status} />
            <span>{t('goals.targetIs', { target: g.target })}</span>
          </p>
          {g.metOnPaper ? (
            <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm font-medium text-amber-900">
              {t('goals.metOnPaper', { name: firstName })}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
