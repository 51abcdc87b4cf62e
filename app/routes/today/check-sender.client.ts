import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client'
import type { AppRouter } from '#server/trpc/_app.server.ts'
import type { CheckView } from '#app/utils/api-types.ts'
import type { QueuedCheck } from './check-queue.client.ts'

// A request on classroom Wi-Fi can hang for minutes; give up after this and try again on the next round.
const REQUEST_TIMEOUT_MS = 15_000

function fetchWithTimeout(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  // Older phone browsers lack AbortSignal.timeout/any: there the request simply has no deadline of its own.
  if (typeof AbortSignal.timeout !== 'function') return fetch(input, init)
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS)
  const signal = init?.signal && typeof AbortSignal.any === 'function' ? AbortSignal.any([init.signal, timeout]) : (init?.signal ?? timeout)
  return fetch(input, { ...init, signal })
}

// The browser sends the session cookie and a same-site Origin header with every fetch, as /api/trpc requires.
const client = createTRPCClient<AppRouter>({
  links: [httpLink({ url: '/api/trpc', fetch: fetchWithTimeout })],
})

export type SendOutcome =
  /** Saved now, or already saved by an earlier send of the same client id. */
  | { kind: 'saved'; record: CheckView }
  /** The server answered and will never accept this change as it is: it leaves the queue and the person is told. */
  | { kind: 'refused'; message: string }
  /** The session ended: keep everything and ask the person to sign in again. */
  | { kind: 'signed_out' }
  /** No answer (offline, timeout, a server hiccup): keep it and try again later. */
  | { kind: 'unreachable' }

// The refusals a resend cannot change. Anything else (timeouts, rate limits, 5xx) is worth retrying.
const REFUSALS = new Set(['BAD_REQUEST', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'UNPROCESSABLE_CONTENT', 'PAYLOAD_TOO_LARGE'])

export async function sendCheck(item: QueuedCheck): Promise<SendOutcome> {
  try {
    const record = await client.checks.record.mutate({
      clientId: item.clientId,
      studentId: item.studentId,
      accommodationId: item.accommodationId,
      date: item.date,
      status: item.status,
      reason: item.reason,
    })
    return { kind: 'saved', record }
  } catch (error) {
    if (!(error instanceof TRPCClientError) || !error.data) return { kind: 'unreachable' }
    const data = (error as TRPCClientError<AppRouter>).data
    if (data?.code === 'UNAUTHORIZED') return { kind: 'signed_out' }
    if (data && REFUSALS.has(data.code)) {
      const fieldMessages = Object.values(data.fieldErrors ?? {}).flat()
      return { kind: 'refused', message: fieldMessages.length ? fieldMessages.join(' ') : error.message }
    }
    return { kind: 'unreachable' }
  }
}
