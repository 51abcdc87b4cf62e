import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatDay, formatMoment } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import type { loader as studentLoader } from '../student/student-layout.tsx'
import { reports } from '#shared/i18n/en/reports.ts'

addSections({ reports })

// /students/:studentId/reports: every reporting period and where its progress report stands. A parent sees the
// issued reports only.

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const reports = await loadOr404(() => context.trpc.reports.list({ studentId: params.studentId ?? '' }))
  return { reports, userId: context.auth.user?.id ?? '' }
}

export default function Reports() {
  const { t } = useTranslation()
  const { reports, userId } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  if (!parent) return null
  const staff = can(parent.student.role, 'reports.viewDraft')
  const base = `/students/${parent.student.id}/reports`
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold text-slate-900">{t('reports.list.title')}</h2>
        <p className="text-slate-700">{staff ? t('reports.list.introStaff') : t('reports.list.introFamily')}</p>
      </div>
      <Card>
        {reports.length === 0 ? <p className="text-slate-700">{staff ? t('reports.list.noPeriods') : t('reports.list.noneIssued')}</p> : null}
        <ul className="divide-y divide-slate-200" aria-label={t('reports.list.title')}>
          {reports.map((r) => {
            const latest = r.versions.at(-1)
            const acked = latest?.acknowledgments.some((a) => a.userId === userId)
            return (
              <li key={r.period.id} className="space-y-1 py-3">
                <TextLink to={staff ? `${base}/${r.period.id}` : `${base}/${r.period.id}/v/${latest?.version ?? 1}`}>
                  {t('reports.list.periodLink', { name: r.period.name })}
                </TextLink>
                <p className="text-sm text-slate-700">
                  {formatDay(r.period.start, 'medium')} – {formatDay(r.period.end, 'medium')}
                </p>
                <p className="text-slate-800">
                  {latest
                    ? t(latest.version > 1 ? 'reports.list.corrected' : 'reports.list.issued', { version: latest.version, at: formatMoment(latest.issuedAt, 'date') })
                    : r.drafted
                      ? t('reports.list.draft')
                      : t('reports.list.notStarted')}
                  {latest && !staff ? ` ${acked ? t('reports.list.youAcknowledged') : t('reports.list.toAcknowledge')}` : ''}
                  {latest && staff ? ` ${t('reports.list.acks', { count: latest.acknowledgments.length })}` : ''}
                </p>
              </li>
            )
          })}
        </ul>
      </Card>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: t('common.titleSuffix', { title: t('reports.list.title') }) }]
