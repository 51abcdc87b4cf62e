import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { AccommodationForm } from './accommodation-form.tsx'
import { Card } from '#app/components/card.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { accommodationInput, accommodationValuesFromForm, type AccommodationFormValues, type FormFailure } from '#app/utils/plan-form.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { can } from '#shared/permissions.ts'
import { localIsoDate } from '#shared/school-date.ts'

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const student = await loadOr404(() => context.trpc.students.get({ studentId: params.studentId ?? '' }))
  if (!can(student.role, 'plan.edit')) throw new Response('Not found', { status: 404 })
  const values: AccommodationFormValues = {
    title: '',
    description: '',
    category: '',
    appliesKind: 'daily',
    days: [],
    subject: '',
    startDate: localIsoDate(context.now()),
  }
  return { values }
}

type ActionData = FormFailure & { values: AccommodationFormValues }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const values = accommodationValuesFromForm(await request.formData())
  const result = await actionResult(() => context.trpc.accommodations.create({ studentId, ...accommodationInput(values) }))
  if (result.ok) throw redirect(`/students/${studentId}`)
  return { ...result, values }
}

export default function NewAccommodation() {
  const { values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId } = useParams()
  return (
    <Card title="New accommodation">
      <p className="mb-6 text-slate-700">A support the student gets, said so that any adult can give it the same way.</p>
      <AccommodationForm
        values={actionData?.values ?? values}
        failure={actionData ?? null}
        busy={busy}
        submitLabel="Save accommodation"
        cancelTo={`/students/${studentId}`}
      />
    </Card>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, 'New accommodation') }]
