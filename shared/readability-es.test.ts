import { describe, it, expect } from 'vitest'
import {
  countSyllablesEs,
  fernandezHuerta,
  INFLESZ_BANDS,
  infleszBand,
  numberWordsEs,
  readingLevelEs,
  szigrisztPazos,
  TARGET_PERSPICUITY,
  textStatsEs,
} from './readability-es.ts'

/** The published Szigriszt-Pazos formula, unrounded, for hand-counted texts. */
function publishedPerspicuity(words: number, sentences: number, syllables: number): number {
  return 206.835 - 62.3 * (syllables / words) - words / sentences
}

function publishedFernandezHuerta(words: number, sentences: number, syllables: number): number {
  return 206.84 - 60 * (syllables / words) - 1.02 * (words / sentences)
}

// The worked examples of docs/domain.md#reading-level-es.
const OFFICIAL_GOAL =
  'Dada una indicación verbal, el estudiante demostrará conducta en tarea durante 20 minutos consecutivos en 4 de 5 ' +
  'ensayos observados, según lo medido por la recopilación de datos del maestro.'
const PLAIN_REWRITE = 'Juan trabaja en su tarea 20 minutos seguidos. Lo vemos 5 veces y debe lograrlo 4 veces.'

describe('countSyllablesEs', () => {
  it.each([
    ['casa', 2],
    ['perro', 2],
    ['usted', 2],
    ['estudiante', 4],
    ['individualizada', 7],
    ['consecutivos', 5],
    ['recopilación', 5],
    ['demostrará', 4],
    ['conducta', 3],
    ['habla', 2],
  ])('%s has %i', (word, syllables) => {
    expect(countSyllablesEs(word)).toBe(syllables)
  })

  it.each([
    ['aire', 2], // ai-re
    ['ciudad', 2], // ciu-dad: two weak vowels share a syllable
    ['cuidado', 3], // cui-da-do
    ['ruido', 2],
    ['escuela', 3], // es-cue-la
    ['agua', 2], // a-gua: the u of gua is sounded
    ['antiguo', 3], // an-ti-guo
    ['lenguaje', 3], // len-gua-je
    ['terapeuta', 4], // te-ra-peu-ta
    ['educación', 4], // e-du-ca-ción: the accent on the strong vowel keeps the diphthong
    ['evaluación', 4], // e-va-lua-ción
    ['canción', 2],
    ['después', 2],
    ['huir', 1], // h is silent and ui a diphthong
    ['guion', 1], // guion, one syllable since 2010
    ['construí', 2], // cons-truí: í beside another weak vowel is still a diphthong
    ['veintiún', 2], // vein-tiún
  ])('diphthong: %s has %i', (word, syllables) => {
    expect(countSyllablesEs(word)).toBe(syllables)
  })

  it.each([
    ['y', 1],
    ['hoy', 1],
    ['muy', 1], // u and final y share one syllable
    ['rey', 1],
    ['ley', 1],
    ['mayo', 2], // y before a vowel is a consonant: ma-yo
    ['ayuda', 3], // a-yu-da
    ['leyes', 2], // le-yes
    ['oye', 2],
  ])('y: %s has %i', (word, syllables) => {
    expect(countSyllablesEs(word)).toBe(syllables)
  })

  it.each([
    ['buey', 1], // u-e-y, one triphthong
    ['bueyes', 2], // bue-yes
    ['Uruguay', 3], // U-ru-guay
    ['Paraguay', 3],
    ['estudiáis', 3], // es-tu-diáis
    ['limpiáis', 2],
  ])('triphthong: %s has %i', (word, syllables) => {
    expect(countSyllablesEs(word)).toBe(syllables)
  })

  it.each([
    ['leer', 2], // le-er: two strong vowels
    ['creer', 2],
    ['poeta', 3], // po-e-ta
    ['teatro', 3], // te-a-tro
    ['maestro', 3], // ma-es-tro
    ['aéreo', 4], // a-é-re-o
    ['zoológico', 5], // zo-o-ló-gi-co
    ['ahora', 3], // a-ho-ra: h does not join two strong vowels
    ['chiita', 3], // chi-i-ta: the same weak vowel twice
  ])('hiatus of strong vowels: %s has %i', (word, syllables) => {
    expect(countSyllablesEs(word)).toBe(syllables)
  })

  it.each([
    ['día', 2], // dí-a
    ['río', 2], // rí-o
    ['país', 2], // pa-ís
    ['oído', 3], // o-í-do
    ['reír', 2],
    ['baúl', 2],
    ['Raúl', 2],
    ['aún', 2],
    ['compañía', 4], // com-pa-ñí-a
    ['búho', 2], // bú-ho: h between does not matter
    ['prohíbe', 3], // pro-hí-be
  ])('accented hiatus: %s has %i', (word, syllables) => {
    expect(countSyllablesEs(word)).toBe(syllables)
  })

  it.each([
    ['prohibir', 2], // prohi-bir: an h between vowels does not stop a diphthong
    ['ahumar', 2], // ahu-mar
  ])('h between vowels: %s has %i', (word, syllables) => {
    expect(countSyllablesEs(word)).toBe(syllables)
  })

  it.each([
    ['que', 1],
    ['quien', 1],
    ['queso', 2],
    ['quiero', 2],
    ['pequeño', 3], // pe-que-ño
    ['guerra', 2],
    ['guitarra', 3],
    ['seguidos', 3], // se-gui-dos
    ['quinientos', 3], // qui-nien-tos
  ])('silent u: %s has %i', (word, syllables) => {
    expect(countSyllablesEs(word)).toBe(syllables)
  })

  it.each([
    ['pingüino', 3], // pin-güi-no: ü is sounded and joins the i
    ['vergüenza', 3], // ver-güen-za
    ['bilingüe', 3], // bi-lin-güe
    ['lingüística', 4], // lin-güís-ti-ca
  ])('ü: %s has %i', (word, syllables) => {
    expect(countSyllablesEs(word)).toBe(syllables)
  })

  it('reads ñ and accents in any case and any Unicode form', () => {
    expect(countSyllablesEs('niño')).toBe(2)
    expect(countSyllablesEs('año')).toBe(2)
    expect(countSyllablesEs('señora')).toBe(3)
    expect(countSyllablesEs('Árbol')).toBe(2)
    expect(countSyllablesEs('ÁRBOL')).toBe(2)
    expect(countSyllablesEs('DÍA')).toBe(2)
    expect(countSyllablesEs('di\u0301a')).toBe(2) // í typed as i and a combining accent
    expect(countSyllablesEs('país'.normalize('NFD'))).toBe(2)
  })

  it('ignores punctuation around a word, ¿ and ¡ included', () => {
    expect(countSyllablesEs('¿Qué')).toBe(1)
    expect(countSyllablesEs('hoy?')).toBe(1)
    expect(countSyllablesEs('¡Muy')).toBe(1)
    expect(countSyllablesEs('«ayuda»,')).toBe(3)
  })

  it('sums the parts of a hyphenated word', () => {
    expect(countSyllablesEs('socio-emocional')).toBe(6) // so-cio e-mo-cio-nal
  })

  it.each([
    ['0', 2], // ce-ro
    ['1', 2], // u-no
    ['2', 1], // dos
    ['4', 2], // cua-tro
    ['5', 2], // cin-co
    ['6', 1], // seis
    ['7', 2], // sie-te
    ['10', 1], // diez
    ['16', 3], // die-ci-séis
    ['20', 2], // vein-te
    ['21', 3], // vein-tiu-no
    ['22', 3], // vein-ti-dós
    ['35', 5], // trein-ta y cin-co
    ['80', 3], // o-chen-ta
    ['100', 1], // cien
    ['101', 4], // cien-to u-no
    ['250', 6], // dos-cien-tos cin-cuen-ta
    ['500', 3], // qui-nien-tos
    ['999', 10], // no-ve-cien-tos no-ven-ta y nue-ve
    ['1000', 1], // mil
    ['2024', 6], // dos mil vein-ti-cua-tro
    ['21000', 3], // vein-tiún mil
    ['1000000', 3], // un mi-llón
  ])('says the number %s in %i syllables', (number, syllables) => {
    expect(countSyllablesEs(number)).toBe(syllables)
  })

  it('builds the number words it counts', () => {
    expect(numberWordsEs(0)).toBe('cero')
    expect(numberWordsEs(16)).toBe('dieciséis')
    expect(numberWordsEs(35)).toBe('treinta y cinco')
    expect(numberWordsEs(100)).toBe('cien')
    expect(numberWordsEs(115)).toBe('ciento quince')
    expect(numberWordsEs(999)).toBe('novecientos noventa y nueve')
    expect(numberWordsEs(2024)).toBe('dos mil veinticuatro')
    expect(numberWordsEs(31_000)).toBe('treinta y un mil')
    expect(numberWordsEs(21_000_000)).toBe('veintiún millones')
  })

  it('says percentages, decimals, thousands and ordinals as in Spanish', () => {
    expect(countSyllablesEs('80%')).toBe(6) // o-chen-ta por cien-to
    expect(countSyllablesEs('100%')).toBe(4) // cien por cien-to
    expect(countSyllablesEs('2,5')).toBe(5) // dos co-ma cin-co
    expect(countSyllablesEs('2.5')).toBe(5) // dos pun-to cin-co
    expect(countSyllablesEs('2,05')).toBe(7) // dos co-ma ce-ro cin-co
    expect(countSyllablesEs('1.000')).toBe(1) // mil
    expect(countSyllablesEs('1,000')).toBe(1)
    expect(countSyllablesEs('4.º')).toBe(2) // cuar-to
    expect(countSyllablesEs('4to')).toBe(2)
    expect(countSyllablesEs('1.ª')).toBe(3) // pri-me-ra
    expect(countSyllablesEs('3.er')).toBe(2) // ter-cer
    expect(countSyllablesEs('2do')).toBe(3) // se-gun-do
  })

  it('spells out a short capitalised run unless it reads as a Spanish word', () => {
    expect(countSyllablesEs('LRE')).toBe(5) // e-le e-rre e
    expect(countSyllablesEs('BIP')).toBe(3) // be i pe
    expect(countSyllablesEs('IEP')).toBe(3)
    expect(countSyllablesEs('CVC')).toBe(3) // ce ve ce
    expect(countSyllablesEs('TDAH')).toBe(5) // te de a ha-che
    expect(countSyllablesEs('PEI')).toBe(1) // read as a word: pei
    expect(countSyllablesEs('FAPE')).toBe(2)
    expect(countSyllablesEs('ONU')).toBe(2)
  })

  it('counts an abbreviation as what it stands for', () => {
    expect(countSyllablesEs('Sra.')).toBe(3) // se-ño-ra
    expect(countSyllablesEs('Dr.')).toBe(2) // doc-tor
    expect(countSyllablesEs('etc.')).toBe(4) // et-cé-te-ra
    expect(countSyllablesEs('p.')).toBe(1) // por, in "p. ej."
    expect(countSyllablesEs('ej.')).toBe(3) // e-jem-plo
  })

  it('gives any word at least one syllable, and no word none', () => {
    expect(countSyllablesEs('mmm')).toBe(1)
    expect(countSyllablesEs('')).toBe(0)
    expect(countSyllablesEs('—')).toBe(0)
    expect(countSyllablesEs('¿?')).toBe(0)
  })
})

