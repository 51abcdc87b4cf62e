/**
 * Benchmark for co-edited notes (issue #7), on loopback with the real app server (API and /collab):
 * - fan-out: 20 clients on one notebook; for each edit, the time until every other client has it (median, p95);
 * - open time for a notebook with 10,000 stored updates, before and after compaction (median of 5 opens);
 * - server heap after 500 notebooks were each opened once and closed (after a full GC).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { connectNotebook, heapAfterGc, mb, median, ms, percentile, sleep } from './collab-clients.ts'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { seedDemo, type DemoUserKey } from '#server/demo/seed.ts'
import { createApp, listen } from '#server/app.server.ts'
import { hashPassword } from '#server/auth/password.server.ts'
import { SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import { appendNotebookUpdates, compactNotebook, countNotebookUpdates, loadNotebookDoc } from '#server/collab/notebook-store.server.ts'
import { createNotebook } from '#server/services/notebooks.server.ts'
import { NOTE_FIELD } from '#shared/notes/extensions.ts'




export async function benchNotes(): Promise<Record<string, string | number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-bench-notes-'))
  const { db, sqlite } = openDatabase(path.join(dir, 'bench.db'))
  await migrateToLatest(db)
  const demo = await seedDemo(db, hashPassword)
  // Compaction only when the bench asks for it, so "before" really reads 10,000 rows.
  const created = createApp({ db, trustProxy: false, collab: { compactAt: Number.POSITIVE_INFINITY } })
  const server = await listen(created, 0, '127.0.0.1')
  const address = server.address()
  const host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const team: DemoUserKey[] = ['caseManager', 'para', 'speech', 'parent', 'ot']
  const cookies = await Promise.all(team.map(async (key) => `${SESSION_COOKIE}=${(await created.lucia.createSession(demo.users[key], {})).id}`))

  const connect = (notebookId: string, cookie: string) => connectNotebook(host, notebookId, cookie)
  const allClosed = async () => {
    while (created.collab.hocuspocus.getDocumentsCount() > 0 || created.collab.openSockets() > 0) await sleep(5)
  }

  // 1. Fan-out to 20 clients.
  const fanout = await createNotebook(db, { studentId: demo.johnnyId, title: 'Bench fan-out', actorId: demo.users.caseManager, now: new Date() })
  const clients = Array.from({ length: 20 }, (_, i) => connect(fanout.id, cookies[i % cookies.length]!))
  await Promise.all(clients.map((c) => c.synced))
  const latencies: number[] = []
  for (let edit = 0; edit < 200; edit++) {
    const writer = clients[edit % clients.length]!
    const target = writer.doc.getXmlFragment(NOTE_FIELD).length + 1
    const started = performance.now()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(`edit ${edit}`)])
    writer.doc.getXmlFragment(NOTE_FIELD).push([paragraph])
    while (!clients.every((c) => c.doc.getXmlFragment(NOTE_FIELD).length >= target)) await new Promise((r) => setImmediate(r))
    latencies.push(performance.now() - started)
  }
  for (const c of clients) c.destroy()
  await allClosed()

  // 2. Opening a notebook with 10,000 stored updates, then after compaction.
  const big = await createNotebook(db, { studentId: demo.johnnyId, title: 'Bench 10k', actorId: demo.users.caseManager, now: new Date() })
  const doc = await loadNotebookDoc(db, big.id)
  let pending: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => pending.push(u))
  const paragraph = new Y.XmlElement('paragraph')
  doc.getXmlFragment(NOTE_FIELD).push([paragraph])
  const textNode = new Y.XmlText()
  paragraph.insert(0, [textNode])
  while ((await countNotebookUpdates(db, big.id)) < 10_000) {
    // One keystroke per update, as typing produces them; stored in batches of 500 rows.
    for (let i = 0; i < 500; i++) textNode.insert(textNode.length, 'abcdefghij'[i % 10]!)
    await appendNotebookUpdates(db, { notebookId: big.id, updates: pending, doc, at: new Date() })
    pending = []
  }
  const rowsBefore = await countNotebookUpdates(db, big.id)
  const openTimes = async () => {
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      const c = connect(big.id, cookies[0]!)
      await c.synced
      times.push(performance.now() - started)
      c.destroy()
      await allClosed()
    }
    return median(times)
  }
  const openBefore = await openTimes()
  const compactStarted = performance.now()
  await compactNotebook(db, big.id)
  const compactTime = performance.now() - compactStarted
  const openAfter = await openTimes()
  doc.destroy()

  // 3. 500 notebooks opened once and closed.
  const ids: string[] = []
  for (let i = 0; i < 500; i++) {
    ids.push((await createNotebook(db, { studentId: demo.johnnyId, title: `Bench ${i}`, actorId: demo.users.caseManager, now: new Date() })).id)
  }
  const heapBefore = await heapAfterGc()
  for (const id of ids) {
    const c = connect(id, cookies[1]!)
    await c.synced
    c.destroy()
  }
  await allClosed()
  await created.collab.idle()
  const heapAfter = await heapAfterGc()

  await created.collab.close()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await db.destroy()
  if (sqlite.open) sqlite.close()
  fs.rmSync(dir, { recursive: true, force: true })

  return {
    'notes: edit reaches all 19 other clients, median (200 edits)': ms(median(latencies)),
    'notes: edit reaches all 19 other clients, p95': ms(percentile(latencies, 0.95)),
    [`notes: open a notebook with ${rowsBefore} stored updates, median of 5`]: ms(openBefore),
    'notes: compaction of those updates into one row': ms(compactTime),
    'notes: open the same notebook after compaction, median of 5': ms(openAfter),
    'notes: server heap before opening 500 notebooks (after GC)': mb(heapBefore),
    'notes: server heap after 500 notebooks opened once and closed (after GC)': mb(heapAfter),
    'notes: documents still in memory after those 500': created.collab.hocuspocus.getDocumentsCount(),
  }
}
