import i18next, { type i18n as I18n, type TFunction } from 'i18next'
import type { Catalogue } from './en/index.ts'
import { startingWords } from '#i18n/starting-words'

export const LANGUAGES = ['en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'en'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Catalogue }
  }
}

/** Printed before a key that has no words, so tests (unit and browser) can fail on it. */
export const MISSING_WORDS = '[missing words]'

/**
 * One i18next instance for the browser, the server and the pure domain code (PDFs, CSV headers, refusals).
 * It starts synchronously with the words in memory, so server rendering and hydration read the same words and no
 * page waits for a download. The server starts with the whole catalogue; the browser with the page frame's
 * sections only (shared/i18n/en/base.ts, chosen by the `browser` condition of `#i18n/starting-words`), and each
 * module that reads another section adds it with `addSections` when it is evaluated. Remix evaluates a route's
 * modules before it renders the route, on the server, at hydration and on a client navigation alike.
 */
export const i18n = i18next.createInstance()
void i18n.init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  resources: { en: { translation: startingWords } },
  initAsync: false,
  // React escapes what it renders; PDFs and CSV are not HTML. Escaping here would show "&amp;".
  interpolation: { escapeValue: false },
  returnNull: false,
  // A key without words shows the key itself on screen; say so loudly (tests fail on console errors).
  saveMissing: true,
  missingKeyHandler: (_languages, _namespace, key) => console.error(`${MISSING_WORDS} ${key}`),
})

/**
 * Adds sections of the catalogue for the module that reads them (see above). Deep and overwriting, so adding a
 * section the server already has changes nothing.
 */
export function addSections(sections: Partial<Catalogue>): void {
  i18n.addResourceBundle(DEFAULT_LANGUAGE, 'translation', sections, true, true)
}

const plainWords = new WeakMap<I18n, TFunction>()

/**
 * The instance's `t`, keeping the words of each key asked for without options (most calls: labels, headings,
 * buttons). i18next resolves every call afresh (namespaces, fallbacks, nesting), which on the server was the largest
 * cost of rendering Today after React itself. The kept words are dropped when words are added or removed or the
 * language changes, so a key reads the same as without the cache. A call with options always goes to i18next.
 */
export function plainCachedT(instance: I18n): TFunction {
  const known = plainWords.get(instance)
  if (known) return known
  const words = new Map<string, string>()
  const forget = () => words.clear()
  instance.on('languageChanged', forget)
  instance.store.on('added', forget)
  instance.store.on('removed', forget)
  const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown
  const cached = ((key: unknown, ...rest: unknown[]) => {
    if (rest.length > 0 || typeof key !== 'string') return translate(key, ...rest)
    let found = words.get(key)
    if (found === undefined) {
      const result = translate(key)
      if (typeof result !== 'string') return result
      found = result
      words.set(key, found)
    }
    return found
  }) as unknown as TFunction
  plainWords.set(instance, cached)
  return cached
}

/** Translate outside React (server, PDFs, CSV, domain refusals): the same catalogue as the pages. */
export const t: TFunction = plainCachedT(i18n)

/** A translator fixed to one reader's language, for what is made for one person (a PDF, a mail). */
export function translatorFor(language: Language): TFunction {
  return i18n.getFixedT(language)
}
