import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { CLOSE_STORE_FAILED } from '#server/collab/collab-server.server.ts'
import { appendNotebookUpdates, compactNotebook, loadNotebookDoc, sqliteNotebookStore, type NotebookStore } from '#server/collab/notebook-store.server.ts'
import { NOTE_FIELD } from '#shared/notes/extensions.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { fragmentText, harnessPerTest, waitFor, type CollabHarness } from './harness.ts'

const startHarness = harnessPerTest()

const rowsOf = (harness: CollabHarness, notebookId: string) =>
  harness.t.sqlite.prepare('select id, hex("update") as u from notebook_updates where notebook_id = ? order by id').all(notebookId)

function paragraphUpdate(base: Y.Doc, words: string): Uint8Array {
  const before = Y.encodeStateVector(base)
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(words)])
  base.getXmlFragment(NOTE_FIELD).push([p])
  return Y.encodeStateAsUpdate(base, before)
}

describe('notebook storage', () => {
  test('each edit is in SQLite within a second, while the editor is still open', async () => {
    const h = await startHarness()
    const id = h.demo.notebookIds[0]!
    const client = await h.connect('para', id)
    await client.synced()
    const before = countRows(h.t.sqlite, 'notebook_updates')
    client.type('the bus was late today')
    await new Promise((r) => setTimeout(r, 1100))
    expect(countRows(h.t.sqlite, 'notebook_updates')).toBeGreaterThan(before)
    const stored = await loadNotebookDoc(h.t.db, id)
    expect(fragmentText(stored)).toContain('the bus was late today')
    const plain = h.t.sqlite.prepare('select plain_text from notebooks where id = ?').get(id) as { plain_text: string }
    expect(plain.plain_text).toContain('the bus was late today')
  })

  test('closing the server writes edits that were still queued', async () => {
    const h = await startHarness()
    const id = h.demo.notebookIds[1]!
    const client = await h.connect('parent', id)
    await client.synced()
    client.type('written just before shutdown')
    await waitFor(() => h.created.collab.hocuspocus.documents.get(id)?.getXmlFragment(NOTE_FIELD).toString().includes('shutdown') ?? false)
    await h.created.collab.close()
    expect(fragmentText(await loadNotebookDoc(h.t.db, id))).toContain('written just before shutdown')
  })

  test('a notebook whose stored state cannot be read is refused, never served empty, and its rows stay as they were', async () => {
    const logged: string[] = []
    const h = await startHarness({ logger: (message) => logged.push(message) })
    const id = h.demo.notebookIds[0]!
    h.t.sqlite
      .prepare('insert into notebook_updates (notebook_id, "update", created_at) values (?, ?, ?)')
      .run(id, Buffer.from('not a yjs update at all'), new Date().toISOString())
    const before = rowsOf(h, id)
    let refusal = ''
    const client = await h.connect('caseManager', id)
    client.provider.on('authenticationFailed', ({ reason }: { reason: string }) => (refusal = reason))
    client.type('an edit that must not land on an empty copy')
    await waitFor(() => refusal !== '', 3000, 'the refusal')
    expect(refusal).toBe('notebook-unavailable')
    expect(client.provider.isSynced).toBe(false)
    client.destroy()
    await new Promise((r) => setTimeout(r, 300))
    expect(rowsOf(h, id)).toEqual(before)
    expect(h.created.collab.hocuspocus.getDocumentsCount()).toBe(0)
    expect(h.created.collab.hocuspocus.loadingDocuments.size).toBe(0)
    expect(logged.some((m) => m.includes('could not be read'))).toBe(true)
  })

  test('a store that keeps failing does not keep the document in memory', async () => {
    const logged: string[] = []
    let real: NotebookStore | null = null
    const failing: NotebookStore = {
      load: (id) => real!.load(id),
      append: async () => {
        throw new Error('disk full')
      },
    }
    const h = await startHarness({ store: failing, logger: (message) => logged.push(message), storeAttempts: 2 })
    real = sqliteNotebookStore(h.t.db)
    const id = h.demo.notebookIds[0]!
    const client = await h.connect('para', id)
    await client.synced()
    client.type('this cannot be stored')
    await waitFor(() => logged.some((m) => m.includes('could not be stored')), 5000, 'the failure report')
    // The server closed the document for its editors rather than hold edits it cannot save.
    await waitFor(() => client.closes.some((c) => c.code === CLOSE_STORE_FAILED), 3000, 'the store-failed close')
    client.destroy()
    await waitFor(() => h.created.collab.hocuspocus.getDocumentsCount() === 0, 5000, 'the document to unload')
    await waitFor(() => h.created.collab.openSockets() === 0, 3000, 'the socket to close')
  })

  test('a client that disconnects while its notebook is loading leaks nothing', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    let loadStarted = false
    let real: NotebookStore | null = null
    const slow: NotebookStore = {
      load: async (id) => {
        loadStarted = true
        await gate
        return real!.load(id)
      },
      append: (...args) => real!.append(...args),
    }
    const h = await startHarness({ store: slow })
    real = sqliteNotebookStore(h.t.db)
    const id = h.demo.notebookIds[0]!
    const client = await h.connect('para', id)
    await waitFor(() => loadStarted, 3000, 'the load to start')
    client.destroy()
    await waitFor(() => h.created.collab.openSockets() === 0, 3000, 'the socket to close')
    release()
    await waitFor(
      () => h.created.collab.hocuspocus.getDocumentsCount() === 0 && h.created.collab.hocuspocus.loadingDocuments.size === 0,
      3000,
      'nothing left in memory',
    )
    await new Promise((r) => setTimeout(r, 100))
    expect(h.created.collab.hocuspocus.getDocumentsCount()).toBe(0)
    expect(h.created.collab.hocuspocus.unloadingDocuments.size).toBe(0)
  })

  test('compaction never drops an update that arrives while it runs', async () => {
    const h = await startHarness()
    const id = h.demo.notebookIds[0]!
    const doc = await loadNotebookDoc(h.t.db, id)
    for (let i = 0; i < 30; i++) {
      await appendNotebookUpdates(h.t.db, { notebookId: id, updates: [paragraphUpdate(doc, `before ${i}`)], doc, at: new Date() })
    }
    const result = await compactNotebook(h.t.db, id, {
      // Runs between the read and the write: exactly when a live edit could slip in.
      afterRead: () => appendNotebookUpdates(h.t.db, { notebookId: id, updates: [paragraphUpdate(doc, 'arrived during compaction')], doc, at: new Date() }),
    })
    expect(result.merged).toBe(31)
    expect(rowsOf(h, id)).toHaveLength(2)
    const text = fragmentText(await loadNotebookDoc(h.t.db, id))
    expect(text).toContain('arrived during compaction')
    for (let i = 0; i < 30; i++) expect(text).toContain(`before ${i}`)
    expect(text).toContain('fire drill')
  })

  test('a notebook left open is compacted while it stays open, and no word is lost', async () => {
    const h = await startHarness({ compactOpenAt: 20 })
    const id = h.demo.notebookIds[0]!
    const writer = await h.connect('para', id)
    const reader = await h.connect('parent', id)
    await Promise.all([writer.synced(), reader.synced()])
    // Bursts a little over a second apart, so each is stored on its own (debounce 300 ms, at most 1 s).
    for (let burst = 0; burst < 4; burst++) {
      for (let i = 0; i < 10; i++) writer.type(`burst ${burst} line ${i}`)
      await new Promise((r) => setTimeout(r, 1100))
    }
    await h.created.collab.idle()
    await h.created.collab.flushAll()
    await h.created.collab.idle()
    expect(h.created.collab.openSockets()).toBe(2)
    expect(rowsOf(h, id).length).toBeLessThan(20)
    const stored = fragmentText(await loadNotebookDoc(h.t.db, id))
    for (let burst = 0; burst < 4; burst++) for (let i = 0; i < 10; i++) expect(stored).toContain(`burst ${burst} line ${i}`)
    // The open editors keep working on the compacted log.
    writer.type('after compaction')
    await waitFor(() => reader.text().includes('after compaction'))
  })

  test('a new notebook’s first content comes from the server only, once, however many open it at once', async () => {
    const h = await startHarness()
    const created = await h.demo.callerFor('caseManager').notebooks.create({ studentId: h.demo.johnnyId, title: 'Bus notes' })
    const [a, b, c] = await Promise.all([
      h.connect('caseManager', created.id),
      h.connect('parent', created.id),
      h.connect('para', created.id),
    ])
    await Promise.all([a!.synced(), b!.synced(), c!.synced()])
    for (const client of [a!, b!, c!]) {
      expect(client.text().match(/Bus notes/g)).toHaveLength(1)
      expect(client.text()).toMatch(/, started /)
      expect(client.doc.getXmlFragment(NOTE_FIELD).length).toBe(2)
    }
    for (const client of [a!, b!, c!]) client.destroy()
    await waitFor(() => h.created.collab.hocuspocus.getDocumentsCount() === 0)
    expect(fragmentText(await loadNotebookDoc(h.t.db, created.id)).match(/Bus notes/g)).toHaveLength(1)
  })

  test('restoring a day is a new edit that every open editor sees, and later edits stay in the log', async () => {
    const h = await startHarness()
    const yesterday = new Date(Date.now() - 86_400_000)
    const created = await h.demo.callerFor('caseManager', yesterday).notebooks.create({ studentId: h.demo.johnnyId, title: 'Lunch' })
    const teacher = await h.connect('caseManager', created.id)
    const parent = await h.connect('parent', created.id)
    await Promise.all([teacher.synced(), parent.synced()])
    parent.type('a line from today')
    await waitFor(() => teacher.text().includes('a line from today'))
    await h.created.collab.flushAll()
    const caller = h.demo.callerFor('caseManager')
    const days = await caller.notebooks.history({ studentId: h.demo.johnnyId, notebookId: created.id })
    expect(days).toHaveLength(2)
    const oldDay = days[1]!.day
    expect(days[0]!.preview).toContain('a line from today')
    await caller.notebooks.restore({ studentId: h.demo.johnnyId, notebookId: created.id, day: oldDay })
    await waitFor(() => !parent.text().includes('a line from today') && !teacher.text().includes('a line from today'), 3000, 'the restore to reach both')
    expect(parent.text()).toContain('Lunch')
    // The restore was appended: the day's edit is still in the update log, nothing was rewritten.
    const log = h.t.sqlite.prepare('select count(*) as n from notebook_updates where notebook_id = ?').get(created.id) as { n: number }
    expect(log.n).toBeGreaterThanOrEqual(3)
    parent.type('after the restore')
    await waitFor(() => teacher.text().includes('after the restore'))
    expect(teacher.text().match(/Lunch/g)).toHaveLength(1)
  })
})
