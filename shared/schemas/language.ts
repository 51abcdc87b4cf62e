import { z } from '../zod.ts'
import { t } from '../i18n/i18n.ts'
import { LANGUAGES } from '../i18n/i18n.ts'

/** A language chosen at the foot of a page, on the account page or at sign-up: one of those offered, nothing else. */
export const languageSchema = z.enum(LANGUAGES, { error: () => t('languages.invalid') })

export const languageChoiceSchema = z.object({ language: languageSchema })
