import { JARGON_GLOSSARY, type GlossaryEntry, type JargonKind } from './jargon-glossary.ts'

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

// Letters or digits on either side mean the match is inside a longer word: "OT" in "NOT", "PT" in "PTO".
const compiled = JARGON_GLOSSARY.map((entry) => ({
  entry,
  regex: new RegExp(`(?<![A-Za-z0-9])(?:${sourceFor(entry)})(?![A-Za-z0-9])`, entry.kind === 'acronym' ? 'g' : 'gi'),
}))

/**
 * Every glossary term in the text, in text order. Where matches overlap, the longest wins ("given a verbal
 * prompt" over "verbal prompt"), so each stretch of text is reported once with its most specific meaning.
 */
export function findJargon(text: string): JargonMatch[] {
  const candidates: JargonMatch[] = []
  for (const { entry, regex } of compiled) {
    for (const m of text.matchAll(regex)) {
      if (m[0] === '') continue
      const start = m.index
      candidates.push({ term: entry.term, plain: entry.plain, kind: entry.kind, start, end: start + m[0].length, match: m[0] })
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
