import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { t } from '#shared/i18n/i18n.ts'
import { sessionLimitsSchema } from '#shared/schemas/session-limits.ts'
import { FAMILY_SESSION_DAYS, STAFF_IDLE_MINUTES } from '#shared/session-limits.ts'

// /school/:schoolId/sign-in-limits: how long staff and families stay signed in. The school admin's only.

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  const limits = await loadOr404(() => context.trpc.schools.sessionLimits({ schoolId }))
  const school = (await context.trpc.schools.mine()).find((s) => s.id === schoolId)
  return { limits, schoolName: school?.name ?? '' }
}

type ActionData = { ok: boolean; message: string; fieldErrors: Record<string, string[] | undefined>; values?: Record<string, string> }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  const form = await request.formData()
  // What was typed goes back to the form on a refusal.
  const values = { staffIdleMinutes: String(form.get('staffIdleMinutes') ?? '').slice(0, 10), familySessionDays: String(form.get('familySessionDays') ?? '').slice(0, 10) }
  const parsed = parseForm(form, sessionLimitsSchema)
  if (!parsed.ok) return { ok: false, message: parsed.message, fieldErrors: parsed.fieldErrors, values }
  const result = await actionResult(() => context.trpc.schools.setSessionLimits({ schoolId, ...parsed.value }))
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values }
  return { ok: true, message: t('session.limits.saved'), fieldErrors: {} }
}

export default function SessionLimits() {
  const { limits, schoolName } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { t } = useTranslation()
  const typed = result && !result.ok ? result.values : undefined
  return (
    <div className="space-y-6">
      <PageHeading title={t('session.limits.title')}>
        <p className="text-slate-700">{schoolName}</p>
      </PageHeading>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t('session.limits.heading')}</h2>
        <p className="mb-4 text-slate-700">{t('session.limits.intro')}</p>
        <Form method="post" className="space-y-4" noValidate>
          {result ? result.ok ? <Alert tone="success">{result.message}</Alert> : <Alert>{result.message}</Alert> : null}
          <Field
            label={t('session.limits.staffIdle')}
            name="staffIdleMinutes"
            type="number"
            inputMode="numeric"
            min={STAFF_IDLE_MINUTES.min}
            max={STAFF_IDLE_MINUTES.max}
            defaultValue={typed?.staffIdleMinutes ?? String(limits.staffIdleMinutes)}
            errors={result?.fieldErrors.staffIdleMinutes}
            required
          />
          <Field
            label={t('session.limits.familyDays')}
            name="familySessionDays"
            type="number"
            inputMode="numeric"
            min={FAMILY_SESSION_DAYS.min}
            max={FAMILY_SESSION_DAYS.max}
            defaultValue={typed?.familySessionDays ?? String(limits.familySessionDays)}
            errors={result?.fieldErrors.familySessionDays}
            required
          />
          <Button type="submit" disabled={busy}>
            {t('session.limits.save')}
          </Button>
        </Form>
      </Card>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: t('common.titleSuffix', { title: t('session.limits.title') }) }]
