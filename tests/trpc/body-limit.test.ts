import { productionEnv } from '#tests/setup/production-env.ts'
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ATTACHMENT_BODY_MAX, bodyLimitFor, FORM_BODY_MAX, PLAN_API_BODY_MAX, PLAN_FORM_BODY_MAX, tooLargeMessage } from '#server/http/body-limit.server.ts'
import { ATTACHMENT_MAX_BYTES } from '#shared/attachments.ts'
import { PLAN_MAX_BYTES } from '#shared/plan-import/schema.ts'

describe('bodyLimitFor', () => {
  test('1 MB for forms and tRPC, room for the 5 MB plan file on the import page and imports.plan', () => {
    expect(FORM_BODY_MAX).toBe(1024 * 1024)
    expect(bodyLimitFor('/sign-in')).toBe(FORM_BODY_MAX)
    expect(bodyLimitFor('/api/trpc/team.invite')).toBe(FORM_BODY_MAX)
    expect(bodyLimitFor('/api/trpc/imports.plan,team.invite')).toBe(FORM_BODY_MAX)
    expect(bodyLimitFor('/school/abc/import')).toBe(PLAN_FORM_BODY_MAX)
    expect(bodyLimitFor('/school/abc/import.data')).toBe(PLAN_FORM_BODY_MAX)
    expect(PLAN_FORM_BODY_MAX).toBeGreaterThan(PLAN_MAX_BYTES)
    expect(bodyLimitFor('/api/trpc/imports.plan')).toBe(PLAN_API_BODY_MAX)
  })

  test('an attached file’s upload has room for its 10 MB (and only the upload: the download and other addresses keep 1 MB)', () => {
    expect(bodyLimitFor('/api/students/s1/attachments/concern/c1')).toBe(ATTACHMENT_BODY_MAX)
    expect(ATTACHMENT_BODY_MAX).toBeGreaterThan(ATTACHMENT_MAX_BYTES)
    expect(ATTACHMENT_BODY_MAX).toBeLessThan(ATTACHMENT_MAX_BYTES + 100 * 1024)
    expect(bodyLimitFor('/api/students/s1/attachments/a1')).toBe(FORM_BODY_MAX)
    expect(bodyLimitFor('/api/students/s1/concerns.csv')).toBe(FORM_BODY_MAX)
  })

  test('the message names the cap', () => {
    expect(tooLargeMessage(FORM_BODY_MAX)).toBe('This request is larger than 1 MB, the most this address accepts. Nothing was saved.')
    expect(tooLargeMessage(PLAN_FORM_BODY_MAX)).toMatch(/larger than 5\.1 MB/)
  })
})

