import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '#shared/i18n/i18n.ts'

/**
 * The other languages, each named in itself, at the foot of every page: a parent who reads no English finds
 * "Español" without reading anything else. It works before scripts load, and the page comes back whole in the new
 * language either way (app/routes/account/language.ts answers with a document redirect).
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const { pathname, search } = useLocation()
  const others = LANGUAGES.filter((language) => !isLanguage(i18n.language) || language !== i18n.language)
  return (
    <footer className="mx-auto w-full max-w-4xl px-4 pb-8 print:hidden">
      <Form method="post" action="/language" className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-4 text-sm">
        <input type="hidden" name="back" value={pathname + search} />
        <span className="text-slate-600">{t('languages.switchLabel')}:</span>
        {others.map((language) => (
          <button
            key={language}
            type="submit"
            name="language"
            value={language}
            lang={language}
            aria-label={t('languages.switchTo', { language: LANGUAGE_NAMES[language] })}
            className="min-h-11 rounded px-2 font-medium text-brand-700 underline hover:text-brand-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
          >
            {LANGUAGE_NAMES[language]}
          </button>
        ))}
      </Form>
    </footer>
  )
}
