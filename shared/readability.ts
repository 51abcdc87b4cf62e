/**
 * Reading grade of a plain-language summary (docs/domain.md#reading-grade): Flesch–Kincaid with an English syllable
 * heuristic. Runs in the browser on every keystroke, so it stays a few regular expressions and no dictionary.
 */

export interface TextStats {
  sentences: number
  words: number
  syllables: number
}

export interface ReadingLevel {
  /** Flesch–Kincaid grade, or null when there is nothing to read yet. */
  grade: number | null
  /** Above the grade 8 aim: shown as a mark beside the summary, never a reason to refuse saving it. */
  tooHard: boolean
}

/** The grade the plain-language summaries aim at (docs/domain.md#reading-grade). */
export const TARGET_GRADE = 8

// Common words the rules below get wrong; a wrong count on a frequent word skews every grade.
const SYLLABLE_EXCEPTIONS: Readonly<Record<string, number>> = {
  area: 3,
  areas: 3,
  idea: 3,
  ideas: 3,
  create: 2,
  creates: 2,
  created: 3,
  creating: 3,
  creative: 3,
  react: 2,
  reacts: 2,
  reacted: 3,
  reaction: 3,
  reactions: 3,
  people: 2,
  someone: 2,
  everyone: 3,
  poem: 2,
  poems: 2,
  poet: 2,
  business: 2,
  video: 3,
  videos: 3,
  maybe: 2,
  recipe: 3,
  simile: 3,
  element: 3,
  elements: 3,
  hierarchy: 4,
  behaviour: 3,
  behaviours: 3,
  prior: 2,
  conscience: 2,
  cooperate: 4,
  cooperation: 5,
  coordinate: 4,
}

// Vowel pairs that are usually said as two syllables ("tri-al", "vis-u-al", "pe-ri-od", "qui-et").
const SPLIT_VOWELS: readonly RegExp[] = [
  /[^ct]ia/g,
  /[^qg]ua/g,
  /(?<![tscxgn]|ll)io(?!r)/g,
  /[^ct]ie(?:nt|t)|ciety/g,
  /[^t]ience/g,
  /[oe]ing/g,
  /ism$/g,
]

// An e that is silent inside a word: "complete-ly", "move-ment", "some-times", "home-work".
const SILENT_INNER_E =
  /[aeiouy][^aeiouy]e(?:ly|ment|ful|ness|less|ty|thing|times|body|work|where|ways|day|room|place|time)/g

// Said number by number: "20" is "twen-ty", "%" is "per-cent"; too long a number is read digit by digit.
const ONES = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1]
const TEENS = [1, 3, 1, 2, 2, 2, 2, 3, 2, 2]
const TENS = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2]

function syllablesBelowThousand(n: number): number {
  const hundreds = Math.floor(n / 100)
  const rest = n % 100
  let count = hundreds > 0 ? ONES[hundreds]! + 2 : 0
  if (rest >= 20) count += TENS[Math.floor(rest / 10)]! + (rest % 10 > 0 ? ONES[rest % 10]! : 0)
  else if (rest >= 10) count += TEENS[rest - 10]!
  else if (rest > 0) count += ONES[rest]!
  return count
}

function integerSyllables(digits: string): number {
  if (digits.length > 9) return digits.length
  const n = Number(digits)
  if (n === 0) return ONES[0]!
  let count = 0
  const millions = Math.floor(n / 1_000_000)
  const thousands = Math.floor(n / 1000) % 1000
  if (millions > 0) count += syllablesBelowThousand(millions) + 2
  if (thousands > 0) count += syllablesBelowThousand(thousands) + 2
  return count + syllablesBelowThousand(n % 1000)
}

function numberSyllables(number: string): number {
  const [whole = '', fraction = ''] = number.replace(/,/g, '').split('.')
  let count = whole ? integerSyllables(whole) : 0
  // "2.5" is "two point five".
  if (fraction) count += 1 + [...fraction].reduce((sum, d) => sum + ONES[Number(d)]!, 0)
  return count
}

// Capitalised runs are spelled out ("IEP", "BCBA") unless they read as one word ("FAPE", "PLOP", "SPED").
const ACRONYM = /^([A-Z]{2,5})s?$/
const PRONOUNCEABLE_ACRONYM = /^[^AEIOUY]+[AEIOU]+[^AEIOUY]+E?$/

function isVowelAt(word: string, i: number): boolean {
  const c = word[i]
  if (c === undefined) return false
  if ('aeiou'.includes(c)) return true
  if (c !== 'y') return false
  // y starts a syllable as a consonant ("yes", "be-yond", "play-er") and is a vowel elsewhere ("hap-py").
  if (i === 0) return false
  return !(isPlainVowel(word[i - 1]) && isPlainVowel(word[i + 1]))
}

function isPlainVowel(c: string | undefined): boolean {
  return c !== undefined && 'aeiou'.includes(c)
}

