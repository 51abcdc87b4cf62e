import { describe, expect, it } from 'vitest'
import { i18n } from './i18n/i18n.ts'
import { catalogueLabels } from './labels.ts'
import { REASON_LABELS } from './services.ts'
import { listInWords } from './word-list.ts'

describe('catalogue labels', () => {
  it('read like a plain object, in the catalogue’s words', () => {
    expect(REASON_LABELS.provider_absent).toBe('Provider absent')
    expect(Object.keys(REASON_LABELS)).toContain('unrecorded')
    expect(Object.entries(REASON_LABELS).find(([key]) => key === 'staff_vacancy')?.[1]).toBe('Staff vacancy')
  })

  it('read the words each time, so a label follows the catalogue rather than the moment of import', () => {
    let calls = 0
    const labels = catalogueLabels(['a'], () => `read ${++calls}`)
    expect(labels.a).toBe('read 1')
    expect(labels.a).toBe('read 2')
    expect(i18n.language).toBe('en')
  })
})

describe('listInWords', () => {
  it('joins with commas and a last "and"', () => {
    expect(listInWords([])).toBe('')
    expect(listInWords(['Mon'])).toBe('Mon')
    expect(listInWords(['Mon', 'Wed'])).toBe('Mon and Wed')
    expect(listInWords(['Mon', 'Wed', 'Fri'])).toBe('Mon, Wed and Fri')
  })
})
