import { Link } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import {
  COMMUNICATION_FIELDS,
  REGULATION_FIELDS,
  type CommunicationProfile,
  type ProfileField,
  type RegulationProfile,
} from '#shared/schemas/plan.ts'
import { Card } from '#app/components/card.tsx'
import { student } from '#shared/i18n/en/student.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ student })

function Rows<K extends ProfileField>({ fields, profile }: { fields: readonly K[]; profile: Record<K, string> }) {
  const { t } = useTranslation()
  const filled = fields.filter((key) => profile[key]?.trim())
  if (filled.length === 0) return <p className="text-slate-700">{t('student.notWrittenYet')}</p>
  return (
    <dl className="space-y-3">
      {filled.map((key) => (
        <div key={key}>
          <dt className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t(`student.profile.${key}`)}</dt>
          <dd className="text-slate-900">{profile[key]}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * The two profiles every adult sees first (docs/domain.md#profiles): "before we push for performance, we create safety".
 */
export function ProfileCards({
  firstName,
  communication,
  regulation,
  editHref,
}: {
  firstName: string
  communication: CommunicationProfile
  regulation: RegulationProfile
  editHref: string | null
}) {
  const { t } = useTranslation()
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card title={t('student.communicatesTitle', { name: firstName })}>
        <Rows fields={COMMUNICATION_FIELDS} profile={communication} />
      </Card>
      <Card title={t('student.stressedTitle', { name: firstName })}>
        <Rows fields={REGULATION_FIELDS} profile={regulation} />
      </Card>
      {editHref ? (
        <p className="md:col-span-2">
          <Link to={editHref} className="font-medium text-brand-700 underline">
            {t('student.editProfiles')}
          </Link>
        </p>
      ) : null}
    </div>
  )
}
