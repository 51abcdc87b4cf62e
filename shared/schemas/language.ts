import { z } from '../zod.ts'
import { t } from '../i18n/i18n.ts'
import { LANGUAGES, type Language } from '../i18n/i18n.ts'

/** A language chosen at the foot of a page, on the account page or at sign-up: one of those offered, nothing else. */
export const languageSchema = z.enum(LANGUAGES, { error: () => t('languages.invalid') })

export const languageChoiceSchema = z.object({ language: languageSchema })

/** The languages a plain summary can be written in beside the English, which is always the plan's own. */
export const TRANSLATION_LANGUAGES = LANGUAGES.filter((l): l is Exclude<Language, 'en'> => l !== 'en')
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number]
export const translationLanguageSchema = z.enum(TRANSLATION_LANGUAGES, { error: () => t('languages.invalid') })
