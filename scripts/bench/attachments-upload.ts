/**
 * Benchmark for attachments (issue 19): upload throughput, in MB/s, for a 1 MB and a 10 MB PDF. Two figures each:
 * through the service alone (streamed to a temporary file while hashed, type checked from the bytes, renamed to its
 * hash, its row written: receiveUpload + commitUpload), and through the real HTTP route (a multipart form over
 * loopback, the permission asked first, then the same service), each the median of several uploads of different
 * bytes (so every one is stored, never found already there). Throughput is the file's size over the median time.
 * Run with `npm run bench`, or alone: `npx tsx scripts/bench/attachments-upload.ts`.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { createApp } from '#server/app.server.ts'
import { hashPassword } from '#server/auth/password.server.ts'
import { SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import { seedDemo } from '#server/demo/seed.ts'
import { attachmentsDirOf, commitUpload, receiveUpload } from '#server/services/attachments.server.ts'
import { ATTACHMENT_MAX_BYTES } from '#shared/attachments.ts'
import { median } from './measure.ts'

const MB = 1024 * 1024
const SIZES = [
  { label: '1 MB', bytes: MB },
  { label: '10 MB', bytes: ATTACHMENT_MAX_BYTES },
] as const
const RUNS = 7
/** The chunk size a request body arrives in, about (what the service is handed while streaming). */
const CHUNK = 64 * 1024

/** A PDF of exactly `size` bytes, different each time: the header, then random bytes, then its end. */
function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n')
  const tail = Buffer.from('\n%%EOF\n')
  return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail])
}

async function* chunksOf(data: Buffer): AsyncIterable<Uint8Array> {
  for (let at = 0; at < data.length; at += CHUNK) yield data.subarray(at, at + CHUNK)
}

/** The median time of `RUNS` calls (after one warm-up), each handed fresh bytes made outside the timing. */
async function medianOver(size: number, upload: (bytes: Buffer) => Promise<void>): Promise<number> {
  await upload(pdfOf(size))
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const bytes = pdfOf(size)
    const started = performance.now()
    await upload(bytes)
    times.push(performance.now() - started)
  }
  return median(times)
}

const mbPerSecond = (bytes: number, ms: number) => (bytes / MB / (ms / 1000)).toFixed(1)

export async function benchAttachmentsUpload(): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-attach-'))
  const { db, sqlite } = openDatabase(path.join(dir, 'bench.db'))
  await migrateToLatest(db)
  const demo = await seedDemo(db, hashPassword)
  const files = await attachmentsDirOf(db)
  const owner = { studentId: demo.johnnyId, ownerKind: 'notebook' as const, ownerId: demo.notebookIds[0]! }

  const { app, lucia } = createApp({ db, trustProxy: false })
  const session = await lucia.createSession(demo.users.parent, {})
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const address = server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const url = `${base}/api/students/${owner.studentId}/attachments/${owner.ownerKind}/${owner.ownerId}`
  const headers = { cookie: `${SESSION_COOKIE}=${session.id}`, origin: base, accept: 'application/json' }

  const results: Record<string, string> = {}
  try {
    for (const { label, bytes } of SIZES) {
      const serviceMs = await medianOver(bytes, async (data) => {
        const received = await receiveUpload(files, chunksOf(data))
        await commitUpload(db, files, received, { ...owner, fileName: 'scan.pdf', actorId: demo.users.parent, now: new Date() })
      })
      const httpMs = await medianOver(bytes, async (data) => {
        const form = new FormData()
        form.append('file', new Blob([new Uint8Array(data)], { type: 'application/pdf' }), 'scan.pdf')
        const res = await fetch(url, { method: 'POST', body: form, headers })
        if (res.status !== 201) throw new Error(`Upload refused (${res.status}): ${await res.text()}`)
      })
      results[`attachments: upload ${label} PDF, service (receive + commit), median (ms)`] = serviceMs.toFixed(1)
      results[`attachments: upload ${label} PDF, service throughput (MB/s)`] = mbPerSecond(bytes, serviceMs)
      results[`attachments: upload ${label} PDF, HTTP route (multipart over loopback), median (ms)`] = httpMs.toFixed(1)
      results[`attachments: upload ${label} PDF, HTTP throughput (MB/s)`] = mbPerSecond(bytes, httpMs)
    }
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    sqlite.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return results
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.NODE_ENV = 'production'
  for (const [name, value] of Object.entries(await benchAttachmentsUpload())) console.log(`${name}: ${value}`)
}
