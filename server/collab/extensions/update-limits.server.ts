import type { afterUnloadDocumentPayload, beforeHandleMessagePayload, Extension } from '@hocuspocus/server'
import type { WebSocket } from 'ws'
import { CLOSE_TOO_LARGE, CLOSE_UNREADABLE, type RefusalReason } from '#shared/notes/collab-protocol.ts'
import { readIncomingUpdate } from '../socket-message.server.ts'
import { type CollabLogger, dropMessage, type OpenSockets } from '../sockets.server.ts'
import { type GuardLimits, NotebookGuard } from '../update-guard.server.ts'

/**
 * Every message is looked at before Hocuspocus applies it. An update is checked on the notebook's scratch copy:
 * too large, growing the notebook past its limit, or unreadable by the editor, it is refused for its sender only
 * (the socket is closed with a reason) and never applied, broadcast or stored. Stateless messages from clients
 * are dropped: only the server may say what is stored.
 */
export class UpdateLimits implements Extension {
  extensionName = 'same-page-update-limits'
  // Per open notebook: the scratch copy incoming updates are checked on.
  private readonly guards = new Map<string, NotebookGuard>()
  // Sockets whose update was refused: nothing more from them reaches a document.
  private readonly refusedSockets = new WeakSet<WebSocket>()

  constructor(private readonly o: { limits: GuardLimits; sockets: OpenSockets; logger: CollabLogger }) {}

  async beforeHandleMessage({ connection, document, documentName, update: data }: beforeHandleMessagePayload) {
    const ws = connection.webSocket
    if (this.refusedSockets.has(ws)) return dropMessage()
    const message = readIncomingUpdate(data)
    if (message.kind === 'stateless') return dropMessage()
    if (connection.readOnly) return
    if (data.byteLength > this.o.limits.maxUpdateBytes + 1024) return this.refuse(ws, 'update-too-large')
    if (message.kind === 'malformed') return this.refuse(ws, 'unreadable-update')
    if (message.kind !== 'update') return
    let guard = this.guards.get(documentName)
    if (!guard) {
      guard = new NotebookGuard(document, this.o.limits)
      this.guards.set(documentName, guard)
    }
    const verdict = guard.check(message.update)
    if (!verdict.ok) return this.refuse(ws, verdict.reason)
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    this.guards.get(documentName)?.destroy()
    this.guards.delete(documentName)
  }

  /** Closes a socket whose update the notebook cannot take; the update is never applied, broadcast or stored. */
  private refuse(ws: WebSocket, reason: RefusalReason): Promise<never> {
    if (!this.refusedSockets.has(ws)) {
      this.refusedSockets.add(ws)
      const info = this.o.sockets.info(ws)
      this.o.logger(`Notebook ${info?.notebookId ?? '?'}: refused an update from user ${info?.userId ?? '?'} (${reason})`)
      this.o.sockets.close(ws, reason === 'unreadable-update' ? CLOSE_UNREADABLE : CLOSE_TOO_LARGE, reason)
    }
    return dropMessage()
  }
}
