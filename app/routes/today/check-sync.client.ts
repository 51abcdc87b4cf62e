import type { CheckView } from '#app/utils/api-types.ts'
import { enqueueCheck, isQueueKey, readQueue, removeFromQueue, type QueuedCheck } from './check-queue.client.ts'
import { sendCheck } from './check-sender.client.ts'

/** How often waiting changes are retried while any wait (besides the `online` event and page load). */
export const RETRY_INTERVAL_MS = 10_000

export interface CheckSyncEvents {
  /** The queue as it now stands (after a tap, a send, or another tab's change). */
  queueChanged(items: QueuedCheck[]): void
  saved(item: QueuedCheck, record: CheckView): void
  refused(item: QueuedCheck, message: string): void
  /** Whether the last attempt found the session gone (changes are kept until the person signs in again). */
  signedOut(value: boolean): void
}

export interface CheckSync {
  /** Queues the change (storage first), then tries to send it. */
  record(item: QueuedCheck): { stored: boolean }
  flush(): void
  stop(): void
}

/**
 * Sends queued taps to the server, oldest first, one at a time so corrections reach it in the order they
 * were made. Stops a round at the first unanswered request and retries on `online`, on returning to the
 * tab, and every RETRY_INTERVAL_MS while anything waits.
 */
export function startCheckSync(userId: string, events: CheckSyncEvents): CheckSync {
  let running: Promise<void> | null = null
  let again = false
  let stopped = false

  const publish = () => events.queueChanged(readQueue(userId))

  async function round(): Promise<void> {
    do {
      again = false
      for (const item of readQueue(userId)) {
        if (stopped || navigator.onLine === false) return
        const outcome = await sendCheck(item)
        if (outcome.kind === 'unreachable') return
        if (outcome.kind === 'signed_out') {
          events.signedOut(true)
          return
        }
        events.signedOut(false)
        removeFromQueue(userId, item.clientId)
        if (outcome.kind === 'saved') events.saved(item, outcome.record)
        else events.refused(item, outcome.message)
        publish()
      }
    } while (again && !stopped)
  }

  function flush() {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    running = round().finally(() => {
      running = null
    })
  }

  const onStorage = (e: StorageEvent) => {
    if (isQueueKey(e.key, userId)) publish()
  }
  const onVisible = () => {
    if (document.visibilityState === 'visible') flush()
  }
  const timer = window.setInterval(() => {
    if (readQueue(userId).length > 0) flush()
  }, RETRY_INTERVAL_MS)
  window.addEventListener('online', flush)
  window.addEventListener('storage', onStorage)
  document.addEventListener('visibilitychange', onVisible)

  publish()
  flush()

  return {
    record(item) {
      const result = enqueueCheck(userId, item)
      publish()
      flush()
      return result
    },
    flush,
    stop() {
      stopped = true
      window.clearInterval(timer)
      window.removeEventListener('online', flush)
      window.removeEventListener('storage', onStorage)
      document.removeEventListener('visibilitychange', onVisible)
    },
  }
}
