import type { WebSocket } from 'ws'
import type { NotebookAccess } from '#shared/permissions.ts'

export interface SocketInfo {
  userId: string
  userName: string
  /** The Lucia session the socket was opened with, so signing out closes it. */
  sessionId: string
  studentId: string
  notebookId: string
  access: NotebookAccess
  /** The clock of the request that opened the socket (a test browser's own day), for the session's limits. */
  now: () => Date
}

export type CollabLogger = (message: string, error?: unknown) => void

/**
 * Hocuspocus refuses a connection when a hook throws, and logs any error that has a message through
 * console.error. Refusals are deliberate, so they carry a reason for the client and no message; real
 * failures are reported through our logger first.
 */
export class Refusal extends Error {
  constructor(readonly reason: string) {
    super('')
    this.name = 'Refusal'
  }
}

/**
 * Hocuspocus applies a message when its beforeHandleMessage hooks resolve, and logs through console.error and
 * resets the socket when one throws. A message we drop (the socket is closed by us, with our own code) therefore
 * waits on a promise that never settles; nothing holds it, so it is collected with the message.
 */
export const dropMessage = () => new Promise<never>(() => {})

/** The open notebook sockets and who each speaks for: every extension that closes a socket closes it here. */
export class OpenSockets {
  private readonly sockets = new Map<WebSocket, SocketInfo>()

  add(ws: WebSocket, info: SocketInfo): void {
    this.sockets.set(ws, info)
    ws.on('close', () => this.sockets.delete(ws))
  }

  get size(): number {
    return this.sockets.size
  }

  infos(): IterableIterator<SocketInfo> {
    return this.sockets.values()
  }

  info(ws: WebSocket): SocketInfo | undefined {
    return this.sockets.get(ws)
  }

  close(ws: WebSocket, code: number, reason: string, options: { keepLastMessages?: boolean } = {}): void {
    ws.close(code, reason)
    // A closing socket still delivers what its client sent before reading our close frame (and a client may ignore
    // it for the second before terminate): once the server has decided to close it — removed from the team,
    // archived, signed out — nothing more from it may reach the document. Hocuspocus reads it through 'message'.
    // A shutdown keeps them: they are the person's own edits, still theirs to save.
    if (!options.keepLastMessages) ws.removeAllListeners('message')
    // A client that never answers the close handshake is cut off anyway.
    setTimeout(() => ws.terminate(), 1000).unref()
  }

  closeWhere(match: (info: SocketInfo) => boolean, code: number, reason: string): void {
    for (const [ws, info] of this.sockets) if (match(info)) this.close(ws, code, reason)
  }

  /** A shutdown: every socket closes, and what its client had already sent is still stored. */
  closeAll(code: number, reason: string): void {
    for (const ws of this.sockets.keys()) this.close(ws, code, reason, { keepLastMessages: true })
  }
}