describe('textStatsEs', () => {
  it('counts nothing in an empty or blank text', () => {
    const none = { sentences: 0, words: 0, syllables: 0 }
    expect(textStatsEs('')).toEqual(none)
    expect(textStatsEs('   \n\t  ')).toEqual(none)
    expect(textStatsEs('... ¿? ¡! —')).toEqual(none)
  })

  it('counts a simple sentence', () => {
    // El(1) ni-ño(2) lee(2) un(1) li-bro(2): 5 words, 8 syllables.
    expect(textStatsEs('El niño lee un libro.')).toEqual({ sentences: 1, words: 5, syllables: 8 })
  })

  it('splits sentences on . ! ? … and line breaks', () => {
    expect(textStatsEs('Siéntese. ¡Muy bien! ¿Listo?').sentences).toBe(3)
    expect(textStatsEs('Lee un libro\nEscribe una palabra\r\n\nDibuja un gato').sentences).toBe(3)
    expect(textStatsEs('Se cansa… Luego sigue.').sentences).toBe(2)
    expect(textStatsEs('«Basta.» (Luego sigue.)').sentences).toBe(2)
  })

  it('reads ¿…? and ¡…! inside a sentence as part of it', () => {
    expect(textStatsEs('¿Qué hace? Lee.').sentences).toBe(2)
    expect(textStatsEs('Si se cansa, ¿qué hacemos?').sentences).toBe(1)
    expect(textStatsEs('¿Cómo estás?, preguntó la maestra.').sentences).toBe(1)
  })

  it('counts a last sentence with no end mark', () => {
    expect(textStatsEs('Él lee. Ella escribe').sentences).toBe(2)
  })

  it('does not end a sentence inside a decimal or after a common abbreviation', () => {
    expect(textStatsEs('Lee 2.5 páginas al día.').sentences).toBe(1)
    expect(textStatsEs('Use una ayuda, p. ej. un reloj, y espere.').sentences).toBe(1)
    expect(textStatsEs('Hable con la Sra. Pérez o la Dra. Ruiz.').sentences).toBe(1)
    expect(textStatsEs('El Sr. Gómez vino.').sentences).toBe(1)
    expect(textStatsEs('Traiga lápices, papel, etc. y una mochila.').sentences).toBe(1)
    expect(textStatsEs('Vive en EE. UU. con su familia.').sentences).toBe(1)
  })

  it('counts numbers like "80%" and "4" as words', () => {
    expect(textStatsEs('80% del tiempo, 4 de 5').words).toBe(6)
  })
})