/** The real server in its own process (tests/fixtures/limit-server.ts), so /proc shows its memory alone. */
describe('a real server refuses oversized bodies with 413, and its memory stays low', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-limit-'))
  let child: ChildProcess
  let port = 0
  let cookie = ''
  let schoolId = ''
  const origin = () => `http://127.0.0.1:${port}`

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/limit-server.ts'], {
      env: { ...productionEnv(), DATABASE_PATH: path.join(dir, 'limit.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    port = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const match = /cookie (\S+) school (\S+)\nport (\d+)/.exec(output)
        if (match) {
          cookie = match[1]!
          schoolId = match[2]!
          resolve(Number(match[3]))
        }
      })
      child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)))
    })
  })
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL')
    fs.rmSync(dir, { recursive: true, force: true })
  })

  /** kB from /proc/<pid>/status: VmRSS now, VmHWM the peak so far. */
  function memory(): { rss: number; peak: number } {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8')
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)![1])
    return { rss: kb('VmRSS'), peak: kb('VmHWM') }
  }

  /**
   * POSTs `total` bytes (one reused 64 kB chunk, so the test holds nothing), with or without a Content-Length,
   * and stops sending as soon as the answer comes.
   */
  function upload(pathname: string, total: number, options: { declare: boolean; type?: string }): Promise<{ status: number; body: string; sent: number }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { origin: origin(), cookie, 'content-type': options.type ?? 'application/x-www-form-urlencoded' }
      if (options.declare) headers['content-length'] = total
      const req = http.request({ host: '127.0.0.1', port, path: pathname, method: 'POST', headers })
      const chunk = Buffer.alloc(64 * 1024, 'a')
      let sent = 0
      let answered = false
      const pump = () => {
        while (!answered && sent < total) {
          const piece = total - sent < chunk.length ? chunk.subarray(0, total - sent) : chunk
          sent += piece.length
          if (!req.write(piece)) return void req.once('drain', pump)
        }
        if (!answered) req.end()
      }
      req.on('response', (res) => {
        answered = true
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body, sent })
          req.destroy()
        })
      })
      // Once answered, the server closes the connection: a write still in flight may fail, which is fine.
      req.on('error', (error) => (answered ? undefined : reject(error)))
      pump()
    })
  }

  const MB = 1024 * 1024

  test('a small sign-in still works (wrong password: 200 with the form again)', async () => {
    const res = await upload('/sign-in', 40, { declare: true })
    expect(res.status).toBe(200)
  })

  test('150 MB POST /sign-in with its Content-Length is refused at once, unread', async () => {
    const res = await upload('/sign-in', 150 * MB, { declare: true })
    expect(res.status).toBe(413)
    expect(res.body).toBe('This request is larger than 1 MB, the most this address accepts. Nothing was saved.')
    expect(res.sent).toBeLessThan(150 * MB)
  })

  test('four 150 MB POST /sign-in streamed without a length (as in the issue) are each cut off after 1 MB; memory stays low', async () => {
    const before = memory()
    const results = await Promise.all([1, 2, 3, 4].map(() => upload('/sign-in', 150 * MB, { declare: false })))
    for (const res of results) {
      expect(res.status).toBe(413)
      expect(res.body).toMatch(/larger than 1 MB/)
      expect(res.sent).toBeLessThan(150 * MB)
    }
    const after = memory()
    const growthMb = (after.peak - before.rss) / 1024
    console.info(`body-limit: server RSS ${Math.round(before.rss / 1024)} MB before, peak ${Math.round(after.peak / 1024)} MB during four 150 MB uploads (+${growthMb.toFixed(1)} MB)`)
    // Today's 1.3 GB came from buffering the bodies; capped, the server holds at most 1 MB of each.
    expect(growthMb).toBeLessThan(64)
  })

  test('/api/trpc: 150 MB streamed is 413 in tRPC’s error shape; a declared 2 MB too', async () => {
    const streamed = await upload('/api/trpc/team.invite', 150 * MB, { declare: false, type: 'application/json' })
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.body).error.data.code).toBe('PAYLOAD_TOO_LARGE')
    const declared = await upload('/api/trpc/team.invite', 2 * MB, { declare: true, type: 'application/json' })
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body).error.message).toBe('This request is larger than 1 MB, the most this address accepts. Nothing was saved.')
  })

  test('the plan import: 3 MB passes the cap (and is read as a plan), 11 MB is 413', async () => {
    // 3 MB of "a": read in full, then refused as not JSON (400), never as too large.
    const fits = await upload('/api/trpc/imports.plan', 3 * MB, { declare: false, type: 'application/json' })
    expect(fits.status).toBe(400)
    const page = await upload(`/school/${schoolId}/import`, 3 * MB, { declare: true, type: 'text/plain' })
    expect(page.status).not.toBe(413)
    expect((await upload('/api/trpc/imports.plan', 11 * MB, { declare: false, type: 'application/json' })).status).toBe(413)
    expect((await upload(`/school/${schoolId}/import`, 6 * MB, { declare: false, type: 'text/plain' })).status).toBe(413)
  })

  test('the server still answers afterwards', async () => {
    const res = await fetch(`${origin()}/healthz`)
    expect(res.status).toBe(200)
  })
})
