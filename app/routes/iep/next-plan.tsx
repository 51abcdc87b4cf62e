import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { IEP_DATE_FIELDS } from '#shared/iep-calendar.ts'
import { can } from '#shared/permissions.ts'
import { GOAL_CHOICES, nextPlanFormSchema } from '#shared/schemas/iep-calendar.ts'
import { addDays } from '#shared/school-date.ts'
import { iepCalendar } from '#shared/i18n/en/iepCalendar.ts'

addSections({ iepCalendar })

// /students/:studentId/next-plan: at the annual review the case manager starts the next plan from the current one
// (docs/iep-calendar.md). Anyone else gets the 404 of a page that does not exist; the procedure refuses them too.

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  if (!can(student.role, 'plan.startNext')) throw new Response(t('common.notFound'), { status: 404 })
  const [calendar, goals] = await Promise.all([loadOr404(() => context.trpc.iepCalendar.get({ studentId })), loadOr404(() => context.trpc.goals.list({ studentId }))])
  const end = calendar.plan?.endDate
  const suggested = end ? { startDate: addDays(end, 1), endDate: addDays(end, 365) } : { startDate: '', endDate: '' }
  return {
    studentId,
    firstName: student.preferredName ?? student.name.split(' ')[0] ?? student.name,
    plan: calendar.plan,
    suggested,
    goals: goals.map((g) => ({ id: g.id, area: g.area, officialText: g.officialText })),
  }
}

type ActionData = { ok: false; message: string; fieldErrors: Record<string, string[] | undefined> }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData | Response> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const parsed = parseForm(await request.formData(), nextPlanFormSchema)
  if (!parsed.ok) return parsed
  const { confirm: _confirm, goals, ...dates } = parsed.value
  const input = {
    studentId,
    goals,
    startDate: dates.startDate ?? null,
    endDate: dates.endDate ?? null,
    annualReviewDate: dates.annualReviewDate ?? null,
    reevaluationDate: dates.reevaluationDate ?? null,
  }
  const result = await actionResult(() => context.trpc.iepCalendar.startNext(input))
  if (!result.ok) return result
  // A goal carried over to be changed opens its edit next: the change is a new version of the same goal.
  const first = result.data.changeGoalIds[0]
  return redirect(first ? `/students/${studentId}/goals/${first}/edit` : `/students/${studentId}`)
}

export default function NextPlan() {
  const { t } = useTranslation()
  const { studentId, firstName, plan, suggested, goals } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const errors = result && 'fieldErrors' in result ? result.fieldErrors : {}
  const suggestedOf = (field: (typeof IEP_DATE_FIELDS)[number]) => (field === 'startDate' ? suggested.startDate : field === 'endDate' ? suggested.endDate : '')
  return (
    <Card title={t('iepCalendar.next.title')} headingId="next-plan-heading">
      <p className="mb-2 text-slate-700">{t('iepCalendar.next.intro', { name: firstName })}</p>
      <p className="mb-4 font-medium">
        {plan?.startDate && plan.endDate
          ? t('iepCalendar.next.current', { start: formatDay(plan.startDate, 'medium'), end: formatDay(plan.endDate, 'medium') })
          : t('iepCalendar.next.currentUnknown')}
      </p>
      <Form method="post" className="space-y-6" noValidate>
        {result && 'message' in result ? <Alert>{result.message}</Alert> : null}
        {errors.goals ? <Alert>{errors.goals.join(' ')}</Alert> : null}
        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">{t('iepCalendar.next.datesLegend')}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {IEP_DATE_FIELDS.map((field) => (
              <Field key={field} label={t(`iepCalendar.card.${field}`)} name={field} type="date" defaultValue={suggestedOf(field)} errors={errors[field]} />
            ))}
          </div>
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">{t('iepCalendar.next.goalsLegend')}</legend>
          {goals.length === 0 ? <p className="text-slate-700">{t('iepCalendar.next.noGoals')}</p> : null}
          {goals.map((goal, i) => (
            <fieldset key={goal.id} className="rounded border border-slate-200 p-3">
              <legend className="px-1 font-medium">{t('iepCalendar.next.choiceLegend', { area: goal.area })}</legend>
              <p className="mb-2 text-sm text-slate-700">{goal.officialText}</p>
              <input type="hidden" name={`goals[${i}].goalId`} value={goal.id} />
              <div className="flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:gap-x-6">
                {GOAL_CHOICES.map((choice) => (
                  <label key={choice} className="inline-flex min-h-11 items-center gap-2">
                    <input type="radio" name={`goals[${i}].choice`} value={choice} defaultChecked={choice === 'carry'} className="size-5" />
                    {t(`iepCalendar.next.${choice}`)}
                  </label>
                ))}
              </div>
              <Field label={t('iepCalendar.next.reason')} hint={t('iepCalendar.next.reasonHint')} name={`goals[${i}].reason`} maxLength={300} errors={errors[`goals[${i}].reason`]} />
            </fieldset>
          ))}
        </fieldset>
        <div>
          <label className="inline-flex min-h-11 items-center gap-2">
            <input type="checkbox" name="confirm" className="size-5" aria-describedby={errors.confirm ? 'confirm-error' : undefined} />
            {t('iepCalendar.next.confirm')}
          </label>
          {errors.confirm ? (
            <p id="confirm-error" className="text-sm text-red-700">
              {errors.confirm.join(' ')}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" disabled={busy}>
            {t('iepCalendar.next.submit')}
          </Button>
          <Link to={`/students/${studentId}`} className="font-medium text-brand-700 underline">
            {t('iepCalendar.next.back')}
          </Link>
        </div>
      </Form>
    </Card>
  )
}

export const meta: MetaFunction = () => [{ title: t('common.titleSuffix', { title: t('iepCalendar.next.title') }) }]
