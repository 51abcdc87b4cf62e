import type { Server } from 'node:http'
import type { EntryContext, ServerBuild } from '@remix-run/node'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import * as signInRoute from '#app/routes/auth/sign-in.tsx'
import * as inviteRoute from '#app/routes/auth/invite.tsx'
import * as signOutRoute from '#app/routes/auth/sign-out.tsx'
import { DEMO_PASSWORD, DEMO_USERS } from '#server/demo/seed.ts'
import { createApp } from '#server/app.server.ts'
import { SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import { DEVICE_COOKIE } from '#server/auth/sign-in-guard.server.ts'
import { seedDemoTeam } from '#tests/fixtures/demo.ts'
import { baseUrl, closeServer, listenOnFreePort } from '#tests/setup/http-server.ts'
import { createTestDb, type TestDb } from '#tests/setup/test-db.ts'

/**
 * The real sign-in and invite actions behind the real Express app, over HTTP. The build holds only those routes, and
 * its document renderer answers with the action's data as JSON instead of HTML: what is under test is the status,
 * the headers and the message the page would show.
 */
function actionsOnlyBuild(): ServerBuild {
  const root = { default: () => null }
  const entry = {
    default: (_request: Request, status: number, headers: Headers, context: EntryContext) => {
      headers.set('content-type', 'application/json')
      return new Response(JSON.stringify(context.staticHandlerContext.actionData ?? null), { status, headers })
    },
  }
  return {
    mode: 'production',
    entry: { module: entry },
    routes: {
      root: { id: 'root', path: '', module: root },
      'routes/sign-in': { id: 'routes/sign-in', parentId: 'root', path: 'sign-in', module: signInRoute },
      'routes/sign-out': { id: 'routes/sign-out', parentId: 'root', path: 'sign-out', module: signOutRoute },
      'routes/invite.$token': { id: 'routes/invite.$token', parentId: 'root', path: 'invite/:token', module: inviteRoute },
    },
    assets: { entry: { imports: [], module: '' }, routes: {}, url: '', version: 'test' },
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: true, v3_routeConfig: true },
    publicPath: '/',
    assetsBuildDirectory: '',
    basename: undefined,
    isSpaMode: false,
  } as unknown as ServerBuild
}

describe('sign-in over HTTP', () => {
  let t: TestDb
  let server: Server
  let base: string
  beforeEach(async () => {
    t = createTestDb()
    await seedDemoTeam(t)
    const { app } = createApp({ db: t.db, trustProxy: false, remix: { mode: 'production', build: actionsOnlyBuild(), clientDir: '/nonexistent' } })
    server = await listenOnFreePort(app)
    base = baseUrl(server)
  })
  afterEach(async () => {
    await closeServer(server)
    await t.close()
  })

  const post = (path: string, fields: Record<string, string>, cookie = '') =>
    fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(fields).toString(),
    })
  const signIn = (email: string, password: string, cookie = '') => post('/sign-in', { email, password, redirectTo: '/' }, cookie)

  test('a right password redirects with the session cookie and the device cookie', async () => {
    const res = await signIn(DEMO_USERS.para.email, DEMO_PASSWORD)
    expect(res.status).toBe(302)
    const cookies = res.headers.getSetCookie()
    expect(cookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(true)
    expect(cookies.find((c) => c.startsWith(`${DEVICE_COOKIE}=`))).toMatch(/^same_page_device=[\w-]{22}; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Lax$/)
  })

  test('a sign-in and a sign-out are audit rows (entity auth)', async () => {
    const res = await signIn(DEMO_USERS.para.email, DEMO_PASSWORD)
    const session = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!
    expect((await post('/sign-out', {}, session)).status).toBe(302)
    const rows = t.sqlite.prepare("select action, actor_id from audit_log where entity = 'auth' order by id").all() as { action: string; actor_id: string }[]
    const para = (t.sqlite.prepare('select id from users where email = ?').get(DEMO_USERS.para.email) as { id: string }).id
    expect(rows).toEqual([
      { action: 'sign_in', actor_id: para },
      { action: 'sign_out', actor_id: para },
    ])
  })

  test('wrong passwords from one client get a 429 with Retry-After and a message saying how long; the owner’s browser still signs in', async () => {
    const owner = await signIn(DEMO_USERS.para.email, DEMO_PASSWORD)
    const device = owner.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`))!.split(';')[0]!
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await signIn(DEMO_USERS.para.email, `wrong-${i}`)).status)
    expect(statuses).toEqual([200, 200, 200, 200, 429])
    const limited = await signIn(DEMO_USERS.para.email, DEMO_PASSWORD)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(((await limited.json()) as Record<string, { message: string }>)['routes/sign-in']!.message).toMatch(/^Too many failed sign-in attempts from here\. Wait \d+ seconds?, then try again\./)
    // Same address, but the browser the owner signed in on before.
    expect((await signIn(DEMO_USERS.para.email, DEMO_PASSWORD, device)).status).toBe(302)
  })

  test('one client spraying many accounts gets about 20 passwords checked, then only 429s', async () => {
    // Counted, not timed: the server's clock stands still, so no wait ever runs out while the test is slow (a loaded
    // machine must not turn refusals into checks). Throughput is a benchmark's business, not this test's.
    await closeServer(server)
    const frozen = new Date('2026-11-17T15:00:00Z')
    server = await listenOnFreePort(createApp({ db: t.db, trustProxy: false, now: () => frozen, remix: { mode: 'production', build: actionsOnlyBuild(), clientDir: '/nonexistent' } }).app)
    base = baseUrl(server)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const ATTEMPTS = 40
      let checked = 0
      for (let i = 0; i < ATTEMPTS; i++) if ((await signIn(`sprayed${i}@maple.example`, 'Winter2026!')).status !== 429) checked++
      // 20 free failures, then every try waits: at most about 21 guesses get checked, the rest are refused.
      expect(checked).toBeGreaterThanOrEqual(20)
      expect(checked).toBeLessThanOrEqual(22)
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('"event":"sign_in.spray_alert"'))
      expect(t.sqlite.prepare("select count(*) as n from audit_log where action = 'sign_in.spray_alert'").get()).toEqual({ n: 1 })
    } finally {
      warn.mockRestore()
    }
  })

  test('invite acceptance is rate-limited per client: 20 tries, then 429 with Retry-After', async () => {
    const token = 'x'.repeat(43)
    const statuses: number[] = []
    for (let i = 0; i < 21; i++) statuses.push((await post(`/invite/${token}`, { intent: 'create', name: 'Guess', password: 'a-long-password' })).status)
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true)
    expect(statuses[20]).toBe(429)
  })
})
