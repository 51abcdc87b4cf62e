import type { CheckView } from '#app/utils/api-types.ts'
import type { CheckChoice } from '#shared/accommodation-fidelity.ts'
import type { QueuedCheck } from './check-queue.client.ts'

/** What one accommodation's row shows for a day: the latest choice, and whether the server has it yet. */
export interface ShownCheck {
  status: CheckChoice
  reason: string | null
  recordedBy: string
  recordedAt: string
  late: boolean
  /** Kept on this phone, not yet confirmed by the server. */
  pending: boolean
}

export function checkKey(accommodationId: string, date: string): string {
  return `${accommodationId}|${date}`
}

/**
 * The newest of (none when that newest is an undo, `cleared`): a tap still waiting in the queue (always the newest: it was made on this phone after the
 * page's data), a record the server confirmed since the page loaded, and the record the page loaded with.
 */
export function shownCheck({
  loaded,
  confirmed,
  waiting,
  me,
  today,
}: {
  loaded: CheckView | null
  confirmed: CheckView | undefined
  /** This accommodation's queued taps for the day, oldest first. */
  waiting: readonly QueuedCheck[]
  me: string
  today: string
}): ShownCheck | null {
  const last = waiting.at(-1)
  if (last) {
    if (last.status === 'cleared') return null
    return {
      status: last.status,
      reason: last.reason ?? null,
      recordedBy: me,
      recordedAt: last.queuedAt,
      late: last.date < today,
      pending: true,
    }
  }
  const newest = confirmed && (!loaded || confirmed.recordedAt >= loaded.recordedAt) ? confirmed : loaded
  return newest && newest.status !== 'cleared' ? { status: newest.status, reason: newest.reason, recordedBy: newest.recordedBy, recordedAt: newest.recordedAt, late: newest.late, pending: false } : null
}
