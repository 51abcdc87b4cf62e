import { useEffect } from 'react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field, SelectField, TextareaField } from '#app/components/field.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { StatusBadge, type Tone } from '#app/components/status-badge.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import type { RouterOutputs } from '#app/utils/api-types.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { formatBytes } from '#shared/records-export.ts'
import type { RequestState } from '#shared/records-requests.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { REQUEST_NOTE_MAX, REQUESTED_BY_MAX, recordsRequestsFormSchema } from '#shared/schemas/records.ts'
import { records } from '#shared/i18n/en/records.ts'

addSections({ records })

// /school/:schoolId/records-requests (docs/records.md#records-requests): the school admin logs a parent's request
// for records, sees the days left, and fulfils it with the school's copy of the records file.

const CHECK_EVERY_MS = 1500
const TONE: Record<RequestState, Tone> = { open: 'info', dueSoon: 'warn', late: 'bad', fulfilled: 'good' }

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  const school = (await context.trpc.schools.mine()).find((s) => s.id === schoolId)
  if (!school) throw new Response(t('common.notFound'), { status: 404 })
  const list = await loadOr404(() => context.trpc.recordsRequests.list({ schoolId }))
  return { school, ...list, today: localIsoDate(context.now()) }
}

type ActionData = { intent: string; requestId?: string; ok: boolean; message: string; fieldErrors: Record<string, string[] | undefined>; values?: Record<string, string> }

export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '').slice(0, 20)
  const requestId = String(form.get('requestId') ?? '').slice(0, 64) || undefined
  // What was typed goes back to the form on a refusal, so nothing is lost without JavaScript.
  const values = Object.fromEntries(['studentId', 'requestedBy', 'receivedOn', 'note', 'days'].map((k) => [k, String(form.get(k) ?? '').slice(0, 2000)]))
  const parsed = parseForm(form, recordsRequestsFormSchema)
  if (!parsed.ok) return data<ActionData>({ intent, requestId, ok: false, message: parsed.message, fieldErrors: parsed.fieldErrors, values }, { status: 400 })
  const input = parsed.value
  const result = await actionResult(async () => {
    switch (input.intent) {
      case 'log': {
        const logged = await context.trpc.recordsRequests.log({ schoolId, studentId: input.studentId, requestedBy: input.requestedBy, receivedOn: input.receivedOn, note: input.note })
        return t('records.requests.logged', { date: formatDay(logged.dueOn, 'medium') })
      }
      case 'fulfil':
        await context.trpc.recordsRequests.fulfil({ schoolId, requestId: input.requestId })
        return t('records.requests.fulfilling')
      case 'days':
        await context.trpc.recordsRequests.setDays({ schoolId, days: input.days })
        return t('records.requests.daysSaved', { days: input.days })
    }
  })
  if (!result.ok) return data<ActionData>({ intent, requestId, ok: false, message: result.message, fieldErrors: result.fieldErrors, values }, { status: 400 })
  return data<ActionData>({ intent, requestId, ok: true, message: result.data, fieldErrors: {} })
}

type RequestView = RouterOutputs['recordsRequests']['list']['requests'][number]

function standingText(r: RequestView): string {
  const { standing } = r
  if (r.fulfilledOn) {
    return standing.fulfilledLate
      ? t('records.requests.fulfilledLate', { date: formatDay(r.fulfilledOn, 'medium'), due: formatDay(r.dueOn, 'medium') })
      : t('records.requests.fulfilled', { date: formatDay(r.fulfilledOn, 'medium') })
  }
  const daysLeft = standing.daysLeft ?? 0
  if (daysLeft < 0) return t('records.requests.late', { date: formatDay(r.dueOn, 'medium'), days: -daysLeft })
  if (daysLeft === 0) return t('records.requests.dueToday')
  return t('records.requests.due', { date: formatDay(r.dueOn, 'medium'), days: daysLeft })
}

