/**
 * Reading level of a Spanish plain-language summary (docs/domain.md#reading-level-es): Szigriszt-Pazos perspicuity
 * read on the INFLESZ scale, with Spanish syllables counted by rule. Runs in the browser on every keystroke, so it
 * stays a few regular expressions and no dictionary: Spanish spelling says how a word is said, so rules suffice.
 */

import { tallyText, type TextStats } from './readability.ts'

/** INFLESZ bands, hardest first (Barrio-Cantalejo et al., 2008). */
export type InfleszBand = 'very-hard' | 'somewhat-hard' | 'normal' | 'fairly-easy' | 'very-easy'

export interface ReadingLevelEs {
  /** Szigriszt-Pazos perspicuity to one decimal (higher is easier), or null when there is nothing to read yet. */
  score: number | null
  band: InfleszBand | null
  /** Below the "normal" aim: shown as a mark beside the summary, never a reason to refuse saving it. */
  tooHard: boolean
}

/** The lowest score of each band, with the scale's own Spanish name for it. */
export const INFLESZ_BANDS: readonly { band: InfleszBand; min: number; label: string }[] = [
  { band: 'very-easy', min: 80, label: 'muy fácil' },
  { band: 'fairly-easy', min: 65, label: 'bastante fácil' },
  { band: 'normal', min: 55, label: 'normal' },
  { band: 'somewhat-hard', min: 40, label: 'algo difícil' },
  { band: 'very-hard', min: -Infinity, label: 'muy difícil' },
]

/**
 * The perspicuity the Spanish summaries aim at: the bottom of INFLESZ "normal", the band of general newspapers and
 * secondary school, which sits where the English grade 8 aim does (docs/domain.md#reading-level-es).
 */
export const TARGET_PERSPICUITY = 55

// Letters the counter knows: the Spanish accents and ü keep their meaning, any other mark (è, ç, ï) is dropped.
const SPANISH_MARKED = /[áéíóúüñ]/
const STRONG = new Set(['a', 'e', 'o', 'á', 'é', 'ó'])
const ACCENTED_WEAK = new Set(['í', 'ú'])
const WEAK_BASE: Readonly<Record<string, string>> = { i: 'i', í: 'i', y: 'i', u: 'u', ú: 'u', ü: 'u' }

function plainLetters(word: string): string {
  let out = ''
  for (const c of word.toLowerCase()) {
    out += SPANISH_MARKED.test(c) ? c : c.normalize('NFD').replace(/\p{M}/gu, '')
  }
  return out
}

function isVowel(c: string | undefined): boolean {
  return c !== undefined && (STRONG.has(c) || c in WEAK_BASE)
}

// Two strong vowels (le-er, po-e-ta), a stressed í/ú beside a strong one (dí-a, pa-ís), or the same weak vowel twice
// (chi-i-ta) are said apart; any other pair shares a syllable, so a diphthong or a triphthong (buey) counts once.
function isHiatus(a: string, b: string): boolean {
  if (STRONG.has(a) && STRONG.has(b)) return true
  if ((ACCENTED_WEAK.has(a) && STRONG.has(b)) || (STRONG.has(a) && ACCENTED_WEAK.has(b))) return true
  const baseA = WEAK_BASE[a]
  return baseA !== undefined && baseA === WEAK_BASE[b]
}

/** Syllables of a run of letters by Spanish rule: one per vowel nucleus. A letter run with no vowel has none. */
function letterSyllables(letters: string): number {
  const word = plainLetters(letters)
    // The u of que, qui, gue, gui is silent; ü (pingüino) is sounded and stays.
    .replace(/([qg])u(?=[eiéí])/g, '$1')
    // h is never sounded and does not part vowels: prohi-bir, ahu-mar, but pro-hí-be by the accent.
    .replace(/h/g, '')
  let count = 0
  let previous: string | undefined
  for (let i = 0; i < word.length; i++) {
    let c = word[i]!
    // y is a consonant before a vowel (yo, ma-yo, le-yes) and a weak vowel elsewhere (y, hoy, muy, Uru-guay).
    if (c === 'y' && isVowel(word[i + 1])) c = '-'
    if (!isVowel(c)) {
      previous = undefined
      continue
    }
    if (previous === undefined || isHiatus(previous, c)) count++
    previous = c
  }
  return count
}

// Letter names as said in Latin America (be, ce, efe, doble ve), for an acronym that is spelled out.
const LETTER_NAME_SYLLABLES: Readonly<Record<string, number>> = {
  a: 1, b: 1, c: 1, d: 1, e: 1, f: 2, g: 1, h: 2, i: 1, j: 2, k: 1, l: 2, m: 2, n: 2, ñ: 2,
  o: 1, p: 1, q: 1, r: 2, s: 2, t: 1, u: 1, v: 1, w: 3, x: 2, y: 1, z: 2,
}

