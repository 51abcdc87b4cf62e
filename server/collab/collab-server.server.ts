import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { Hocuspocus } from '@hocuspocus/server'
import { WebSocketServer } from 'ws'
import type { DB } from '#db/client.server.ts'
import {
  CLOSE_ARCHIVED,
  CLOSE_REMOVED,
  CLOSE_SIGNED_OUT,
  CLOSE_STORE_FAILED,
  CLOSE_TOO_LARGE,
  CLOSE_UNREADABLE,
  MAX_SOCKET_PAYLOAD_BYTES,
  MAX_NOTEBOOK_BYTES,
  MAX_UPDATE_BYTES,
} from '#shared/notes/collab-protocol.ts'
import type { AppLucia } from '../auth/lucia.server.ts'
import { registerCollab } from '../services/collab-hub.server.ts'
import { NotebookAccessGate } from './extensions/access.server.ts'
import { Compaction } from './extensions/compaction.server.ts'
import { NotebookStorage } from './extensions/storage.server.ts'
import { UpdateLimits } from './extensions/update-limits.server.ts'
import { SessionWatch } from './session-watch.server.ts'
import { sqliteNotebookStore, type NotebookStore } from './notebook-store.server.ts'
import { type CollabLogger, OpenSockets } from './sockets.server.ts'
import type { GuardLimits } from './update-guard.server.ts'

export type { CollabLogger } from './sockets.server.ts'

export const COLLAB_PATH = '/collab'

/** WebSocket close codes the notes page explains to the person (defined with the page in shared/notes/collab-protocol.ts). */
export { CLOSE_ARCHIVED, CLOSE_REMOVED, CLOSE_SIGNED_OUT, CLOSE_STORE_FAILED, CLOSE_TOO_LARGE, CLOSE_UNREADABLE }

export interface CollabOptions {
  db: DB
  lucia: AppLucia
  /** Tests inject a failing store; the app uses SQLite through Kysely. */
  store?: NotebookStore
  /** Where failures are reported. Hocuspocus itself is kept quiet and never sees an error with a message. */
  logger?: CollabLogger
  now?: () => Date
  /** The clock for one upgrade request, from its Cookie header (the test clock); the app's clock otherwise. */
  clockFor?: (cookieHeader: string | undefined) => () => Date
  /** How often open sockets' sessions are checked against their limits (tests use a short one). */
  sessionSweepMs?: number
  /** How many times one flush is tried before the document is dropped from memory (clients keep their copy). */
  storeAttempts?: number
  /** Compaction after a notebook closes, once it has this many stored rows. */
  compactAt?: number
  /** Compaction while a notebook stays open, once it has this many stored rows (a notebook open all day). */
  compactOpenAt?: number
  /** Size limits for one update and one notebook (tests use small ones; the app uses shared/notes/collab-protocol.ts). */
  limits?: GuardLimits
}

export interface Collab {
  hocuspocus: Hocuspocus
  /** For `server.on('upgrade', …)`: answers /collab/:notebookId and refuses everything else. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void
  openSockets(): number
  /** Writes every queued edit now (shutdown, tests). */
  flushAll(): Promise<void>
  /** Stops accepting, flushes, closes every socket and waits for background work. */
  close(): Promise<void>
  /** Background compactions still running (tests wait for them). */
  idle(): Promise<void>
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function refuse(socket: Duplex, status: number, text: string) {
  const body = `${text}\n`
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

/**
 * The notebooks' WebSocket server: the upgrade and the sockets are ours, the documents are Hocuspocus's, and what
 * happens to them is the extensions' (docs/decisions/012-collab-extensions.md).
 */
export function createCollab(options: CollabOptions): Collab {
  const { db, lucia } = options
  const logger: CollabLogger = options.logger ?? ((message, error) => console.error(message, error))
  const now = options.now ?? (() => new Date())
  let closing = false

  const sockets = new OpenSockets()
  const access = new NotebookAccessGate({ db, lucia, sockets, clockFor: options.clockFor ?? (() => now) })
  const sessionWatch = new SessionWatch({ db, sockets, logger, everyMs: options.sessionSweepMs })
  const limits = new UpdateLimits({ limits: options.limits ?? { maxUpdateBytes: MAX_UPDATE_BYTES, maxNotebookBytes: MAX_NOTEBOOK_BYTES }, sockets, logger })
  const storage = new NotebookStorage({ store: options.store ?? sqliteNotebookStore(db), sockets, logger, now, storeAttempts: options.storeAttempts ?? 3 })
  const compaction = new Compaction({ db, logger, now, compactAt: options.compactAt ?? 200, compactOpenAt: options.compactOpenAt ?? 1000, closing: () => closing })

  const hocuspocus = new Hocuspocus({
    quiet: true,
    // Every edit is on disk at most a second after it arrives (debounce 300 ms, never more than 1 s).
    debounce: 300,
    maxDebounce: 1000,
    // Hooks run in this order, each after the one before has settled: compaction only once storage has flushed.
    extensions: [access, limits, storage, compaction],
  })

  // Above the update limit, so an oversized edit is refused with a reason the page explains (CLOSE_TOO_LARGE).
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_PAYLOAD_BYTES })

  const unregister = registerCollab({
    memberRemoved: (studentId, userId) => access.memberRemoved(studentId, userId),
    notebookArchived: (notebookId) => access.notebookArchived(notebookId),
    sessionEnded: (sessionId) => access.sessionEnded(sessionId),
    userDeactivated: (userId) => access.userDeactivated(userId),
    flush: (notebookId) => storage.flush(notebookId),
    applyStored(notebookId, update) {
      const document = hocuspocus.documents.get(notebookId)
      if (document) storage.applyStored(document, update)
    },
  })

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const match = /^\/collab\/([A-Za-z0-9_-]{1,64})$/.exec(url.pathname)
    if (!match) return refuse(socket, 404, 'Not Found')
    if (closing) return refuse(socket, 503, 'Service Unavailable')
    const notebookId = match[1]!
    const admitted = await access.admit(request, notebookId)
    if ('turned' in admitted) return refuse(socket, admitted.turned.status, admitted.turned.text)
    if (closing || socket.destroyed) return refuse(socket, 503, 'Service Unavailable')
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws, admitted.info)
      sessionWatch.watch(ws, admitted.info)
      ws.on('error', (error) => logger(`Notebook ${notebookId}: socket error`, error))
      hocuspocus.handleConnection(ws, request, admitted.info)
    })
  }

  return {
    hocuspocus,
    handleUpgrade(request, socket, head) {
      // A reset during the handshake must not crash the process.
      socket.on('error', () => socket.destroy())
      upgrade(request, socket, head).catch((error: unknown) => {
        logger('Collaboration upgrade failed', error)
        if (!socket.destroyed) refuse(socket, 500, 'Internal Server Error')
      })
    },
    openSockets: () => sockets.size,
    flushAll: () => storage.flushAll(),
    async close() {
      closing = true
      sessionWatch.stop()
      await storage.flushAll()
      sockets.closeAll(1001, 'server-shutting-down')
      // Closing sockets runs Hocuspocus's last store for each document; wait for those, then flush again.
      for (let i = 0; i < 50 && (hocuspocus.getDocumentsCount() > 0 || sockets.size > 0); i++) await delay(20)
      await storage.flushAll()
      await compaction.idle()
      unregister()
      wss.close()
    },
    idle: () => compaction.idle(),
  }
}