describe('szigrisztPazos and fernandezHuerta', () => {
  it('are null for a text with no words', () => {
    expect(szigrisztPazos('')).toBeNull()
    expect(szigrisztPazos('  \n ')).toBeNull()
    expect(fernandezHuerta('')).toBeNull()
  })

  it('score a simple sentence very easy', () => {
    // 5 words, 8 syllables, 1 sentence: 206.835 − 62.3 × 1.6 − 5 = 102.155.
    expect(szigrisztPazos('El niño lee un libro.')).toBe(102.2)
    expect(fernandezHuerta('El niño lee un libro.')).toBe(Math.round(publishedFernandezHuerta(5, 1, 8) * 10) / 10)
  })

  it('score a typical official IEP goal "muy difícil" (worked example)', () => {
    // Da-da(2) u-na(2) in-di-ca-ción(4) ver-bal(2) el(1) es-tu-dian-te(4) de-mos-tra-rá(4) con-duc-ta(3) en(1)
    // ta-re-a(3) du-ran-te(3) 20 vein-te(2) mi-nu-tos(3) con-se-cu-ti-vos(5) en(1) 4 cua-tro(2) de(1) 5 cin-co(2)
    // en-sa-yos(3) ob-ser-va-dos(4) se-gún(2) lo(1) me-di-do(3) por(1) la(1) re-co-pi-la-ción(5) de(1) da-tos(2)
    // del(1) ma-es-tro(3): 30 words, 72 syllables, 1 sentence → 206.835 − 149.52 − 30 = 27.315.
    expect(textStatsEs(OFFICIAL_GOAL)).toEqual({ sentences: 1, words: 30, syllables: 72 })
    expect(publishedPerspicuity(30, 1, 72)).toBeCloseTo(27.315, 6)
    expect(szigrisztPazos(OFFICIAL_GOAL)).toBe(27.3)
    // 206.84 − 144 − 30.6 = 32.24.
    expect(fernandezHuerta(OFFICIAL_GOAL)).toBe(32.2)
    expect(readingLevelEs(OFFICIAL_GOAL)).toEqual({ score: 27.3, band: 'very-hard', tooHard: true })
  })

  it('score its plain rewrite "bastante fácil" (worked example)', () => {
    // Juan(1) tra-ba-ja(3) en(1) su(1) ta-re-a(3) 20 vein-te(2) mi-nu-tos(3) se-gui-dos(3) /
    // Lo(1) ve-mos(2) 5 cin-co(2) ve-ces(2) y(1) de-be(2) lo-grar-lo(3) 4 cua-tro(2) ve-ces(2):
    // 17 words, 34 syllables, 2 sentences → 206.835 − 124.6 − 8.5 = 73.735.
    expect(textStatsEs(PLAIN_REWRITE)).toEqual({ sentences: 2, words: 17, syllables: 34 })
    expect(publishedPerspicuity(17, 2, 34)).toBeCloseTo(73.735, 6)
    expect(szigrisztPazos(PLAIN_REWRITE)).toBe(73.7)
    // 206.84 − 120 − 8.67 = 78.17.
    expect(fernandezHuerta(PLAIN_REWRITE)).toBe(78.2)
    expect(readingLevelEs(PLAIN_REWRITE)).toEqual({ score: 73.7, band: 'fairly-easy', tooHard: false })
  })

  it('score an academic goal and its plain rewrite', () => {
    // El(1) es-tu-dian-te(4) de-co-di-fi-ca-rá(6) pa-la-bras(3) CVC ce-ve-ce(3) con(1) un(1) 80% o-chen-ta por
    // cien-to(6) de(1) pre-ci-sión(3) en(1) 4(2) de(1) 5(2) en-sa-yos(3): 15 words, 38 syllables, 1 sentence → 34.0.
    const official = 'El estudiante decodificará palabras CVC con un 80% de precisión en 4 de 5 ensayos.'
    expect(textStatsEs(official)).toEqual({ sentences: 1, words: 15, syllables: 38 })
    expect(szigrisztPazos(official)).toBe(Math.round(publishedPerspicuity(15, 1, 38) * 10) / 10)
    // A-na(2) lee(2) pa-la-bras(3) cor-tas(2) co-mo(2) sol(1) y(1) pan(1) / Lee(2) bien(1) 4(2) de(1) ca-da(2) 5(2):
    // 14 words, 24 syllables, 2 sentences → 93.0.
    const plain = 'Ana lee palabras cortas como sol y pan. Lee bien 4 de cada 5.'
    expect(textStatsEs(plain)).toEqual({ sentences: 2, words: 14, syllables: 24 })
    expect(szigrisztPazos(plain)).toBe(Math.round(publishedPerspicuity(14, 2, 24) * 10) / 10)
  })

  it('round to one decimal', () => {
    for (const text of [OFFICIAL_GOAL, PLAIN_REWRITE, 'El niño lee un libro.']) {
      expect(String(szigrisztPazos(text))).toMatch(/^-?\d+(\.\d)?$/)
      expect(String(fernandezHuerta(text))).toMatch(/^-?\d+(\.\d)?$/)
    }
  })
})

