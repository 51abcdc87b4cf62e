/**
 * The notes-at-scale bench's editors (scripts/bench/notes-scale.ts), in a worker thread of their own: 200 people
 * type on 200 devices, not on the server's event loop, so their Yjs work must not be timed as the server's. The
 * worker has its own heap too, so the server's heap figures count the server alone.
 *
 * Messages from the bench: `session` (connect everyone), then `edit` (run the rounds, time each edit until every
 * other editor of its notebook has it, and leave). Answers: `synced` with the connect time, then `done` with the
 * latencies.
 */
import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'
import { connectNotebook } from './collab-clients.ts'

export interface SessionOrder {
  type: 'session'
  host: string
  /** Per notebook, one cookie per editor. */
  notebooks: { id: string; cookies: string[] }[]
  rounds: number
  field: string
}
export type EditorsAnswer = { type: 'synced'; connectTime: number } | { type: 'done'; latencies: number[] }

type Editor = ReturnType<typeof connectNotebook>
let editors: Editor[][] = []
let order: SessionOrder | null = null

const port = parentPort!
port.on('message', (message: SessionOrder | { type: 'edit' }) => {
  if (message.type === 'session') void connectAll(message)
  else void editAndLeave()
})

async function connectAll(session: SessionOrder) {
  order = session
  const started = performance.now()
  editors = session.notebooks.map((n) => n.cookies.map((cookie) => connectNotebook(session.host, n.id, cookie)))
  await Promise.all(editors.flat().map((c) => c.synced))
  port.postMessage({ type: 'synced', connectTime: performance.now() - started } satisfies EditorsAnswer)
}

async function editAndLeave() {
  const { rounds, field } = order!
  const fragment = (c: { doc: Y.Doc }) => c.doc.getXmlFragment(field)
  const latencies: number[] = []
  for (let round = 0; round < rounds; round++) {
    // Every notebook gets one edit at the same moment; an editor has it once its fragment is that long, checked
    // when an update arrives at that editor (no polling loop).
    const arrived = editors.map((group, n) => {
      const writer = group[round % group.length]!
      const others = group.filter((c) => c !== writer)
      const target = fragment(writer).length + 1
      return new Promise<number>((resolve) => {
        const started = performance.now()
        let waiting = others.length
        for (const other of others) {
          const onUpdate = () => {
            if (fragment(other).length < target) return
            other.doc.off('update', onUpdate)
            if (--waiting === 0) resolve(performance.now() - started)
          }
          other.doc.on('update', onUpdate)
        }
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText(`round ${round} notebook ${n}`)])
        fragment(writer).push([paragraph])
      })
    })
    latencies.push(...(await Promise.all(arrived)))
  }
  for (const c of editors.flat()) c.destroy()
  editors = []
  port.postMessage({ type: 'done', latencies } satisfies EditorsAnswer)
}
