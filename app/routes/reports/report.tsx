import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useParams, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { SelectField, TextareaField } from '#app/components/field.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatDay, formatMoment } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import { missingCodes, NARRATIVE_MAX, type ReportGoal } from '#shared/progress-report.ts'
import { reportFormSchema } from '#shared/schemas/reports.ts'
import type { loader as studentLoader } from '../student/student-layout.tsx'
import { ReportView } from './report-view.tsx'
import { reports } from '#shared/i18n/en/reports.ts'

addSections({ reports })

// /students/:studentId/reports/:periodId: the draft, built from the records each time it is opened, with the
// team's words; the case manager issues it (and later issues corrections). The school's side only.

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const { doc, versions, writable } = await loadOr404(() => context.trpc.reports.draft({ studentId: params.studentId ?? '', periodId: params.periodId ?? '' }))
  return { doc, versions, writable }
}

type ActionData = { intent: string; goalId?: string; ok: boolean; message: string; fieldErrors: Record<string, string[] | undefined>; values?: Record<string, string> }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const periodId = params.periodId ?? ''
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const goalId = String(form.get('goalId') ?? '') || undefined
  // What was typed goes back to the form on a refusal: a narrative is never lost.
  const values = { code: String(form.get('code') ?? '').slice(0, 40), narrative: String(form.get('narrative') ?? '').slice(0, NARRATIVE_MAX * 2), reason: String(form.get('reason') ?? '').slice(0, 1000) }
  const parsed = parseForm(form, reportFormSchema)
  if (!parsed.ok) return { intent, goalId, ok: false, message: parsed.message, fieldErrors: parsed.fieldErrors, values }
  const input = parsed.value
  const result = await actionResult(async () =>
    input.intent === 'part'
      ? context.trpc.reports.writePart({ studentId, periodId, goalId: input.goalId, code: input.code, narrative: input.narrative })
      : context.trpc.reports.issue({ studentId, periodId, reason: input.reason }),
  )
  if (!result.ok) return { intent, goalId, ok: false, message: result.message, fieldErrors: result.fieldErrors, values }
  const message = input.intent === 'part' ? t('reports.draft.partSaved') : t('reports.draft.issued', { version: (result.data as { version: number }).version })
  return { intent, goalId, ok: true, message, fieldErrors: {} }
}

function GoalPartForm({ goal, codes, editable }: { goal: ReportGoal; codes: { key: string; label: string }[]; editable: boolean }) {
  const { t } = useTranslation()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const mine = result?.intent === 'part' && result.goalId === goal.goalId ? result : undefined
  const typed = mine && !mine.ok ? mine.values : undefined
  if (!editable) {
    return (
      <div className="rounded-md bg-slate-50 p-3">
        <p className="font-medium">{t('reports.view.code', { code: codes.find((c) => c.key === goal.code)?.label ?? t('reports.view.noCode') })}</p>
        {goal.narrative ? <p className="mt-1 whitespace-pre-line">{goal.narrative}</p> : null}
      </div>
    )
  }
  return (
    <Form method="post" className="space-y-3 rounded-md border border-slate-200 p-3" preventScrollReset noValidate aria-label={t('reports.draft.partLabel')}>
      {mine ? <Alert tone={mine.ok ? 'success' : 'error'}>{mine.message}</Alert> : null}
      <input type="hidden" name="intent" value="part" />
      <input type="hidden" name="goalId" value={goal.goalId} />
      <SelectField label={t('reports.draft.codeLabel')} name="code" defaultValue={typed?.code ?? goal.code ?? ''} errors={mine?.fieldErrors.code}>
        <option value="">{t('reports.draft.chooseCode')}</option>
        {codes.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <TextareaField
        label={t('reports.draft.narrativeLabel')}
        hint={t('reports.draft.narrativeHint')}
        name="narrative"
        rows={4}
        maxLength={NARRATIVE_MAX}
        defaultValue={typed?.narrative ?? goal.narrative}
        errors={mine?.fieldErrors.narrative}
      />
      {goal.writtenBy ? <p className="text-sm text-slate-600">{t('reports.draft.writtenBy', { name: goal.writtenBy })}</p> : null}
      <Button type="submit" variant="secondary" disabled={busy}>
        {t('reports.draft.savePart')}
      </Button>
    </Form>
  )
}

export default function ReportDraft() {
  const { t } = useTranslation()
  const { doc, versions, writable } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  const periodId = useParams().periodId ?? ''
  if (!parent) return null
  const role = parent.student.role
  const base = `/students/${parent.student.id}/reports`
  const mayIssue = can(role, 'reports.issue')
  const issued = versions.length > 0
  const missing = missingCodes(doc).length
  const issueResult = result?.intent === 'issue' ? result : undefined
  return (
    <div className="space-y-6">
      <TextLink to={base}>{t('reports.draft.back')}</TextLink>
      <div className="space-y-1">
        <h2 className="text-2xl font-semibold text-slate-900">{t('reports.draft.title', { period: doc.period.name })}</h2>
        <p className="text-slate-700">
          {formatDay(doc.period.start, 'medium')} – {formatDay(doc.period.end, 'medium')}. {t('reports.draft.intro', { asOf: formatDay(doc.asOf, 'medium') })}
        </p>
      </div>
      {versions.length ? (
        <Card title={t('reports.draft.versionsHeading')} headingId="versions">
          <ol className="space-y-2">
            {versions.map((v, i) => {
              const replaced = i < versions.length - 1
              return (
                <li key={v.version}>
                  <TextLink to={`${base}/${periodId}/v/${v.version}`}>
                    <span className={replaced ? 'line-through' : undefined}>{t('reports.draft.versionLine', { version: v.version, at: formatMoment(v.issuedAt, 'date'), by: v.issuedBy })}</span>
                  </TextLink>
                  {v.correctionReason ? <p className="text-sm text-slate-700">{t('reports.draft.correctionReason', { reason: v.correctionReason })}</p> : null}
                  <p className="text-sm text-slate-700">{t('reports.list.acks', { count: v.acknowledgments.length })}</p>
                </li>
              )
            })}
          </ol>
        </Card>
      ) : null}
      <ReportView doc={doc} goalExtra={(g) => <GoalPartForm goal={g} codes={doc.codes} editable={writable.includes(g.goalId)} />} />
      {mayIssue ? (
        <Card title={issued ? t('reports.draft.correctHeading') : t('reports.draft.issueHeading')} headingId="issue">
          <Form method="post" className="space-y-3" noValidate>
            {issueResult ? <Alert tone={issueResult.ok ? 'success' : 'error'}>{issueResult.message}</Alert> : null}
            <input type="hidden" name="intent" value="issue" />
            <p className="text-slate-700">{issued ? t('reports.draft.correctIntro') : t('reports.draft.issueIntro')}</p>
            {missing ? <p className="font-medium text-amber-900">{t('reports.issue.codesMissing', { count: missing })}</p> : null}
            {issued ? (
              <TextareaField
                label={t('reports.form.reason')}
                name="reason"
                rows={3}
                maxLength={500}
                defaultValue={issueResult && !issueResult.ok ? issueResult.values?.reason : ''}
                errors={issueResult?.fieldErrors.reason}
                required
              />
            ) : null}
            <Button type="submit" disabled={busy}>
              {issued ? t('reports.draft.correct') : t('reports.draft.issue')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t('common.titleSuffix', { title: data ? t('reports.draft.title', { period: data.doc.period.name }) : t('reports.list.title') }) },
]
