import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field, TextareaField } from '#app/components/field.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { canInSchool } from '#shared/permissions.ts'
import { quartersOf } from '#shared/reporting-periods.ts'
import { periodsFormSchema } from '#shared/schemas/reports.ts'
import { reports } from '#shared/i18n/en/reports.ts'

addSections({ reports })

// /school/:schoolId/reporting-periods: the school's reporting periods and progress codes. The admin sets them;
// case managers read them here and on the school page.

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  const school = (await context.trpc.schools.mine()).find((s) => s.id === schoolId)
  if (!school) throw new Response(t('common.notFound'), { status: 404 })
  const [periods, codes] = await Promise.all([
    loadOr404(() => context.trpc.reporting.periods({ schoolId })),
    loadOr404(() => context.trpc.reporting.codes({ schoolId })),
  ])
  return { school, periods, codes, editable: canInSchool(school.role, 'school.reporting'), year: { start: school.yearStart ?? null, end: school.yearEnd ?? null } }
}

type ActionData = { intent: string; periodId?: string; ok: boolean; message: string; fieldErrors: Record<string, string[] | undefined>; values?: Record<string, string> }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const periodId = String(form.get('periodId') ?? '') || undefined
  // What was typed goes back to the form on a refusal.
  const values = Object.fromEntries(['name', 'start', 'end', 'labels'].map((k) => [k, String(form.get(k) ?? '').slice(0, 2000)]))
  const parsed = parseForm(form, periodsFormSchema)
  if (!parsed.ok) return { intent, periodId, ok: false, message: parsed.message, fieldErrors: parsed.fieldErrors, values }
  const input = parsed.value
  const result = await actionResult(async () => {
    switch (input.intent) {
      case 'add':
        return context.trpc.reporting.addPeriod({ schoolId, name: input.name, start: input.start, end: input.end })
      case 'update':
        return context.trpc.reporting.updatePeriod({ schoolId, periodId: input.periodId, name: input.name, start: input.start, end: input.end })
      case 'remove':
        return context.trpc.reporting.removePeriod({ schoolId, periodId: input.periodId })
      case 'codes':
        return context.trpc.reporting.setCodes({ schoolId, labels: input.labels })
      case 'quarters': {
        const school = (await context.trpc.schools.mine()).find((s) => s.id === schoolId)
        // The button shows only when the school has a year; a form sent without one adds nothing.
        if (!school?.yearStart || !school.yearEnd) return null
        for (const q of quartersOf(school.yearStart, school.yearEnd)) await context.trpc.reporting.addPeriod({ schoolId, ...q })
        return null
      }
    }
  })
  if (!result.ok) return { intent, periodId, ok: false, message: result.message, fieldErrors: result.fieldErrors, values }
  return { intent, periodId, ok: true, message: t(`reports.saved.${input.intent}`), fieldErrors: {} }
}

function PeriodFields({ typed, errors, defaults }: { typed?: Record<string, string> | undefined; errors?: Record<string, string[] | undefined>; defaults?: { name: string; start: string; end: string } }) {
  const { t } = useTranslation()
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <Field label={t('reports.form.periodName')} name="name" defaultValue={typed?.name ?? defaults?.name ?? ''} errors={errors?.name} maxLength={60} required />
      <Field label={t('reports.form.start')} name="start" type="date" defaultValue={typed?.start ?? defaults?.start ?? ''} errors={errors?.start} required />
      <Field label={t('reports.form.end')} name="end" type="date" defaultValue={typed?.end ?? defaults?.end ?? ''} errors={errors?.end} required />
    </div>
  )
}

