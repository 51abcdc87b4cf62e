import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { randomUUID } from 'node:crypto'
import { createContext } from '#server/trpc/context.server.ts'
import { createCaller } from '#server/trpc/_app.server.ts'
import { startOidcProvider, type TestOidcProvider } from '#tests/fixtures/oidc-provider.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { trpcError } from './call.ts'

const SECRET = 'district-secret-0123456789'
const input = (schoolId: string, more: Partial<{ label: string; issuer: string; clientId: string; clientSecret: string }> = {}) => ({
  schoolId,
  label: 'Maple District',
  issuer: 'https://accounts.google.com',
  clientId: 'same-page.apps.example',
  clientSecret: SECRET,
  ...more,
})

describe('sso: the school admin sets up the district’s sign-in service', () => {
  const { t, demo } = useDemoDb()
  let idp: TestOidcProvider

  beforeAll(async () => {
    idp = await startOidcProvider({ redirectUri: 'http://localhost:3000/sso/callback' })
  })
  afterAll(async () => {
    await idp.close()
  })

  const admin = () => demo.callerFor('admin')

  test('nothing is set up at first; the page names the redirect URI to register', async () => {
    const got = await admin().sso.get({ schoolId: demo.schoolId })
    expect(got.provider).toBeNull()
    expect(got.redirectUri).toMatch(/^http:\/\/localhost:\d+\/sso\/callback$/)
  })

  test('saving turns it on; the secret is kept but never sent back, and a blank one keeps it', async () => {
    const saved = await admin().sso.save(input(demo.schoolId))
    expect(saved).toMatchObject({ label: 'Maple District', issuer: 'https://accounts.google.com', clientId: 'same-page.apps.example', hasSecret: true, enabled: true })
    expect(JSON.stringify(saved)).not.toContain(SECRET)
    expect(JSON.stringify(await admin().sso.get({ schoolId: demo.schoolId }))).not.toContain(SECRET)

    const renamed = await admin().sso.save({ ...input(demo.schoolId, { label: 'Maple Schools' }), clientSecret: undefined })
    expect(renamed).toMatchObject({ id: saved.id, label: 'Maple Schools', hasSecret: true })
    expect(t.sqlite.prepare('select client_secret from sso_providers').pluck().get()).toBe(SECRET)
    await admin().sso.save(input(demo.schoolId, { clientSecret: 'a-new-secret' }))
    expect(t.sqlite.prepare('select client_secret from sso_providers').pluck().get()).toBe('a-new-secret')

    const audits = t.sqlite.prepare("select action, after from audit_log where entity = 'sso_provider' order by id").all() as { action: string; after: string }[]
    expect(audits.map((a) => [a.action, JSON.parse(a.after).secretChanged])).toEqual([
      ['save', true],
      ['save', false],
      ['save', true],
    ])
    for (const a of audits) expect(a.after).not.toMatch(/secret-|district-secret/)
  })

  test('the first save needs a secret; bad issuers and over-long fields are refused and change nothing', async () => {
    const before = [countRows(t.sqlite, 'sso_providers'), countRows(t.sqlite, 'audit_log')]
    const noSecret = await trpcError(admin().sso.save({ ...input(demo.schoolId), clientSecret: undefined }))
    expect(noSecret.code).toBe('BAD_REQUEST')
    expect(noSecret.message).toBe('Enter the client secret your provider gave you.')
    for (const issuer of ['http://idp.district.example', 'accounts.google.com', 'https://idp.example/?tenant=1', 'ftp://idp.example']) {
      expect((await trpcError(admin().sso.save(input(demo.schoolId, { issuer })))).code, issuer).toBe('BAD_REQUEST')
    }
    expect((await trpcError(admin().sso.save(input(demo.schoolId, { label: 'x'.repeat(61) })))).code).toBe('BAD_REQUEST')
    expect((await trpcError(admin().sso.save(input(demo.schoolId, { label: '' })))).code).toBe('BAD_REQUEST')
    expect((await trpcError(admin().sso.save(input(demo.schoolId, { clientId: 'x'.repeat(301) })))).code).toBe('BAD_REQUEST')
    expect((await trpcError(admin().sso.save(input(demo.schoolId, { clientSecret: 'x'.repeat(501) })))).code).toBe('BAD_REQUEST')
    expect([countRows(t.sqlite, 'sso_providers'), countRows(t.sqlite, 'audit_log')]).toEqual(before)
  })

  test('turning it off keeps the settings; turning off what was never set up is refused', async () => {
    expect((await trpcError(admin().sso.disable({ schoolId: demo.schoolId }))).code).toBe('BAD_REQUEST')
    await admin().sso.save(input(demo.schoolId))
    const off = await admin().sso.disable({ schoolId: demo.schoolId })
    expect(off).toMatchObject({ enabled: false, label: 'Maple District', hasSecret: true })
    expect((await admin().sso.get({ schoolId: demo.schoolId })).provider?.enabled).toBe(false)
  })

  test('testing the connection reads the provider’s settings, or says plainly why it could not', async () => {
    expect(await admin().sso.test({ schoolId: demo.schoolId, issuer: idp.issuer, clientId: idp.clientId })).toEqual({
      issuer: idp.issuer,
      authorizationEndpoint: `${idp.issuer}/auth`,
    })
    const closed = await trpcError(admin().sso.test({ schoolId: demo.schoolId, issuer: 'http://localhost:9/' }))
    expect(closed.code).toBe('BAD_REQUEST')
    expect(closed.message).toContain('Could not read the provider’s settings at http://localhost:9')
    expect((await trpcError(admin().sso.test({ schoolId: demo.schoolId, issuer: 'http://idp.district.example' }))).code).toBe('BAD_REQUEST')
  })

  describe('everyone but the school admin is refused, and nothing changes', () => {
    const calls = (schoolId: string) => ({
      get: (c: ReturnType<typeof admin>) => c.sso.get({ schoolId }),
      save: (c: ReturnType<typeof admin>) => c.sso.save(input(schoolId)),
      disable: (c: ReturnType<typeof admin>) => c.sso.disable({ schoolId }),
      test: (c: ReturnType<typeof admin>) => c.sso.test({ schoolId, issuer: idp.issuer }),
    })

    test.each(['get', 'save', 'disable', 'test'] as const)('%s', async (name) => {
      const call = calls(demo.schoolId)[name]
      const before = [countRows(t.sqlite, 'sso_providers'), countRows(t.sqlite, 'audit_log')]
      expect((await trpcError(call(demo.callerFor('caseManager')))).code, 'case manager').toBe('FORBIDDEN')
      for (const user of ['para', 'speech', 'ot', 'parent'] as const) expect((await trpcError(call(demo.callerFor(user)))).code, user).toBe('NOT_FOUND')
      expect((await trpcError(call(demo.callerFor(null)))).code, 'signed out').toBe('UNAUTHORIZED')
      // Someone with an account and no place at the school.
      const outsiderId = randomUUID()
      t.sqlite.prepare("insert into users (id, email, name, password_hash, created_at) values (?, 'outsider@elsewhere.example', 'Out Sider', 'x', '2026-08-01T00:00:00.000Z')").run(outsiderId)
      const outsider = createCaller(createContext({ db: t.db, user: { id: outsiderId, email: 'outsider@elsewhere.example', name: 'Out Sider', language: 'en' } }))
      expect((await trpcError(call(outsider))).code, 'outsider').toBe('NOT_FOUND')
      // Maple's admin is nobody at another school.
      t.sqlite.prepare("insert into schools (id, name, created_at) values ('oak', 'Oak Middle', '2026-08-01T00:00:00.000Z')").run()
      expect((await trpcError(calls('oak')[name](admin()))).code, 'another school').toBe('NOT_FOUND')
      expect([countRows(t.sqlite, 'sso_providers'), countRows(t.sqlite, 'audit_log')]).toEqual(before)
    })
  })
})
