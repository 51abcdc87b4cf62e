import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { describeChanges, describeHistoryEntry, type HistoryContext } from '#shared/history-text.ts'
import { firstName } from '#shared/plan-labels.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatMoment } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import type { loader as studentLoader } from './student-layout.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { history } from '#shared/i18n/en/history.ts'
import { student } from '#shared/i18n/en/student.ts'

addSections({ history, student })

// The history service returns the latest 100 entries; the page says so when it reaches that many.
const HISTORY_LIMIT = 100

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const [history, goals] = await Promise.all([
    loadOr404(() => context.trpc.team.history({ studentId })),
    loadOr404(() => context.trpc.goals.list({ studentId })),
  ])
  return { history, goals: Object.fromEntries(goals.map((g) => [g.id, { area: g.area, unit: g.unit }])) }
}

export default function StudentHistory() {
  const { t } = useTranslation()
  const { history, goals } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  if (!parent) return null
  const { student } = parent
  const first = firstName(student)
  const ctx: HistoryContext = { goals, studentFirstName: first }

  return (
    <div className="space-y-4">
      <TextLink to={`/students/${student.id}`}>{t('student.backToPlan', { name: first })}</TextLink>
      <Card title={t('history.title')} headingLevel={2}>
        <p className="mb-4 text-slate-700">
          {t('history.intro', { name: first })}
          {history.length >= HISTORY_LIMIT ? t('history.latestOnly', { count: HISTORY_LIMIT }) : ''}
        </p>
        {history.length === 0 ? (
          <p className="text-slate-700">{t('history.noChanges')}</p>
        ) : (
          <ol className="divide-y divide-slate-200" aria-label={t('history.allChanges')}>
            {history.map((h) => {
              const changes = describeChanges(h)
              return (
                <li key={h.id} className="py-3">
                  <p className="text-slate-900">{describeHistoryEntry(h, ctx)}</p>
                  <p className="text-sm text-slate-600">
                    <time dateTime={h.at}>{formatMoment(h.at)}</time>
                  </p>
                  {changes.length ? (
                    <dl className="mt-2 space-y-2 rounded-md bg-slate-50 p-3 text-sm" aria-label={t('history.whatChanged')}>
                      {changes.map((c) => (
                        <div key={c.key}>
                          <dt className="font-semibold text-slate-800">{c.label}</dt>
                          <dd className="break-words">
                            <span className="sr-only">{t('history.before')}</span>
                            <del className="text-red-900">{c.before}</del>
                            <span aria-hidden="true" className="px-1.5 text-slate-500">
                              {t('history.arrow')}
                            </span>
                            <span className="sr-only">{t('history.after')}</span>
                            <ins className="text-emerald-900 no-underline">{c.after}</ins>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                </li>
              )
            })}
          </ol>
        )}
      </Card>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => {
  const data = matches.find((m) => m.id === 'student')?.data as { student?: { name: string } } | undefined
  return [{ title: data?.student ? t('history.pageTitle', { name: data.student.name }) : t('student.notFoundTitle') }]
}
