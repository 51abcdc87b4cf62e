import type { Server } from 'node:http'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createApp } from '#server/app.server.ts'
import type { AppLucia } from '#server/auth/lucia.server.ts'
import { SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { seedDemoTeam, type Demo } from '#tests/fixtures/demo.ts'
import { baseUrl, closeServer, listenOnFreePort } from '#tests/setup/http-server.ts'
import { countRows, createTestDb, type TestDb } from '#tests/setup/test-db.ts'

/** The real Express app (API only, no Remix build) on a free port, as a browser or script would reach it. */
describe('HTTP', () => {
  let t: TestDb
  let demo: Demo
  let server: Server
  let lucia: AppLucia
  let base: string

  beforeEach(async () => {
    t = createTestDb()
    demo = await seedDemoTeam(t)
    const created = createApp({ db: t.db, trustProxy: false })
    lucia = created.lucia
    server = await listenOnFreePort(created.app)
    base = baseUrl(server)
  })
  afterEach(async () => {
    await closeServer(server)
    await t.close()
  })

  async function sessionCookie(user: DemoUserKey): Promise<string> {
    const session = await lucia.createSession(demo.users[user], {})
    return `${SESSION_COOKIE}=${session.id}`
  }
  const post = (path: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

  test('GET /healthz is 200 {"ok":true} with the security headers', async () => {
    const res = await fetch(`${base}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
    expect(res.headers.get('referrer-policy')).toBe('same-origin')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('x-powered-by')).toBeNull()
  })

  test('GET /healthz is 503 {"ok":false} once the database is closed', async () => {
    await t.db.destroy()
    const res = await fetch(`${base}/healthz`)
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ ok: false })
  })

  test('GET /healthz is 503 when the SQLite handle itself is closed', async () => {
    t.sqlite.close()
    const res = await fetch(`${base}/healthz`)
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ ok: false })
  })

  describe('a POST to /api/trpc/team.invite', () => {
    const input = () => ({ studentId: demo.johnnyId, email: 'new.para@maple.example', role: 'para' })

    test('from a foreign Origin is 403, even with a valid session, and writes nothing', async () => {
      const cookie = await sessionCookie('caseManager')
      const res = await post('/api/trpc/team.invite', input(), { origin: 'https://evil.example', cookie })
      expect(res.status).toBe(403)
      expect(await res.text()).toMatch(/another site/)
      expect(countRows(t.sqlite, 'invites')).toBe(0)
    })

    test('without an Origin is 403', async () => {
      const res = await post('/api/trpc/team.invite', input(), { cookie: await sessionCookie('caseManager') })
      expect(res.status).toBe(403)
      expect(countRows(t.sqlite, 'invites')).toBe(0)
    })

    test('from this site, signed in as the case manager, creates the invite', async () => {
      const res = await post('/api/trpc/team.invite', input(), { origin: base, cookie: await sessionCookie('caseManager') })
      expect(res.status).toBe(200)
      const body = (await res.json()) as { result: { data: { inviteId: string } } }
      expect(t.sqlite.prepare('select email, role from invites where id = ?').get(body.result.data.inviteId)).toEqual({
        email: 'new.para@maple.example',
        role: 'para',
      })
    })

    test('with a malformed email is 400 with a message naming the field, and no stack trace', async () => {
      const res = await post(
        '/api/trpc/team.invite',
        { ...input(), email: 'not-an-email' },
        { origin: base, cookie: await sessionCookie('caseManager') },
      )
      expect(res.status).toBe(400)
      const body = (await res.json()) as { error: { message: string; data: Record<string, unknown> } }
      expect(body.error.message).toBe('email: Enter a valid email address, like name@school.org.')
      expect(body.error.data).toMatchObject({
        code: 'BAD_REQUEST',
        fieldErrors: { email: ['Enter a valid email address, like name@school.org.'] },
      })
      expect(body.error.data.stack).toBeUndefined()
      expect(countRows(t.sqlite, 'invites')).toBe(0)
    })

    test('as the para is 403 FORBIDDEN from the gate', async () => {
      const res = await post('/api/trpc/team.invite', input(), { origin: base, cookie: await sessionCookie('para') })
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { data: { code: string } } }).error.data.code).toBe('FORBIDDEN')
      expect(countRows(t.sqlite, 'invites')).toBe(0)
    })
  })

  describe('a tRPC query', () => {
    test('without a session cookie is 401', async () => {
      const res = await fetch(`${base}/api/trpc/students.mine`)
      expect(res.status).toBe(401)
      const body = (await res.json()) as { error: { message: string; data: { code: string } } }
      expect(body.error.data.code).toBe('UNAUTHORIZED')
      expect(body.error.message).toBe('Sign in to continue.')
    })

    test('with an unknown session id is 401 and the cookie is blanked', async () => {
      const res = await fetch(`${base}/api/trpc/students.mine`, { headers: { cookie: `${SESSION_COOKIE}=not-a-session` } })
      expect(res.status).toBe(401)
      expect(res.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`))
    })

    test('with a valid session cookie answers for that user only', async () => {
      const res = await fetch(`${base}/api/trpc/students.mine`, { headers: { cookie: await sessionCookie('parent') } })
      expect(res.status).toBe(200)
      const body = (await res.json()) as { result: { data: { id: string; role: string }[] } }
      expect(body.result.data.map((s) => [s.id, s.role])).toEqual([[demo.johnnyId, 'parent']])
    })

    test('for a student not on the caller’s team is 404 naming nothing', async () => {
      const input = encodeURIComponent(JSON.stringify({ studentId: demo.mayaId }))
      const res = await fetch(`${base}/api/trpc/students.get?input=${input}`, { headers: { cookie: await sessionCookie('parent') } })
      expect(res.status).toBe(404)
      expect(await res.text()).not.toMatch(/Maya|Thompson/)
    })
  })
})
