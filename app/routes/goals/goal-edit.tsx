import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { GoalForm, PlainPartsForm } from './goal-form.tsx'
import { submitForm, type RefusedForm } from './submit-form.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { goalValuesOf } from '#app/utils/plan-form.ts'
import { areaLabel } from '#shared/plan-labels.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import { goalFieldsSchema, goalPlainFormSchema } from '#shared/schemas/plan.ts'
import { goals } from '#shared/i18n/en/goals.ts'

addSections({ goals })

/**
 * The case manager edits the whole goal; a provider only its plain parts (the service refuses goals outside
 * their areas, and the form shows why). Anyone else gets the 404 of a page that does not exist.
 */
async function editMode(context: LoaderFunctionArgs['context'], studentId: string): Promise<'full' | 'plain'> {
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  if (can(student.role, 'plan.edit')) return 'full'
  if (can(student.role, 'goal.editPlain')) return 'plain'
  throw new Response(t('common.notFound'), { status: 404 })
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const mode = await editMode(context, studentId)
  const goal = await loadOr404(() => context.trpc.goals.get({ studentId, goalId: params.goalId ?? '' }))
  return { mode, area: goal.area, officialText: goal.officialText, values: goalValuesOf(goal), version: goal.version }
}

export async function action({ context, request, params }: ActionFunctionArgs): Promise<RefusedForm> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const goalId = params.goalId ?? ''
  const mode = await editMode(context, studentId)
  const form = await request.formData()
  const result =
    mode === 'full'
      ? await submitForm(form, goalFieldsSchema, (goal) => context.trpc.goals.update({ studentId, goalId, ...goal }))
      : await submitForm(form, goalPlainFormSchema, ({ plain }) => context.trpc.goals.updatePlain({ studentId, goalId, plain }))
  if (result.ok) throw redirect(`/students/${studentId}/goals/${goalId}`)
  return result
}

export default function EditGoal() {
  const { t } = useTranslation()
  const { mode, area: areaCode, officialText, values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId, goalId } = useParams()
  const goalPage = `/students/${studentId}/goals/${goalId}`
  const area = areaLabel(areaCode)

  if (mode === 'plain') {
    return (
      <Card title={t('goals.editPlainTitle')}>
        <p className="mb-6 text-slate-700">{t('goals.editPlainIntro', { area })}</p>
        <PlainPartsForm
          values={actionData?.values ?? values}
          officialText={officialText}
          failure={actionData ?? null}
          busy={busy}
          cancelTo={goalPage}
          footnote={t('goals.historyNote')}
        />
      </Card>
    )
  }
  return (
    <Card title={t('goals.editTitle')}>
      <p className="mb-6 text-slate-700">{t('goals.editIntro', { area })}</p>
      <GoalForm
        values={actionData?.values ?? values}
        failure={actionData ?? null}
        busy={busy}
        submitLabel={t('goals.saveChanges')}
        cancelTo={goalPage}
        footnote={t('goals.historyNote')}
      />
    </Card>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, t('goals.editTitle')) }]
