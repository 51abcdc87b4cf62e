import type { Language } from './i18n/i18n.ts'
import type { AccommodationWords, PlainSummary } from './schemas/plan.ts'
import type { TranslationLanguage } from './schemas/language.ts'

/**
 * Plain summaries in a family's language (docs/languages.md#plain-summaries). The English stays the plan's own
 * text; a translation is written beside it and remembers the English it was written from, so that a change to the
 * English shows the translation needs a look instead of silently saying something else.
 */
export interface Translation<Parts> {
  parts: Parts
  /** The English changed after this text was saved. */
  stale: boolean
  updatedAt: string
  updatedBy: string
}

export type Translations<Parts> = Partial<Record<TranslationLanguage, Translation<Parts>>>

/** True when any part of the English differs from the English a translation was written beside. */
export function englishMovedOn<Parts extends object>(source: Parts, current: Parts): boolean {
  const keys = new Set([...Object.keys(source), ...Object.keys(current)])
  for (const key of keys) {
    const was = (source as Record<string, unknown>)[key]
    const now = (current as Record<string, unknown>)[key]
    if (typeof was !== 'string' || typeof now !== 'string' || was.trim() !== now.trim()) return true
  }
  return false
}

/** What a reader is shown: their language's text where one exists, else the English, saying so. */
export interface ReaderText<Parts> {
  parts: Parts
  /** The language the parts are in: the HTML `lang` of the text. */
  language: Language
  /** The reader reads another language and nobody has written this text in it yet. */
  notYetIn: TranslationLanguage | null
  /** The text is the reader's language, written before the English last changed. */
  stale: boolean
}

export function textForReader<Parts>(english: Parts, translations: Translations<Parts> | undefined, reader: Language): ReaderText<Parts> {
  if (reader === 'en') return { parts: english, language: 'en', notYetIn: null, stale: false }
  const translation = translations?.[reader]
  if (!translation) return { parts: english, language: 'en', notYetIn: reader, stale: false }
  return { parts: translation.parts, language: reader, notYetIn: null, stale: translation.stale }
}

/** A goal as a reader sees it: `plain` in their language where it exists. */
export function goalForReader<G extends { plain: PlainSummary; translations?: Translations<PlainSummary> }>(goal: G, reader: Language) {
  const text = textForReader(goal.plain, goal.translations, reader)
  return { ...goal, plain: text.parts, plainIn: { language: text.language, notYetIn: text.notYetIn, stale: text.stale } }
}

/** An accommodation as a reader sees it: its title and words in their language where they exist. */
export function accommodationForReader<A extends AccommodationWords & { translations?: Translations<AccommodationWords> }>(accommodation: A, reader: Language) {
  const text = textForReader({ title: accommodation.title, description: accommodation.description }, accommodation.translations, reader)
  return { ...accommodation, ...text.parts, wordsIn: { language: text.language, notYetIn: text.notYetIn, stale: text.stale } }
}

type ReadableSupport = AccommodationWords & { id: string; translations?: Translations<AccommodationWords> }

/** Each support's name as a reader sees it, by id: their language's where someone wrote it, else the English. */
export function supportTitlesForReader(accommodations: readonly ReadableSupport[], reader: Language): Map<string, { title: string; language: Language }> {
  return new Map(
    accommodations.map((a) => {
      const read = accommodationForReader(a, reader)
      return [a.id, { title: read.title, language: read.wordsIn.language }]
    }),
  )
}

/**
 * Rows that name a support (numbers, records) with the name a reader sees and the language it is in, for its `lang`.
 * A support no longer in the plan keeps the English it was recorded under.
 */
export function withReaderTitles<R extends { accommodationId: string; title: string }>(
  rows: readonly R[],
  accommodations: readonly ReadableSupport[],
  reader: Language,
): (R & { titleLang: Language })[] {
  const titles = supportTitlesForReader(accommodations, reader)
  return rows.map((r) => {
    const found = titles.get(r.accommodationId)
    return { ...r, title: found?.title ?? r.title, titleLang: found?.language ?? 'en' }
  })
}

/** Each support's name as a reader sees it, by id, for text that carries no `lang` of its own (mails, letters, PDFs). */
export function supportNamesForReader(accommodations: readonly ReadableSupport[], reader: Language): Map<string, string> {
  return new Map([...supportTitlesForReader(accommodations, reader)].map(([id, s]) => [id, s.title]))
}

/** A support's name in each language someone wrote it in, for a document whose language is chosen later (a letter). */
export function namesInOtherLanguages(accommodation: ReadableSupport): Partial<Record<Language, string>> {
  return Object.fromEntries(Object.entries(accommodation.translations ?? {}).map(([language, tr]) => [language, tr.parts.title]))
}
