import { browserLikeSocket } from '#tests/setup/browser-socket.ts'
import v8 from 'node:v8'
import vm from 'node:vm'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as Y from 'yjs'

// The notes benches' shared parts: figures, the heap after a full GC, and a notebook client as a browser makes it.
v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

export const sleep = (t: number) => new Promise((r) => setTimeout(r, t))
export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
}
export const median = (xs: number[]) => percentile(xs, 0.5)
export const ms = (x: number) => `${x.toFixed(1)} ms`
export const mb = (x: number) => `${(x / 1e6).toFixed(1)} MB`

export async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc()
    await sleep(20)
  }
  return process.memoryUsage().heapUsed
}

/** One editor of a notebook on the server at `host`, signed in by `cookie`, sending the Origin a browser sends. */
export function connectNotebook(host: string, notebookId: string, cookie: string) {
  const doc = new Y.Doc()
  const socket = new HocuspocusProviderWebsocket({ url: `ws://${host}/collab/${notebookId}`, WebSocketPolyfill: browserLikeSocket({ cookie, origin: `http://${host}` }) })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: notebookId, document: doc })
  provider.attach()
  const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()))
  const destroy = () => {
    provider.destroy()
    socket.destroy()
    doc.destroy()
  }
  return { doc, provider, synced, destroy }
}