describe('infleszBand', () => {
  it.each([
    [-20, 'very-hard'],
    [0, 'very-hard'],
    [39.9, 'very-hard'],
    [40, 'somewhat-hard'],
    [54.9, 'somewhat-hard'],
    [55, 'normal'],
    [64.9, 'normal'],
    [65, 'fairly-easy'],
    [79.9, 'fairly-easy'],
    [80, 'very-easy'],
    [120, 'very-easy'],
  ])('puts %d in %s', (score, band) => {
    expect(infleszBand(score)).toBe(band)
  })

  it('names each band as the INFLESZ scale does', () => {
    expect(INFLESZ_BANDS.map((b) => b.label)).toEqual(['muy fácil', 'bastante fácil', 'normal', 'algo difícil', 'muy difícil'])
  })
})

describe('readingLevelEs', () => {
  it('aims at the bottom of "normal"', () => {
    expect(TARGET_PERSPICUITY).toBe(55)
    expect(infleszBand(TARGET_PERSPICUITY)).toBe('normal')
  })

  it('marks a text below the aim as too hard, and one at or above it not', () => {
    // Cons-truc-ción(3) / es-pe-cí-fi-ca(5): 2 words, 8 syllables → 206.835 − 249.2 − 2 = −44.4.
    expect(readingLevelEs('Construcción específica.')).toEqual({ score: -44.4, band: 'very-hard', tooHard: true })
    expect(readingLevelEs('Sí.')).toEqual({ score: 143.5, band: 'very-easy', tooHard: false })
  })

  it('marks 54.9 and not 55.0', () => {
    // Juan(1) tra-ba-ja(3) bas-tan-te(3) / Pi-de(2) a-yu-da(3) cuan-do(2) la(1) ne-ce-si-ta(4):
    // 8 words, 19 syllables, 2 sentences → 54.8725.
    expect(readingLevelEs('Juan trabaja bastante. Pide ayuda cuando la necesita.')).toEqual({
      score: 54.9,
      band: 'somewhat-hard',
      tooHard: true,
    })
    // Juan(1) lee(2) / A-na(2) es-cri-be(3) pa-la-bras(3) lar-gas(2) / Lue-go(2) des-can-san(3) jun-tos(2) a-fue-ra(3) /
    // To-dos(2) a-pren-den(3) bas-tan-te(3): 13 words, 31 syllables, 4 sentences → 55.0235.
    const atAim = 'Juan lee. Ana escribe palabras largas. Luego descansan juntos afuera. Todos aprenden bastante.'
    expect(textStatsEs(atAim)).toEqual({ sentences: 4, words: 13, syllables: 31 })
    expect(readingLevelEs(atAim)).toEqual({ score: 55, band: 'normal', tooHard: false })
  })

  it('has no score, no band and no mark for an empty text', () => {
    expect(readingLevelEs('')).toEqual({ score: null, band: null, tooHard: false })
  })
})
