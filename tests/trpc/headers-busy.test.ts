import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { action as signIn } from '#app/routes/auth/sign-in.tsx'
import { ASSET_CACHE, createApp, PUBLIC_FILE_CACHE } from '#server/app.server.ts'
import { SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import { busyMessage, isDatabaseBusy } from '#server/http/busy.server.ts'
import { HSTS, PERMISSIONS_POLICY } from '#server/http/security-headers.server.ts'
import { DEMO_PASSWORD } from '#server/demo/seed.ts'
import { seedDemoTeam, type Demo } from '#tests/fixtures/demo.ts'
import { stubBuild } from '#tests/fixtures/stub-remix-build.ts'
import { baseUrl, closeServer, listenOnFreePort } from '#tests/setup/http-server.ts'
import { countRows, createTestDb, type TestDb } from '#tests/setup/test-db.ts'

describe('isDatabaseBusy', () => {
  test('finds SQLITE_BUSY anywhere in the chain of causes', () => {
    expect(isDatabaseBusy(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(true)
    expect(isDatabaseBusy(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }) }))).toBe(true)
    expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false)
    expect(isDatabaseBusy(null)).toBe(false)
  })
})

/** The real Express app with a hand-made Remix build holding the real sign-in action. */
describe('HTTP headers and a held database lock', () => {
  let t: TestDb
  let demo: Demo
  let server: Server
  let base: string
  let cookie: string

  beforeEach(async () => {
    t = createTestDb()
    demo = await seedDemoTeam(t)
    const build = stubBuild({ 'routes/sign-in': { path: 'sign-in', action: signIn } })
    const created = createApp({ db: t.db, trustProxy: false, remix: { mode: 'production', build, clientDir: '/nonexistent' } })
    server = await listenOnFreePort(created.app)
    base = baseUrl(server)
    cookie = `${SESSION_COOKIE}=${(await created.lucia.createSession(demo.users.caseManager, {})).id}`
  })
  afterEach(async () => {
    await closeServer(server)
    await t.close()
  })

  test('a page carries a CSP with a fresh nonce each time, no-store, Referrer- and Permissions-Policy, no HSTS over http', async () => {
    const [a, b] = await Promise.all([fetch(`${base}/sign-in`), fetch(`${base}/sign-in`)])
    const nonceOf = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1]
    expect(nonceOf(a)).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(nonceOf(a)).not.toBe(nonceOf(b))
    const csp = a.headers.get('content-security-policy')!
    for (const part of ["default-src 'self'", "connect-src 'self' ws: wss:", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(csp).toContain(part)
    }
    expect(a.headers.get('cache-control')).toBe('no-store')
    expect(a.headers.get('referrer-policy')).toBe('same-origin')
    expect(a.headers.get('permissions-policy')).toBe(PERMISSIONS_POLICY)
    expect(PERMISSIONS_POLICY).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/)
    expect(a.headers.get('x-frame-options')).toBe('DENY')
    expect(a.headers.get('strict-transport-security')).toBeNull()
  })

  test('/api/trpc answers are no-store too', async () => {
    const res = await fetch(`${base}/api/trpc/students.mine`, { headers: { cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  test('X-Forwarded-Proto: https is ignored without TRUST_PROXY: no HSTS', async () => {
    const res = await fetch(`${base}/healthz`, { headers: { 'x-forwarded-proto': 'https' } })
    expect(res.headers.get('strict-transport-security')).toBeNull()
  })

  test("the build's files are cached as they should be: hashed assets for a year, the service worker revalidated, pages never", async () => {
    const clientDir = mkdtempSync(path.join(tmpdir(), 'same-page-client-'))
    mkdirSync(path.join(clientDir, 'assets'))
    writeFileSync(path.join(clientDir, 'assets', 'root-Ab12Cd34.js'), 'export {}')
    writeFileSync(path.join(clientDir, 'sw.js'), '// worker')
    writeFileSync(path.join(clientDir, 'manifest.webmanifest'), '{}')
    const build = stubBuild({ 'routes/sign-in': { path: 'sign-in', action: signIn } })
    const withFiles = await listenOnFreePort(createApp({ db: t.db, trustProxy: false, remix: { mode: 'production', build, clientDir } }).app)
    try {
      const at = baseUrl(withFiles)
      const cacheOf = async (p: string) => {
        const res = await fetch(`${at}${p}`)
        expect(res.status, p).toBe(200)
        return res.headers.get('cache-control')
      }
      expect(await cacheOf('/assets/root-Ab12Cd34.js')).toBe(ASSET_CACHE)
      expect(ASSET_CACHE).toMatch(/max-age=31536000, immutable/)
      expect(await cacheOf('/sw.js')).toBe('no-cache')
      expect(await cacheOf('/manifest.webmanifest')).toBe(PUBLIC_FILE_CACHE)
      expect(await cacheOf('/sign-in')).toBe('no-store')
    } finally {
      await closeServer(withFiles)
      rmSync(clientDir, { recursive: true, force: true })
    }
  })

  describe('behind a TLS proxy (TRUST_PROXY=1)', () => {
    test('a request that came over https gets HSTS; one over http does not', async () => {
      // A second app on the same database, this one trusting the proxy.
      const created = createApp({ db: t.db, trustProxy: true })
      const proxied = created.app.listen(0, '127.0.0.1')
      await new Promise<void>((resolve) => proxied.once('listening', resolve))
      const url = `http://127.0.0.1:${(proxied.address() as AddressInfo).port}/healthz`
      try {
        expect((await fetch(url, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBe(HSTS)
        expect((await fetch(url, { headers: { 'x-forwarded-proto': 'http' } })).headers.get('strict-transport-security')).toBeNull()
      } finally {
        proxied.closeAllConnections()
        await new Promise<void>((resolve) => proxied.close(() => resolve()))
      }
    })
  })

  /** Another connection holds the write lock, as a backup or a second process would; ours waits 50 ms. */
  function holdWriteLock(): () => void {
    t.sqlite.pragma('busy_timeout = 50')
    const other = new SQLite(t.file)
    other.exec('begin immediate')
    return () => {
      other.exec('rollback')
      other.close()
    }
  }

  test('tRPC: a write that meets a held lock is 503 with Retry-After and the message, never 500; it works once released', async () => {
    const release = holdWriteLock()
    const input = { studentId: demo.johnnyId, email: 'busy.para@maple.example', role: 'para' }
    const post = () => fetch(`${base}/api/trpc/team.invite`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, cookie }, body: JSON.stringify(input) })
    try {
      const res = await post()
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('2')
      const body = (await res.json()) as { error: { message: string; data: { code: string } } }
      expect(body.error.data.code).toBe('SERVICE_UNAVAILABLE')
      expect(body.error.message).toBe(busyMessage())
    } finally {
      release()
    }
    const before = countRows(t.sqlite, 'invites')
    expect((await post()).status).toBe(200)
    expect(countRows(t.sqlite, 'invites')).toBe(before + 1)
  })

  test('a Remix action (sign-in, which records the failed attempt) meeting a held lock is 503 with Retry-After', async () => {
    const release = holdWriteLock()
    try {
      const res = await fetch(`${base}/sign-in`, {
        method: 'POST',
        headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'casemanager@maple.example', password: `${DEMO_PASSWORD}-wrong` }),
      })
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('2')
      expect(await res.text()).toBe(busyMessage())
    } finally {
      release()
    }
  })
})
