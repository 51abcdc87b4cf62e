import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { Hocuspocus, type Document } from '@hocuspocus/server'
import { WebSocketServer, type WebSocket } from 'ws'
import * as Y from 'yjs'
import type { DB } from '#db/client.server.ts'
import { notebookAccess, type NotebookAccess } from '#shared/permissions.ts'
import type { AppLucia } from '../auth/lucia.server.ts'
import { isAllowedSocketOrigin } from '../auth/origin.server.ts'
import { readSession } from '../auth/session.server.ts'
import { registerCollab } from '../services/collab-hub.server.ts'
import { resolveStudentAccess } from '../services/memberships.server.ts'
import {
  CLOSE_ARCHIVED,
  CLOSE_REMOVED,
  CLOSE_SIGNED_OUT,
  CLOSE_STORE_FAILED,
  CLOSE_TOO_LARGE,
  CLOSE_UNREADABLE,
  encodeStoredAck,
  MAX_SOCKET_PAYLOAD_BYTES,
  MAX_NOTEBOOK_BYTES,
  MAX_UPDATE_BYTES,
  type RefusalReason,
} from '#shared/notes/collab-protocol.ts'
import { compactNotebook, CompactionConflict, countNotebookUpdates, sqliteNotebookStore, type AuthoredUpdate, type NotebookStore } from './notebook-store.server.ts'
import { readIncomingUpdate } from './socket-message.server.ts'
import { NotebookGuard, type GuardLimits } from './update-guard.server.ts'

export const COLLAB_PATH = '/collab'

/** WebSocket close codes the notes page explains to the person (defined with the page in shared/notes/collab-protocol.ts). */
export { CLOSE_ARCHIVED, CLOSE_REMOVED, CLOSE_SIGNED_OUT, CLOSE_STORE_FAILED, CLOSE_TOO_LARGE, CLOSE_UNREADABLE }

/** Marks edits that are already stored (a restore), so they are not appended a second time. */
const STORED_ORIGIN = Symbol('already-stored')

export interface SocketInfo {
  userId: string
  userName: string
  /** The Lucia session the socket was opened with, so signing out closes it. */
  sessionId: string
  studentId: string
  notebookId: string
  access: NotebookAccess
}

export type CollabLogger = (message: string, error?: unknown) => void

export interface CollabOptions {
  db: DB
  lucia: AppLucia
  /** Tests inject a failing store; the app uses SQLite through Kysely. */
  store?: NotebookStore
  /** Where failures are reported. Hocuspocus itself is kept quiet and never sees an error with a message. */
  logger?: CollabLogger
  now?: () => Date
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

/**
 * Hocuspocus refuses a connection when a hook throws, and logs any error that has a message through
 * console.error. Refusals are deliberate, so they carry a reason for the client and no message; real
 * failures are reported through our logger first.
 */
class Refusal extends Error {
  constructor(readonly reason: string) {
    super('')
    this.name = 'Refusal'
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Hocuspocus applies a message when its beforeHandleMessage hooks resolve, and logs through console.error and
 * resets the socket when one throws. A message we drop (the socket is closed by us, with our own code) therefore
 * waits on a promise that never settles; nothing holds it, so it is collected with the message.
 */
const dropMessage = () => new Promise<never>(() => {})

export function createCollab(options: CollabOptions): Collab {
  const { db, lucia } = options
  const store = options.store ?? sqliteNotebookStore(db)
  const logger: CollabLogger = options.logger ?? ((message, error) => console.error(message, error))
  const now = options.now ?? (() => new Date())
  const storeAttempts = options.storeAttempts ?? 3
  const compactAt = options.compactAt ?? 200
  const compactOpenAt = options.compactOpenAt ?? 1000
  const limits = options.limits ?? { maxUpdateBytes: MAX_UPDATE_BYTES, maxNotebookBytes: MAX_NOTEBOOK_BYTES }
  // One compaction per notebook at a time: a second one would only lose the race and roll back.
  const compacting = new Set<string>()

  const sockets = new Map<WebSocket, SocketInfo>()
  const pending = new Map<string, { updates: AuthoredUpdate[]; doc: Document }>()
  // Per open notebook: the scratch copy incoming updates are checked on, and the state vector known to be on disk.
  const guards = new Map<string, NotebookGuard>()
  const storedVectors = new Map<string, Map<number, number>>()
  // Sockets whose update was refused: nothing more from them reaches a document.
  const refusedSockets = new WeakSet<WebSocket>()
  const flushChains = new Map<string, Promise<void>>()
  const background = new Set<Promise<unknown>>()
  // A removal that lands while an upgrade is being checked must still win: upgrades compare sequence numbers.
  let removalSeq = 0
  const lastRemoval = new Map<string, number>()
  // The same for a sign-out and an archive: either can land while an upgrade awaits the session or the team, and the
  // socket would then open on a session that no longer exists or a notebook closed for editing. Only upgrades in
  // flight need these, so entries are dropped after a minute.
  const lastSessionEnd = new Map<string, number>()
  const lastArchive = new Map<string, number>()
  const remember = (map: Map<string, number>, key: string) => {
    const seq = ++removalSeq
    map.set(key, seq)
    setTimeout(() => {
      if (map.get(key) === seq) map.delete(key)
    }, 60_000).unref()
  }
  let closing = false

  // Above the update limit, so an oversized edit is refused with a reason the page explains (CLOSE_TOO_LARGE).
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_PAYLOAD_BYTES })

