import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { AccommodationForm } from './accommodation-form.tsx'
import { emptyAccommodationValues } from './accommodation-values.ts'
import { saveAccommodation, type AccommodationActionData } from './save-accommodation.server.ts'
import { Card } from '#app/components/card.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { accommodations } from '#shared/i18n/en/accommodations.ts'

addSections({ accommodations })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const student = await loadOr404(() => context.trpc.students.get({ studentId: params.studentId ?? '' }))
  if (!can(student.role, 'plan.edit')) throw new Response(t('common.notFound'), { status: 404 })
  return { values: emptyAccommodationValues(localIsoDate(context.now())) }
}

export async function action({ context, request, params }: ActionFunctionArgs): Promise<AccommodationActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  return saveAccommodation(request, studentId, (fields) => context.trpc.accommodations.create({ studentId, ...fields }))
}

export default function NewAccommodation() {
  const { t } = useTranslation()
  const { values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId } = useParams()
  return (
    <Card title={t('accommodations.newTitle')}>
      <p className="mb-6 text-slate-700">{t('accommodations.newIntro')}</p>
      <AccommodationForm
        values={actionData?.values ?? values}
        failure={actionData ?? null}
        busy={busy}
        submitLabel={t('accommodations.saveNew')}
        cancelTo={`/students/${studentId}`}
      />
    </Card>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, t('accommodations.newTitle')) }]
