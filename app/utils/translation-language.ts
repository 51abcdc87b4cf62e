import { t } from '#shared/i18n/i18n.ts'
import { TRANSLATION_LANGUAGES, type TranslationLanguage } from '#shared/schemas/language.ts'

/** The language in a translation page's address: one a summary can be written in, or the 404 of a page that does not exist. */
export function translationLanguageOf(param: string | undefined): TranslationLanguage {
  const language = TRANSLATION_LANGUAGES.find((l) => l === param)
  if (!language) throw new Response(t('common.notFound'), { status: 404 })
  return language
}