  const track = (work: Promise<unknown>) => {
    background.add(work)
    void work.finally(() => background.delete(work))
  }

  async function flushOnce(name: string): Promise<void> {
    const entry = pending.get(name)
    if (!entry || entry.updates.length === 0) return
    const updates = entry.updates.splice(0)
    // Every update the document has applied is either stored already or in this batch: once the batch is written,
    // the document as it stands now is on disk.
    const vector = Y.decodeStateVector(Y.encodeStateVector(entry.doc))
    for (let attempt = 1; ; attempt++) {
      try {
        await store.append(name, updates, entry.doc, now())
        acknowledgeStored(name, entry.doc, vector)
        return
      } catch (error) {
        if (attempt >= storeAttempts) {
          giveUp(name, error)
          return
        }
        await delay(50 * 2 ** attempt)
      }
    }
  }

  /**
   * Edits that cannot be stored must not pin the document in memory, and must not be acknowledged as safe
   * forever: the document is closed, so every client reconnects later and sends what the server lacks.
   */
  function giveUp(name: string, error: unknown) {
    logger(`Notebook ${name}: edits could not be stored; closing it so clients resend them later`, error)
    pending.delete(name)
    for (const [ws, info] of sockets) if (info.notebookId === name) closeSocket(ws, CLOSE_STORE_FAILED, 'store-failed')
  }

  /**
   * "Saved" means on disk: after a write commits (synchronous=FULL), every editor of the notebook is told the
   * stored state vector, and compares it with what it has sent (app/components/note-editor.client.tsx).
   */
  function acknowledgeStored(name: string, doc: Document, vector: Map<number, number>) {
    storedVectors.set(name, vector)
    if (!doc.isDestroyed) doc.broadcastStateless(encodeStoredAck(vector))
  }

  /** Closes a socket whose update the notebook cannot take; the update is never applied, broadcast or stored. */
  function refuseUpdate(ws: WebSocket, reason: RefusalReason): Promise<never> {
    if (!refusedSockets.has(ws)) {
      refusedSockets.add(ws)
      const info = sockets.get(ws)
      logger(`Notebook ${info?.notebookId ?? '?'}: refused an update from user ${info?.userId ?? '?'} (${reason})`)
      closeSocket(ws, reason === 'unreadable-update' ? CLOSE_UNREADABLE : CLOSE_TOO_LARGE, reason)
    }
    return dropMessage()
  }

  function flush(name: string): Promise<void> {
    const previous = flushChains.get(name) ?? Promise.resolve()
    const next = previous.then(() => flushOnce(name))
    flushChains.set(name, next)
    void next.finally(() => {
      if (flushChains.get(name) === next) flushChains.delete(name)
    })
    return next
  }

  async function flushAll(): Promise<void> {
    await Promise.all([...pending.keys()].map((name) => flush(name)))
  }

