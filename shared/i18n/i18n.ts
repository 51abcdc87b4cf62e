import i18next, { type i18n as I18n, type TFunction } from 'i18next'
import type { Catalogue } from './en/index.ts'
import { otherLanguages, startingWords } from '#i18n/starting-words'

/** The languages a person can read Same Page in (docs/languages.md). English is the catalogue every other follows. */
export const LANGUAGES = ['en', 'es'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'en'

/** Each language's name in itself, for the language choice: a reader finds their own language however the page reads. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', es: 'Español' }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

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
  resources: {
    en: { translation: startingWords },
    ...Object.fromEntries(Object.entries(otherLanguages).map(([language, words]) => [language, { translation: withManyPlurals(words) }])),
  },
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

/**
 * Where the language of the work in hand comes from. The browser has one reader, and its one instance is switched to
 * their language before the page hydrates, so it needs no source. The server serves many readers at once: it sets a
 * source that reads the current request's (or mail's) language from its async context (server/i18n).
 */
const SOURCE = Symbol.for('same-page/language-source')
// On the global object, not in this module: the Remix server build bundles its own copy of this module, and the
// server's source must reach that copy too.
const sources = globalThis as { [SOURCE]?: () => Language | undefined }

export function setLanguageSource(source: () => Language | undefined): void {
  sources[SOURCE] = source
}

/** The language of the work in hand: the request's or the mail's on the server, the page's in the browser. */
export function activeLanguage(): Language {
  const language = sources[SOURCE]?.() ?? i18n.language
  return isLanguage(language) ? language : DEFAULT_LANGUAGE
}

const byLanguage = new Map<Language, I18n>()

/**
 * An instance that reads in `language`, sharing the one store of words: the main instance while it is in that
 * language (always, in the browser), else a clone kept per language (the server's readers of other languages).
 */
export function instanceFor(language: Language): I18n {
  if (i18n.language === language) return i18n
  let instance = byLanguage.get(language)
  if (!instance) {
    instance = i18n.cloneInstance({ lng: language })
    byLanguage.set(language, instance)
  }
  return instance
}

/** Translate outside React (server, PDFs, CSV, domain refusals): the same catalogue as the pages, in the active language. */
export const t: TFunction = ((...args: unknown[]) =>
  (plainCachedT(instanceFor(activeLanguage())) as unknown as (...a: unknown[]) => unknown)(...args)) as unknown as TFunction

/** A translator fixed to one reader's language, for what is made for one person (a PDF, a mail). */
export function translatorFor(language: Language): TFunction {
  return plainCachedT(instanceFor(language))
}

/**
 * Adds a language's whole catalogue. Spanish has a third plural form for round millions ("1 000 000 de minutos"),
 * which i18next looks up as `_many` and would otherwise find only in English: every `_other` stands in for it.
 */
export function addLanguage(language: Language, words: object): void {
  i18n.addResourceBundle(language, 'translation', withManyPlurals(words), true, true)
}

function withManyPlurals(words: object): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(words)) {
    out[key] = typeof value === 'object' && value !== null ? withManyPlurals(value) : value
    if (key.endsWith('_other')) {
      const many = `${key.slice(0, -'_other'.length)}_many`
      if (!(many in words)) out[many] = value
    }
  }
  return out
}
