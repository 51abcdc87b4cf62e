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