// A final e, -es or -ed is usually silent ("make", "makes", "jumped"), but not in "ta-ble", "box-es",
// "ta-bles", "want-ed" or "han-dled". Before -le, y is a vowel: "style" is one syllable.
const ENDINGS: readonly (readonly [ending: RegExp, sounded: RegExp])[] = [
  [/[^aeiou]e$/, /[^aeiouy]le$/],
  [/[^aeiou]es$/, /(?:[sxzcg]|ch|sh)es$|[^aeiouy]les$/],
  [/[^aeiou]ed$/, /[td]ed$|[^aeioul]led$/],
]

function hasSilentEnding(word: string): boolean {
  const found = ENDINGS.find(([ending]) => ending.test(word))
  return found !== undefined && !found[1].test(word)
}

function countMatches(word: string, pattern: RegExp): number {
  return word.match(pattern)?.length ?? 0
}

function letterSyllables(word: string): number {
  const exception = SYLLABLE_EXCEPTIONS[word]
  if (exception !== undefined) return exception

  let groups = 0
  for (let i = 0; i < word.length; i++) {
    if (!isVowelAt(word, i)) continue
    // A vowel y followed by a vowel is its own syllable: "try-ing", "an-y-one".
    const continuesGroup = i > 0 && isVowelAt(word, i - 1) && word[i - 1] !== 'y'
    if (!continuesGroup) groups++
  }
  if (groups === 0) return 0

  for (const pattern of SPLIT_VOWELS) groups += countMatches(word, pattern)
  groups -= countMatches(word, SILENT_INNER_E)

  if (groups > 1 && hasSilentEnding(word)) groups--
  return Math.max(groups, 0)
}

/**
 * Syllables in one word, by an English heuristic: vowel groups, less a silent e, plus vowel pairs said
 * apart. Numbers count as said aloud ("80%" is "eigh-ty per-cent"); a short capitalised run is spelled out
 * ("SLP", "IEP"). Any word has at least one syllable; a string with no letter or digit has none.
 */
export function countSyllables(word: string): number {
  const normalized = word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
  let count = 0
  let sawWord = false
  for (const [part] of normalized.matchAll(/[A-Za-z]+|\d+(?:[.,]\d+)*|%|\p{L}+/gu)) {
    if (part === '%') {
      count += 2
      continue
    }
    sawWord = true
    if (/^\d/.test(part)) count += numberSyllables(part)
    else if (!/^[A-Za-z]+$/.test(part)) count += 1
    else {
      const acronym = ACRONYM.exec(part)?.[1]
      if (acronym && !PRONOUNCEABLE_ACRONYM.test(acronym)) count += acronym.length
      else count += letterSyllables(part.toLowerCase())
    }
  }
  return sawWord ? Math.max(count, 1) : 0
}

// Not sentence ends, so "e.g. extra time" stays one sentence.
const ABBREVIATIONS = new Set(['e.g.', 'i.e.', 'mr.', 'mrs.', 'ms.', 'dr.', 'vs.', 'approx.', 'st.'])

const HAS_WORD = /[\p{L}\p{N}]/u
const ENDS_SENTENCE = /[.!?]+["'”’)\]]*$/

/**
 * Sentences end at . ! ? or a line break (a bulleted list reads as one sentence per line). A word is any
 * whitespace-separated token with a letter or digit in it, so "80%" and "4" count; "on-task" is one word.
 */
export function textStats(text: string): TextStats {
  return tallyText(text, { syllables: countSyllables, endsSentence: (token) => ENDS_SENTENCE.test(token) && !ABBREVIATIONS.has(token.toLowerCase()) })
}

/**
 * Words, sentences and syllables of a text, each language bringing its own syllable count and sentence ends (the
 * Spanish level reads the same way: shared/readability-es.ts). Lines are sentences too; a token with no letter or
 * digit is no word.
 */
export function tallyText(text: string, language: { syllables: (word: string) => number; endsSentence: (token: string) => boolean }): TextStats {
  const stats: TextStats = { sentences: 0, words: 0, syllables: 0 }
  for (const line of text.split(/\r?\n|\r/)) {
    let wordsInSentence = 0
    for (const token of line.split(/\s+/)) {
      if (HAS_WORD.test(token)) {
        wordsInSentence++
        stats.words++
        stats.syllables += language.syllables(token)
      }
      if (language.endsSentence(token) && wordsInSentence > 0) {
        stats.sentences++
        wordsInSentence = 0
      }
    }
    if (wordsInSentence > 0) stats.sentences++
  }
  return stats
}

/** Flesch–Kincaid grade level, to one decimal; null for a text with no words. */
export function fleschKincaidGrade(text: string): number | null {
  const { sentences, words, syllables } = textStats(text)
  if (words === 0) return null
  const grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
  // + 0 turns a rounded -0 into 0.
  return Math.round(grade * 10) / 10 + 0
}

export function readingLevel(text: string): ReadingLevel {
  const grade = fleschKincaidGrade(text)
  return { grade, tooHard: grade !== null && grade > TARGET_GRADE }
}
