import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { Card } from '#app/components/card.tsx'
import { AmendServiceForm } from './service-form.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import type { FormFailure } from '#app/utils/plan-form.ts'
import { amendInput, amendValuesFromForm, type AmendFormValues } from './service-form-values.ts'
import { fullDate, shortDate, weekdayList } from '#app/utils/session-text.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { can } from '#shared/permissions.ts'
import { localIsoDate } from '#shared/school-date.ts'

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  if (!can(student.role, 'services.manage')) throw new Response('Not found', { status: 404 })
  const service = (await loadOr404(() => context.trpc.services.list({ studentId }))).find((s) => s.id === params.serviceId)
  if (!service) throw new Response('Not found', { status: 404 })
  const values: AmendFormValues = {
    effectiveFrom: localIsoDate(context.now()),
    minutesPerSession: String(service.current.minutesPerSession),
    weekdays: [...service.current.weekdays],
    note: '',
  }
  return { service, values }
}

type ActionData = FormFailure & { values: AmendFormValues }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const values = amendValuesFromForm(await request.formData())
  const result = await actionResult(() => context.trpc.services.amend({ studentId, serviceId: params.serviceId ?? '', ...amendInput(values) }))
  if (result.ok) throw redirect(`/students/${studentId}#services`)
  return { ...result, values }
}

export default function AmendService() {
  const { service, values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId } = useParams()
  return (
    <Card title={`Amend ${service.name}`}>
      <div className="mb-6 space-y-2 text-slate-700">
        <p>
          Now: {service.current.minutesPerSession} min × {weekdayList(service.current.weekdays)} with {service.providerName}, {fullDate(service.startDate)}{' '}
          to {fullDate(service.endDate)}.
        </p>
        {service.terms.length > 1 ? (
          <ul className="text-sm" aria-label="Earlier amendments">
            {service.terms.slice(1).map((t) => (
              <li key={t.effectiveFrom}>
                From {shortDate(t.effectiveFrom)}: {t.minutesPerSession} min on {weekdayList(t.weekdays)}
              </li>
            ))}
          </ul>
        ) : null}
        <p>Sessions before this date keep the old mandate; the amendment is kept in the student’s history.</p>
      </div>
      <AmendServiceForm values={actionData?.values ?? values} failure={actionData ?? null} busy={busy} cancelTo={`/students/${studentId}`} />
    </Card>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, 'Amend a service') }]