const ACRONYM = /^([A-ZÁÉÍÓÚÜÑ]{2,5})s?$/u
// An acronym that is a run of Spanish syllables is read as a word (ONU, PEI, TEA, FAPE); any other is spelled (LRE, BIP).
const PRONOUNCEABLE = /^(?:(?:[BCFGPT][LR]|DR|CH|LL|RR|[BCDFGHJKLMNPQRSTVXYZ])?[AEIOU]{1,3}(?:[LNRSDZ]|NS)?)+$/u

function acronymSyllables(acronym: string): number {
  // Ñ folds to N here: both are consonants to the pattern and two syllables when spelled (ene, eñe).
  const folded = acronym.normalize('NFD').replace(/\p{M}/gu, '')
  if (PRONOUNCEABLE.test(folded)) return letterSyllables(acronym)
  return [...folded.toLowerCase()].reduce((sum, c) => sum + (LETTER_NAME_SYLLABLES[c] ?? 1), 0)
}

// Numbers as said in Spanish: the words are built, then counted by the same rules as any other word.
const UNITS = [
  'cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece',
  'catorce', 'quince', 'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte', 'veintiuno', 'veintidós',
  'veintitrés', 'veinticuatro', 'veinticinco', 'veintiséis', 'veintisiete', 'veintiocho', 'veintinueve',
]
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa']
const HUNDREDS = [
  '', 'ciento', 'doscientos', 'trescientos', 'cuatrocientos', 'quinientos', 'seiscientos', 'setecientos', 'ochocientos',
  'novecientos',
]
const ORDINALS = ['', 'primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno', 'décimo']

function belowThousand(n: number): string {
  if (n === 100) return 'cien'
  const hundreds = HUNDREDS[Math.floor(n / 100)]!
  const rest = n % 100
  const restWords = rest === 0 ? '' : rest < 30 ? UNITS[rest]! : TENS[Math.floor(rest / 10)]! + (rest % 10 ? ` y ${UNITS[rest % 10]}` : '')
  return [hundreds, restWords].filter(Boolean).join(' ')
}

// Before mil and millones, uno loses its end: veintiún mil, treinta y un millones.
function shortened(words: string): string {
  return words.replace(/veintiuno$/, 'veintiún').replace(/(^|\s)uno$/, '$1un')
}

/** A whole number in Spanish words, up to 999 999 999 ("2024" is "dos mil veinticuatro"). */
export function numberWordsEs(n: number): string {
  if (n === 0) return UNITS[0]!
  const millions = Math.floor(n / 1_000_000)
  const thousands = Math.floor(n / 1000) % 1000
  const parts: string[] = []
  if (millions > 0) parts.push(millions === 1 ? 'un millón' : `${shortened(numberWordsEs(millions))} millones`)
  if (thousands > 0) parts.push(thousands === 1 ? 'mil' : `${shortened(belowThousand(thousands))} mil`)
  if (n % 1000 > 0) parts.push(belowThousand(n % 1000))
  return parts.join(' ')
}

function phraseSyllables(phrase: string): number {
  return phrase.split(' ').reduce((sum, word) => sum + letterSyllables(word), 0)
}

function digitByDigit(digits: string): number {
  return [...digits].reduce((sum, d) => sum + phraseSyllables(UNITS[Number(d)]!), 0)
}

// A number too long to say as one is read digit by digit, like a phone number.
function digitsSyllables(digits: string): number {
  return digits.length > 9 ? digitByDigit(digits) : phraseSyllables(numberWordsEs(Number(digits)))
}

// "2,5" and "2.5" are both "dos coma cinco" (or "punto", also two syllables); "1.000" and "1,000" are "mil", since
// a group of exactly three digits after the mark is read as thousands in either custom.
function numberSyllables(number: string): number {
  const marks = [...number.matchAll(/[.,]/g)]
  if (marks.length === 0) return digitsSyllables(number)
  const groups = number.split(/[.,]/)
  const mixed = number.includes('.') && number.includes(',')
  const thousandsOnly = !mixed && groups.slice(1).every((g) => g.length === 3) && groups[0]!.length <= 3
  if (thousandsOnly) return digitsSyllables(groups.join(''))
  if (!mixed && marks.length > 1) return groups.reduce((sum, g) => sum + (g ? digitsSyllables(g) : 0), 0)
  const decimalAt = marks[marks.length - 1]!.index
  const whole = number.slice(0, decimalAt).replace(/[.,]/g, '')
  const fraction = number.slice(decimalAt + 1)
  // "2,05" is "dos coma cero cinco", "3,75" is "tres coma setenta y cinco"; a long fraction goes digit by digit.
  const zeros = /^0*/.exec(fraction)![0].length
  const rest = fraction.slice(zeros)
  const fractionCount = rest.length > 3 ? digitByDigit(rest) : rest ? digitsSyllables(rest) : 0
  return (whole ? digitsSyllables(whole) : 0) + phraseSyllables('coma') + zeros * phraseSyllables('cero') + fractionCount
}

function ordinalSyllables(digits: string, suffix: string): number {
  const n = Number(digits)
  const word = ORDINALS[n]
  if (!word) return digitsSyllables(digits)
  // 1.er and 3.er are the short primer and tercer.
  return phraseSyllables(suffix.toLowerCase() === 'er' ? word.replace(/o$/, '') : word)
}

