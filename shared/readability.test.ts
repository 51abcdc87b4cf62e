import { describe, expect, it } from 'vitest'
import { countSyllables, fleschKincaidGrade, readingLevel, TARGET_GRADE, textStats } from './readability.ts'

/** The published Flesch–Kincaid grade formula, unrounded, for hand-counted texts. */
function publishedGrade(words: number, sentences: number, syllables: number): number {
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
}

const OFFICIAL_GOAL =
  'Given a verbal prompt, the student will demonstrate on-task behavior for 20 consecutive minutes in 4 out of 5 observed trials as measured by teacher data collection.'
const PLAIN_REWRITE = 'Johnny stays with his work for 20 minutes. We count it 5 times.'

describe('countSyllables', () => {
  it.each([
    ['the', 1],
    ['cat', 1],
    ['make', 1],
    ['whole', 1],
    ['table', 2],
    ['simple', 2],
    ['people', 2],
    ['style', 1],
    ['makes', 1],
    ['boxes', 2],
    ['tables', 2],
    ['jumped', 1],
    ['played', 1],
    ['wanted', 2],
    ['needed', 2],
    ['handled', 2],
    ['measured', 2],
    ['observed', 2],
    ['minutes', 2],
    ['times', 1],
    ['eyes', 1],
    ['yes', 1],
    ['they', 1],
    ['happy', 2],
    ['Johnny', 2],
    ['beyond', 2],
    ['trying', 2],
    ['studying', 3],
    ['completely', 3],
    ['statement', 2],
    ['sometimes', 2],
    ['trial', 2],
    ['trials', 2],
    ['visual', 3],
    ['usually', 4],
    ['individual', 5],
    ['social', 2],
    ['special', 2],
    ['period', 3],
    ['collection', 3],
    ['behavior', 3],
    ['various', 3],
    ['quiet', 2],
    ['variety', 4],
    ['experience', 4],
    ['being', 2],
    ['going', 2],
    ['autism', 3],
    ['teacher', 2],
    ['data', 2],
    ['demonstrate', 3],
    ['consecutive', 4],
    ['accuracy', 4],
    ['opportunities', 5],
    ['independently', 5],
    ['accommodation', 5],
    ['paraprofessional', 6],
    ['hierarchy', 4],
    ['idea', 3],
    ['area', 3],
    ['create', 2],
  ])('%s has %i', (word, syllables) => {
    expect(countSyllables(word)).toBe(syllables)
  })

  it('ignores case and surrounding punctuation', () => {
    expect(countSyllables('Behavior,')).toBe(3)
    expect(countSyllables('"Table."')).toBe(2)
    expect(countSyllables("don't")).toBe(1)
  })

  it('sums the parts of a hyphenated word', () => {
    expect(countSyllables('on-task')).toBe(2)
    expect(countSyllables('hand-over-hand')).toBe(4)
  })

  it('counts numbers as they are said', () => {
    expect(countSyllables('4')).toBe(1) // four
    expect(countSyllables('20')).toBe(2) // twen-ty
    expect(countSyllables('80%')).toBe(4) // eigh-ty per-cent
    expect(countSyllables('100')).toBe(3) // one hun-dred
    expect(countSyllables('2.5')).toBe(3) // two point five
    expect(countSyllables('7')).toBe(2) // sev-en
  })

  it('spells out short acronyms unless they read as a word', () => {
    expect(countSyllables('IEP')).toBe(3)
    expect(countSyllables('IEPs')).toBe(3)
    expect(countSyllables('SLP')).toBe(3)
    expect(countSyllables('FAPE')).toBe(1)
  })

  it('gives any word at least one syllable, and no word none', () => {
    expect(countSyllables('hmm')).toBe(1)
    expect(countSyllables('4th')).toBe(1)
    expect(countSyllables('')).toBe(0)
    expect(countSyllables('—')).toBe(0)
    expect(countSyllables('   ')).toBe(0)
  })
})

describe('textStats', () => {
  it('counts nothing in an empty or blank text', () => {
    const none = { sentences: 0, words: 0, syllables: 0 }
    expect(textStats('')).toEqual(none)
    expect(textStats('   \n\t  ')).toEqual(none)
    expect(textStats('... !? —')).toEqual(none)
  })

  it('counts a simple sentence', () => {
    expect(textStats('The cat sat on the mat.')).toEqual({ sentences: 1, words: 6, syllables: 6 })
  })

  it('splits sentences on . ! ? and line breaks', () => {
    expect(textStats('Sit down. Good job! Ready?').sentences).toBe(3)
    expect(textStats('Reads a book\nWrites a word\r\n\nDraws a cat').sentences).toBe(3)
    expect(textStats('Stop!!! Then "breathe." (Then go.)').sentences).toBe(3)
  })

  it('counts a last sentence with no end mark', () => {
    expect(textStats('He reads. She writes').sentences).toBe(2)
  })

  it('does not end a sentence inside a decimal or after a common abbreviation', () => {
    expect(textStats('He reads 2.5 pages a day.').sentences).toBe(1)
    expect(textStats('Give a tool, e.g. a timer, and wait.').sentences).toBe(1)
  })

  it('counts numbers like "80%" and "4" as words', () => {
    expect(textStats('80% of the time, 4 out of 5').words).toBe(8)
  })
})

