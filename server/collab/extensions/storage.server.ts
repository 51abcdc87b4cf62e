import type { afterUnloadDocumentPayload, connectedPayload, Document, Extension, onChangePayload, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server'
import * as Y from 'yjs'
import { CLOSE_STORE_FAILED, encodeStoredAck } from '#shared/notes/collab-protocol.ts'
import type { AuthoredUpdate, NotebookStore } from '../notebook-store.server.ts'
import { type CollabLogger, type OpenSockets, Refusal, type SocketInfo } from '../sockets.server.ts'

/** Marks edits that are already stored (a restore), so they are not appended a second time. */
const STORED_ORIGIN = Symbol('already-stored')

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Notebooks on disk: a document opens from its stored state, every edit is queued with its author and appended
 * when Hocuspocus stores the document, and editors are told what is on disk once it is.
 */
export class NotebookStorage implements Extension {
  extensionName = 'same-page-storage'
  private readonly pending = new Map<string, { updates: AuthoredUpdate[]; doc: Document }>()
  // Per open notebook: the state vector known to be on disk.
  private readonly storedVectors = new Map<string, Map<number, number>>()
  private readonly flushChains = new Map<string, Promise<void>>()

  constructor(
    private readonly o: {
      store: NotebookStore
      sockets: OpenSockets
      logger: CollabLogger
      now: () => Date
      /** How many times one flush is tried before the document is dropped from memory (clients keep their copy). */
      storeAttempts: number
    },
  ) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
    let stored: Y.Doc
    try {
      stored = await this.o.store.load(documentName)
    } catch (error) {
      // Serving an empty document here would let the first client's sync overwrite the real one.
      this.o.logger(`Notebook ${documentName}: its stored state could not be read; refusing to open it`, error)
      throw new Refusal('notebook-unavailable')
    }
    Y.applyUpdate(document, Y.encodeStateAsUpdate(stored))
    stored.destroy()
    this.storedVectors.set(documentName, Y.decodeStateVector(Y.encodeStateVector(document)))
  }

  async connected({ documentName, connection }: connectedPayload) {
    // A new editor learns at once what is on disk, so a client with nothing to send can say "saved".
    const vector = this.storedVectors.get(documentName)
    if (vector) connection.sendStateless(encodeStoredAck(vector))
  }

  async onChange({ documentName, update, document, transactionOrigin, context }: onChangePayload) {
    if (transactionOrigin === STORED_ORIGIN) return
    let entry = this.pending.get(documentName)
    if (!entry) {
      entry = { updates: [], doc: document }
      this.pending.set(documentName, entry)
    }
    // Each stored row keeps who sent it (docs/decisions/005-notes-collaboration.md, authorship).
    entry.updates.push({ update, userId: (context as Partial<SocketInfo>).userId ?? null })
  }

  async onStoreDocument({ documentName }: onStoreDocumentPayload) {
    await this.flush(documentName)
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    this.pending.delete(documentName)
    this.storedVectors.delete(documentName)
  }

  /** Writes the notebook's queued edits, after any write already under way for it. */
  flush(name: string): Promise<void> {
    const previous = this.flushChains.get(name) ?? Promise.resolve()
    const next = previous.then(() => this.flushOnce(name))
    this.flushChains.set(name, next)
    void next.finally(() => {
      if (this.flushChains.get(name) === next) this.flushChains.delete(name)
    })
    return next
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((name) => this.flush(name)))
  }

  /** A restore already written to disk, applied to the open document without being queued again. */
  applyStored(document: Document, update: Uint8Array): void {
    Y.applyUpdate(document, update, STORED_ORIGIN)
    // The restore is on disk already: what was stored before, plus it.
    const merged = new Map(this.storedVectors.get(document.name) ?? [])
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) merged.set(client, Math.max(clock, merged.get(client) ?? 0))
    this.acknowledgeStored(document.name, document, merged)
  }

  private async flushOnce(name: string): Promise<void> {
    const entry = this.pending.get(name)
    if (!entry || entry.updates.length === 0) return
    const updates = entry.updates.splice(0)
    // Every update the document has applied is either stored already or in this batch: once the batch is written,
    // the document as it stands now is on disk.
    const vector = Y.decodeStateVector(Y.encodeStateVector(entry.doc))
    for (let attempt = 1; ; attempt++) {
      try {
        await this.o.store.append(name, updates, entry.doc, this.o.now())
        this.acknowledgeStored(name, entry.doc, vector)
        return
      } catch (error) {
        if (attempt >= this.o.storeAttempts) {
          this.giveUp(name, error)
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
  private giveUp(name: string, error: unknown) {
    this.o.logger(`Notebook ${name}: edits could not be stored; closing it so clients resend them later`, error)
    this.pending.delete(name)
    this.o.sockets.closeWhere((info) => info.notebookId === name, CLOSE_STORE_FAILED, 'store-failed')
  }

  /**
   * "Saved" means on disk: after a write commits (synchronous=FULL), every editor of the notebook is told the
   * stored state vector, and compares it with what it has sent (app/routes/notes/note-editor.client.tsx).
   */
  private acknowledgeStored(name: string, doc: Document, vector: Map<number, number>) {
    this.storedVectors.set(name, vector)
    if (!doc.isDestroyed) doc.broadcastStateless(encodeStoredAck(vector))
  }
}
