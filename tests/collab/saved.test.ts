import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { loadNotebookDoc, sqliteNotebookStore, type NotebookStore } from '#server/collab/notebook-store.server.ts'
import { plainTextOfDoc } from '#server/collab/note-doc.server.ts'
import { coveredBy, decodeStoredAck, encodeStoredAck } from '#shared/notes/collab-protocol.ts'
import { harnessPerTest, waitFor, type Client } from './harness.ts'

const startHarness = harnessPerTest()

/** Every "stored" acknowledgement a client receives. */
function acks(client: Client): Map<number, number>[] {
  const seen: Map<number, number>[] = []
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const vector = decodeStoredAck(payload)
    if (vector) seen.push(vector)
  })
  return seen
}

const ownEditsStored = (client: Client, seen: Map<number, number>[]) => {
  const mine = new Map([[client.doc.clientID, Y.getState(client.doc.store, client.doc.clientID)]])
  return seen.some((vector) => coveredBy(mine, vector))
}

/** A Hocuspocus message: document name, type, one string, in lib0's var-length encoding. */
function rawMessage(documentName: string, type: number, payload: string): Uint8Array {
  const text = (value: string) => {
    const bytes = new TextEncoder().encode(value)
    return [...varUint(bytes.length), ...bytes]
  }
  return Uint8Array.from([...text(documentName), type, ...text(payload)])
}

function varUint(n: number): number[] {
  const out: number[] = []
  while (n > 127) {
    out.push((n & 127) | 128)
    n = Math.floor(n / 128)
  }
  out.push(n)
  return out
}

test('the acknowledgement round-trips and compares clocks per client', () => {
  const vector = new Map([[123, 4], [4_294_967_295, 1]])
  expect(decodeStoredAck(encodeStoredAck(vector))).toEqual(vector)
  expect(decodeStoredAck('something else')).toBeNull()
  expect(decodeStoredAck('stored:{"x":1}')).toBeNull()
  expect(coveredBy(new Map([[123, 4]]), vector)).toBe(true)
  expect(coveredBy(new Map([[123, 5]]), vector)).toBe(false)
  expect(coveredBy(new Map([[7, 1]]), vector)).toBe(false)
})

test('a client hears its edits are stored only after the write has committed, and the words are then on disk', async () => {
  let release: () => void = () => {}
  let gate = Promise.resolve()
  let real: NotebookStore | null = null
  const slow: NotebookStore = {
    load: (id) => real!.load(id),
    append: async (...args) => {
      await gate
      return real!.append(...args)
    },
  }
  const h = await startHarness({ store: slow })
  real = sqliteNotebookStore(h.t.db)
  const id = h.demo.notebookIds[0]!
  const client = await h.connect('para', id)
  const seen = acks(client)
  await client.synced()
  // On connecting, the client learns what is on disk already.
  await waitFor(() => seen.length > 0, 3000, 'the first acknowledgement')
  gate = new Promise<void>((resolve) => (release = resolve))
  client.type('held back by a slow disk')
  // Hocuspocus has the edit (its own sync acknowledgement), but the write is still waiting.
  await waitFor(() => client.provider.unsyncedChanges === 0, 3000, 'the server to receive the edit')
  await new Promise((r) => setTimeout(r, 1500))
  expect(ownEditsStored(client, seen)).toBe(false)
  expect(plainTextOfDoc(await loadNotebookDoc(h.t.db, id))).not.toContain('held back by a slow disk')
  release()
  await waitFor(() => ownEditsStored(client, seen), 3000, 'the stored acknowledgement')
  expect(plainTextOfDoc(await loadNotebookDoc(h.t.db, id))).toContain('held back by a slow disk')
})

test('stateless messages from a client never reach other editors (nobody can fake "saved")', async () => {
  const h = await startHarness()
  const id = h.demo.notebookIds[0]!
  const liar = await h.connect('para', id)
  const victim = await h.connect('parent', id)
  const payloads: string[] = []
  victim.provider.on('stateless', ({ payload }: { payload: string }) => payloads.push(payload))
  await Promise.all([liar.synced(), victim.synced()])
  await waitFor(() => payloads.length > 0)
  const before = payloads.length
  const fake = encodeStoredAck(new Map([[victim.doc.clientID, 1_000_000]]))
  // Both kinds a client can send: to the server (5), and to be relayed to everyone (6, BroadcastStateless).
  liar.provider.sendStateless(fake)
  liar.provider.configuration.websocketProvider.send(rawMessage(id, 6, fake))
  liar.type('a real edit after the fake')
  await waitFor(() => victim.text().includes('a real edit after the fake'))
  await h.created.collab.flushAll()
  await waitFor(() => payloads.length > before)
  for (const payload of payloads) expect(decodeStoredAck(payload)!.get(victim.doc.clientID) ?? 0).toBeLessThan(1_000_000)
})
