import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import { iepDatesFormSchema } from '#shared/schemas/iep-calendar.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'
import { IepDatesCard, type IepDatesResult } from './iep-dates-card.tsx'
import { iepCalendar } from '#shared/i18n/en/iepCalendar.ts'

addSections({ iepCalendar })

// /students/:studentId/iep-dates: the IEP dates card on a page of its own; its action serves the card's form on the student page.

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  return loadOr404(() => context.trpc.iepCalendar.get({ studentId: params.studentId ?? '' }))
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const form = await request.formData()
  const values = Object.fromEntries(['startDate', 'endDate', 'annualReviewDate', 'reevaluationDate'].map((k) => [k, String(form.get(k) ?? '').slice(0, 10)]))
  const parsed = parseForm(form, iepDatesFormSchema)
  if (!parsed.ok) return data<IepDatesResult>({ ok: false, message: parsed.message, fieldErrors: parsed.fieldErrors, values }, { status: 400 })
  const result = await actionResult(() => context.trpc.iepCalendar.setDates({ studentId, ...withNulls(parsed.value) }))
  if (!result.ok) return data<IepDatesResult>({ ok: false, message: result.message, fieldErrors: result.fieldErrors, values }, { status: 400 })
  return data<IepDatesResult>({ ok: true, message: t('iepCalendar.card.saved') })
}

/** An empty field is "not known": the API takes it as null. */
function withNulls(v: { startDate?: string; endDate?: string; annualReviewDate?: string; reevaluationDate?: string }) {
  return { startDate: v.startDate ?? null, endDate: v.endDate ?? null, annualReviewDate: v.annualReviewDate ?? null, reevaluationDate: v.reevaluationDate ?? null }
}

export default function IepDatesPage() {
  const { plan, endedGoals } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  const role = parent?.student.role
  return (
    <IepDatesCard
      studentId={parent?.student.id ?? ''}
      plan={plan}
      canEdit={role ? can(role, 'iep.editDates') : false}
      canStartNext={role ? can(role, 'plan.startNext') : false}
      endedGoals={endedGoals}
    />
  )
}

export const meta: MetaFunction = () => [{ title: t('common.titleSuffix', { title: t('iepCalendar.card.title') }) }]
