import { WebSocketStatus } from '@hocuspocus/provider'

type StatusListener = (event: { status: WebSocketStatus }) => void

/** What of Hocuspocus's socket this needs: its status, its status events, and connect. */
export interface ReconnectableSocket {
  readonly status: WebSocketStatus
  connect(): Promise<unknown>
  on(event: 'status', listener: StatusListener): unknown
  off(event: 'status', listener: StatusListener): unknown
}

/**
 * Connects again once the network is back; what it returns stops waiting.
 *
 * Going offline closes the socket, but its close event waits on the network, so it can arrive after the browser
 * says it is online again. Hocuspocus's connect() does nothing for a socket it still counts as connected, and
 * that late close then leaves the notebook offline for good. So a socket not yet closed is connected when it is.
 */
export function reconnectWhenClosed(socket: ReconnectableSocket): () => void {
  if (socket.status !== WebSocketStatus.Connected) {
    void socket.connect()
    return () => undefined
  }
  const onStatus: StatusListener = ({ status }) => {
    if (status !== WebSocketStatus.Disconnected) return
    socket.off('status', onStatus)
    void socket.connect()
  }
  socket.on('status', onStatus)
  return () => socket.off('status', onStatus)
}
