import { useEffect } from 'react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatMoment } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { firstName } from '#shared/plan-labels.ts'
import { isFamilyRole } from '#shared/roles.ts'
import { formatBytes } from '#shared/records-export.ts'
import type { loader as studentLoader } from '../student/student-layout.tsx'
import { records } from '#shared/i18n/en/records.ts'
import { student } from '#shared/i18n/en/student.ts'

addSections({ records, student })

// /students/:studentId/records: the whole record in one ZIP (docs/records.md). A parent makes the family's copy;
// the school admin finds here the school's copies made to answer records requests. The file is made in the
// background: the page checks back while one is being made, and a parent also gets a notice.

/** How often an open page asks whether a file being made is ready. */
const CHECK_EVERY_MS = 1500

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const exports = await loadOr404(() => context.trpc.records.exports({ studentId: params.studentId ?? '' }))
  return { exports }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  const result = await actionResult(() => context.trpc.records.start({ studentId: params.studentId ?? '' }))
  if (!result.ok) return data({ ok: false as const, message: result.message }, { status: 400 })
  return { ok: true as const, message: result.data.alreadyRunning ? t('records.page.alreadyRunning') : t('records.page.started') }
}

export default function RecordsPage() {
  const { t } = useTranslation()
  const { exports } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state !== 'idle'
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  const revalidator = useRevalidator()
  const waiting = exports.some((e) => e.status === 'queued' || e.status === 'building')
  useEffect(() => {
    if (!waiting) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, CHECK_EVERY_MS)
    return () => clearInterval(timer)
  }, [waiting, revalidator])
  if (!parent) return null
  const { student } = parent
  const base = `/students/${student.id}/records`
  return (
    <div className="space-y-4">
      <TextLink to={`/students/${student.id}`}>{t('student.backToPlan', { name: firstName(student) })}</TextLink>
      <Card title={t('records.page.title')} headingLevel={2}>
        <p className="mb-4 text-slate-700">{t(isFamilyRole(student.role) ? 'records.page.intro' : 'records.page.introSchool', { student: firstName(student) })}</p>
        {result ? <Alert tone={result.ok ? 'success' : 'error'}>{result.message}</Alert> : null}
        <Form method="post" className="mt-3">
          <Button type="submit" disabled={busy}>
            {t('records.page.build')}
          </Button>
        </Form>
      </Card>
      <Card title={t('records.page.listTitle')} headingLevel={2} headingId="record-files">
        {exports.length === 0 ? <p className="text-slate-700">{t('records.page.none')}</p> : null}
        <ul className="divide-y divide-slate-200" aria-labelledby="record-files" aria-live="polite">
          {exports.map((e) => (
            <li key={e.id} className="space-y-1 py-3">
              <p className="text-sm text-slate-700">{t('records.page.madeOn', { date: formatMoment(e.createdAt, 'dateTime') })}</p>
              {e.status === 'ready' && e.size !== null ? (
                <>
                  <a href={`${base}/${e.id}/download`} download className="font-medium text-brand-700 underline">
                    {t('records.page.download', { date: formatMoment(e.createdAt, 'date') })}
                  </a>
                  <p className="text-sm text-slate-700">{t('records.page.ready', { size: formatBytes(e.size), count: e.fileCount ?? 0 })}</p>
                </>
              ) : (
                <p className={e.status === 'failed' ? 'text-red-800' : 'text-slate-800'}>{t(`records.page.${e.status}`)}</p>
              )}
            </li>
          ))}
        </ul>
        {waiting ? (
          <p className="mt-3">
            <TextLink to={base}>{t('records.page.refresh')}</TextLink>
          </p>
        ) : null}
      </Card>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: t('common.titleSuffix', { title: t('records.page.title') }) }]
