import i18next from 'i18next'
import { describe, expect, test } from 'vitest'
import { plainCachedT } from '#shared/i18n/i18n.ts'

// A fresh instance per test: the kept words must never outlive the words they were read from.
function instance(words: Record<string, string>) {
  const i18n = i18next.createInstance()
  void i18n.init({ lng: 'en', resources: { en: { translation: words } }, initAsync: false, interpolation: { escapeValue: false } })
  return i18n
}

describe('plainCachedT', () => {
  test('reads the same words as i18next, with and without options', () => {
    const i18n = instance({ hello: 'Hello', greet: 'Hello, {{name}}', item_one: '{{count}} item', item_other: '{{count}} items' })
    const t = plainCachedT(i18n) as unknown as (key: string, options?: object) => string
    expect(t('hello')).toBe('Hello')
    expect(t('hello')).toBe('Hello')
    expect(t('greet', { name: 'Ana' })).toBe('Hello, Ana')
    expect(t('greet', { name: 'Sam' })).toBe('Hello, Sam')
    expect(t('item', { count: 1 })).toBe('1 item')
    expect(t('item', { count: 3 })).toBe('3 items')
  })

  test('words added after a key was read replace what was kept (a section added by a later page)', () => {
    const i18n = instance({ title: 'Old' })
    const t = plainCachedT(i18n) as unknown as (key: string) => string
    expect(t('title')).toBe('Old')
    expect(t('later.title')).toBe('later.title')
    i18n.addResourceBundle('en', 'translation', { title: 'New', later: { title: 'Later' } }, true, true)
    expect(t('title')).toBe('New')
    expect(t('later.title')).toBe('Later')
  })

  test('a change of language drops the kept words', async () => {
    const i18n = instance({ yes: 'Yes' })
    i18n.addResourceBundle('es', 'translation', { yes: 'Sí' })
    const t = plainCachedT(i18n) as unknown as (key: string) => string
    expect(t('yes')).toBe('Yes')
    await i18n.changeLanguage('es')
    expect(t('yes')).toBe('Sí')
  })

  test('one cache per instance: the same function each time it is asked for', () => {
    const i18n = instance({ a: 'A' })
    expect(plainCachedT(i18n)).toBe(plainCachedT(i18n))
    expect(plainCachedT(instance({ a: 'A' }))).not.toBe(plainCachedT(i18n))
  })
})
