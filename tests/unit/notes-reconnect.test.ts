import { HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider'
import { afterEach, describe, expect, it } from 'vitest'
import { reconnectWhenClosed } from '#app/routes/notes/reconnect.client.ts'

/**
 * A browser WebSocket whose close event arrives only when the test says so, as it does when the close
 * handshake waits on a network that has just come back.
 */
class SlowClosingSocket extends EventTarget {
  static made: SlowClosingSocket[] = []
  readyState = 0
  binaryType = 'blob'
  constructor(readonly url: string) {
    super()
    SlowClosingSocket.made.push(this)
  }
  open() {
    this.readyState = 1
    this.dispatchEvent(new Event('open'))
    // Hocuspocus counts the connection as made at the first message.
    this.dispatchEvent(new MessageEvent('message', { data: new Uint8Array([0]).buffer }))
  }
  send() {}
  close() {
    this.readyState = 2
  }
  finishClosing() {
    this.readyState = 3
    this.dispatchEvent(Object.assign(new Event('close'), { code: 1006, reason: '' }))
  }
}

const sockets: HocuspocusProviderWebsocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy()
  SlowClosingSocket.made = []
})

const nextTurns = () => new Promise((resolve) => setTimeout(resolve, 20))

/** A socket that went offline (disconnect) while its close is still on the way. */
async function offlineButNotYetClosed() {
  const socket = new HocuspocusProviderWebsocket({
    url: 'ws://same-page.test/collab/x',
    WebSocketPolyfill: SlowClosingSocket as unknown as typeof WebSocket,
  })
  sockets.push(socket)
  await nextTurns()
  SlowClosingSocket.made[0]!.open()
  expect(socket.status).toBe(WebSocketStatus.Connected)
  socket.disconnect()
  return socket
}

describe('reconnectWhenClosed: a notebook comes back online even when its old socket closes late', () => {
  it('Hocuspocus alone leaves it closed: connect() before the late close is ignored', async () => {
    const socket = await offlineButNotYetClosed()
    await socket.connect()
    SlowClosingSocket.made[0]!.finishClosing()
    await nextTurns()
    expect(socket.status).toBe(WebSocketStatus.Disconnected)
    expect(SlowClosingSocket.made).toHaveLength(1)
  })

  it('waits for the late close, then opens a new connection', async () => {
    const socket = await offlineButNotYetClosed()
    reconnectWhenClosed(socket)
    await nextTurns()
    expect(SlowClosingSocket.made).toHaveLength(1)
    SlowClosingSocket.made[0]!.finishClosing()
    await nextTurns()
    expect(SlowClosingSocket.made).toHaveLength(2)
    SlowClosingSocket.made[1]!.open()
    expect(socket.status).toBe(WebSocketStatus.Connected)
  })

  it('connects at once when the old socket has already closed', async () => {
    const socket = await offlineButNotYetClosed()
    SlowClosingSocket.made[0]!.finishClosing()
    reconnectWhenClosed(socket)
    await nextTurns()
    expect(SlowClosingSocket.made).toHaveLength(2)
  })

  it('going offline again before the close arrives stops the wait: nothing reconnects', async () => {
    const socket = await offlineButNotYetClosed()
    const stop = reconnectWhenClosed(socket)
    stop()
    SlowClosingSocket.made[0]!.finishClosing()
    await nextTurns()
    expect(SlowClosingSocket.made).toHaveLength(1)
  })
})
