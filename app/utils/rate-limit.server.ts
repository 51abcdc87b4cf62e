import { data } from '@remix-run/node'

/**
 * A 429 that still renders the page: the action's data (with its message) and a Retry-After header, so a person
 * reads how long to wait and a script is told the same.
 */
export function tooManyRequests<T>(body: T, seconds: number) {
  return data(body, { status: 429, headers: { 'Retry-After': String(seconds) } })
}

/** The headers of a successful sign-in: the session cookie and the device cookie (server/auth/sign-in-guard.server.ts). */
export function signedInHeaders(signedIn: { setCookie: string; deviceCookie: string }): Headers {
  const headers = new Headers()
  headers.append('Set-Cookie', signedIn.setCookie)
  headers.append('Set-Cookie', signedIn.deviceCookie)
  return headers
}

/**
 * A route's `headers` export for pages whose action may answer 429: Remix builds a page's headers from these
 * functions only, so the action's Retry-After is passed on here (the parent's headers are kept).
 */
export function withRetryAfter({ actionHeaders, parentHeaders }: { actionHeaders: Headers; parentHeaders: Headers }): Headers {
  const headers = new Headers(parentHeaders)
  const retryAfter = actionHeaders.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}
