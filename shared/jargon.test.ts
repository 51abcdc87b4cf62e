import { describe, expect, it } from 'vitest'
import { findJargon, type JargonMatch } from './jargon.ts'
import { JARGON_GLOSSARY } from './jargon-glossary.ts'
import { fleschKincaidGrade, TARGET_GRADE } from './readability.ts'

const OFFICIAL_GOAL =
  'Given a verbal prompt, the student will demonstrate on-task behavior for 20 consecutive minutes in 4 out of 5 observed trials as measured by teacher data collection.'

const TRIALS_MEASURE = '80% accuracy in 4 of 5 trials'

function found(text: string): Array<Pick<JargonMatch, 'term' | 'match'>> {
  return findJargon(text).map(({ term, match }) => ({ term, match }))
}

describe('findJargon', () => {
  it('finds the prompt, the behavior and both measures in an official goal', () => {
    expect(found(OFFICIAL_GOAL)).toEqual([
      { term: 'given a verbal prompt', match: 'Given a verbal prompt' },
      { term: 'on-task behavior', match: 'on-task behavior' },
      { term: TRIALS_MEASURE, match: '4 out of 5 observed trials' },
      { term: 'as measured by teacher observation', match: 'as measured by teacher data collection' },
    ])
  })

  it('reports kinds, plain alternatives and offsets into the text', () => {
    const matches = findJargon(OFFICIAL_GOAL)
    expect(matches.map((m) => m.kind)).toEqual(['prompt', 'term', 'measure', 'measure'])
    for (const m of matches) {
      expect(OFFICIAL_GOAL.slice(m.start, m.end)).toBe(m.match)
      expect(m.plain.length).toBeGreaterThan(0)
    }
  })

  it('finds both acronyms in "FAPE in the LRE"', () => {
    expect(found('FAPE in the LRE')).toEqual([
      { term: 'FAPE', match: 'FAPE' },
      { term: 'LRE', match: 'LRE' },
    ])
  })

  it('finds acronyms only in their usual case and never inside a word', () => {
    expect(findJargon('I will not go, and the knot is tight. NOT NOW.')).toEqual([])
    expect(findJargon('the ot and pt rooms')).toEqual([])
    expect(found('OT and PT come on Tuesdays.').map((m) => m.term)).toEqual(['OT', 'PT'])
    expect(found('Both IEPs were signed.')).toEqual([{ term: 'IEP', match: 'IEPs' }])
  })

  it('finds nothing in a plain sentence', () => {
    expect(findJargon('Sam reads a short book with a friend after lunch.')).toEqual([])
    expect(findJargon('')).toEqual([])
  })

  it('matches whole words only', () => {
    expect(findJargon('He found a decoder ring in the cereal box.')).toEqual([])
    expect(found('We decode words.')).toEqual([{ term: 'decoding', match: 'decode' }])
  })

  it('matches terms in any case and with a space or a hyphen', () => {
    expect(found('The LEAST RESTRICTIVE ENVIRONMENT').map((m) => m.term)).toEqual(['least restrictive environment'])
    expect(found('on task behaviour').map((m) => m.term)).toEqual(['on-task behavior'])
    expect(found('hand over hand').map((m) => m.term)).toEqual(['hand-over-hand'])
  })

  it('reports overlapping phrases once, as the longest', () => {
    expect(found('Given a verbal prompt, he starts.')).toEqual([
      { term: 'given a verbal prompt', match: 'Given a verbal prompt' },
    ])
    expect(found('with no more than 2 verbal prompts')).toEqual([
      { term: 'with no more than 2 prompts', match: 'with no more than 2 verbal prompts' },
    ])
    expect(found('with 80% accuracy in 4 of 5 trials')).toEqual([
      { term: TRIALS_MEASURE, match: 'with 80% accuracy in 4 of 5 trials' },
    ])
  })

  it('returns matches in text order, each place once', () => {
    const text = 'Per the IEP and the BIP, fade prompts; data collection by the SLP. Then the IEP again.'
    const matches = findJargon(text)
    expect(matches.map((m) => m.match)).toEqual(['IEP', 'BIP', 'fade prompts', 'data collection', 'SLP', 'IEP'])
    for (let i = 1; i < matches.length; i++) expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end)
  })

  it.each([
    '80% accuracy in 4 of 5 trials',
    '90 percent accuracy across 3 out of 4 opportunities',
    'four out of five probes',
    '8 of 10 opportunities',
    'at 75% accuracy on 4 of 5 consecutive sessions',
  ])('reads "%s" as the trials measure', (text) => {
    expect(found(text)).toEqual([{ term: TRIALS_MEASURE, match: text }])
  })

  it.each([
    ['in 3 consecutive sessions', 'in 3 consecutive sessions'],
    ['with 80% accuracy', 'with 80% accuracy'],
    ['as measured by teacher observation', 'as measured by staff observation'],
    ['as measured by teacher observation', 'as measured by work samples'],
    ['independently', 'with no prompts'],
    ['independently', 'Independently'],
    ['given a visual cue', 'given a visual cue'],
    ['gestural prompt', 'a gestural prompt'],
    ['full physical prompt', 'a full physical prompt'],
  ])('finds "%s" in "%s"', (term, text) => {
    expect(findJargon(text).map((m) => m.term)).toEqual([term])
  })
})

describe('JARGON_GLOSSARY', () => {
  it('has at least 60 entries and no duplicate terms', () => {
    expect(JARGON_GLOSSARY.length).toBeGreaterThanOrEqual(60)
    const terms = JARGON_GLOSSARY.map((e) => e.term.toLowerCase())
    expect(new Set(terms).size).toBe(terms.length)
  })

  it('covers the acronyms, terms and phrasings the team meets most', () => {
    const terms = new Set(JARGON_GLOSSARY.map((e) => e.term))
    for (const term of [
      'FAPE', 'LRE', 'BIP', 'FBA', 'IEP', '504 plan', 'ESY', 'SLP', 'OT', 'PT', 'AAC', 'ABA', 'SDI', 'PLAAFP',
      'PLOP', 'BCBA', 'IEE', 'ELA', 'manifestation determination', 'least restrictive environment',
      'accommodation', 'modification', 'prompt hierarchy', 'task analysis', 'antecedent', 'replacement behavior',
      'generalize', 'fade prompts', 'on-task behavior', 'non-compliance', 'self-regulation', 'sensory diet',
      'push-in', 'pull-out', 'related services', 'baseline', 'benchmark', 'mastery criteria', 'data collection',
      'dysregulation', TRIALS_MEASURE, 'in 3 consecutive sessions', 'as measured by teacher observation',
      'with 80% accuracy', 'given a verbal prompt', 'with no more than 2 prompts', 'given a visual cue',
      'hand-over-hand', 'gestural prompt', 'full physical prompt', 'independently',
    ]) {
      expect(terms, term).toContain(term)
    }
  })

  it.each(JARGON_GLOSSARY.map((e) => [e.term, e.plain] as const))(
    'the plain alternative for "%s" reads at grade 8 or lower',
    (_term, plain) => {
      const grade = fleschKincaidGrade(plain)
      expect(grade).not.toBeNull()
      expect(grade!).toBeLessThanOrEqual(TARGET_GRADE)
    },
  )

  it('finds every term as itself, whole', () => {
    for (const entry of JARGON_GLOSSARY) {
      expect(found(entry.term), entry.term).toEqual([{ term: entry.term, match: entry.term }])
    }
  })

  it('uses no glossary jargon in the plain alternatives', () => {
    for (const entry of JARGON_GLOSSARY) {
      expect(found(entry.plain), entry.term).toEqual([])
    }
  })
})
