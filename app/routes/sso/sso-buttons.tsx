import { useTranslation } from '#app/utils/use-translation.ts'
import { buttonClasses } from '#app/components/button.tsx'
import { sso } from '#shared/i18n/en/sso.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ sso })

/**
 * "Sign in with …" for each school that set up its own sign-in service. Plain links that load a new document: the
 * start answers with a redirect to the provider, which a client-side fetch (or a form, under form-action 'self') could
 * not follow.
 */
export function SsoButtons({ providers, redirectTo }: { providers: { id: string; label: string }[]; redirectTo: string }) {
  const { t } = useTranslation()
  if (!providers.length) return null
  const query = redirectTo && redirectTo !== '/' ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ''
  return (
    <div className="mt-6 space-y-3 border-t border-slate-200 pt-4">
      <p className="text-sm text-slate-700">{t('sso.orDivider')}</p>
      <ul className="space-y-2">
        {providers.map((p) => (
          <li key={p.id}>
            <a href={`/sso/${encodeURIComponent(p.id)}/start${query}`} className={`${buttonClasses('secondary')} w-full`}>
              {t('sso.signInWith', { label: p.label })}
            </a>
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-600">{t('sso.familiesKeepPasswords')}</p>
    </div>
  )
}
