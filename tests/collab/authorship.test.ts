import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { appendNotebookUpdates, compactNotebook, loadNotebookDoc } from '#server/collab/notebook-store.server.ts'
import { NOTE_FIELD } from '#shared/notes/extensions.ts'
import { harnessPerTest, waitFor } from './harness.ts'

const startHarness = harnessPerTest()

test('stored updates carry the sender, and the history says who wrote which words, through compaction', async () => {
  const h = await startHarness()
  const id = h.demo.notebookIds[0]!
  const para = await h.connect('para', id)
  const parent = await h.connect('parent', id)
  await Promise.all([para.synced(), parent.synced()])
  para.type('Sam wrote this line')
  parent.type('Laura wrote this one')
  await waitFor(() => para.text().includes('Laura wrote') && parent.text().includes('Sam wrote'))
  await h.created.collab.flushAll()
  const senders = h.t.sqlite
    .prepare('select distinct user_id from notebook_updates where notebook_id = ? and user_id is not null')
    .all(id)
    .map((r) => (r as { user_id: string }).user_id)
  expect(senders.sort()).toEqual([h.demo.users.para, h.demo.users.parent].sort())

  // Someone who resends another person's words (a browser relaying what it saw) does not take them.
  const laurasClient = parent.doc.clientID
  const relayed = Y.encodeStateAsUpdate(parent.doc)
  const stored = await loadNotebookDoc(h.t.db, id)
  await appendNotebookUpdates(h.t.db, { notebookId: id, updates: [{ update: relayed, userId: h.demo.users.caseManager }], doc: stored, at: new Date() })
  const owner = h.t.sqlite.prepare('select user_id from notebook_authors where notebook_id = ? and client_id = ?').get(id, laurasClient) as { user_id: string }
  expect(owner.user_id).toBe(h.demo.users.parent)

  for (const c of [para, parent]) c.destroy()
  await waitFor(() => h.created.collab.hocuspocus.getDocumentsCount() === 0)
  await h.created.collab.idle()
  await compactNotebook(h.t.db, id)
  const caller = h.demo.callerFor('caseManager')
  const [today] = await caller.notebooks.history({ studentId: h.demo.johnnyId, notebookId: id })
  const view = await caller.notebooks.day({ studentId: h.demo.johnnyId, notebookId: id, day: today!.day })
  const line = (words: string) => view.authorship.find((b) => b.text.includes(words))
  expect(line('Sam wrote this line')?.authors).toEqual(['Sam Ortiz'])
  expect(line('Laura wrote this one')?.authors).toEqual(['Laura Miller'])
  // The demo notebook's first content was written by the case manager who created it.
  expect(line('fire drill')?.authors).toEqual(['Dana Rivera'])
})

test('a flush never rewrites a snapshot; the first edit of a later day keeps the earlier day as it stood', async () => {
  const h = await startHarness()
  const id = h.demo.notebookIds[0]!
  const snapshots = () => h.t.sqlite.prepare('select day, updated_at, length(state) as size from notebook_snapshots where notebook_id = ? order by day').all(id)
  const doc = await loadNotebookDoc(h.t.db, id)
  const add = (words: string) => {
    const sv = Y.encodeStateVector(doc)
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(words)])
    doc.getXmlFragment(NOTE_FIELD).push([p])
    return Y.encodeStateAsUpdate(doc, sv)
  }
  const day1 = new Date(2031, 2, 3, 10)
  await appendNotebookUpdates(h.t.db, { notebookId: id, updates: [add('day one edit 0')], doc, at: day1 })
  // The first edit of the day closed the seeding day; the next ones that day write no snapshot at all.
  const before = snapshots()
  for (let i = 1; i < 5; i++) await appendNotebookUpdates(h.t.db, { notebookId: id, updates: [add(`day one edit ${i}`)], doc, at: day1 })
  expect(snapshots()).toEqual(before)
  const caller = h.demo.callerFor('caseManager')
  const history = await caller.notebooks.history({ studentId: h.demo.johnnyId, notebookId: id })
  expect(history[0]).toMatchObject({ day: '2031-03-03' })
  expect(history[0]!.preview).toContain('A shared page')

  await appendNotebookUpdates(h.t.db, { notebookId: id, updates: [add('day two edit')], doc, at: new Date(2031, 2, 4, 9) })
  expect(snapshots()).toHaveLength(before.length + 1)
  const dayOne = await caller.notebooks.day({ studentId: h.demo.johnnyId, notebookId: id, day: '2031-03-03' })
  expect(dayOne.text).toContain('day one edit 4')
  expect(dayOne.text).not.toContain('day two edit')
  const dayTwo = await caller.notebooks.day({ studentId: h.demo.johnnyId, notebookId: id, day: '2031-03-04' })
  expect(dayTwo.text).toContain('day two edit')
})
