import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { ServiceForm } from './service-form.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm, type FormFailure } from '#app/utils/parse-form.ts'
import { periodValues, typedValues, type ServiceFormValues } from './service-form-values.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { can } from '#shared/permissions.ts'
import { ROLE_LABELS } from '#shared/roles.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { serviceFormSchema } from '#shared/schemas/services.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { services } from '#shared/i18n/en/services.ts'

addSections({ services })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  if (!can(student.role, 'services.manage')) throw new Response(translate('common.notFound'), { status: 404 })
  const [team, services] = await Promise.all([
    loadOr404(() => context.trpc.team.list({ studentId })),
    loadOr404(() => context.trpc.services.list({ studentId })),
  ])
  const providers = team
    .filter((m) => m.role === 'provider' || m.role === 'case_manager')
    .map((m) => ({ userId: m.userId, name: m.name, roleLabel: ROLE_LABELS[m.role] }))
  // Services of one IEP usually end together: start from the end date the others share.
  const values: ServiceFormValues = { ...EMPTY_SERVICE, startDate: localIsoDate(context.now()), endDate: services.at(-1)?.endDate ?? '' }
  return { values, providers }
}

const EMPTY_SERVICE: ServiceFormValues = {
  name: '',
  providerId: '',
  minutesPerSession: '',
  weekdays: [],
  ...periodValues(null),
  setting: 'pull-out',
  grouping: 'individual',
  groupName: '',
  startDate: '',
  endDate: '',
}

type ActionData = FormFailure & { values: ServiceFormValues }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const form = await request.formData()
  const parsed = parseForm(form, serviceFormSchema)
  const result = parsed.ok ? await actionResult(() => context.trpc.services.create({ studentId, ...parsed.value })) : parsed
  if (result.ok) throw redirect(`/students/${studentId}#services`)
  return { ...result, values: typedValues(form, EMPTY_SERVICE) }
}

export default function NewService() {
  const { values, providers } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId } = useParams()
  const { t } = useTranslation()
  return (
    <Card title={t('services.newTitle')}>
      <p className="mb-6 text-slate-700">{t('services.newIntro')}</p>
      <ServiceForm values={actionData?.values ?? values} providers={providers} failure={actionData ?? null} busy={busy} cancelTo={`/students/${studentId}`} />
    </Card>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, translate('services.newTitle')) }]
