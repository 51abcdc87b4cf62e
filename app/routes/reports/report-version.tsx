import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useParams, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { TextareaField } from '#app/components/field.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatDay, formatMoment } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import { NARRATIVE_MAX } from '#shared/progress-report.ts'
import { acknowledgeFormSchema } from '#shared/schemas/reports.ts'
import type { loader as studentLoader } from '../student/student-layout.tsx'
import { ReportView } from './report-view.tsx'
import { reports } from '#shared/i18n/en/reports.ts'

addSections({ reports })

// /students/:studentId/reports/:periodId/v/:version: an issued version exactly as it was issued. A replaced
// version reads struck through, with the correction's reason; parents acknowledge the version in force.

function versionOf(params: { version?: string }): number {
  const n = Number(params.version)
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 0
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const version = versionOf(params)
  if (!version) throw new Response(t('common.notFound'), { status: 404 })
  const { doc, versions } = await loadOr404(() => context.trpc.reports.version({ studentId: params.studentId ?? '', periodId: params.periodId ?? '', version }))
  return { doc, versions, version, userId: context.auth.user?.id ?? '' }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  const form = await request.formData()
  const comment = String(form.get('comment') ?? '').slice(0, NARRATIVE_MAX * 2)
  const parsed = parseForm(form, acknowledgeFormSchema)
  if (!parsed.ok) return { ok: false as const, message: parsed.message, fieldErrors: parsed.fieldErrors, comment }
  const result = await actionResult(() =>
    context.trpc.reports.acknowledge({ studentId: params.studentId ?? '', periodId: params.periodId ?? '', version: versionOf(params), comment: parsed.value.comment }),
  )
  if (!result.ok) return { ok: false as const, message: result.message, fieldErrors: result.fieldErrors, comment }
  return { ok: true as const, message: t('reports.ack.done'), fieldErrors: {}, comment: '' }
}

export default function ReportVersion() {
  const { t } = useTranslation()
  const { doc, versions, version, userId } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  const periodId = useParams().periodId ?? ''
  if (!parent) return null
  // Links by their full path: a relative one from …/v/1 would resolve beside the version, not under it.
  const base = `/students/${parent.student.id}/reports`
  const draft = `${base}/${periodId}`
  const here = versions.find((v) => v.version === version)
  const latest = versions.at(-1)
  const replaced = !!latest && latest.version !== version
  const staff = can(parent.student.role, 'reports.viewDraft')
  const mayAck = can(parent.student.role, 'reports.acknowledge') && !replaced && !here?.acknowledgments.some((a) => a.userId === userId)
  return (
    <div className="space-y-6">
      <TextLink to={base}>{t('reports.draft.back')}</TextLink>
      <div className="space-y-1">
        <h2 className="text-2xl font-semibold text-slate-900">
          <span className={replaced ? 'line-through' : undefined}>{t('reports.version.title', { period: doc.period.name, version })}</span>
        </h2>
        <p className="text-slate-700">
          {formatDay(doc.period.start, 'medium')} – {formatDay(doc.period.end, 'medium')}.{' '}
          {here ? t('reports.version.issued', { at: formatMoment(here.issuedAt, 'date'), by: here.issuedBy }) : null}
        </p>
        {here?.correctionReason ? <p className="text-slate-800">{t('reports.draft.correctionReason', { reason: here.correctionReason })}</p> : null}
        {replaced ? (
          <Alert tone="warning">
            {t('reports.version.replaced', { version: latest.version })} <TextLink to={`${draft}/v/${latest.version}`}>{t('reports.version.readLatest')}</TextLink>
          </Alert>
        ) : null}
        <p>
          <a className="font-medium text-teal-800 underline" href={`${draft}/v/${version}/pdf`} download>
            {t('reports.version.pdf')}
          </a>
        </p>
        {staff ? <TextLink to={draft}>{t('reports.version.toDraft')}</TextLink> : null}
      </div>
      <ReportView doc={doc} />
      <Card title={t('reports.version.acksHeading')} headingId="acks">
        {here?.acknowledgments.length ? (
          <ul className="space-y-2">
            {here.acknowledgments.map((a) => (
              <li key={a.userId}>
                <p>{t('reports.version.ackLine', { name: a.name, at: formatMoment(a.at, 'dateTime') })}</p>
                {a.comment ? <blockquote className="mt-1 border-l-4 border-slate-300 pl-3 whitespace-pre-line text-slate-800">{a.comment}</blockquote> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">{t('reports.version.noAcks')}</p>
        )}
        {result ? <div className="mt-3">{<Alert tone={result.ok ? 'success' : 'error'}>{result.message}</Alert>}</div> : null}
        {mayAck ? (
          <Form method="post" className="mt-4 space-y-3" noValidate>
            <TextareaField
              label={t('reports.form.comment')}
              hint={t('reports.version.commentHint')}
              name="comment"
              rows={3}
              maxLength={NARRATIVE_MAX}
              defaultValue={result && !result.ok ? result.comment : ''}
              errors={result && !result.ok ? result.fieldErrors.comment : undefined}
            />
            <Button type="submit" disabled={busy}>
              {t('reports.version.acknowledge')}
            </Button>
          </Form>
        ) : null}
      </Card>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t('common.titleSuffix', { title: data ? t('reports.version.title', { period: data.doc.period.name, version: data.version }) : t('reports.list.title') }) },
]
