import { browserLikeSocket } from '#tests/setup/browser-socket.ts'
import { productionEnv } from '#tests/setup/production-env.ts'
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, expect, test } from 'vitest'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as Y from 'yjs'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { seedDemo } from '#server/demo/seed.ts'
import { createLucia, SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import { NOTE_FIELD } from '#shared/notes/extensions.ts'
import { coveredBy, decodeStoredAck } from '#shared/notes/collab-protocol.ts'
import { cachedHash } from '#tests/fixtures/demo.ts'
import { fragmentText, waitFor } from './harness.ts'

/**
 * The real server process (`tsx server/index.ts`, API and /collab only) against a temporary DATABASE_PATH,
 * killed without warning: every word typed up to 2 s before the kill must be there after a restart.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-crash-'))
const children: ChildProcess[] = []
const providers: { destroy(): void }[] = []
afterEach(() => {
  for (const p of providers.splice(0)) p.destroy()
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL')
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function startServer(databasePath: string): Promise<{ child: ChildProcess; host: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', '--api-only'], {
    env: { ...productionEnv(), PORT: '0', DATABASE_PATH: databasePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const host = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output)
      if (match) resolve(`localhost:${match[1]}`)
    })
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)))
  })
  return { child, host }
}

function connect(host: string, cookie: string, notebookId: string) {
  const doc = new Y.Doc()
  const socket = new HocuspocusProviderWebsocket({ url: `ws://${host}/collab/${notebookId}`, WebSocketPolyfill: browserLikeSocket({ cookie, origin: `http://${host}` }) })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: notebookId, document: doc })
  provider.attach()
  providers.push({ destroy: () => (provider.destroy(), socket.destroy()) })
  return { doc, provider, socket }
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))))

async function preparedDatabase(name: string) {
  const file = path.join(dir, `${name}.db`)
  const { db, sqlite } = openDatabase(file)
  await migrateToLatest(db)
  const ids = await seedDemo(db, cachedHash)
  const session = await createLucia(db).createSession(ids.users.para, {})
  await db.destroy()
  if (sqlite.open) sqlite.close()
  return { file, cookie: `${SESSION_COOKIE}=${session.id}`, notebookId: ids.notebookIds[0]! }
}

test('every word typed survives a SIGKILL 2 s later', { timeout: 60_000 }, async () => {
  const { file, cookie, notebookId } = await preparedDatabase('kill')
  const first = await startServer(file)
  const writer = connect(first.host, cookie, notebookId)
  await new Promise<void>((resolve) => writer.provider.on('synced', () => resolve()))
  const words = Array.from({ length: 40 }, (_, i) => `word${i}x${Math.random().toString(36).slice(2, 7)}`)
  for (const word of words) {
    // Typed one at a time, as a person would: forty separate updates.
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(word)])
    writer.doc.getXmlFragment(NOTE_FIELD).push([p])
    await new Promise((r) => setTimeout(r, 10))
  }
  await new Promise((r) => setTimeout(r, 2000))
  first.child.kill('SIGKILL')
  await exited(first.child)
  writer.provider.destroy()
  writer.socket.destroy()

  const second = await startServer(file)
  const reader = connect(second.host, cookie, notebookId)
  await new Promise<void>((resolve) => reader.provider.on('synced', () => resolve()))
  const text = fragmentText(reader.doc)
  for (const word of words) expect(text).toContain(word)
  expect(text).toContain('fire drill')
})

test('"saved" means on disk: kill -9 right after the stored acknowledgement, 20 times, and no word is lost', { timeout: 180_000 }, async () => {
  const { file, cookie, notebookId } = await preparedDatabase('saved')
  const written: string[] = []
  let lost = 0
  for (let round = 0; round <= 20; round++) {
    const server = await startServer(file)
    const writer = connect(server.host, cookie, notebookId)
    const stored: Map<number, number>[] = []
    writer.provider.on('stateless', ({ payload }: { payload: string }) => {
      const vector = decodeStoredAck(payload)
      if (vector) stored.push(vector)
    })
    await new Promise<void>((resolve) => writer.provider.on('synced', () => resolve()))
    const text = fragmentText(writer.doc)
    lost += written.filter((word) => !text.includes(word)).length
    if (round === 20) break
    const word = `saved${round}x${Math.random().toString(36).slice(2, 7)}`
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(word)])
    writer.doc.getXmlFragment(NOTE_FIELD).push([p])
    written.push(word)
    const mine = new Map([[writer.doc.clientID, Y.getState(writer.doc.store, writer.doc.clientID)]])
    await waitFor(() => stored.some((vector) => coveredBy(mine, vector)), 5000, 'the stored acknowledgement')
    // The moment the editor would say "All changes saved".
    server.child.kill('SIGKILL')
    await exited(server.child)
    writer.provider.destroy()
    writer.socket.destroy()
  }
  expect(written).toHaveLength(20)
  expect(lost).toBe(0)
})

test('SIGTERM writes queued edits before the process exits', { timeout: 60_000 }, async () => {
  const { file, cookie, notebookId } = await preparedDatabase('term')
  const server = await startServer(file)
  const writer = connect(server.host, cookie, notebookId)
  await new Promise<void>((resolve) => writer.provider.on('synced', () => resolve()))
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText('typed right before the shutdown')])
  writer.doc.getXmlFragment(NOTE_FIELD).push([p])
  // No waiting for the one-second flush: the signal comes as soon as the server has the edit.
  await waitFor(() => writer.provider.unsyncedChanges === 0, 2000, 'the server to acknowledge the edit')
  server.child.kill('SIGTERM')
  expect(await exited(server.child)).toBe(0)
  writer.provider.destroy()
  writer.socket.destroy()
  const { db, sqlite } = openDatabase(file)
  const rows = await db.selectFrom('notebook_updates').select('update').where('notebook_id', '=', notebookId).execute()
  const doc = new Y.Doc()
  for (const r of rows) Y.applyUpdate(doc, r.update)
  expect(fragmentText(doc)).toContain('typed right before the shutdown')
  await db.destroy()
  if (sqlite.open) sqlite.close()
})
