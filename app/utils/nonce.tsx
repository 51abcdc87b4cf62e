import { createContext, useContext } from 'react'

/**
 * The response's Content-Security-Policy nonce (server/http/security-headers.server.ts), handed from
 * entry.server.tsx to <Scripts> and <ScrollRestoration> in root.tsx. In the browser it is '' (browsers hide
 * nonces from the DOM; the scripts already ran).
 */
const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

export function useNonce(): string {
  return useContext(NonceContext)
}
