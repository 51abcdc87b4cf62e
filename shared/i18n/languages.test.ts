import { describe, expect, it } from 'vitest'
import { en } from './en/index.ts'
import { es } from './es/index.ts'
import { addLanguage, i18n, instanceFor, translatorFor } from './i18n.ts'

/** Every key path of a catalogue, with its words. */
function leaves(words: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(words)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [p, v] of leaves(value as object, path)) out.set(p, v)
  }
  return out
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort()
const tags = (text: string) => [...text.matchAll(/<\/?([\w]+)>/g)].map((m) => m[0]).sort()

describe('the Spanish catalogue', () => {
  const english = leaves(en)
  const spanish = leaves(es)

  it('has words for every English key and no key the English lacks', () => {
    expect([...english.keys()].filter((key) => !spanish.has(key))).toEqual([])
    expect([...spanish.keys()].filter((key) => !english.has(key))).toEqual([])
    expect(spanish.size).toBeGreaterThan(2000)
  })

  it('keeps every placeholder and tag of the English, so no value or link is lost', () => {
    const differ = [...english].filter(([key, words]) => {
      const other = spanish.get(key) ?? ''
      return placeholders(words).join() !== placeholders(other).join() || tags(words).join() !== tags(other).join()
    })
    expect(differ.map(([key]) => key)).toEqual([])
  })

  it('leaves no key empty', () => {
    expect([...spanish].filter(([, words]) => words.trim() === '').map(([key]) => key)).toEqual([])
  })
})

describe('reading in a language', () => {
  it('gives each language its own words from one store', () => {
    expect(translatorFor('es')('languages.card.save')).toBe('Guardar idioma')
    expect(translatorFor('en')('languages.card.save')).toBe('Save language')
    expect(instanceFor('es').language).toBe('es')
    // The main instance stays English on the server: a Spanish reader never changes what an English one reads.
    expect(i18n.language).toBe('en')
  })

  it('counts in Spanish for every count, round millions too (Spanish has a third plural form)', () => {
    const minutes = translatorFor('es')
    expect(minutes('common.minutes', { count: 1 })).toBe('1 minuto')
    expect(minutes('common.minutes', { count: 5 })).toBe('5 minutos')
    expect(minutes('common.minutes', { count: 1_000_000 })).toBe('1000000 minutos')
  })

  it('lets a later language stand its plural for the third form without touching what it was given', () => {
    const words = { n_one: 'uno', n_other: '{{count}} muchos', nested: { m_one: 'una', m_other: 'varias' } }
    addLanguage('es', { testOnly: words })
    const spanish = translatorFor('es') as unknown as (key: string, options: object) => string
    expect(spanish('testOnly.n', { count: 2_000_000 })).toBe('2000000 muchos')
    expect(spanish('testOnly.nested.m', { count: 3_000_000 })).toBe('varias')
    expect(words).toEqual({ n_one: 'uno', n_other: '{{count}} muchos', nested: { m_one: 'una', m_other: 'varias' } })
    i18n.removeResourceBundle('es', 'translation')
    addLanguage('es', es)
  })
})
