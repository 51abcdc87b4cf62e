import { Form, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Field, SelectField, SessionMinutesField } from '#app/components/field.tsx'
import { useFocusFirstError } from '#app/components/form-parts.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { sessionName } from '#app/utils/session-text.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { isDue } from '#shared/make-up-plans.ts'
import { ActionDisclosure, type OwedSessionsFormProps } from './session-actions.tsx'
import { failureFor, type SessionActionData } from './session-forms.ts'
import { type PlanActionData, planFailureFor, planSavedFor } from './make-up-plan-forms.ts'
import { SavedMessage } from './session-record-parts.tsx'
import { sessions } from '#shared/i18n/en/sessions.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ sessions })

export interface WeekPlan {
  planId: string
  serviceId: string
  serviceName: string
  repaysDate: string
  plannedDate: string
}

interface Failure {
  message: string
  fieldErrors: Record<string, string[]>
  values: Record<string, string>
}

/** One small form of the week: its intent and target route the answer back to it (session-forms.ts). */
function IntentForm({
  hidden,
  failure,
  submitLabel,
  danger,
  children,
}: {
  hidden: Record<string, string>
  failure: Failure | null
  submitLabel: string
  danger?: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  const formRef = useFocusFirstError(failure ? { ok: false, message: failure.message, fieldErrors: failure.fieldErrors } : null)
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === hidden.intent && navigation.formData?.get('target') === hidden.target
  return (
    <Form method="post" preventScrollReset noValidate ref={formRef} className="space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {failure ? (
        // A refusal shown beside its own field is said there once; the top of the form only points to it.
        <Alert>{Object.values(failure.fieldErrors).some((m) => m.includes(failure.message)) ? t('common.correctFields') : failure.message}</Alert>
      ) : null}
      {children}
      <Button type="submit" variant={danger ? 'danger' : 'primary'} disabled={busy}>
        {busy ? t('sessions.saving') : submitLabel}
      </Button>
    </Form>
  )
}

/** A make-up planned for this day: recorded like any session once its day has come, or moved, or cancelled. */
export function PlannedMakeUpItem({
  plan,
  student,
  today,
  owedMinutes,
  sessionResult,
  planResult,
}: {
  plan: WeekPlan
  student: { id: string; name: string }
  today: string
  owedMinutes: number
  sessionResult: SessionActionData | undefined
  planResult: PlanActionData | undefined
}) {
  const { t } = useTranslation()
  const name = t('sessions.plannedMakeUps.name', { name: sessionName(plan.serviceName, plan.plannedDate, student.name) })
  const target = plan.planId
  const recording = failureFor(sessionResult, 'make_up', target)
  const moving = planFailureFor(planResult, 'move_make_up', target)
  const cancelling = planFailureFor(planResult, 'cancel_make_up', target)
  const ids = { studentId: student.id, planId: plan.planId, target }
  return (
    <li className="space-y-2 py-3">
      <p className="font-medium text-slate-900">{t('sessions.studentService', { student: student.name, service: plan.serviceName })}</p>
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge tone="info">{t('sessions.plannedMakeUps.badge')}</StatusBadge>
        <span className="text-sm text-slate-700">{t('sessions.plannedMakeUps.forMissed', { session: formatDay(plan.repaysDate) })}</span>
      </p>
      <SavedMessage message={planSavedFor(planResult, target)} />
      {isDue(plan, today) ? null : <p className="text-sm text-slate-700">{t('sessions.plannedMakeUps.notYet', { date: formatDay(plan.plannedDate) })}</p>}
      <div className="flex flex-wrap gap-2">
        {isDue(plan, today) ? (
          <ActionDisclosure summary={t('sessions.plannedMakeUps.saveRecord')} label={t('sessions.plannedMakeUps.record', { name })} open={recording ? true : undefined}>
            <IntentForm
              hidden={{ intent: 'make_up', target, studentId: student.id, serviceId: plan.serviceId, repaysDate: plan.repaysDate, date: plan.plannedDate }}
              failure={recording}
              submitLabel={t('sessions.plannedMakeUps.saveRecord')}
            >
              <SessionMinutesField
                label={t('sessions.minutesGiven')}
                name="minutes"
                hint={t('sessions.plannedMakeUps.recordHint', { minutes: owedMinutes })}
                defaultValue={recording?.values.minutes ?? ''}
                errors={recording?.fieldErrors.minutes ?? recording?.fieldErrors.date}
              />
            </IntentForm>
          </ActionDisclosure>
        ) : null}
        <ActionDisclosure summary={t('sessions.plannedMakeUps.saveMove')} label={t('sessions.plannedMakeUps.move', { name })} open={moving ? true : undefined}>
          <IntentForm hidden={{ intent: 'move_make_up', ...ids }} failure={moving} submitLabel={t('sessions.plannedMakeUps.saveMove')}>
            <Field
              type="date"
              label={t('sessions.plannedMakeUps.newDate')}
              name="plannedDate"
              min={today}
              hint={t('sessions.plannedMakeUps.plannedDateHint')}
              defaultValue={moving?.values.plannedDate ?? plan.plannedDate}
              errors={moving?.fieldErrors.plannedDate}
            />
            <ReasonField label={t('sessions.plannedMakeUps.whyMoved')} failure={moving} />
          </IntentForm>
        </ActionDisclosure>
        <ActionDisclosure summary={t('sessions.plannedMakeUps.saveCancel')} label={t('sessions.plannedMakeUps.cancel', { name })} open={cancelling ? true : undefined}>
          <IntentForm hidden={{ intent: 'cancel_make_up', ...ids }} failure={cancelling} submitLabel={t('sessions.plannedMakeUps.saveCancel')} danger>
            <ReasonField label={t('sessions.plannedMakeUps.whyCancelled')} failure={cancelling} />
          </IntentForm>
        </ActionDisclosure>
      </div>
    </li>
  )
}