describe('fleschKincaidGrade', () => {
  it('is null for a text with no words', () => {
    expect(fleschKincaidGrade('')).toBeNull()
    expect(fleschKincaidGrade('  \n ')).toBeNull()
  })

  it('grades a simple sentence below grade 0', () => {
    // The(1) cat(1) sat(1) on(1) the(1) mat(1): 6 words, 6 syllables, 1 sentence → −1.45.
    const expected = publishedGrade(6, 1, 6)
    const grade = fleschKincaidGrade('The cat sat on the mat.')
    expect(grade).not.toBeNull()
    expect(Math.abs(grade! - expected)).toBeLessThanOrEqual(0.5)
    expect(grade).toBeLessThan(0)
  })

  it('grades a typical official IEP goal far above grade 8', () => {
    // Giv-en(2) a(1) ver-bal(2) prompt(1) the(1) stu-dent(2) will(1) dem-on-strate(3) on-task(2)
    // be-hav-ior(3) for(1) 20 twen-ty(2) con-sec-u-tive(4) min-utes(2) in(1) 4(1) out(1) of(1) 5(1)
    // ob-served(2) tri-als(2) as(1) meas-ured(2) by(1) teach-er(2) da-ta(2) col-lec-tion(3):
    // 27 words, 47 syllables, 1 sentence → 15.48.
    const expected = publishedGrade(27, 1, 47)
    const grade = fleschKincaidGrade(OFFICIAL_GOAL)
    expect(Math.abs(grade! - expected)).toBeLessThanOrEqual(0.5)
    expect(grade).toBeGreaterThan(12)
  })

  it('grades a plain rewrite of that goal low', () => {
    // John-ny(2) stays(1) with(1) his(1) work(1) for(1) 20(2) min-utes(2) / We(1) count(1) it(1) 5(1) times(1):
    // 13 words, 16 syllables, 2 sentences → 1.47.
    const expected = publishedGrade(13, 2, 16)
    const grade = fleschKincaidGrade(PLAIN_REWRITE)
    expect(Math.abs(grade! - expected)).toBeLessThanOrEqual(0.5)
    expect(grade).toBeLessThan(4)
  })

  it('grades an academic goal and its plain rewrite', () => {
    // Stu-dent(2) will(1) de-code(2) CVC(3) words(1) with(1) 80%(4) ac-cu-ra-cy(4) in(1) 4(1) of(1) 5(1)
    // tri-als(2): 13 words, 24 syllables, 1 sentence → 11.26.
    const official = 'Student will decode CVC words with 80% accuracy in 4 of 5 trials.'
    expect(Math.abs(fleschKincaidGrade(official)! - publishedGrade(13, 1, 24))).toBeLessThanOrEqual(0.5)
    // Sam(1) sounds(1) out(1) short(1) words(1) like(1) cat(1) and(1) map(1) / He(1) gets(1) 4(1) of(1) 5(1)
    // right(1): 15 words, 15 syllables, 2 sentences → −0.87.
    const plain = 'Sam sounds out short words like cat and map. He gets 4 of 5 right.'
    expect(Math.abs(fleschKincaidGrade(plain)! - publishedGrade(15, 2, 15))).toBeLessThanOrEqual(0.5)
  })

  it('rounds to one decimal', () => {
    for (const text of [OFFICIAL_GOAL, PLAIN_REWRITE, 'The cat sat on the mat.']) {
      expect(String(fleschKincaidGrade(text))).toMatch(/^-?\d+(\.\d)?$/)
    }
  })
})

describe('readingLevel', () => {
  it('marks a text above grade 8 as too hard', () => {
    expect(TARGET_GRADE).toBe(8)
    expect(readingLevel(OFFICIAL_GOAL)).toEqual({ grade: fleschKincaidGrade(OFFICIAL_GOAL), tooHard: true })
  })

  it('does not mark a plain text', () => {
    expect(readingLevel(PLAIN_REWRITE).tooHard).toBe(false)
  })

  it('has no grade and no mark for an empty text', () => {
    expect(readingLevel('')).toEqual({ grade: null, tooHard: false })
  })
})
