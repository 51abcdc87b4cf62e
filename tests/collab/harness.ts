import { browserLikeSocket } from '#tests/setup/browser-socket.ts'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterEach } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { createApp, listen, type CreatedApp } from '#server/app.server.ts'
import { SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import type { CollabOptions } from '#server/collab/collab-server.server.ts'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { NOTE_FIELD } from '#shared/notes/extensions.ts'
import { seedDemoTeam, type Demo } from '#tests/fixtures/demo.ts'
import { createTestDb, type TestDb } from '#tests/setup/test-db.ts'

/** The real app (API and /collab, no pages) on a free loopback port, as the browser reaches it. */
export interface CollabHarness {
  t: TestDb
  demo: Demo
  created: CreatedApp
  server: Server
  host: string
  origin: string
  wsBase: string
  /** A session cookie header value for a demo user (a fresh Lucia session). */
  cookieFor(user: DemoUserKey | string): Promise<string>
  /** A provider signed in as `user` for a notebook; closed by `stop`. */
  connect(user: DemoUserKey | string, notebookId: string, options?: { origin?: string | null; cookie?: string | null }): Promise<Client>
  stop(): Promise<void>
}

export interface Client {
  provider: HocuspocusProvider
  doc: Y.Doc
  closes: { code: number; reason: string }[]
  /** The notebook's text as the client sees it. */
  text(): string
  /** Appends a paragraph with `words` at the end, as typing would. */
  type(words: string): void
  synced(): Promise<void>
  destroy(): void
}

/**
 * For test files that start a harness inside each test (each with its own collab options): registers the afterEach
 * that stops whatever harness the test started, and returns the function that starts it.
 */
export function harnessPerTest(): typeof startHarness {
  let running: CollabHarness | null = null
  afterEach(async () => {
    await running?.stop()
    running = null
  })
  return async (collab) => (running = await startHarness(collab))
}

export async function startHarness(collab?: Omit<CollabOptions, 'db' | 'lucia'>): Promise<CollabHarness> {
  const t = createTestDb()
  const demo = await seedDemoTeam(t)
  const created = createApp({ db: t.db, trustProxy: false, collab })
  const server = await listen(created, 0, '127.0.0.1')
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  const clients = new Set<Client>()

  const cookieFor = async (user: DemoUserKey | string) => {
    const userId = user in demo.users ? demo.users[user as DemoUserKey] : user
    const session = await created.lucia.createSession(userId, {})
    return `${SESSION_COOKIE}=${session.id}`
  }

  return {
    t,
    demo,
    created,
    server,
    host,
    origin: `http://${host}`,
    wsBase: `ws://${host}/collab`,
    cookieFor,
    async connect(user, notebookId, options = {}) {
      const cookie = options.cookie === undefined ? await cookieFor(user) : options.cookie
      const origin = options.origin === undefined ? `http://${host}` : options.origin
      const headers: Record<string, string> = {}
      if (cookie) headers.cookie = cookie
      if (origin) headers.origin = origin
      const doc = new Y.Doc()
      const closes: Client['closes'] = []
      const socket = new HocuspocusProviderWebsocket({
        url: `ws://${host}/collab/${notebookId}`,
        // The provider builds its own sockets; these carry the browser's cookie and Origin.
        WebSocketPolyfill: browserLikeSocket(headers),
        // Tests watch one attempt at a time; a refused socket retries on this short, bounded schedule.
        delay: 50,
        minDelay: 50,
        maxDelay: 200,
        onClose: ({ event }) => closes.push({ code: event.code, reason: event.reason }),
      })
      const provider = new HocuspocusProvider({ websocketProvider: socket, name: notebookId, document: doc })
      provider.attach()
      const client: Client = {
        provider,
        doc,
        closes,
        text: () => fragmentText(doc),
        type(words) {
          const fragment = doc.getXmlFragment(NOTE_FIELD)
          const paragraph = new Y.XmlElement('paragraph')
          paragraph.insert(0, [new Y.XmlText(words)])
          fragment.insert(fragment.length, [paragraph])
        },
        synced: () =>
          new Promise<void>((resolve) => {
            if (provider.isSynced) resolve()
            else provider.on('synced', () => resolve())
          }),
        destroy() {
          clients.delete(client)
          provider.destroy()
          socket.destroy()
          doc.destroy()
        },
      }
      clients.add(client)
      return client
    },
    async stop() {
      for (const c of [...clients]) c.destroy()
      await created.collab.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await t.close()
    },
  }
}

export function fragmentText(doc: Y.Doc): string {
  const out: string[] = []
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment) => {
    if (node instanceof Y.XmlText) out.push(node.toJSON())
    else for (const child of node.toArray()) walk(child as Y.XmlElement | Y.XmlText)
    if (node instanceof Y.XmlElement) out.push('\n')
  }
  walk(doc.getXmlFragment(NOTE_FIELD))
  return out.join('')
}

/** Polls `check` until it holds (or throws after `ms`). */
export async function waitFor(check: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out after ${ms} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Opens a raw WebSocket and resolves with the HTTP status of a refused upgrade, or 101 when accepted. */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      res.resume()
      ws.terminate()
    })
    ws.on('open', () => {
      resolve(101)
      ws.close()
    })
    ws.on('error', (error) => reject(error))
  })
}
