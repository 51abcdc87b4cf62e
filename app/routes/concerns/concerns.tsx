import { Term } from '#app/components/term.tsx'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { LadderExplainer } from './ladder-explainer.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { firstName } from '#shared/plan-labels.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { ladderStep, STATUS_LABELS, VISIBILITY_LABELS } from '#shared/concerns.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'
import { concerns } from '#shared/i18n/en/concerns.ts'
import { letters } from '#shared/i18n/en/letters.ts'

addSections({ concerns, letters })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const concerns = await loadOr404(() => context.trpc.concerns.list({ studentId: params.studentId ?? '' }))
  return { concerns }
}

const LINK = 'inline-flex min-h-11 items-center font-medium text-brand-700 underline'

/** The concern log, in the form families are told to keep, newest first. */
export default function ConcernLog() {
  const { t } = useTranslation()
  const { concerns } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  if (!parent) return null
  const base = `/students/${parent.student.id}`
  const first = firstName(parent.student)
  const mayCreate = can(parent.student.role, 'concerns.create')
  return (
    <div className="space-y-6">
      <Link to={base} className={LINK}>
        {t('concerns.backToPlan', { name: first })}
      </Link>
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold text-slate-900">{t('concerns.logTitle')}</h2>
        <p className="text-slate-700">{t('concerns.logIntro', { name: first })}</p>
        <p className="flex flex-wrap gap-x-4">
          {mayCreate ? (
            <Link to={`${base}/concerns/new`} className={LINK}>
              {t('concerns.logAConcern')}
            </Link>
          ) : null}
          <a href={`/api/students/${parent.student.id}/concerns.csv`} className={LINK} download>
            {t('concerns.downloadCsv')}
          </a>
        </p>
      </div>

      {concerns.length === 0 ? (
        <Card>
          <p className="text-slate-700">{t('concerns.noConcerns')}</p>
        </Card>
      ) : (
        <ul className="space-y-4" aria-label={t('concerns.listLabel')}>
          {concerns.map((c) => (
            <li key={c.id}>
              <Card>
                <h3 className="text-lg font-semibold text-slate-900">
                  <Link to={`${base}/concerns/${c.id}`} className="text-brand-700 underline">
                    {c.issue}
                  </Link>
                </h3>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
                  <time dateTime={c.date}>{formatDay(c.date)}</time>
                  <StatusBadge tone={c.status === 'resolved' ? 'good' : c.status === 'waiting' ? 'warn' : 'info'}>{STATUS_LABELS[c.status]}</StatusBadge>
                  <StatusBadge>{t('concerns.stepBadge', { step: c.step, title: ladderStep(c.step).title })}</StatusBadge>
                  {c.visibility === 'family' ? <StatusBadge tone="warn">{VISIBILITY_LABELS.family}</StatusBadge> : null}
                  {c.unansweredLetter ? <StatusBadge tone="bad">{t('letters.flagged')}</StatusBadge> : null}
                </p>
                <dl className="mt-2 grid gap-1 text-slate-700 sm:grid-cols-2">
                  <Term term={t('concerns.personContacted')}>{c.personContacted || '—'}</Term>
                  <Term term={t('concerns.efforts')}>{c.efforts}</Term>
                  <Term term={t('concerns.response')}>{c.response || '—'}</Term>
                  <Term term={t('concerns.followUp')}>{c.followUp || '—'}</Term>
                </dl>
                {c.suggestion ? (
                  <p className="mt-2 font-medium text-amber-900">
                    {t('concerns.suggestedStep', { step: c.suggestion.step.step, title: c.suggestion.step.title })}
                  </p>
                ) : null}
                {c.complaint ? <p className="mt-2 font-medium text-slate-900">{t('concerns.stateComplaint', { text: c.complaint.text })}</p> : null}
              </Card>
            </li>
          ))}
        </ul>
      )}

      <Card title={t('concerns.ladderTitle')} headingId="ladder">
        <p className="mb-3 text-slate-700">{t('concerns.ladderIntro')}</p>
        <LadderExplainer />
      </Card>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, translate('concerns.logTitle')) }]
