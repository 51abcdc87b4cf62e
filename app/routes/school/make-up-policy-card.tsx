import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { MISSED_REASONS, REASON_LABELS, REASON_RESPONSIBILITY, type MissReason } from '#shared/services.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { CheckboxField } from '#app/components/form-parts.tsx'
import type { SchoolFormResult } from './school-calendar-card.tsx'
import { school } from '#shared/i18n/en/school.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ school })

// School-responsible reasons first, then the unrecorded session, then the student's.
const ORDER: MissReason[] = [
  ...MISSED_REASONS.filter((r) => REASON_RESPONSIBILITY[r] === 'school'),
  'unrecorded',
  ...MISSED_REASONS.filter((r) => REASON_RESPONSIBILITY[r] === 'student'),
]

/** Which misses owe a make-up session at this school: the school admin decides; every number follows. */
export function MakeUpPolicyCard({
  reasons,
  isDefault,
  editable,
  result,
}: {
  reasons: MissReason[]
  isDefault: boolean
  editable: boolean
  result: SchoolFormResult | undefined
}) {
  const { t } = useTranslation()
  const mine = result && (result.intent === 'setPolicy' || result.intent === 'defaultPolicy') ? result : null
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && String(navigation.formData?.get('intent') ?? '').endsWith('Policy')
  return (
    <Card title={t('school.policy.title')} headingId="policy">
      <p className="mb-4 text-slate-700">{t('school.policy.intro')}</p>
      <p className="mb-4 text-slate-700">{isDefault ? t('school.policy.usesDefault') : t('school.policy.changedDefault')}</p>
      {mine ? (
        <div className="mb-4">
          <Alert tone={mine.ok ? 'success' : 'error'}>{mine.message}</Alert>
        </div>
      ) : null}
      <Form method="post" preventScrollReset className="space-y-4" key={reasons.join(',')}>
        <fieldset className="min-w-0 space-y-1" disabled={!editable}>
          <legend className="font-medium text-slate-800">{t('school.policy.legend')}</legend>
          {ORDER.map((r) => (
            <CheckboxField
              key={r}
              id={`policy-${r}`}
              name="reasons"
              value={r}
              label={r === 'unrecorded' ? t('school.policy.unrecorded') : t('school.policy.missed', { reason: REASON_LABELS[r] })}
              hint={REASON_RESPONSIBILITY[r] === 'school' ? t('school.policy.schoolSide') : t('school.policy.studentSide')}
              defaultChecked={reasons.includes(r)}
            />
          ))}
        </fieldset>
        {editable ? (
          <div className="flex flex-col gap-3 sm:flex-row">
            <Button type="submit" name="intent" value="setPolicy" disabled={busy}>
              {t('school.policy.save')}
            </Button>
            <Button type="submit" name="intent" value="defaultPolicy" variant="secondary" disabled={busy || isDefault}>
              {t('school.policy.useDefault')}
            </Button>
          </div>
        ) : null}
      </Form>
    </Card>
  )
}
