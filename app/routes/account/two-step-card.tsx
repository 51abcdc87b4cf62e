import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { TWO_STEP_SETUP_PATH } from '#shared/two-step.ts'
import { twoStep } from '#shared/i18n/en/twoStep.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ twoStep })

/** The account page's card: whether two-step sign-in is on, and the way to its own page (docs/two-step.md). */
export function TwoStepCard({ on, recoveryCodesLeft, required }: { on: boolean; recoveryCodesLeft: number; required: boolean }) {
  const { t } = useTranslation()
  return (
    <Card title={t('twoStep.cardHeading')} headingId="two-step-heading">
      <p className="text-sm text-slate-600">{t('twoStep.cardIntro')}</p>
      <p className="mt-3 font-medium">{on ? t('twoStep.isOn') : t('twoStep.isOff')}</p>
      {on ? <p className="text-slate-700">{t('twoStep.recoveryLeft', { count: recoveryCodesLeft })}</p> : null}
      {required ? <p className="text-slate-700">{t('twoStep.requiredBySchool')}</p> : null}
      <p className="mt-2">
        <TextLink to={TWO_STEP_SETUP_PATH}>{on ? t('twoStep.manage') : t('twoStep.turnOnLink')}</TextLink>
      </p>
    </Card>
  )
}
