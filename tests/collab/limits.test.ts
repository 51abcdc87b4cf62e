import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { CLOSE_TOO_LARGE } from '#server/collab/collab-server.server.ts'
import { loadNotebookDoc } from '#server/collab/notebook-store.server.ts'
import { plainTextOfDoc } from '#server/collab/note-doc.server.ts'
import { NOTE_FIELD } from '#shared/notes/extensions.ts'
import { harnessPerTest, waitFor } from './harness.ts'

const startHarness = harnessPerTest()

test('an update over the per-update limit is refused for its sender with a reason; the others keep editing', async () => {
  const h = await startHarness({ logger: () => {}, limits: { maxUpdateBytes: 2000, maxNotebookBytes: 1_000_000 } })
  const id = h.demo.notebookIds[0]!
  const paster = await h.connect('para', id)
  const parent = await h.connect('parent', id)
  await Promise.all([paster.synced(), parent.synced()])
  paster.type('x'.repeat(3000))
  await waitFor(() => paster.closes.some((c) => c.code === CLOSE_TOO_LARGE), 3000, 'the refusal')
  expect(paster.closes.find((c) => c.code === CLOSE_TOO_LARGE)!.reason).toBe('update-too-large')
  parent.type('a normal line')
  const live = h.created.collab.hocuspocus.documents.get(id)!
  await waitFor(() => plainTextOfDoc(live).includes('a normal line'))
  await h.created.collab.flushAll()
  const stored = plainTextOfDoc(await loadNotebookDoc(h.t.db, id))
  expect(stored).toContain('a normal line')
  expect(stored).not.toContain('xxxx')
  expect(parent.text()).not.toContain('xxxx')
  expect(parent.closes).toEqual([])
})

test('a notebook at its size limit refuses more words (notebook-full) but accepts an edit that makes room', async () => {
  const h = await startHarness({ logger: () => {}, limits: { maxUpdateBytes: 100_000, maxNotebookBytes: 9000 } })
  const id = h.demo.notebookIds[0]!
  const writer = await h.connect('para', id)
  const other = await h.connect('parent', id)
  await Promise.all([writer.synced(), other.synced()])
  for (let i = 0; i < 20 && !writer.closes.length; i++) {
    writer.type(`${i} ${'w'.repeat(500)}`)
    await new Promise((r) => setTimeout(r, 30))
  }
  await waitFor(() => writer.closes.some((c) => c.code === CLOSE_TOO_LARGE), 3000, 'the refusal')
  expect(writer.closes.find((c) => c.code === CLOSE_TOO_LARGE)!.reason).toBe('notebook-full')
  writer.destroy()
  await h.created.collab.flushAll()
  const fullSize = Y.encodeStateAsUpdate(await loadNotebookDoc(h.t.db, id)).byteLength
  expect(fullSize).toBeLessThanOrEqual(9000)
  // Someone else removes the long lines: accepted, stored.
  const fragment = other.doc.getXmlFragment(NOTE_FIELD)
  await waitFor(() => other.text().includes('wwww'))
  other.doc.transact(() => {
    for (let i = fragment.length - 1; i >= 0; i--) if (fragment.get(i).toString().includes('wwww')) fragment.delete(i, 1)
  })
  const live = h.created.collab.hocuspocus.documents.get(id)!
  await waitFor(() => !plainTextOfDoc(live).includes('wwww'), 3000, 'the deletion to arrive')
  await h.created.collab.flushAll()
  expect(plainTextOfDoc(await loadNotebookDoc(h.t.db, id))).not.toContain('wwww')
  expect(other.closes).toEqual([])
})
