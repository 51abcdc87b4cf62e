import { describe, expect, test } from 'vitest'
import { accommodationFidelity, type CheckStatus } from './accommodation-fidelity.ts'
import { fidelityDaysSentence, fidelityReading } from './fidelity-words.ts'

const rec = (date: string, status: CheckStatus) => ({ date, status, recordedAt: `${date}T10:00:00.000Z` })
const daily = (records: ReturnType<typeof rec>[], asOf: string) =>
  accommodationFidelity({ applies: { kind: 'daily' }, startDate: '2026-11-02', records, closures: new Set(), asOf })

describe('fidelity in words', () => {
  test('recorded only “Not needed” on its 1 day: not needed, never “100 % — used on 0 of 1 day”', () => {
    const f = daily([rec('2026-11-02', 'not_needed')], '2026-11-02')
    expect(f.fidelity).toBe(1) // the JSON keeps docs/formats.md's 1 …
    expect(fidelityReading(f)).toBe('not_needed') // … the screen does not show it as a share
    expect(fidelityDaysSentence(f)).toBe('Not needed on the 1 day it applied.')
  })

  test('not needed on every one of several days', () => {
    const f = daily([rec('2026-11-02', 'not_needed'), rec('2026-11-03', 'not_needed')], '2026-11-03')
    expect(fidelityDaysSentence(f)).toBe('Not needed on any of the 2 days it applied.')
  })

  test('a share counts used out of the days it was needed, and names the days it was not', () => {
    const f = daily([rec('2026-11-02', 'used'), rec('2026-11-03', 'not_needed'), rec('2026-11-04', 'not_provided')], '2026-11-04')
    expect(fidelityReading(f)).toBe('share')
    expect(f.fidelity).toBe(0.5)
    expect(fidelityDaysSentence(f)).toBe('Used on 1 of the 2 days it was needed. Not needed on 1 more day.')
  })

  test('a day nobody recorded is still a day it was needed', () => {
    const f = daily([rec('2026-11-02', 'used')], '2026-11-03')
    expect(fidelityDaysSentence(f)).toBe('Used on 1 of the 2 days it was needed.')
    expect(fidelityDaysSentence(daily([rec('2026-11-02', 'used')], '2026-11-02'))).toBe('Used on 1 of 1 day it was needed.')
  })

  test('no applicable day yet: no sentence, no share', () => {
    const f = accommodationFidelity({ applies: { kind: 'tests' }, startDate: '2026-11-02', records: [], closures: new Set(), asOf: '2026-11-13' })
    expect(fidelityReading(f)).toBe('no_days')
    expect(fidelityDaysSentence(f)).toBeUndefined()
  })
})
