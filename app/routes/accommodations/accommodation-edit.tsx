import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { AccommodationForm } from './accommodation-form.tsx'
import { accommodationValuesOf } from './accommodation-values.ts'
import { saveAccommodation, type AccommodationActionData } from './save-accommodation.server.ts'
import { Card } from '#app/components/card.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import { accommodations } from '#shared/i18n/en/accommodations.ts'

addSections({ accommodations })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  if (!can(student.role, 'plan.edit')) throw new Response(t('common.notFound'), { status: 404 })
  // There is no single-accommodation procedure; a student has a handful, so the list is cheap.
  const all = await loadOr404(() => context.trpc.accommodations.list({ studentId }))
  const accommodation = all.find((a) => a.id === params.accommodationId)
  if (!accommodation) throw new Response(t('common.notFound'), { status: 404 })
  return { values: accommodationValuesOf(accommodation), title: accommodation.title }
}

export async function action({ context, request, params }: ActionFunctionArgs): Promise<AccommodationActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const accommodationId = params.accommodationId ?? ''
  return saveAccommodation(request, studentId, (fields) => context.trpc.accommodations.update({ studentId, accommodationId, ...fields }))
}

export default function EditAccommodation() {
  const { t } = useTranslation()
  const { values, title } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId } = useParams()
  return (
    <Card title={t('accommodations.editTitle')}>
      <p className="mb-6 break-words text-slate-700">{title}</p>
      <AccommodationForm
        values={actionData?.values ?? values}
        failure={actionData ?? null}
        busy={busy}
        submitLabel={t('accommodations.saveEdit')}
        cancelTo={`/students/${studentId}`}
        footnote={t('accommodations.editFootnote')}
      />
    </Card>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, t('accommodations.editTitle')) }]
