const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuse state-changing requests from another site (Lucia v3 CSRF guide): the Origin header must name
 * this host. Browsers send Origin on every cross-site and same-site POST.
 */
export function isAllowedOrigin(method: string, origin: string | undefined, host: string | undefined): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true
  if (!origin || !host) return false
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}

/**
 * The same rule for the collaboration WebSocket: its upgrade is a GET, but it changes data, so the Origin
 * must name this host. Browsers always send Origin on a WebSocket handshake; a missing one is refused.
 */
export function isAllowedSocketOrigin(origin: string | undefined, host: string | undefined): boolean {
  return isAllowedOrigin('POST', origin, host)
}
