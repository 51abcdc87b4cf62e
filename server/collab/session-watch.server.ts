import type { WebSocket } from 'ws'
import type { DB } from '#db/client.server.ts'
import { checkSession, touchSession, TOUCH_EVERY_MS } from '../auth/session-limits.server.ts'
import type { CollabLogger, OpenSockets, SocketInfo } from './sockets.server.ts'

/** How often open sockets' sessions are checked against their limits. */
export const SWEEP_EVERY_MS = 20_000

/**
 * Holds notebook sockets to the same session limits as pages (server/auth/session-limits.server.ts): typing in a
 * notebook is activity, so it keeps the session alive; a session that ends (idle, or the 12-hour limit) closes its
 * sockets within one sweep, even though the person never loads another page.
 */
export class SessionWatch {
  private readonly lastTouch = new Map<string, number>()
  private readonly timer: ReturnType<typeof setInterval>
  private sweeping = false

  constructor(private readonly o: { db: DB; sockets: OpenSockets; logger: CollabLogger; everyMs?: number }) {
    this.timer = setInterval(() => void this.sweep(), o.everyMs ?? SWEEP_EVERY_MS)
    this.timer.unref()
  }

  watch(ws: WebSocket, info: SocketInfo): void {
    ws.on('message', () => {
      const now = info.now()
      const last = this.lastTouch.get(info.sessionId) ?? 0
      if (now.getTime() - last < TOUCH_EVERY_MS) return
      this.lastTouch.set(info.sessionId, now.getTime())
      touchSession(this.o.db, info.sessionId, now).catch((error: unknown) => this.o.logger('Could not record notebook activity', error))
    })
  }

  /** Checks each open session once; an ended one is deleted and its sockets closed through the hub. */
  async sweep(): Promise<void> {
    if (this.sweeping) return
    this.sweeping = true
    try {
      const seen = new Set<string>()
      for (const info of this.o.sockets.infos()) {
        if (seen.has(info.sessionId)) continue
        seen.add(info.sessionId)
        await checkSession(this.o.db, { sessionId: info.sessionId, userId: info.userId, now: info.now(), touch: false })
      }
      for (const id of this.lastTouch.keys()) if (!seen.has(id)) this.lastTouch.delete(id)
    } catch (error) {
      this.o.logger('Could not check notebook sessions', error)
    } finally {
      this.sweeping = false
    }
  }

  stop(): void {
    clearInterval(this.timer)
  }
}