export default function RecordsRequests() {
  const { t } = useTranslation()
  const { school, requests, days, students, today } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state !== 'idle'
  const revalidator = useRevalidator()
  const waiting = requests.some((r) => r.export && (r.export.status === 'queued' || r.export.status === 'building'))
  useEffect(() => {
    if (!waiting) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, CHECK_EVERY_MS)
    return () => clearInterval(timer)
  }, [waiting, revalidator])
  const failed = (intent: string, requestId?: string) => (result && !result.ok && result.intent === intent && result.requestId === requestId ? result : undefined)
  const fulfilFailure = (requestId: string) => failed('fulfil', requestId)
  const logFailure = failed('log')
  const daysFailure = failed('days')
  return (
    <div className="space-y-6">
      <TextLink to={`/school/${school.id}`}>{t('records.requests.backToSchool', { school: school.name })}</TextLink>
      <PageHeading title={t('records.requests.title')}>
        <p className="text-slate-700">{t('records.requests.intro')}</p>
      </PageHeading>
      {result?.ok ? <Alert tone="success">{result.message}</Alert> : null}

      <Card title={t('records.requests.listTitle')} headingId="requests-heading">
        {requests.length === 0 ? <p className="text-slate-700">{t('records.requests.none')}</p> : null}
        <ul className="divide-y divide-slate-200" aria-labelledby="requests-heading" aria-live="polite">
          {requests.map((r) => {
            const failure = fulfilFailure(r.id)
            return (
              <li key={r.id} className="space-y-2 py-3" aria-label={t('records.requests.itemLabel', { student: r.studentName, date: formatDay(r.receivedOn, 'medium') })}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="font-semibold">{r.studentName}</h3>
                  <StatusBadge tone={TONE[r.standing.state]}>{t(`records.requests.states.${r.standing.state}`)}</StatusBadge>
                </div>
                <p className="text-slate-800">{t('records.requests.receivedOn', { date: formatDay(r.receivedOn, 'medium'), who: r.requestedBy })}</p>
                <p className="text-slate-800">{standingText(r)}</p>
                {r.note ? <p className="whitespace-pre-wrap text-sm text-slate-700">{r.note}</p> : null}
                {failure ? <Alert>{failure.message}</Alert> : null}
                {r.export?.status === 'ready' && r.export.size !== null ? (
                  <a href={`/students/${r.studentId}/records/${r.export.id}/download`} download className="font-medium text-brand-700 underline">
                    {t('records.requests.download', { size: formatBytes(r.export.size), count: r.export.fileCount ?? 0 })}
                  </a>
                ) : r.export && r.export.status !== 'failed' ? (
                  <p className="text-slate-800">{t('records.requests.fulfilling')}</p>
                ) : null}
                {!r.fulfilledOn && (!r.export || r.export.status === 'failed') ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="fulfil" />
                    <input type="hidden" name="requestId" value={r.id} />
                    {r.export?.status === 'failed' ? <p className="mb-2 text-red-800">{t('records.page.failed')}</p> : null}
                    <Button type="submit" disabled={busy} aria-label={t('records.requests.fulfilFor', { student: r.studentName, date: formatDay(r.receivedOn, 'medium') })}>
                      {t('records.requests.fulfil')}
                    </Button>
                  </Form>
                ) : null}
              </li>
            )
          })}
        </ul>
      </Card>

      <Card title={t('records.requests.logTitle')} headingId="log-request">
        <Form method="post" className="space-y-3" noValidate aria-labelledby="log-request">
          {logFailure ? <Alert>{logFailure.message}</Alert> : null}
          <input type="hidden" name="intent" value="log" />
          <SelectField label={t('records.requests.student')} name="studentId" defaultValue={logFailure?.values?.studentId ?? ''} errors={logFailure?.fieldErrors.studentId} required>
            <option value="">{t('records.requests.chooseStudent')}</option>
            {students.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <Field
            label={t('records.requests.form.requestedBy')}
            hint={t('records.requests.form.requestedByHint')}
            name="requestedBy"
            defaultValue={logFailure?.values?.requestedBy ?? ''}
            errors={logFailure?.fieldErrors.requestedBy}
            maxLength={REQUESTED_BY_MAX}
            autoComplete="off"
            required
          />
          <Field
            label={t('records.requests.form.receivedOn')}
            name="receivedOn"
            type="date"
            max={today}
            defaultValue={logFailure?.values?.receivedOn ?? today}
            errors={logFailure?.fieldErrors.receivedOn}
            required
          />
          <TextareaField label={t('records.requests.form.note')} name="note" defaultValue={logFailure?.values?.note ?? ''} errors={logFailure?.fieldErrors.note} maxLength={REQUEST_NOTE_MAX} rows={3} />
          <Button type="submit" disabled={busy}>
            {t('records.requests.logSave')}
          </Button>
        </Form>
      </Card>

      <Card title={t('records.requests.daysTitle')} headingId="request-days">
        <p className="mb-3 text-slate-700">{t('records.requests.daysIntro')}</p>
        <Form method="post" className="space-y-3" noValidate aria-labelledby="request-days">
          {daysFailure ? <Alert>{daysFailure.message}</Alert> : null}
          <input type="hidden" name="intent" value="days" />
          <Field label={t('records.requests.daysLabel')} name="days" type="number" inputMode="numeric" min={1} max={90} defaultValue={daysFailure?.values?.days ?? String(days)} errors={daysFailure?.fieldErrors.days} required />
          <Button type="submit" variant="secondary" disabled={busy}>
            {t('records.requests.daysSave')}
          </Button>
        </Form>
      </Card>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: t('common.titleSuffix', { title: t('records.requests.title') }) }]