// A number with an ordinal ending (4.º, 3.er, 1.ª, 4to, 2do, 1ra), a plain number, a percent sign, or letters.
const PARTS =
  /(\d+)\.?(º|ª|°|er|ero|era|ro|ra|do|da|to|ta|vo|va|no|na|mo|ma)(?![\p{L}\p{N}])|\d+(?:[.,]\d+)*|%|[\p{L}\p{M}]+/giu

// Abbreviations that do not end a sentence, with the syllables of what they stand for: "Sra." is said "se-ño-ra".
const ABBREVIATIONS: Readonly<Record<string, number>> = {
  'sr.': 2, // señor
  'sra.': 3, // señora
  'srta.': 4, // señorita
  'dr.': 2, // doctor
  'dra.': 3, // doctora
  'lic.': 4, // licenciado
  'prof.': 3, // profesor
  'profa.': 4, // profesora
  'ud.': 2, // usted
  'uds.': 3, // ustedes
  'etc.': 4, // etcétera
  'p.': 1, // por, in "p. ej."
  'ej.': 3, // ejemplo
  'p.ej.': 4, // por ejemplo
  'pág.': 3, // página
  'núm.': 3, // número
  'aprox.': 7, // aproximadamente
  'ee.': 3, // Estados, in "EE. UU."
  'uu.': 3, // Unidos
  'ee.uu.': 6, // Estados Unidos
}

const OPENING = /^[¿¡("“«'‘[]+/
const CLOSING = /[,;:)"”»'’\]]+$/

function abbreviationKey(token: string): string {
  return token.normalize('NFC').replace(OPENING, '').replace(CLOSING, '').toLowerCase()
}

/**
 * Syllables in one word by Spanish rule: one per vowel nucleus, a diphthong or triphthong once, a hiatus twice.
 * Numbers and % count as said aloud in Spanish ("80%" is "o-chen-ta por cien-to"), a short capitalised run as spelled
 * unless it reads as a word, an abbreviation as what it stands for. Any word has at least one syllable; a string with
 * no letter or digit has none.
 */
export function countSyllablesEs(word: string): number {
  const text = word.normalize('NFC')
  const abbreviation = ABBREVIATIONS[abbreviationKey(text)]
  if (abbreviation !== undefined) return abbreviation
  let count = 0
  let sawWord = false
  for (const m of text.matchAll(PARTS)) {
    const part = m[0]
    if (part === '%') {
      count += phraseSyllables('por ciento')
      continue
    }
    sawWord = true
    if (m[1] !== undefined) count += ordinalSyllables(m[1], m[2]!)
    else if (/^\d/.test(part)) count += numberSyllables(part)
    else {
      const acronym = ACRONYM.exec(part)?.[1]
      count += acronym ? acronymSyllables(acronym) : letterSyllables(part)
    }
  }
  return sawWord ? Math.max(count, 1) : 0
}

// ¿ and ¡ open a sentence but only ? ! . and … close one; a closing quote or bracket may follow the mark.
const ENDS_SENTENCE = /[.!?…]+["'”’»)\]]*$/

/**
 * Sentences end at . ! ? … or a line break (a bulleted list reads as one sentence per line), but not after "p. ej.",
 * "Sra.", "etc." and the like. A word is any whitespace-separated token with a letter or digit in it, so "80%" and "4"
 * count and "¿Qué" is one word.
 */
export function textStatsEs(text: string): TextStats {
  return tallyText(text, { syllables: countSyllablesEs, endsSentence: (token) => ENDS_SENTENCE.test(token) && !(abbreviationKey(token) in ABBREVIATIONS) })
}

// + 0 turns a rounded -0 into 0.
function oneDecimal(n: number): number {
  return Math.round(n * 10) / 10 + 0
}

/** Szigriszt-Pazos perspicuity, 206.835 − 62.3 × syllables/words − words/sentences, to one decimal; null when empty. */
export function szigrisztPazos(text: string): number | null {
  const { sentences, words, syllables } = textStatsEs(text)
  if (words === 0) return null
  return oneDecimal(206.835 - 62.3 * (syllables / words) - words / sentences)
}

/**
 * Fernández-Huerta reading ease, 206.84 − 60 × syllables/words − 1.02 × words/sentences, to one decimal; null when
 * empty. For comparison only: the aim is set on Szigriszt-Pazos. The 1959 paper printed its second term as sentences
 * per hundred words, which would make short sentences harder; this is the corrected form tools use.
 */
export function fernandezHuerta(text: string): number | null {
  const { sentences, words, syllables } = textStatsEs(text)
  if (words === 0) return null
  return oneDecimal(206.84 - 60 * (syllables / words) - 1.02 * (words / sentences))
}

export function infleszBand(score: number): InfleszBand {
  return INFLESZ_BANDS.find((b) => score >= b.min)!.band
}

export function readingLevelEs(text: string): ReadingLevelEs {
  const score = szigrisztPazos(text)
  if (score === null) return { score, band: null, tooHard: false }
  return { score, band: infleszBand(score), tooHard: score < TARGET_PERSPICUITY }
}
