import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { sso } from '#shared/i18n/en/sso.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ sso })

/** On the school page, for its admin: the way to the sign-in methods page (the district's own accounts). */
export function SignInMethodsCard({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation()
  return (
    <Card title={t('sso.admin.cardTitle')} headingId="sign-in-methods">
      <p className="text-slate-700">{t('sso.admin.cardIntro')}</p>
      <TextLink to={`/school/${schoolId}/sign-in-methods`}>{t('sso.admin.cardLink')}</TextLink>
    </Card>
  )
}
