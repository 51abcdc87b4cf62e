import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { people } from '#shared/i18n/en/people.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ people })

/** On the school page, for its admin: the way to the People page (docs/people.md). */
export function PeopleLinkCard({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation()
  return (
    <Card title={t('people.card.title')} headingId="people-card-heading">
      <p className="text-slate-700">{t('people.card.intro')}</p>
      <TextLink to={`/school/${schoolId}/people`}>{t('people.card.link')}</TextLink>
    </Card>
  )
}