export default function ReportingPeriods() {
  const { school, periods, codes, editable, year } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { t } = useTranslation()
  const failed = (intent: string, periodId?: string) => (result && !result.ok && result.intent === intent && result.periodId === periodId ? result : undefined)
  const saved = result?.ok ? result : undefined
  const addFailure = failed('add')
  const quartersFailure = failed('quarters')
  const codesFailure = failed('codes')
  const failedFor = (periodId: string) => failed('update', periodId) ?? failed('remove', periodId)
  return (
    <div className="space-y-6">
      <PageHeading title={t('reports.periodsPage.title')}>
        <p className="text-slate-700">{t('reports.periodsPage.intro', { school: school.name })}</p>
      </PageHeading>
      {saved ? <Alert tone="success">{saved.message}</Alert> : null}
      <Card title={t('reports.periodsPage.listHeading')} headingId="periods-heading">
        {periods.length === 0 ? <p className="text-slate-700">{t('reports.periodsPage.none')}</p> : null}
        <ul className="divide-y divide-slate-200" aria-labelledby="periods-heading">
          {periods.map((p) => {
            const failure = failedFor(p.id)
            return (
              <li key={p.id} className="space-y-2 py-3">
                {editable ? (
                  <>
                    <Form method="post" className="space-y-3" aria-label={t('reports.periodsPage.editLabel', { name: p.name })} noValidate>
                      {failure ? <Alert>{failure.message}</Alert> : null}
                      <input type="hidden" name="intent" value="update" />
                      <input type="hidden" name="periodId" value={p.id} />
                      <PeriodFields typed={failure?.values} errors={failure?.fieldErrors} defaults={{ name: p.name, start: p.start, end: p.end }} />
                      <Button type="submit" variant="secondary" disabled={busy}>
                        {t('reports.periodsPage.save', { name: p.name })}
                      </Button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="periodId" value={p.id} />
                      <Button type="submit" variant="danger" disabled={busy}>
                        {t('reports.periodsPage.remove', { name: p.name })}
                      </Button>
                    </Form>
                  </>
                ) : (
                  <p>
                    <span className="font-medium">{p.name}</span>: {formatDay(p.start, 'medium')} – {formatDay(p.end, 'medium')}
                  </p>
                )}
              </li>
            )
          })}
        </ul>
      </Card>
      {editable ? (
        <Card title={t('reports.periodsPage.addHeading')} headingId="add-period">
          <Form method="post" className="space-y-3" noValidate>
            {addFailure ? <Alert>{addFailure.message}</Alert> : null}
            <input type="hidden" name="intent" value="add" />
            <PeriodFields typed={addFailure?.values} errors={addFailure?.fieldErrors} />
            <Button type="submit" disabled={busy}>
              {t('reports.periodsPage.add')}
            </Button>
          </Form>
          {periods.length === 0 && year.start && year.end ? (
            <Form method="post" className="mt-4 space-y-2">
              {quartersFailure ? <Alert>{quartersFailure.message}</Alert> : null}
              <input type="hidden" name="intent" value="quarters" />
              <p className="text-slate-700">{t('reports.periodsPage.quartersHint', { start: formatDay(year.start, 'medium'), end: formatDay(year.end, 'medium') })}</p>
              <Button type="submit" variant="secondary" disabled={busy}>
                {t('reports.periodsPage.quarters')}
              </Button>
            </Form>
          ) : null}
        </Card>
      ) : null}
      <Card title={t('reports.periodsPage.codesHeading')} headingId="codes-heading">
        <p className="mb-3 text-slate-700">{codes.isDefault ? t('reports.periodsPage.codesDefault') : t('reports.periodsPage.codesOwn')}</p>
        {editable ? (
          <Form method="post" className="space-y-3" noValidate>
            {codesFailure ? <Alert>{codesFailure.message}</Alert> : null}
            <input type="hidden" name="intent" value="codes" />
            <TextareaField
              label={t('reports.periodsPage.codesLabel')}
              hint={t('reports.periodsPage.codesHint')}
              name="labels"
              rows={6}
              defaultValue={codesFailure?.values?.labels ?? codes.codes.map((c) => c.label).join('\n')}
              errors={codesFailure?.fieldErrors.labels}
            />
            <Button type="submit" disabled={busy}>
              {t('reports.periodsPage.saveCodes')}
            </Button>
          </Form>
        ) : (
          <ul className="list-disc pl-6">
            {codes.codes.map((c) => (
              <li key={c.key}>{c.label}</li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: t('common.titleSuffix', { title: t('reports.periodsPage.title') }) }]