function ReasonField({ label, failure }: { label: string; failure: Failure | null }) {
  return <Field label={label} name="changeReason" maxLength={300} required defaultValue={failure?.values.changeReason ?? ''} errors={failure?.fieldErrors.changeReason} />
}

/** Plans a make-up ahead for one of a service's owed sessions that has no plan yet. */
export function PlanMakeUpForm({ studentId, serviceId, name, today, owed, result }: OwedSessionsFormProps<PlanActionData>) {
  const { t } = useTranslation()
  const failure = planFailureFor(result, 'plan_make_up', serviceId)
  const saved = planSavedFor(result, serviceId)
  // Planning the last owed session leaves nothing to plan: the answer still shows where the form was.
  if (!owed.length) return <SavedMessage message={saved} />
  return (
    <div className="space-y-2">
      <SavedMessage message={saved} />
      <ActionDisclosure summary={t('sessions.plannedMakeUps.savePlan')} label={t('sessions.plannedMakeUps.plan', { name })} open={failure ? true : undefined}>
        <p className="text-sm text-slate-700">{t('sessions.plannedMakeUps.planIntro')}</p>
        <IntentForm hidden={{ intent: 'plan_make_up', target: serviceId, studentId, serviceId }} failure={failure} submitLabel={t('sessions.plannedMakeUps.savePlan')}>
          <SelectField
            label={t('sessions.plannedMakeUps.whichSession')}
            name="repaysDate"
            defaultValue={failure?.values.repaysDate ?? owed[0]!.date}
            errors={failure?.fieldErrors.repaysDate}
          >
            {owed.map((o) => (
              <option key={o.date} value={o.date}>
                {t('sessions.owedOption', { date: formatDay(o.date), year: o.date.slice(0, 4), minutes: o.owedMinutes })}
              </option>
            ))}
          </SelectField>
          <Field
            type="date"
            label={t('sessions.plannedMakeUps.plannedDate')}
            name="plannedDate"
            min={today}
            hint={t('sessions.plannedMakeUps.plannedDateHint')}
            defaultValue={failure?.values.plannedDate ?? ''}
            errors={failure?.fieldErrors.plannedDate}
          />
        </IntentForm>
      </ActionDisclosure>
    </div>
  )
}
