import { describe, expect, it } from 'vitest'
import { JARGON_GLOSSARY_ES } from './jargon-glossary-es.ts'
import { findJargon, type JargonMatch } from './jargon.ts'
import { readingLevelEs, TARGET_PERSPICUITY } from './readability-es.ts'

// The worked example of docs/domain.md#reading-level-es.
const OFFICIAL_GOAL =
  'Dada una indicación verbal, el estudiante demostrará conducta en tarea durante 20 minutos consecutivos en 4 de 5 ' +
  'ensayos observados, según lo medido por la recopilación de datos del maestro.'
const PLAIN_REWRITE = 'Juan trabaja en su tarea 20 minutos seguidos. Lo vemos 5 veces y debe lograrlo 4 veces.'

const TRIALS_MEASURE = 'con un 80% de precisión en 4 de 5 ensayos'
const MEASURED_BY = 'según lo medido por la observación del maestro'

function found(text: string): Array<Pick<JargonMatch, 'term' | 'match'>> {
  return findJargon(text, 'es').map(({ term, match }) => ({ term, match }))
}

function terms(text: string): string[] {
  return findJargon(text, 'es').map((m) => m.term)
}

describe('findJargon in Spanish', () => {
  it('finds the prompt, the behavior and both measures in an official goal', () => {
    expect(found(OFFICIAL_GOAL)).toEqual([
      { term: 'dada una indicación verbal', match: 'Dada una indicación verbal' },
      { term: 'conducta en tarea', match: 'conducta en tarea' },
      { term: TRIALS_MEASURE, match: '4 de 5 ensayos observados' },
      { term: MEASURED_BY, match: 'según lo medido por la recopilación de datos del maestro' },
    ])
  })

  it('finds nothing in the plain rewrite', () => {
    expect(findJargon(PLAIN_REWRITE, 'es')).toEqual([])
  })

  it('reports kinds, plain alternatives and offsets into the text', () => {
    const matches = findJargon(OFFICIAL_GOAL, 'es')
    expect(matches.map((m) => m.kind)).toEqual(['prompt', 'term', 'measure', 'measure'])
    for (const m of matches) {
      expect(OFFICIAL_GOAL.slice(m.start, m.end)).toBe(m.match)
      expect(m.plain.length).toBeGreaterThan(0)
    }
  })

  it('picks the glossary by language and keeps English the default', () => {
    expect(findJargon(OFFICIAL_GOAL)).toEqual([])
    expect(findJargon('Given a verbal prompt', 'es')).toEqual([])
    expect(findJargon('Given a verbal prompt').map((m) => m.term)).toEqual(['given a verbal prompt'])
    expect(findJargon('FAPE in the LRE', 'en')).toEqual(findJargon('FAPE in the LRE'))
  })

  it('finds the Spanish and the English acronym, in their usual case only', () => {
    expect(found('Según el PEI (IEP en inglés), la FAPE en el LRE.')).toEqual([
      { term: 'PEI', match: 'PEI' },
      { term: 'IEP', match: 'IEP' },
      { term: 'FAPE', match: 'FAPE' },
      { term: 'LRE', match: 'LRE' },
    ])
    expect(found('Los PEIs y los PEI').map((m) => m.match)).toEqual(['PEIs', 'PEI'])
    expect(findJargon('el pei y la tea', 'es')).toEqual([])
  })

  it('treats accented letters and ñ as letters at a word edge', () => {
    expect(findJargon('TOÑO vino hoy.', 'es')).toEqual([])
    expect(terms('Viene la TO, no TOÑO.')).toEqual(['TO'])
    expect(findJargon('Su peinado es nuevo.', 'es')).toEqual([])
    expect(terms('Hoy hubo una reevaluación.')).toEqual(['reevaluación trienal'])
    expect(findJargon('Fue un momento fugaz.', 'es')).toEqual([])
  })

  it('matches with or without accents, in any case and any Unicode form', () => {
    expect(found('evaluacion')).toEqual([{ term: 'evaluación', match: 'evaluacion' }])
    expect(found('EVALUACIÓN')).toEqual([{ term: 'evaluación', match: 'EVALUACIÓN' }])
    expect(terms('Terapia Ocupacional')).toEqual(['terapia ocupacional'])
    const decomposed = 'Habrá una evaluación del habla.'.normalize('NFD')
    const [m] = findJargon(decomposed, 'es')
    expect(m?.term).toBe('evaluación')
    expect(m?.match).toBe('evaluación'.normalize('NFD'))
    expect(decomposed.slice(m!.start, m!.end)).toBe(m!.match)
  })

  it('keeps ñ apart from n', () => {
    expect(terms('dada una señal verbal')).toEqual(['dada una indicación verbal'])
    expect(findJargon('dada una senal verbal', 'es').map((m) => m.match)).toEqual([])
  })

  it('finds nothing in a plain sentence', () => {
    expect(findJargon('Ana lee un libro corto con una amiga después del almuerzo.', 'es')).toEqual([])
    expect(findJargon('Le ayudamos con la tarea de matemáticas.', 'es')).toEqual([])
    expect(findJargon('Independientemente de la hora, llámenos.', 'es')).toEqual([])
    expect(findJargon('Tiene antecedentes médicos de asma.', 'es')).toEqual([])
    expect(findJargon('', 'es')).toEqual([])
  })

  it('reports overlapping phrases once, as the longest', () => {
    expect(found('Dada una indicación verbal, empieza.')).toEqual([
      { term: 'dada una indicación verbal', match: 'Dada una indicación verbal' },
    ])
    expect(found('con no más de 2 indicaciones verbales')).toEqual([
      { term: 'con no más de 2 indicaciones', match: 'con no más de 2 indicaciones verbales' },
    ])
    expect(found('Hará una evaluación funcional de la conducta.')).toEqual([
      { term: 'evaluación funcional de la conducta', match: 'evaluación funcional de la conducta' },
    ])
  })

  it('returns matches in text order, each place once', () => {
    const text = 'Según el PEI y el BIP, desvanecer las ayudas; recopilación de datos por el SLP. Luego el PEI otra vez.'
    const matches = findJargon(text, 'es')
    expect(matches.map((m) => m.match)).toEqual(['PEI', 'BIP', 'desvanecer las ayudas', 'recopilación de datos', 'SLP', 'PEI'])
    for (let i = 1; i < matches.length; i++) expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end)
  })

  it.each([
    'con un 80% de precisión en 4 de 5 ensayos',
    'con una precisión del 90% en 3 de 4 oportunidades',
    'cuatro de cinco sondeos',
    '8 de cada 10 oportunidades',
    'con un 75 por ciento de exactitud en 4 de 5 sesiones consecutivas',
  ])('reads "%s" as the trials measure', (text) => {
    expect(found(text)).toEqual([{ term: TRIALS_MEASURE, match: text }])
  })

  it.each([
    ['con un 80% de precisión', 'con un 80% de precisión'],
    ['con un 80% de precisión', 'con una precisión del 80%'],
    ['en el 80% de los intervalos', 'en el 80% de los intervalos observados'],
    ['en 3 sesiones consecutivas', 'en 3 sesiones consecutivas'],
    ['en 3 sesiones consecutivas', 'durante cinco días escolares consecutivos'],
    [MEASURED_BY, 'según se mide con los registros del personal'],
    [MEASURED_BY, 'según lo medido por muestras de trabajo'],
    ['en diferentes entornos', 'en diferentes entornos escolares'],
    ['dada una indicación visual', 'dado un apoyo visual'],
    ['apoyo visual', 'con apoyos visuales'],
    ['indicación gestual', 'una indicación gestual'],
    ['ayuda física parcial', 'con ayuda física parcial'],
    ['ayuda física total', 'con apoyo físico'],
    ['ayuda física total', 'indicaciones físicas completas'],
    ['mano sobre mano', 'ayuda mano sobre mano'],
    ['de forma independiente', 'de manera independiente'],
    ['de forma independiente', 'sin indicaciones del adulto'],
    ['de forma independiente', 'Independientemente'],
    ['conducta disruptiva', 'comportamientos disruptivos'],
    ['conducta en tarea', 'permanecerá en tarea'],
    ['conducta fuera de tarea', 'conducta fuera de tarea'],
    ['modificaciones', 'exámenes modificados'],
    ['adaptaciones', 'acomodaciones'],
    ['plan de intervención de conducta', 'plan de intervención conductual'],
    ['evaluación funcional de la conducta', 'evaluación funcional del comportamiento'],
    ['terapeuta del habla y lenguaje', 'la patóloga del habla'],
    ['terapeuta del habla y lenguaje', 'terapeuta de lenguaje'],
    ['terapia ocupacional', 'la terapeuta ocupacional'],
    ['comunicación aumentativa y alternativa', 'comunicación aumentativa'],
    ['ambiente menos restrictivo', 'el entorno menos restrictivo'],
    ['educación pública gratuita y apropiada', 'educación pública apropiada y gratuita'],
    ['plan 504', 'Sección 504'],
    ['programa de educación individualizada', 'Programa Educativo Individualizado'],
    ['desvanecer las ayudas', 'retiro gradual de los apoyos'],
  ])('finds "%s" in "%s"', (term, text) => {
    expect(terms(text)).toEqual([term])
  })
})

