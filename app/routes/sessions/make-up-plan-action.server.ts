import type { AppLoadContext } from '@remix-run/node'
import { formatDay } from '#shared/i18n/format.ts'
import { t } from '#shared/i18n/i18n.ts'
import { MAKE_UP_PLAN_INTENTS, type MakeUpPlanForm, makeUpPlanFormSchema, type MakeUpPlanIntent } from '#shared/schemas/make-up-plans.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'
import type { PlanActionData } from './make-up-plan-forms.ts'

export function isPlanIntent(value: unknown): value is MakeUpPlanIntent {
  return typeof value === 'string' && (MAKE_UP_PLAN_INTENTS as readonly string[]).includes(value)
}

function save(context: AppLoadContext, form: MakeUpPlanForm) {
  const { intent: _intent, target: _target, ...fields } = form
  switch (form.intent) {
    case 'plan_make_up':
      return context.trpc.sessions.planMakeUp(fields as Extract<MakeUpPlanForm, { intent: 'plan_make_up' }>)
    case 'move_make_up':
      return context.trpc.sessions.moveMakeUpPlan(fields as Extract<MakeUpPlanForm, { intent: 'move_make_up' }>)
    case 'cancel_make_up':
      return context.trpc.sessions.cancelMakeUpPlan(fields as Extract<MakeUpPlanForm, { intent: 'cancel_make_up' }>)
  }
}

/** Plans, moves or cancels a make-up through the sessions procedures, which check who may; the answer goes back to the form. */
export async function makeUpPlanAction(context: AppLoadContext, form: FormData): Promise<PlanActionData> {
  const values: Record<string, string> = {}
  for (const [key, value] of form) if (typeof value === 'string') values[key] = value
  const planIntent = isPlanIntent(values.intent) ? values.intent : 'cancel_make_up'
  const target = values.target ?? ''
  const parsed = parseForm(form, makeUpPlanFormSchema)
  const result = parsed.ok ? await actionResult(() => save(context, parsed.value)) : parsed
  if (!result.ok) return { ok: false, planIntent, target, message: result.message, fieldErrors: result.fieldErrors, values }
  const plan = result.data
  const message =
    planIntent === 'plan_make_up'
      ? t('sessions.plannedMakeUps.planned', { date: formatDay(plan.plannedDate), session: formatDay(plan.repaysDate) })
      : planIntent === 'move_make_up'
        ? t('sessions.plannedMakeUps.moved', { date: formatDay(plan.plannedDate) })
        : t('sessions.plannedMakeUps.cancelled')
  return { ok: true, planIntent, target, message }
}