  function closeSocket(ws: WebSocket, code: number, reason: string, options: { keepLastMessages?: boolean } = {}) {
    ws.close(code, reason)
    // A closing socket still delivers what its client sent before reading our close frame (and a client may ignore
    // it for the second before terminate): once the server has decided to close it — removed from the team,
    // archived, signed out — nothing more from it may reach the document. Hocuspocus reads it through 'message'.
    // A shutdown keeps them: they are the person's own edits, still theirs to save.
    if (!options.keepLastMessages) ws.removeAllListeners('message')
    // A client that never answers the close handshake is cut off anyway.
    setTimeout(() => ws.terminate(), 1000).unref()
  }

  async function compactLater(name: string, threshold: number) {
    if (compacting.has(name)) return
    compacting.add(name)
    try {
      if ((await countNotebookUpdates(db, name)) < threshold) return
      await compactNotebook(db, name, { at: now() })
    } catch (error) {
      if (error instanceof CompactionConflict) return
      logger(`Notebook ${name}: compaction failed; the update log is kept as it is`, error)
    } finally {
      compacting.delete(name)
    }
  }

  const hocuspocus = new Hocuspocus({
    quiet: true,
    // Every edit is on disk at most a second after it arrives (debounce 300 ms, never more than 1 s).
    debounce: 300,
    maxDebounce: 1000,
    extensions: [
      {
        extensionName: 'same-page-notebooks',
        async onAuthenticate({ documentName, context, connectionConfig }) {
          const info = context as SocketInfo
          // A socket is opened for one notebook; it cannot be reused to reach another.
          if (documentName !== info.notebookId) throw new Refusal('forbidden')
          connectionConfig.readOnly = info.access !== 'edit'
          return { user: { id: info.userId, name: info.userName } }
        },
        async onLoadDocument({ documentName, document }) {
          let stored: Y.Doc
          try {
            stored = await store.load(documentName)
          } catch (error) {
            // Serving an empty document here would let the first client's sync overwrite the real one.
            logger(`Notebook ${documentName}: its stored state could not be read; refusing to open it`, error)
            throw new Refusal('notebook-unavailable')
          }
          Y.applyUpdate(document, Y.encodeStateAsUpdate(stored))
          stored.destroy()
          storedVectors.set(documentName, Y.decodeStateVector(Y.encodeStateVector(document)))
        },
        async connected({ documentName, connection }) {
          // A new editor learns at once what is on disk, so a client with nothing to send can say "saved".
          const vector = storedVectors.get(documentName)
          if (vector) connection.sendStateless(encodeStoredAck(vector))
        },
        /**
         * Every message is looked at before Hocuspocus applies it. An update is checked on the notebook's
         * scratch copy: too large, growing the notebook past its limit, or unreadable by the editor, it is refused
         * for its sender only (the socket is closed with a reason) and never applied, broadcast or stored.
         * Stateless messages from clients are dropped: only the server may say what is stored.
         */
        async beforeHandleMessage({ connection, document, documentName, update: data }) {
          const ws = connection.webSocket
          if (refusedSockets.has(ws)) return dropMessage()
          const message = readIncomingUpdate(data)
          if (message.kind === 'stateless') return dropMessage()
          if (connection.readOnly) return
          if (data.byteLength > limits.maxUpdateBytes + 1024) return refuseUpdate(ws, 'update-too-large')
          if (message.kind === 'malformed') return refuseUpdate(ws, 'unreadable-update')
          if (message.kind !== 'update') return
          let guard = guards.get(documentName)
          if (!guard) {
            guard = new NotebookGuard(document, limits)
            guards.set(documentName, guard)
          }
          const verdict = guard.check(message.update)
          if (!verdict.ok) return refuseUpdate(ws, verdict.reason)
        },
        async onChange({ documentName, update, document, transactionOrigin, context }) {
          if (transactionOrigin === STORED_ORIGIN) return
          let entry = pending.get(documentName)
          if (!entry) {
            entry = { updates: [], doc: document }
            pending.set(documentName, entry)
          }
          // Each stored row keeps who sent it (docs/decisions/005-notes-collaboration.md, authorship).
          entry.updates.push({ update, userId: (context as Partial<SocketInfo>).userId ?? null })
        },
        async onStoreDocument({ documentName }) {
          await flush(documentName)
          // A notebook left open all day would otherwise keep one row per edit until it closes. Rows
          // appended while this runs have higher ids and are kept (compactNotebook).
          if (!closing) track(compactLater(documentName, compactOpenAt))
        },
        async afterUnloadDocument({ documentName }) {
          pending.delete(documentName)
          guards.get(documentName)?.destroy()
          guards.delete(documentName)
          storedVectors.delete(documentName)
          if (!closing) track(compactLater(documentName, compactAt))
        },
      },
    ],
  })

