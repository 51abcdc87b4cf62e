import WebSocket from 'ws'

/**
 * A `ws` socket class for HocuspocusProviderWebsocket's `WebSocketPolyfill`, opened as a browser opens it: with the
 * page's cookie and Origin headers. A browser reports a refused or aborted handshake as a close event only; in Node
 * `ws` also emits 'error', which the provider (written for browsers) does not listen to. The close event still
 * reaches it.
 */
export function browserLikeSocket(headers: Record<string, string>) {
  return class BrowserLikeSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers })
      this.on('error', () => {})
    }
  }
}
