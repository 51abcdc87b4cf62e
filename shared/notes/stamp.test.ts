import { describe, expect, it } from 'vitest'
import { stampContent, stampText } from '#shared/notes/stamp.ts'

describe('the author stamp', () => {
  it('says who and on which day, in words', () => {
    expect(stampText('Laura Miller', '2026-12-05')).toBe('— Laura Miller, Sat, Dec 5')
  })

  it('is a paragraph of its own, so it stands on its own line', () => {
    expect(stampContent('Dana Rivera', '2026-11-18')).toEqual({ type: 'paragraph', content: [{ type: 'text', text: '— Dana Rivera, Wed, Nov 18' }] })
  })
})
