import { describe, expect, it } from 'vitest'
import { formatDay, formatMoment } from './format.ts'
import { t } from './i18n.ts'

describe('the catalogue', () => {
  it('reads a sentence by its key', () => {
    expect(t('common.signOut')).toBe('Sign out')
  })

  it('chooses the plural form by count', () => {
    expect(t('common.minutes', { count: 1 })).toBe('1 minute')
    expect(t('common.minutes', { count: 30 })).toBe('30 minutes')
  })

  it('fills values without HTML escaping (PDFs and CSV are not HTML)', () => {
    expect(t('common.titleSuffix', { title: 'Ava & Ben' })).toBe('Ava & Ben · Same Page')
  })
})

describe('dates in the reader\'s language', () => {
  it('formats a school day without shifting it by time zone', () => {
    expect(formatDay('2026-10-14')).toBe('Wed, Oct 14')
    expect(formatDay('2026-10-14', 'long')).toBe('October 14, 2026')
  })

  it('formats a moment', () => {
    expect(formatMoment('2026-10-14T15:05:00Z', 'date')).toBe('Oct 14, 2026')
  })
})