describe('JARGON_GLOSSARY_ES', () => {
  it('has at least 100 entries and no duplicate terms', () => {
    expect(JARGON_GLOSSARY_ES.length).toBeGreaterThanOrEqual(100)
    const all = JARGON_GLOSSARY_ES.map((e) => e.term.toLowerCase())
    expect(new Set(all).size).toBe(all.length)
  })

  it('covers the acronyms, terms and phrasings of Spanish IEP papers', () => {
    const all = new Set(JARGON_GLOSSARY_ES.map((e) => e.term))
    for (const term of [
      'PEI', 'IEP', 'FAPE', 'LRE', 'BIP', 'FBA', 'ESY', 'SLP', 'TO', 'OT', 'CAA', 'ABA', 'plan 504',
      'programa de educación individualizada', 'educación pública gratuita y apropiada', 'ambiente menos restrictivo',
      'plan de intervención de conducta', 'evaluación funcional de la conducta', 'terapeuta del habla y lenguaje',
      'terapia ocupacional', 'comunicación aumentativa y alternativa', 'conducta disruptiva', 'conducta en tarea',
      'adaptaciones', 'modificaciones', 'evaluación', 'línea de base', 'recopilación de datos', 'generalizar',
      TRIALS_MEASURE, 'con un 80% de precisión', 'en 3 sesiones consecutivas', MEASURED_BY,
      'dada una indicación verbal', 'indicación verbal', 'con no más de 2 indicaciones', 'ayuda física parcial',
      'ayuda física total', 'mano sobre mano', 'de forma independiente',
    ]) {
      expect(all, term).toContain(term)
    }
  })

  it.each(JARGON_GLOSSARY_ES.map((e) => [e.term, e.plain] as const))(
    'the plain alternative for "%s" reads "normal" or easier',
    (_term, plain) => {
      const { score } = readingLevelEs(plain)
      expect(score).not.toBeNull()
      expect(score!).toBeGreaterThanOrEqual(TARGET_PERSPICUITY)
    },
  )

  it('speaks to the parent as usted, never tú', () => {
    for (const entry of JARGON_GLOSSARY_ES) {
      // A quoted reminder is what the adult says to the child, so it may use tú.
      const narration = entry.plain.replace(/«[^»]*»/g, '')
      expect(narration, entry.term).not.toMatch(/(?<![\p{L}])(?:tú|tu|tus|te|ti|contigo|puedes|tienes|quieres)(?![\p{L}])/iu)
    }
  })

  it('finds every term as itself, whole', () => {
    for (const entry of JARGON_GLOSSARY_ES) {
      expect(found(entry.term), entry.term).toEqual([{ term: entry.term, match: entry.term }])
    }
  })

  it('uses no glossary jargon in the plain alternatives', () => {
    for (const entry of JARGON_GLOSSARY_ES) {
      expect(found(entry.plain), entry.term).toEqual([])
    }
  })
})
