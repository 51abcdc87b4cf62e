import { CHECK_STATUSES, type CheckStatus } from '#shared/accommodation-fidelity.ts'

/**
 * The phone's outbox of accommodation taps. A tap is written here before anything is sent, so a dropped
 * connection, a closed tab or a reload loses nothing; an item leaves only once the server has answered for
 * it (saved, or refused with a reason the person is shown). One queue per signed-in person, so a shared
 * phone never sends one adult's taps under another's session.
 */
export interface QueuedCheck {
  /** Made on the phone (crypto.randomUUID): the server saves each id once, so a resend is harmless. */
  clientId: string
  studentId: string
  accommodationId: string
  date: string
  status: CheckStatus
  reason?: string
  /** For the screen only (never sent): what to name in a "not saved" message about another day. */
  title: string
  studentName: string
  queuedAt: string
}

const PREFIX = 'same-page:check-queue:'

function keyFor(userId: string): string {
  return `${PREFIX}${userId}`
}

export function isQueueKey(key: string | null, userId: string): boolean {
  return key === keyFor(userId)
}

function isQueuedCheck(value: unknown): value is QueuedCheck {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  return (
    typeof v.clientId === 'string' &&
    typeof v.studentId === 'string' &&
    typeof v.accommodationId === 'string' &&
    typeof v.date === 'string' &&
    typeof v.status === 'string' &&
    (CHECK_STATUSES as readonly string[]).includes(v.status) &&
    (v.reason === undefined || typeof v.reason === 'string') &&
    typeof v.title === 'string' &&
    typeof v.studentName === 'string' &&
    typeof v.queuedAt === 'string'
  )
}

// When the browser refuses storage (private mode, quota), the queue lives in memory for as long as the page
// is open: the person is told, and still nothing is dropped while the tab lives.
const memoryOnly = new Map<string, QueuedCheck[]>()

export function readQueue(userId: string): QueuedCheck[] {
  const held = memoryOnly.get(userId)
  if (held) return held
  try {
    const raw = window.localStorage.getItem(keyFor(userId))
    const parsed: unknown = raw === null ? [] : JSON.parse(raw)
    return Array.isArray(parsed) ? parsed.filter(isQueuedCheck) : []
  } catch {
    return []
  }
}

/** Returns false when the phone could not keep the queue (it is then held in memory only). */
function writeQueue(userId: string, items: QueuedCheck[]): boolean {
  try {
    if (items.length === 0) window.localStorage.removeItem(keyFor(userId))
    else window.localStorage.setItem(keyFor(userId), JSON.stringify(items))
    memoryOnly.delete(userId)
    return true
  } catch {
    memoryOnly.set(userId, items)
    return false
  }
}

export function enqueueCheck(userId: string, item: QueuedCheck): { stored: boolean } {
  return { stored: writeQueue(userId, [...readQueue(userId), item]) }
}

export function removeFromQueue(userId: string, clientId: string): void {
  writeQueue(
    userId,
    readQueue(userId).filter((i) => i.clientId !== clientId),
  )
}
