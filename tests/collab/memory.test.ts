import { expect, test } from 'vitest'
import { harnessPerTest, waitFor } from './harness.ts'

const startHarness = harnessPerTest()

const gc = (globalThis as { gc?: () => void }).gc

async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc!()
    await new Promise((r) => setTimeout(r, 20))
  }
  return process.memoryUsage().heapUsed
}

test('1,000 open/close cycles leave no documents, no sockets and the heap within 10 % of where it started', { timeout: 180_000 }, async () => {
  // vitest.config.ts passes --expose-gc; without it this measurement would mean nothing.
  expect(typeof gc).toBe('function')
  const h = await startHarness()
  const harness = h
  const cookie = await harness.cookieFor('para')
  const ids = harness.demo.notebookIds
  const cycle = async (i: number) => {
    const client = await harness.connect('para', ids[i % ids.length]!, { cookie })
    await client.synced()
    client.destroy()
  }
  // Warm-up: module caches, prepared statements and JIT settle before the baseline.
  for (let i = 0; i < 100; i++) await cycle(i)
  await waitFor(() => harness.created.collab.hocuspocus.getDocumentsCount() === 0 && harness.created.collab.openSockets() === 0)
  const start = await heapAfterGc()

  for (let i = 0; i < 1000; i++) await cycle(i)
  await waitFor(() => harness.created.collab.hocuspocus.getDocumentsCount() === 0 && harness.created.collab.openSockets() === 0, 5000, 'everything to close')
  await harness.created.collab.idle()
  const end = await heapAfterGc()

  expect(harness.created.collab.hocuspocus.loadingDocuments.size).toBe(0)
  expect(harness.created.collab.hocuspocus.unloadingDocuments.size).toBe(0)
  expect(end, `heap went from ${(start / 1e6).toFixed(1)} MB to ${(end / 1e6).toFixed(1)} MB`).toBeLessThanOrEqual(start * 1.1)
})
