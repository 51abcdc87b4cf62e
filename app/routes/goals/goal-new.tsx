import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useNavigation, useParams } from '@remix-run/react'
import { Card } from '#app/components/card.tsx'
import { GoalForm } from './goal-form.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { EMPTY_GOAL, goalInput, goalValuesFromForm, type FormFailure, type GoalFormValues } from '#app/utils/plan-form.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { can } from '#shared/permissions.ts'

// Only the case manager writes goals; anyone else gets the same 404 as for a page that does not exist.
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const student = await loadOr404(() => context.trpc.students.get({ studentId: params.studentId ?? '' }))
  if (!can(student.role, 'plan.edit')) throw new Response('Not found', { status: 404 })
  return null
}

type ActionData = FormFailure & { values: GoalFormValues }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const values = goalValuesFromForm(await request.formData())
  const result = await actionResult(() => context.trpc.goals.create({ studentId, ...goalInput(values) }))
  if (result.ok) throw redirect(`/students/${studentId}/goals/${result.data.goalId}`)
  return { ...result, values }
}

export default function NewGoal() {
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId } = useParams()
  return (
    <Card title="New goal">
      <p className="mb-6 text-slate-700">
        Copy the goal from the IEP, then say it in plain words for everyone who helps. All fields are needed.
      </p>
      <GoalForm
        values={actionData?.values ?? EMPTY_GOAL}
        failure={actionData ?? null}
        busy={busy}
        submitLabel="Save goal"
        cancelTo={`/students/${studentId}`}
      />
    </Card>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, 'New goal') }]
