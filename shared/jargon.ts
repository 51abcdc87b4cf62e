import { JARGON_GLOSSARY_ES } from './jargon-glossary-es.ts'
import { JARGON_GLOSSARY, type GlossaryEntry, type JargonKind } from './jargon-glossary.ts'

/** The languages a glossary is kept in; the text's language picks the glossary. */
export type JargonLanguage = 'en' | 'es'

export interface JargonMatch {
  term: string
  plain: string
  kind: JargonKind
  /** Offsets into the text, end exclusive, for highlighting. */
  start: number
  end: number
  /** The text as written, e.g. "Given a verbal prompt" for the term "given a verbal prompt". */
  match: string
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function sourceFor(entry: GlossaryEntry): string {
  if (entry.pattern) return entry.pattern
  if (entry.kind === 'acronym') return `${escapeRegExp(entry.term)}s?`
  return entry.term.split(/[\s-]+/).map(escapeRegExp).join('[\\s-]+')
}

// Spanish is matched with its accents folded, so "evaluacion" typed in haste finds "evaluación", and with an accent
// typed as a combining mark (pasted from a PDF) composed first. ñ stays: "año" is not "ano".
const ACCENT_FOLD: Readonly<Record<string, string>> = {
  á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u', ü: 'u', Á: 'A', É: 'E', Í: 'I', Ó: 'O', Ú: 'U', Ü: 'U',
}

function foldAccents(text: string): string {
  return text.replace(/[áéíóúüÁÉÍÓÚÜ]/g, (c) => ACCENT_FOLD[c]!)
}

/** The folded text, and for each of its code units the offset in the text it came from (then the text's length). */
function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = ''
  const offsets: number[] = []
  for (const m of text.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
    const composed = m[0].normalize('NFC')
    const letter = ACCENT_FOLD[composed] ?? (composed === 'ñ' || composed === 'Ñ' || composed === m[0] ? composed : m[0][0]!)
    for (let k = 0; k < letter.length; k++) offsets.push(m.index + k)
    folded += letter
  }
  offsets.push(text.length)
  return { folded, offsets }
}

// Letters or digits on either side mean the match is inside a longer word: "OT" in "NOT", "PT" in "PTO". In Spanish an
// accented letter or ñ is a letter too, so "TO" is not found in "TOÑO".
const compiled: Readonly<Record<JargonLanguage, readonly { entry: GlossaryEntry; regex: RegExp }[]>> = {
  en: JARGON_GLOSSARY.map((entry) => ({
    entry,
    regex: new RegExp(`(?<![A-Za-z0-9])(?:${sourceFor(entry)})(?![A-Za-z0-9])`, entry.kind === 'acronym' ? 'g' : 'gi'),
  })),
  es: JARGON_GLOSSARY_ES.map((entry) => ({
    entry,
    regex: new RegExp(
      `(?<![\\p{L}\\p{M}\\p{N}])(?:${foldAccents(sourceFor(entry))})(?![\\p{L}\\p{M}\\p{N}])`,
      entry.kind === 'acronym' ? 'gu' : 'giu',
    ),
  })),
}

/**
 * Every glossary term in the text, in text order, from the glossary of the text's language. Where matches overlap,
 * the longest wins ("given a verbal prompt" over "verbal prompt"), so each stretch of text is reported once with its
 * most specific meaning.
 */
export function findJargon(text: string, language: JargonLanguage = 'en'): JargonMatch[] {
  const { folded, offsets } = language === 'es' ? foldWithOffsets(text) : { folded: text, offsets: undefined }
  const candidates: JargonMatch[] = []
  for (const { entry, regex } of compiled[language]) {
    for (const m of folded.matchAll(regex)) {
      if (m[0] === '') continue
      const start = offsets ? offsets[m.index]! : m.index
      const end = offsets ? offsets[m.index + m[0].length]! : m.index + m[0].length
      candidates.push({ term: entry.term, plain: entry.plain, kind: entry.kind, start, end, match: text.slice(start, end) })
    }
  }

  // Stable sort keeps glossary order as the tie-break between equally long matches at the same place.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const chosen: JargonMatch[] = []
  for (const candidate of candidates) {
    const overlaps = chosen.some((c) => candidate.start < c.end && c.start < candidate.end)
    if (!overlaps) chosen.push(candidate)
  }
  return chosen.sort((a, b) => a.start - b.start)
}
