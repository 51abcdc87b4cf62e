import { describe, expect, it } from 'vitest'
import { setTimeout as sleep } from 'node:timers/promises'
import { activeLanguage, t } from '#shared/i18n/i18n.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { buildConcernLetter, type LetterInput } from '#shared/concern-letter.ts'
import { fromAcceptLanguage, inLanguage, languageCookie, readerLanguage } from './language.server.ts'

describe('a reader’s language', () => {
  it('is their account’s, then this device’s choice, then their browser’s, then English', () => {
    expect(readerLanguage('es', 'same_page_language=en', 'en-US')).toBe('es')
    expect(readerLanguage(null, 'a=1; same_page_language=es; b=2', 'en-US')).toBe('es')
    expect(readerLanguage(null, 'same_page_language=fr', 'es-MX,es;q=0.9')).toBe('es')
    expect(readerLanguage(undefined, undefined, undefined)).toBe('en')
    expect(readerLanguage('xx', 'same_page_language=<script>', 'de-DE')).toBe('en')
  })

  it('reads Accept-Language by weight and ignores regions and languages we do not have', () => {
    expect(fromAcceptLanguage('es-MX,es;q=0.9,en;q=0.8')).toBe('es')
    expect(fromAcceptLanguage('fr-FR,en;q=0.5,es;q=0.7')).toBe('es')
    expect(fromAcceptLanguage('es;q=0,en')).toBe('en')
    expect(fromAcceptLanguage('de, fr')).toBeNull()
    expect(fromAcceptLanguage('')).toBeNull()
    expect(fromAcceptLanguage(`${'x,'.repeat(10_000)}es`)).toBeNull()
  })

  it('is kept a year on the device, out of reach of scripts, Secure over https', () => {
    expect(languageCookie('es', true)).toBe('same_page_language=es; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax; Secure')
    expect(languageCookie('en', false)).not.toContain('Secure')
  })
})

describe('work in a language', () => {
  it('translates words, dates and refusals in the language it runs in', () => {
    expect(inLanguage('es', () => t('languages.card.save'))).toBe('Guardar idioma')
    expect(inLanguage('es', () => formatDay('2026-10-14', 'weekdayLong'))).toBe('miércoles, 14 de octubre')
    expect(inLanguage('en', () => formatDay('2026-10-14', 'weekdayLong'))).toBe('Wednesday, October 14')
    expect(t('languages.card.save')).toBe('Save language')
  })

  it('never mixes two readers served at the same time', async () => {
    const read = async (language: 'en' | 'es', wait: number) =>
      inLanguage(language, async () => {
        const before = t('languages.card.save')
        await sleep(wait)
        return [before, t('languages.card.save'), activeLanguage()]
      })
    const [spanish, english] = await Promise.all([read('es', 20), read('en', 5)])
    expect(spanish).toEqual(['Guardar idioma', 'Guardar idioma', 'es'])
    expect(english).toEqual(['Save language', 'Save language', 'en'])
  })
})

describe('a letter both ways (issue 22, item 3)', () => {
  const facts: LetterInput = {
    student: { name: 'Maya Thompson' },
    step: 1,
    today: '2026-11-17',
    concern: { date: '2026-10-09', issue: 'Speech sessions missed' },
    services: [
      {
        name: 'Speech-language therapy',
        minutesPerSession: 30,
        weekdays: ['tue', 'thu'],
        minutesMandated: 660,
        minutesDelivered: 510,
        sessions: { due: 22, delivered: 16, missed: 4, unrecorded: 2 },
        ledger: { minutesOwed: 180, minutesMadeUp: 30, balance: 150 },
      },
    ],
    sessions: [{ date: '2026-10-08', serviceName: 'Speech-language therapy', kind: 'missed', minutes: null, reason: 'provider_absent' }],
    checks: [],
    progress: [],
    entries: [],
    includeFamilyOnly: [],
    senderName: 'Rosa Thompson',
  }

  it('is drafted from the same records in English for the school and in Spanish for the family’s copy', () => {
    const english = inLanguage('en', () => buildConcernLetter(facts))
    const spanish = inLanguage('es', () => buildConcernLetter(facts))
    expect(english.body).toContain('Oct 8')
    expect(spanish.body).toContain('8 oct')
    expect(spanish.body).not.toContain('Oct 8')
    expect(spanish.body).toContain('Lo que muestran los registros')
    // The same facts in both: the names, the numbers and the sender.
    for (const fact of ['Maya Thompson', '660', '510', '150', 'Rosa Thompson']) {
      expect(english.body, fact).toContain(fact)
      expect(spanish.body, fact).toContain(fact)
    }
    expect(spanish.subject).not.toBe(english.subject)
  })
})
