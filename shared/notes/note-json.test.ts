import { describe, expect, test } from 'vitest'
import { plainTextOf, safeHref, type NoteNode } from './note-json.ts'

const text = (t: string, marks?: NoteNode['marks']): NoteNode => ({ type: 'text', text: t, ...(marks ? { marks } : {}) })
const p = (...content: NoteNode[]): NoteNode => ({ type: 'paragraph', content })

describe('plainTextOf', () => {
  test('one block per line, marks dropped, empty paragraphs skipped', () => {
    const doc: NoteNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [text('Monday')] },
        p(text('He '), text('sat', [{ type: 'bold' }]), text(' for 20 minutes.')),
        { type: 'paragraph' },
        p(text('Then '), text('left', [{ type: 'link', attrs: { href: 'https://example.org' } }]), text('.')),
      ],
    }
    expect(plainTextOf(doc)).toBe('Monday\nHe sat for 20 minutes.\nThen left.')
  })

  test('list items are one line each, nested lists included; tasks keep their state', () => {
    const doc: NoteNode = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [p(text('first')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('nested'))] }] }] },
            { type: 'listItem', content: [p(text('second'))] },
          ],
        },
        {
          type: 'taskList',
          content: [
            { type: 'taskItem', attrs: { checked: true }, content: [p(text('done thing'))] },
            { type: 'taskItem', attrs: { checked: false }, content: [p(text('open thing'))] },
          ],
        },
      ],
    }
    expect(plainTextOf(doc)).toBe('first\nnested\nsecond\n[x] done thing\n[ ] open thing')
  })

  test('hard breaks become spaces and runs of whitespace collapse', () => {
    expect(plainTextOf({ type: 'doc', content: [p(text('one  '), { type: 'hardBreak' }, text('  two'))] })).toBe('one two')
  })

  test('an empty document has no text', () => {
    expect(plainTextOf({ type: 'doc' })).toBe('')
  })
})

describe('safeHref', () => {
  test.each([
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['http://example.org', 'http://example.org/'],
    ['mailto:laura@example.org', 'mailto:laura@example.org'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['/relative', null],
    [42, null],
  ])('%s → %s', (href, expected) => {
    expect(safeHref(href)).toBe(expected)
  })
})
