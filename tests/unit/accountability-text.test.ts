import { describe, expect, it } from 'vitest'
import { formatRate, ledgerSentence, sessionsPhrase, weekdayList } from '#app/routes/accountability/accountability-text.ts'
import { rateTone } from '#shared/rate-tone.ts'
import { filterCaseload } from '#app/routes/accountability/caseload-filter.ts'

describe('formatRate', () => {
  it('shows the 3-decimal rate exactly, never rounding up past the 90% bar', () => {
    expect(formatRate(0.8)).toBe('80%')
    expect(formatRate(0.897)).toBe('89.7%')
    expect(formatRate(0.899)).toBe('89.9%')
    expect(formatRate(0.57)).toBe('57%')
    expect(formatRate(1)).toBe('100%')
    expect(rateTone(0.9)).toBe('good')
    expect(rateTone(0.899)).toBe('warn')
    expect(rateTone(0.5)).toBe('bad')
  })
})

describe('sessionsPhrase', () => {
  it('counts whole sessions exactly and rounds the rest to a half', () => {
    expect(sessionsPhrase(120, 30)).toBe('4 sessions')
    expect(sessionsPhrase(30, 30)).toBe('1 session')
    expect(sessionsPhrase(15, 45)).toBe('about half a session')
    expect(sessionsPhrase(5, 45)).toBe('less than half a session')
    expect(sessionsPhrase(70, 45)).toBe('about 1½ sessions')
    expect(sessionsPhrase(95, 45)).toBe('about 2 sessions')
  })
})

describe('ledgerSentence', () => {
  const numbers = (owed: number, madeUp: number, count: number) => ({
    minutesPerSession: 30,
    sessions: { madeUp: count },
    ledger: { minutesOwed: owed, minutesMadeUp: madeUp, balance: Math.max(0, owed - madeUp) },
  })
  it('says what is owed, made up and still owed', () => {
    expect(ledgerSentence(numbers(120, 30, 1), 'Johnny')).toBe('4 sessions (120 minutes) owed to Johnny; 1 made up (30 minutes); 90 minutes still owed.')
    expect(ledgerSentence(numbers(60, 0, 0), 'Ava')).toBe('2 sessions (60 minutes) owed to Ava; none made up yet; 60 minutes still owed.')
    expect(ledgerSentence(numbers(30, 30, 1), 'Ava')).toBe('1 session (30 minutes) owed to Ava; 1 made up (30 minutes); nothing still owed.')
    expect(ledgerSentence(numbers(0, 0, 0), 'Ava')).toBe('Nothing is owed to Ava.')
    expect(ledgerSentence(numbers(15, 0, 0), 'Ava')).toBe('15 minutes (about half a session) owed to Ava; none made up yet; 15 minutes still owed.')
    expect(ledgerSentence(numbers(0, 30, 1), 'Ava')).toBe('Nothing owed to Ava; 1 made up (30 minutes); nothing still owed.')
  })
})

describe('weekdayList', () => {
  it('reads like a sentence', () => {
    expect(weekdayList(['tue', 'thu'])).toBe('Tue and Thu')
    expect(weekdayList(['mon', 'wed', 'fri'])).toBe('Mon, Wed and Fri')
    expect(weekdayList(['wed'])).toBe('Wed')
  })
})

describe('filterCaseload', () => {
  const rows = [
    { id: 1, providerId: 'p2', providerName: 'Priya Shah', serviceName: 'Speech-language therapy' },
    { id: 2, providerId: 'p1', providerName: 'Jordan Lee', serviceName: 'Occupational therapy' },
    { id: 3, providerId: 'p2', providerName: 'Priya Shah', serviceName: 'Occupational therapy' },
  ]
  it('keeps the order, offers every option and ignores unknown ones', () => {
    const all = filterCaseload(rows, new URLSearchParams('provider=nobody'))
    expect(all.rows.map((r) => r.id)).toEqual([1, 2, 3])
    expect(all.filters.provider).toBe('')
    expect(all.filters.providers).toEqual([
      { id: 'p1', name: 'Jordan Lee' },
      { id: 'p2', name: 'Priya Shah' },
    ])
    expect(all.filters.services).toEqual(['Occupational therapy', 'Speech-language therapy'])
    expect(filterCaseload(rows, new URLSearchParams('provider=p2')).rows.map((r) => r.id)).toEqual([1, 3])
    const both = filterCaseload(rows, new URLSearchParams('provider=p2&service=Occupational+therapy'))
    expect(both.rows.map((r) => r.id)).toEqual([3])
    expect(both.filters.providers).toHaveLength(2)
  })
})
