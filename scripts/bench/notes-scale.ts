/**
 * Notes at scale (issue #20, part 6), on loopback with the real app server (API and /collab, in this process):
 * 200 HocuspocusProvider clients on 50 notebooks at once, 4 editors on each (four people of Johnny's team, each
 * client with a session of its own), run in a worker thread so the server's event loop and heap are its own. In each round every notebook gets one edit from one of its editors, all 50
 * at the same moment; each edit is timed until all 3 other editors of its notebook have it. EDITS_EACH rounds per
 * editor. Then everyone leaves, the server unloads the documents, and the heap (after a full GC) is compared with
 * the heap before anyone connected.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { once } from 'node:events'
import { Worker } from 'node:worker_threads'
import { heapAfterGc, mb, ms, percentile, sleep } from './collab-clients.ts'
import type { EditorsAnswer, SessionOrder } from './notes-scale-editors.ts'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { seedDemo, type DemoUserKey } from '#server/demo/seed.ts'
import { createApp, listen } from '#server/app.server.ts'
import { hashPassword } from '#server/auth/password.server.ts'
import { SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import { createNotebook } from '#server/services/notebooks.server.ts'
import { NOTE_FIELD } from '#shared/notes/extensions.ts'


const NOTEBOOKS = 50
const EDITORS = 4


export async function benchNotesScale(opts: { quick?: boolean } = {}): Promise<Record<string, string | number>> {
  const editsEach = opts.quick ? 2 : 5
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-bench-notes-scale-'))
  const { db, sqlite } = openDatabase(path.join(dir, 'bench.db'))
  await migrateToLatest(db)
  const demo = await seedDemo(db, hashPassword)
  const created = createApp({ db, trustProxy: false })
  const server = await listen(created, 0, '127.0.0.1')
  const address = server.address()
  const host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const team: DemoUserKey[] = ['caseManager', 'para', 'speech', 'parent']
  const notebookIds: string[] = []
  for (let i = 0; i < NOTEBOOKS; i++) {
    notebookIds.push((await createNotebook(db, { studentId: demo.johnnyId, title: `Scale ${i + 1}`, actorId: demo.users.caseManager, now: new Date() })).id)
  }
  const cookies: string[][] = []
  for (let n = 0; n < NOTEBOOKS; n++) {
    cookies.push(await Promise.all(team.map(async (key) => `${SESSION_COOKIE}=${(await created.lucia.createSession(demo.users[key], {})).id}`)))
  }

  const allClosed = async () => {
    while (created.collab.hocuspocus.getDocumentsCount() > 0 || created.collab.openSockets() > 0) await sleep(5)
  }
  await created.collab.idle()
  const heapBefore = await heapAfterGc()

  // The editors run in a worker thread (scripts/bench/notes-scale-editors.ts): on their own event loop, as on
  // their own devices, so only the server's work is on this one, and this heap is the server's alone.
  const editorsThread = new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: { entry: new URL('./notes-scale-editors.ts', import.meta.url).href } })
  // Each order is answered once, after it is posted; `once` rejects if the thread fails instead.
  const next = async () => (await once(editorsThread, 'message'))[0] as EditorsAnswer

  // One session of editing: everyone connects, EDITS_EACH rounds, everyone leaves and the documents are unloaded.
  const session = async () => {
    const order: SessionOrder = {
      type: 'session',
      host,
      notebooks: notebookIds.map((id, n) => ({ id, cookies: cookies[n]! })),
      rounds: editsEach * EDITORS,
      field: NOTE_FIELD,
    }
    editorsThread.postMessage(order)
    const synced = await next()
    if (synced.type !== 'synced') throw new Error('The editors did not connect')
    const openSockets = created.collab.openSockets()
    editorsThread.postMessage({ type: 'edit' })
    const done = await next()
    if (done.type !== 'done') throw new Error('The editors did not finish their rounds')
    await allClosed()
    await created.collab.idle()
    return { connectTime: synced.connectTime, openSockets, latencies: done.latencies, heap: await heapAfterGc() }
  }
  const { connectTime, openSockets, latencies, heap: heapAfter } = await session()
  // A second session, the same again: memory that stays after the first but does not grow with the second is the
  // server's first use of its code paths, not something each session leaves behind.
  const { heap: heapAfterSecond } = await session()
  const stored = await db.selectFrom('notebook_updates').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()

  await editorsThread.terminate()
  await created.collab.close()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await db.destroy()
  if (sqlite.open) sqlite.close()
  fs.rmSync(dir, { recursive: true, force: true })

  const label = `${NOTEBOOKS * EDITORS} editors on ${NOTEBOOKS} notebooks`
  return {
    [`notes at scale: ${label}, all connected and synced`]: ms(connectTime),
    [`notes at scale: sockets open at once`]: openSockets,
    [`notes at scale: edit reaches the 3 other editors of its notebook, p50 (${latencies.length} edits, 50 at a time)`]: ms(percentile(latencies, 0.5)),
    'notes at scale: edit reaches the 3 other editors, p95': ms(percentile(latencies, 0.95)),
    'notes at scale: edit reaches the 3 other editors, max': ms(Math.max(...latencies)),
    'notes at scale: notebook update rows stored': stored.n,
    'notes at scale: server heap before anyone connected (after GC)': mb(heapBefore),
    'notes at scale: server heap after all left and the documents were unloaded (after GC)': mb(heapAfter),
    'notes at scale: heap difference': mb(heapAfter - heapBefore),
    'notes at scale: server heap after a second, identical session (after GC)': mb(heapAfterSecond),
    'notes at scale: heap difference after the second session, against after the first': mb(heapAfterSecond - heapAfter),
    'notes at scale: documents still in memory': created.collab.hocuspocus.getDocumentsCount(),
  }
}
