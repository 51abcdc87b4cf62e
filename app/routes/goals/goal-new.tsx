import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useNavigation, useParams } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { GoalForm } from './goal-form.tsx'
import { submitForm, type RefusedForm } from './submit-form.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { EMPTY_GOAL } from '#app/utils/plan-form.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import { goalFieldsSchema } from '#shared/schemas/plan.ts'
import { goals } from '#shared/i18n/en/goals.ts'

addSections({ goals })

// Only the case manager writes goals; anyone else gets the same 404 as for a page that does not exist.
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const student = await loadOr404(() => context.trpc.students.get({ studentId: params.studentId ?? '' }))
  if (!can(student.role, 'plan.edit')) throw new Response(t('common.notFound'), { status: 404 })
  return null
}

export async function action({ context, request, params }: ActionFunctionArgs): Promise<RefusedForm> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const result = await submitForm(await request.formData(), goalFieldsSchema, (goal) => context.trpc.goals.create({ studentId, ...goal }))
  if (result.ok) throw redirect(`/students/${studentId}/goals/${result.data.goalId}`)
  return result
}

export default function NewGoal() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId } = useParams()
  return (
    <Card title={t('goals.newTitle')}>
      <p className="mb-6 text-slate-700">{t('goals.newIntro')}</p>
      <GoalForm
        values={actionData?.values ?? EMPTY_GOAL}
        failure={actionData ?? null}
        busy={busy}
        submitLabel={t('goals.saveGoal')}
        cancelTo={`/students/${studentId}`}
      />
    </Card>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, t('goals.newTitle')) }]
