/**
 * What the notebook server and the browser editor agree on (docs/decisions/005-notes-collaboration.md):
 * the size limits, the close codes that end a socket for a reason the page explains, and the "stored"
 * acknowledgement the server sends after an edit is on disk.
 */

/** One incoming Yjs update (or any one message on the socket): a long paste fits, a flood does not. */
export const MAX_UPDATE_BYTES = 256 * 1024
/** A notebook's whole stored state (its Yjs encoding). Edits that only shrink it are always accepted. */
export const MAX_NOTEBOOK_BYTES = 5 * 1024 * 1024
/** The WebSocket frame limit: above the update limit, so an oversized edit gets a clear refusal, not a bare 1009. */
export const MAX_SOCKET_PAYLOAD_BYTES = 2 * MAX_UPDATE_BYTES

/** WebSocket close codes (4000–4999 are the application's own). */
export const CLOSE_SIGNED_OUT = 4401
/** The reason sent with CLOSE_SIGNED_OUT when a school admin switched the account off (docs/people.md). */
export const CLOSE_REASON_SWITCHED_OFF = 'switched-off'
export const CLOSE_REMOVED = 4403
export const CLOSE_ARCHIVED = 4410
/** An update the notebook cannot hold: larger than MAX_UPDATE_BYTES, or it would grow the notebook past MAX_NOTEBOOK_BYTES. */
export const CLOSE_TOO_LARGE = 4413
/** An update that would make the stored notebook unreadable by the editor. */
export const CLOSE_UNREADABLE = 4422
export const CLOSE_STORE_FAILED = 4500
/** `ws` closes with this when a frame is larger than MAX_SOCKET_PAYLOAD_BYTES. */
export const CLOSE_MESSAGE_TOO_BIG = 1009

export type RefusalReason = 'update-too-large' | 'notebook-full' | 'unreadable-update'

/**
 * The server's acknowledgement, sent as a Hocuspocus stateless message once edits are written to SQLite: the
 * stored document's state vector (Yjs client id → clock) as JSON. A client whose edits are all covered by it
 * may say "All changes saved".
 */
export const STORED_PREFIX = 'stored:'

export function encodeStoredAck(vector: ReadonlyMap<number, number>): string {
  return STORED_PREFIX + JSON.stringify(Object.fromEntries(vector))
}

/** The state vector of an acknowledgement, or null for any other stateless payload. */
export function decodeStoredAck(payload: string): Map<number, number> | null {
  if (!payload.startsWith(STORED_PREFIX)) return null
  try {
    const parsed: unknown = JSON.parse(payload.slice(STORED_PREFIX.length))
    if (!parsed || typeof parsed !== 'object') return null
    const vector = new Map<number, number>()
    for (const [client, clock] of Object.entries(parsed)) {
      if (typeof clock !== 'number' || !/^\d+$/.test(client)) return null
      vector.set(Number(client), clock)
    }
    return vector
  } catch {
    return null
  }
}

/** Whether every clock in `needed` is covered by `stored` (both client id → clock). */
export function coveredBy(needed: ReadonlyMap<number, number>, stored: ReadonlyMap<number, number>): boolean {
  for (const [client, clock] of needed) if ((stored.get(client) ?? 0) < clock) return false
  return true
}
