import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useParams } from '@remix-run/react'
import { Trans } from 'react-i18next'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Card } from '#app/components/card.tsx'
import { DisputeContext, DisputeMark } from './session-log-list.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { disputeAction } from './dispute-action.server.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { can } from '#shared/permissions.ts'
import { activeLanguage, addSections, t as translate } from '#shared/i18n/i18n.ts'
import { withReaderTitles } from '#shared/plain-translations.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { TextLink } from '#app/components/text-link.tsx'
import { sessions } from '#shared/i18n/en/sessions.ts'

addSections({ sessions })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const [student, checks, disputes, supports] = await Promise.all([
    loadOr404(() => context.trpc.students.get({ studentId })),
    loadOr404(() => context.trpc.checks.log({ studentId })),
    loadOr404(() => context.trpc.disputes.list({ studentId })),
    loadOr404(() => context.trpc.accommodations.list({ studentId })),
  ])
  return {
    // Each support by the name its reader reads (docs/languages.md#plain-summaries); the records' CSV keeps the plan's.
    checks: withReaderTitles(checks, supports, activeLanguage()),
    disputes: Object.fromEntries(disputes.map((d) => [`${d.kind}:${d.recordId}`, d])),
    mayDispute: can(student.role, 'records.dispute'),
  }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  return disputeAction(context, params.studentId ?? '', await request.formData())
}

const STATUS_TONE = { used: 'good', not_needed: 'neutral', not_provided: 'bad', declined: 'warn' } as const

/** Each day's accommodation records, newest first, with any dispute flag; a parent may dispute one. */
export default function AccommodationRecords() {
  const { t } = useTranslation()
  const { checks, disputes, mayDispute } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { studentId } = useParams()
  return (
    <DisputeContext.Provider value={{ disputes, mayDispute, answer: actionData }}>
      <div className="space-y-6">
        <TextLink to={`/students/${studentId}`}>{t('sessions.backToPlan')}</TextLink>
        {actionData ? <Alert tone={actionData.ok ? 'success' : 'error'}>{actionData.message}</Alert> : null}
        <Card title={t('sessions.checksTitle')} headingLevel={2}>
          <p className="mb-3 text-slate-700">{t('sessions.checksIntro')}</p>
          {checks.length === 0 ? (
            <p className="text-slate-700">{t('sessions.noChecks')}</p>
          ) : (
            <ul className="divide-y divide-slate-200" aria-label={t('sessions.checksList')}>
              {checks.map((c) => {
                const name = t('sessions.checkName', { title: c.title, date: formatDay(c.date) })
                const status = t(`sessions.checkStatus.${c.status}`)
                return (
                  <li key={c.id} id={`check-${c.id}`} className="space-y-1 py-3">
                    <p className="font-medium text-slate-900">
                      <time dateTime={c.date}>{formatDay(c.date)}</time>
                      {/* The name may be in another language than the page (docs/languages.md#plain-summaries). */}
                      <Trans i18nKey="sessions.checkHeading" values={{ title: c.title }} components={{ name: <span lang={c.titleLang} /> }} />
                    </p>
                    <p className="flex flex-wrap items-center gap-2">
                      {c.current ? <StatusBadge tone={STATUS_TONE[c.status]}>{status}</StatusBadge> : <s className="text-slate-700">{status}</s>}
                      {c.current ? null : <span className="text-sm text-slate-700">{t('sessions.replacedLater')}</span>}
                      {c.reason ? <span className="text-sm text-slate-700">{t('sessions.reason', { reason: c.reason })}</span> : null}
                    </p>
                    <p className="text-sm text-slate-600">{t('sessions.recordedBy', { name: c.recordedBy })}</p>
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

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, translate('sessions.checksTitle')) }]
