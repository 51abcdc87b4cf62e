import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useParams } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Card } from '#app/components/card.tsx'
import { DisputeContext, RecordFilesContext, SessionLogMonth } from './session-log-list.tsx'
import { can } from '#shared/permissions.ts'
import { disputeAction } from './dispute-action.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { monthLabel, sessionLogByMonth } from './session-log-rows.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { openFilesOwner } from '#shared/attachments.ts'
import { TextLink } from '#app/components/text-link.tsx'
import { sessions } from '#shared/i18n/en/sessions.ts'

addSections({ sessions })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const services = await loadOr404(() => context.trpc.services.list({ studentId }))
  const from = services.map((s) => s.startDate).sort()[0]
  const today = localIsoDate(context.now())
  const sessions = from ? await loadOr404(() => context.trpc.services.sessions({ studentId, from, to: today })) : []
  // A record's versions load on demand; an unknown id just shows none.
  const shownVersions = new URL(request.url).searchParams.get('versions')
  const versions = shownVersions ? await actionResult(() => context.trpc.sessions.versions({ studentId, recordId: shownVersions })) : null
  const [student, disputes, counts] = await Promise.all([
    loadOr404(() => context.trpc.students.get({ studentId })),
    loadOr404(() => context.trpc.disputes.list({ studentId })),
    loadOr404(() => context.trpc.attachments.counts({ studentId, ownerKind: 'session_record' })),
  ])
  // One record's files open at a time (docs/attachments.md); an unknown id just opens none.
  const openId = openFilesOwner(new URL(request.url).searchParams)
  const openList = openId ? await actionResult(() => context.trpc.attachments.list({ studentId, ownerKind: 'session_record', ownerId: openId })) : null
  return {
    files: {
      studentId,
      counts,
      mayAdd: can(student.role, 'attachments.add'),
      open: openId && openList?.ok ? { recordId: openId, list: openList.data } : null,
    },
    months: sessionLogByMonth(sessions),
    shownVersions,
    versions: versions?.ok ? versions.data : null,
    disputes: Object.fromEntries(disputes.map((d) => [`${d.kind}:${d.recordId}`, d])),
    mayDispute: can(student.role, 'records.dispute'),
  }
}

/** A parent flags a record as disputed, or withdraws her flag: both are new rows, nothing is overwritten. */
export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  return disputeAction(context, params.studentId ?? '', await request.formData())
}

export default function SessionLog() {
  const { t } = useTranslation()
  const { months, shownVersions, versions, disputes, mayDispute, files } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { studentId } = useParams()
  return (
    <DisputeContext.Provider value={{ disputes, mayDispute, answer: actionData }}>
      <RecordFilesContext.Provider value={files}>
        <div className="space-y-6">
          {actionData ? <Alert tone={actionData.ok ? 'success' : 'error'}>{actionData.message}</Alert> : null}
          <Card title={t('sessions.logTitle')} headingLevel={2}>
            <p className="text-slate-700">{t('sessions.logIntro')}</p>
            <p className="mt-2 flex flex-wrap gap-x-4">
              <a href={`/api/students/${studentId}/sessions.csv`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                {t('sessions.downloadCsv')}
              </a>
              <TextLink to={`/students/${studentId}`}>{t('sessions.backToPlan')}</TextLink>
            </p>
          </Card>
          {months.length === 0 ? (
            <Card>
              <p className="text-slate-700">{t('sessions.noSessionsYet')}</p>
            </Card>
          ) : (
            months.map(({ month, entries }) => (
              <Card key={month} title={monthLabel(month)} headingLevel={3} headingId={`month-${month}`}>
                <SessionLogMonth headingId={`month-${month}`} entries={entries} shownVersions={shownVersions} versions={versions} />
              </Card>
            ))
          )}
        </div>
      </RecordFilesContext.Provider>
    </DisputeContext.Provider>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, translate('sessions.logTitle')) }]
