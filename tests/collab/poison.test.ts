import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { CLOSE_STORE_FAILED } from '#server/collab/collab-server.server.ts'
import { loadNotebookDoc } from '#server/collab/notebook-store.server.ts'
import { plainTextOfDoc } from '#server/collab/note-doc.server.ts'
import { NOTE_FIELD } from '#shared/notes/extensions.ts'
import { harnessPerTest, waitFor } from './harness.ts'

const startHarness = harnessPerTest()

describe('a notebook cannot be poisoned', () => {
  test.each([
    ['a Y.Text straight in the fragment', (doc: Y.Doc) => doc.getXmlFragment(NOTE_FIELD).insert(0, [new Y.Text('raw text') as unknown as Y.XmlText])],
    ['a Y.Map straight in the fragment', (doc: Y.Doc) => doc.getXmlFragment(NOTE_FIELD).insert(0, [new Y.Map() as unknown as Y.XmlText])],
    ['a plain string in the fragment', (doc: Y.Doc) => doc.getXmlFragment(NOTE_FIELD).insert(0, ['just a string' as unknown as Y.XmlText])],
    ['a node type the schema does not know', (doc: Y.Doc) => doc.getXmlFragment(NOTE_FIELD).insert(0, [new Y.XmlElement('script')])],
    [
      'text directly in a list (the schema wants list items)',
      (doc: Y.Doc) => {
        const list = new Y.XmlElement('bulletList')
        list.insert(0, [new Y.XmlText('not in an item')])
        doc.getXmlFragment(NOTE_FIELD).insert(0, [list])
      },
    ],
  ])('%s is refused for the sender only; everyone else keeps editing and every later edit is stored', async (_name, poison) => {
    const h = await startHarness({ logger: () => {} })
    const id = h.demo.notebookIds[0]!
    const attacker = await h.connect('para', id)
    const parent = await h.connect('parent', id)
    await Promise.all([attacker.synced(), parent.synced()])
    parent.type('written before the attack')
    await waitFor(() => attacker.text().includes('written before the attack'))

    poison(attacker.doc)
    await waitFor(() => attacker.closes.some((c) => c.code === 4422), 3000, 'the sender to be refused')
    expect(attacker.closes.find((c) => c.code === 4422)!.reason).toBe('unreadable-update')

    // The attacker's provider reconnects and resends its local state (as a browser does from IndexedDB): refused each time.
    await waitFor(() => attacker.closes.filter((c) => c.code === 4422).length >= 2, 3000, 'the resend to be refused too')

    parent.type('written after the attack')
    const live = h.created.collab.hocuspocus.documents.get(id)!
    await waitFor(() => plainTextOfDoc(live).includes('written after the attack'), 3000, 'the later edit to arrive')
    await h.created.collab.flushAll()
    expect(parent.closes).toEqual([])
    expect(parent.text()).toContain('written before the attack')
    const stored = await loadNotebookDoc(h.t.db, id)
    // Readable, and nothing of the poison reached the stored log.
    const text = plainTextOfDoc(stored)
    expect(text).toContain('written before the attack')
    expect(text).toContain('written after the attack')
    expect(text).toContain('fire drill')
    expect(stored.getXmlFragment(NOTE_FIELD).toArray().every((n) => n instanceof Y.XmlElement)).toBe(true)
    expect(parent.closes.some((c) => c.code === CLOSE_STORE_FAILED)).toBe(false)
    expect(plainTextOfDoc(live)).not.toContain('raw text')
  })
})
