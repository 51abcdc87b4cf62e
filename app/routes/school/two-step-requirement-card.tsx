import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import type { SchoolFormResult } from './school-calendar-card.tsx'
import { twoStep } from '#shared/i18n/en/twoStep.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ twoStep })

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
