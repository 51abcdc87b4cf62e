import type { AppLoadContext } from '@remix-run/node'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'
import { t as translate } from '#shared/i18n/i18n.ts'
import { schoolTwoStepFormSchema } from '#shared/schemas/two-step.ts'
import type { SchoolFormResult } from './school-calendar-card.tsx'

/** The school page's form for the two-step card (intent `twoStep`): the school admin requires it, or stops. */
export async function schoolTwoStepAction(context: AppLoadContext, schoolId: string, form: FormData): Promise<SchoolFormResult> {
  const parsed = parseForm(form, schoolTwoStepFormSchema)
  if (!parsed.ok) return { intent: 'twoStep', ...parsed, values: {} }
  const required = parsed.value.required === 'yes'
  const result = await actionResult(() => context.trpc.twoStep.setSchoolRequirement({ schoolId, required }))
  if (!result.ok) return { intent: 'twoStep', ...result, values: {} }
  return { intent: 'twoStep', ok: true, message: translate(required ? 'twoStep.schoolSavedOn' : 'twoStep.schoolSavedOff') }
}

/** Whether the school's admins and case managers must sign in with two steps (docs/two-step.md); the school admin's. */
export function TwoStepRequirementCard({ required, result }: { required: boolean; result: SchoolFormResult | undefined }) {
  const { t } = useTranslation()
  const mine = result && result.intent === 'twoStep' && result.ok !== 'confirm' ? result : null
  const busy = useNavigation().formData?.get('intent') === 'twoStep'
  return (
    <Card title={t('twoStep.schoolHeading')} headingId="two-step">
      <p className="mb-4 text-slate-700">{t('twoStep.schoolIntro')}</p>
      {mine ? (
        <div className="mb-4">
          <Alert tone={mine.ok ? 'success' : 'error'}>{mine.message}</Alert>
        </div>
      ) : null}
      <p className="mb-4 font-medium">{required ? t('twoStep.schoolRequired') : t('twoStep.schoolNotRequired')}</p>
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="twoStep" />
        <input type="hidden" name="required" value={required ? 'no' : 'yes'} />
        <Button type="submit" variant={required ? 'secondary' : 'primary'} disabled={busy}>
          {required ? t('twoStep.schoolStopRequiring') : t('twoStep.schoolRequire')}
        </Button>
      </Form>
    </Card>
  )
}
