import { describe, expect, test } from 'vitest'
import {
  accommodationForReader,
  englishMovedOn,
  goalForReader,
  namesInOtherLanguages,
  supportNamesForReader,
  textForReader,
  type Translations,
  withReaderTitles,
} from './plain-translations.ts'

const EN = { means: 'Maya answers questions about a story.', measure: 'Out of 5 questions.' }
const ES = { means: 'Maya contesta preguntas sobre un cuento.', measure: 'De 5 preguntas.' }
const written = (stale = false): Translations<typeof EN> => ({ es: { parts: ES, stale, updatedAt: '2026-12-01T10:00:00.000Z', updatedBy: 'Dana Rivera' } })

describe('englishMovedOn: whether the English changed since a translation was written beside it', () => {
  test('the same English, or the same with spaces around it, has not moved on', () => {
    expect(englishMovedOn(EN, { ...EN })).toBe(false)
    expect(englishMovedOn(EN, { ...EN, means: `  ${EN.means}\n` })).toBe(false)
  })
  test('a changed part, a part added or a part gone has', () => {
    expect(englishMovedOn(EN, { ...EN, measure: 'Out of 10 questions.' })).toBe(true)
    expect(englishMovedOn<Record<string, string>>({ means: EN.means }, EN)).toBe(true)
    expect(englishMovedOn<Record<string, string>>(EN, { means: EN.means })).toBe(true)
  })
})

describe('textForReader: what a reader is shown', () => {
  test('an English reader gets the English, whatever else is written', () => {
    expect(textForReader(EN, written(), 'en')).toEqual({ parts: EN, language: 'en', notYetIn: null, stale: false })
  })
  test('a Spanish reader gets the Spanish where it exists, marked when the English moved on since', () => {
    expect(textForReader(EN, written(), 'es')).toEqual({ parts: ES, language: 'es', notYetIn: null, stale: false })
    expect(textForReader(EN, written(true), 'es')).toEqual({ parts: ES, language: 'es', notYetIn: null, stale: true })
  })
  test('a Spanish reader gets the English where nobody wrote it in Spanish, told it is not yet in Spanish', () => {
    expect(textForReader(EN, {}, 'es')).toEqual({ parts: EN, language: 'en', notYetIn: 'es', stale: false })
    expect(textForReader(EN, undefined, 'es')).toEqual({ parts: EN, language: 'en', notYetIn: 'es', stale: false })
  })
})

describe('goalForReader and accommodationForReader keep the record and swap only its words', () => {
  test('a goal keeps its English in translations and shows the reader’s text as plain', () => {
    const plain = { means: 'a', looksLike: 'b', adultsHelp: 'c', measure: 'd' }
    const es = { means: 'A', looksLike: 'B', adultsHelp: 'C', measure: 'D' }
    const goal = { id: 'g1', plain, translations: { es: { parts: es, stale: false, updatedAt: '', updatedBy: '' } } }
    expect(goalForReader(goal, 'es')).toMatchObject({ id: 'g1', plain: es, plainIn: { language: 'es', notYetIn: null } })
    expect(goalForReader(goal, 'en')).toMatchObject({ plain, plainIn: { language: 'en', notYetIn: null } })
  })
  test('an accommodation shows the reader’s title and words where written, else the English saying so', () => {
    const a = { id: 'a1', title: 'Break card', description: 'Five minutes.', translations: {} }
    expect(accommodationForReader(a, 'es')).toMatchObject({ title: 'Break card', wordsIn: { language: 'en', notYetIn: 'es' } })
    const translated = { ...a, translations: { es: { parts: { title: 'Tarjeta', description: 'Cinco minutos.' }, stale: false, updatedAt: '', updatedBy: '' } } }
    expect(accommodationForReader(translated, 'es')).toMatchObject({ title: 'Tarjeta', description: 'Cinco minutos.', wordsIn: { language: 'es', notYetIn: null } })
  })
})

describe('support names in rows, letters and mails', () => {
  const at = { updatedAt: '2026-12-01T10:00:00.000Z', updatedBy: 'Dana Rivera' }
  const card = { id: 'a1', title: 'Break card', description: 'A break.', translations: { es: { parts: { title: 'Tarjeta de descanso', description: 'Un descanso.' }, stale: false, ...at } } }
  const quiet = { id: 'a2', title: 'Quiet room', description: 'Tests in a quiet room.', translations: {} }

  test('withReaderTitles names each row as its reader reads it, with the language of the name; a support gone from the plan keeps its English', () => {
    const rows = [
      { accommodationId: 'a1', title: 'Break card', used: 3 },
      { accommodationId: 'a2', title: 'Quiet room', used: 1 },
      { accommodationId: 'gone', title: 'Old support', used: 0 },
    ]
    expect(withReaderTitles(rows, [card, quiet], 'es')).toEqual([
      { accommodationId: 'a1', title: 'Tarjeta de descanso', used: 3, titleLang: 'es' },
      { accommodationId: 'a2', title: 'Quiet room', used: 1, titleLang: 'en' },
      { accommodationId: 'gone', title: 'Old support', used: 0, titleLang: 'en' },
    ])
    expect(withReaderTitles(rows, [card, quiet], 'en').map((r) => [r.title, r.titleLang])).toEqual([
      ['Break card', 'en'],
      ['Quiet room', 'en'],
      ['Old support', 'en'],
    ])
  })

  test('supportNamesForReader gives plain names by id; namesInOtherLanguages the written ones only', () => {
    expect([...supportNamesForReader([card, quiet], 'es')]).toEqual([
      ['a1', 'Tarjeta de descanso'],
      ['a2', 'Quiet room'],
    ])
    expect(namesInOtherLanguages(card)).toEqual({ es: 'Tarjeta de descanso' })
    expect(namesInOtherLanguages(quiet)).toEqual({})
  })
})