  const unregister = registerCollab({
    memberRemoved(studentId, userId) {
      lastRemoval.set(`${studentId}:${userId}`, ++removalSeq)
      for (const [ws, info] of sockets) {
        if (info.studentId === studentId && info.userId === userId) closeSocket(ws, CLOSE_REMOVED, 'removed-from-team')
      }
    },
    notebookArchived(notebookId) {
      remember(lastArchive, notebookId)
      for (const [ws, info] of sockets) if (info.notebookId === notebookId) closeSocket(ws, CLOSE_ARCHIVED, 'archived')
    },
    sessionEnded(sessionId) {
      remember(lastSessionEnd, sessionId)
      for (const [ws, info] of sockets) if (info.sessionId === sessionId) closeSocket(ws, CLOSE_SIGNED_OUT, 'signed-out')
    },
    flush,
    applyStored(notebookId, update) {
      const document = hocuspocus.documents.get(notebookId)
      if (!document) return
      Y.applyUpdate(document, update, STORED_ORIGIN)
      // The restore is on disk already: what was stored before, plus it.
      const before = storedVectors.get(notebookId)
      const merged = new Map(before ?? [])
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) merged.set(client, Math.max(clock, merged.get(client) ?? 0))
      acknowledgeStored(notebookId, document, merged)
    },
  })

  function refuse(socket: Duplex, status: number, text: string) {
    const body = `${text}\n`
    socket.end(
      `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    )
  }

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const match = /^\/collab\/([A-Za-z0-9_-]{1,64})$/.exec(url.pathname)
    if (!match) return refuse(socket, 404, 'Not Found')
    if (closing) return refuse(socket, 503, 'Service Unavailable')
    if (!isAllowedSocketOrigin(request.headers.origin, request.headers.host)) return refuse(socket, 403, 'Forbidden')
    const seq = removalSeq
    const { user, sessionId } = await readSession(lucia, request.headers.cookie)
    if (!user) return refuse(socket, 401, 'Unauthorized')
    const notebookId = match[1]!
    const notebook = await db
      .selectFrom('notebooks')
      .select(['id', 'student_id', 'archived_at'])
      .where('id', '=', notebookId)
      .executeTakeFirst()
    const access = notebook ? await resolveStudentAccess(db, user.id, notebook.student_id) : null
    const level = access ? notebookAccess(access.role) : 'none'
    // Not on the team and no such notebook look the same: nothing is revealed about either.
    if (!notebook || level === 'none') return refuse(socket, 404, 'Not Found')
    if (notebook.archived_at) return refuse(socket, 410, 'Gone')
    if ((lastRemoval.get(`${notebook.student_id}:${user.id}`) ?? 0) > seq) return refuse(socket, 404, 'Not Found')
    if ((lastSessionEnd.get(sessionId) ?? 0) > seq) return refuse(socket, 401, 'Unauthorized')
    if ((lastArchive.get(notebookId) ?? 0) > seq) return refuse(socket, 410, 'Gone')
    if (closing || socket.destroyed) return refuse(socket, 503, 'Service Unavailable')
    wss.handleUpgrade(request, socket, head, (ws) => {
      const info: SocketInfo = { userId: user.id, userName: user.name, sessionId, studentId: notebook.student_id, notebookId, access: level }
      sockets.set(ws, info)
      ws.on('close', () => sockets.delete(ws))
      ws.on('error', (error) => logger(`Notebook ${notebookId}: socket error`, error))
      hocuspocus.handleConnection(ws, request, info)
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
    flushAll,
    async close() {
      closing = true
      await flushAll()
      for (const ws of sockets.keys()) closeSocket(ws, 1001, 'server-shutting-down', { keepLastMessages: true })
      // Closing sockets runs Hocuspocus's last store for each document; wait for those, then flush again.
      for (let i = 0; i < 50 && (hocuspocus.getDocumentsCount() > 0 || sockets.size > 0); i++) await delay(20)
      await flushAll()
      await Promise.all([...background])
      unregister()
      wss.close()
    },
    async idle() {
      while (background.size) await Promise.all([...background])
    },
  }
}
