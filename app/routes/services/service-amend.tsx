import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { AmendServiceForm } from './service-form.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm, type FormFailure } from '#app/utils/parse-form.ts'
import { periodValues, typedValues, type AmendFormValues } from './service-form-values.ts'
import { fullDate, weekdayList } from '#app/utils/session-text.ts'
import { AmendmentLine } from './services-card.tsx'
import { mandateText } from '#app/utils/mandate-text.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { can } from '#shared/permissions.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { amendServiceFormSchema } from '#shared/schemas/services.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { services } from '#shared/i18n/en/services.ts'

addSections({ services })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  if (!can(student.role, 'services.manage')) throw new Response(translate('common.notFound'), { status: 404 })
  const service = (await loadOr404(() => context.trpc.services.list({ studentId }))).find((s) => s.id === params.serviceId)
  if (!service) throw new Response(translate('common.notFound'), { status: 404 })
  const values: AmendFormValues = {
    effectiveFrom: localIsoDate(context.now()),
    minutesPerSession: String(service.current.minutesPerSession),
    weekdays: [...service.current.weekdays],
    ...periodValues(service.current),
    note: '',
  }
  return { service, values }
}

type ActionData = FormFailure & { values: AmendFormValues }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const form = await request.formData()
  const parsed = parseForm(form, amendServiceFormSchema)
  const result = parsed.ok ? await actionResult(() => context.trpc.services.amend({ studentId, serviceId: params.serviceId ?? '', ...parsed.value })) : parsed
  if (result.ok) throw redirect(`/students/${studentId}#services`)
  return { ...result, values: typedValues(form, { effectiveFrom: '', minutesPerSession: '', weekdays: [], ...periodValues(null), note: '' }) }
}

export default function AmendService() {
  const { service, values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId } = useParams()
  const { t } = useTranslation()
  return (
    <Card title={t('services.amendName', { name: service.name })}>
      <div className="mb-6 space-y-2 text-slate-700">
        <p>
          {service.current.per && service.current.per !== 'week'
            ? t('services.periods.now', { mandate: mandateText(service.current), provider: service.providerName, start: fullDate(service.startDate), end: fullDate(service.endDate) })
            : t('services.now', {
                minutes: service.current.minutesPerSession,
                weekdays: weekdayList(service.current.weekdays),
                provider: service.providerName,
                start: fullDate(service.startDate),
                end: fullDate(service.endDate),
              })}
        </p>
        {service.terms.length > 1 ? (
          <ul className="text-sm" aria-label={t('services.earlierAmendments')}>
            {service.terms.slice(1).map((term) => (
              <li key={term.effectiveFrom}>
                <AmendmentLine term={term} />
              </li>
            ))}
          </ul>
        ) : null}
        <p>{t('services.amendKeeps')}</p>
      </div>
      <AmendServiceForm values={actionData?.values ?? values} failure={actionData ?? null} busy={busy} cancelTo={`/students/${studentId}`} />
    </Card>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, translate('services.amendTitle')) }]
