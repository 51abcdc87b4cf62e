import { useTranslation } from 'react-i18next'
import { Card } from '#app/components/card.tsx'
import { TextLink } from '#app/components/text-link.tsx'

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
