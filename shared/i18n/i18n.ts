import i18next, { type TFunction } from 'i18next'
import { en, type Catalogue } from './en/index.ts'

export const LANGUAGES = ['en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'en'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Catalogue }
  }
}

/**
 * One i18next instance for the browser, the server and the pure domain code (PDFs, CSV headers, refusals).
 * It starts synchronously with the catalogues in memory, so server rendering and hydration read the same words
 * and no page waits for a download.
 */
export const i18n = i18next.createInstance()
void i18n.init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  resources: { en: { translation: en } },
  initAsync: false,
  // React escapes what it renders; PDFs and CSV are not HTML. Escaping here would show "&amp;".
  interpolation: { escapeValue: false },
  returnNull: false,
})

/** Translate outside React (server, PDFs, CSV, domain refusals): the same catalogue as the pages. */
export const t: TFunction = i18n.t.bind(i18n)

/** A translator fixed to one reader's language, for what is made for one person (a PDF, a mail). */
export function translatorFor(language: Language): TFunction {
  return i18n.getFixedT(language)
}
