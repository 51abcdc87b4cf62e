import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { Card } from '#app/components/card.tsx'
import { GoalForm, PlainPartsForm } from './goal-form.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { goalInput, goalValuesFromForm, goalValuesOf, plainValuesFromForm, type FormFailure, type GoalFormValues } from '#app/utils/plan-form.ts'
import { areaLabel } from '#app/utils/plan-labels.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { can } from '#shared/permissions.ts'
import type { PlainSummary } from '#shared/schemas/plan.ts'

/**
 * The case manager edits the whole goal; a provider only its plain parts (the service refuses goals outside
 * their areas, and the form shows why). Anyone else gets the 404 of a page that does not exist.
 */
async function editMode(context: LoaderFunctionArgs['context'], studentId: string): Promise<'full' | 'plain'> {
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  if (can(student.role, 'plan.edit')) return 'full'
  if (can(student.role, 'goal.editPlain')) return 'plain'
  throw new Response('Not found', { status: 404 })
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const mode = await editMode(context, studentId)
  const goal = await loadOr404(() => context.trpc.goals.get({ studentId, goalId: params.goalId ?? '' }))
  return { mode, values: goalValuesOf(goal), version: goal.version }
}

type ActionData = FormFailure & ({ mode: 'full'; values: GoalFormValues } | { mode: 'plain'; plain: PlainSummary })

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const goalId = params.goalId ?? ''
  const mode = await editMode(context, studentId)
  const form = await request.formData()
  const goalPage = `/students/${studentId}/goals/${goalId}`
  if (mode === 'full') {
    const values = goalValuesFromForm(form)
    const result = await actionResult(() => context.trpc.goals.update({ studentId, goalId, ...goalInput(values) }))
    if (result.ok) throw redirect(goalPage)
    return { ...result, mode, values }
  }
  const plain = plainValuesFromForm(form)
  const result = await actionResult(() => context.trpc.goals.updatePlain({ studentId, goalId, plain }))
  if (result.ok) throw redirect(goalPage)
  return { ...result, mode, plain }
}

const HISTORY_NOTE = 'Saving keeps the earlier version in History.'

export default function EditGoal() {
  const { mode, values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId, goalId } = useParams()
  const goalPage = `/students/${studentId}/goals/${goalId}`
  const area = areaLabel(values.area)

  if (mode === 'plain') {
    const plain = actionData?.mode === 'plain' ? actionData.plain : values.plain
    return (
      <Card title="Edit the plain words">
        <p className="mb-6 text-slate-700">
          {area} goal. You can reword the four plain parts so every adult on the team reads the goal the same way.
        </p>
        <PlainPartsForm
          plain={plain}
          officialText={values.officialText}
          failure={actionData ?? null}
          busy={busy}
          cancelTo={goalPage}
          footnote={HISTORY_NOTE}
        />
      </Card>
    )
  }
  return (
    <Card title="Edit goal">
      <p className="mb-6 text-slate-700">{area} goal. All fields are needed.</p>
      <GoalForm
        values={actionData?.mode === 'full' ? actionData.values : values}
        failure={actionData ?? null}
        busy={busy}
        submitLabel="Save changes"
        cancelTo={goalPage}
        footnote={HISTORY_NOTE}
      />
    </Card>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, 'Edit goal') }]
