import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { NOTE_FIELD } from '#shared/notes/extensions.ts'
import { stateFromJson } from './note-doc.server.ts'
import { NotebookGuard } from './update-guard.server.ts'

/** A live notebook as the server holds it, and a client that edits a copy of it. */
function setup(limits = { maxUpdateBytes: 4096, maxNotebookBytes: 1_000_000 }) {
  const live = new Y.Doc()
  Y.applyUpdate(live, stateFromJson({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first line' }] }] }))
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live))
  const guard = new NotebookGuard(live, limits)
  /** The update `edit` makes on the client. */
  const edit = (change: (fragment: Y.XmlFragment) => void) => {
    const before = Y.encodeStateVector(client)
    change(client.getXmlFragment(NOTE_FIELD))
    return Y.encodeStateAsUpdate(client, before)
  }
  const paragraph = (words: string) => {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(words)])
    return p
  }
  return { live, client, guard, edit, paragraph }
}

describe('NotebookGuard', () => {
  test('accepts ordinary edits: a paragraph, a bold word, a checklist, a link', () => {
    const { guard, edit, paragraph } = setup()
    expect(guard.check(edit((f) => f.push([paragraph('a new line')])))).toEqual({ ok: true })
    expect(
      guard.check(
        edit((f) => {
          const text = (f.get(0) as Y.XmlElement).get(0) as Y.XmlText
          text.format(0, 5, { bold: {} })
          text.insert(text.length, ' more', { link: { href: 'https://example.org' } })
        }),
      ),
    ).toEqual({ ok: true })
    const list = new Y.XmlElement('taskList')
    const item = new Y.XmlElement('taskItem')
    item.setAttribute('checked', false as unknown as string)
    item.insert(0, [paragraph('bring the log')])
    list.insert(0, [item])
    expect(guard.check(edit((f) => f.push([list])))).toEqual({ ok: true })
  })

  test('checks an update against the ones accepted before it, even before the live document has applied them', () => {
    const { guard, edit, paragraph } = setup()
    const first = edit((f) => f.push([paragraph('one')]))
    const second = edit((f) => ((f.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(3, ' and two'))
    expect(guard.check(first)).toEqual({ ok: true })
    expect(guard.check(second)).toEqual({ ok: true })
  })

  test.each([
    ['a Y.Text in the fragment', (f: Y.XmlFragment) => f.push([new Y.Text('x') as unknown as Y.XmlText])],
    ['a plain value in the fragment', (f: Y.XmlFragment) => f.push(['x' as unknown as Y.XmlText])],
    ['bare text at the top level', (f: Y.XmlFragment) => f.push([new Y.XmlText('x')])],
    ['an unknown node type', (f: Y.XmlFragment) => f.push([new Y.XmlElement('iframe')])],
    ['a mark the schema lacks', (f: Y.XmlFragment) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { blink: {} })],
    [
      'a paragraph inside a paragraph',
      (f: Y.XmlFragment) => (f.get(0) as Y.XmlElement).insert(0, [new Y.XmlElement('paragraph')]),
    ],
    ['an embed inside text', (f: Y.XmlFragment) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).insertEmbed(0, { image: 'x' })],
  ])('refuses %s, and then accepts the next good edit', (_name, poison) => {
    const { guard, edit, paragraph, client, live } = setup()
    expect(guard.check(edit(poison))).toEqual({ ok: false, reason: 'unreadable-update' })
    // A fresh client (the refused one keeps its poison) goes on as if nothing happened.
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(live))
    const before = Y.encodeStateVector(other)
    const p = paragraph('still fine')
    other.getXmlFragment(NOTE_FIELD).push([p])
    expect(guard.check(Y.encodeStateAsUpdate(other, before))).toEqual({ ok: true })
    client.destroy()
  })

  test('refuses bytes that are not a Yjs update, and an update whose parents never arrived', () => {
    const { guard, edit, paragraph } = setup()
    expect(guard.check(new TextEncoder().encode('not an update'))).toEqual({ ok: false, reason: 'unreadable-update' })
    edit((f) => f.push([paragraph('never sent')]))
    const orphan = edit((f) => ((f.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'child of the unsent line '))
    expect(guard.check(orphan)).toEqual({ ok: false, reason: 'unreadable-update' })
  })

  test('refuses an update over the per-update limit', () => {
    const { guard, edit, paragraph } = setup({ maxUpdateBytes: 1000, maxNotebookBytes: 1_000_000 })
    expect(guard.check(edit((f) => f.push([paragraph('x'.repeat(2000))])))).toEqual({ ok: false, reason: 'update-too-large' })
    expect(guard.check(edit((f) => f.push([paragraph('short')])))).toEqual({ ok: false, reason: 'unreadable-update' })
  })

  test('refuses growth past the notebook limit, and always accepts an edit that makes room', () => {
    const start = setup().live
    const size = Y.encodeStateAsUpdate(start).byteLength
    const { guard, edit, paragraph, live } = setup({ maxUpdateBytes: 10_000, maxNotebookBytes: size + 1500 })
    const filler = edit((f) => f.push([paragraph('y'.repeat(1000))]))
    expect(guard.check(filler)).toEqual({ ok: true })
    Y.applyUpdate(live, filler)
    expect(guard.check(edit((f) => f.push([paragraph('z'.repeat(1000))])))).toEqual({ ok: false, reason: 'notebook-full' })
    // Another person deletes the filler: accepted although the notebook is near its limit.
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(live))
    const before = Y.encodeStateVector(other)
    other.getXmlFragment(NOTE_FIELD).delete(1, 1)
    expect(guard.check(Y.encodeStateAsUpdate(other, before))).toEqual({ ok: true })
  })
})
