import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createRequestAuth } from '#server/auth/request-auth.server.ts'
import { CLOSE_REMOVED, CLOSE_SIGNED_OUT } from '#server/collab/collab-server.server.ts'
import { SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import { fragmentText, startHarness, upgradeStatus, waitFor, type CollabHarness } from './harness.ts'

describe('the /collab socket', () => {
  let h: CollabHarness
  let notebookId: string
  beforeEach(async () => {
    h = await startHarness()
    notebookId = h.demo.notebookIds[0]!
  })
  afterEach(() => h.stop())

  test('two team members converge after concurrent edits', async () => {
    const teacher = await h.connect('caseManager', notebookId)
    const parent = await h.connect('parent', notebookId)
    await Promise.all([teacher.synced(), parent.synced()])
    expect(teacher.text()).toContain('fire drill')
    expect(parent.text()).toBe(teacher.text())
    // Both type before either sees the other's edit.
    for (let i = 0; i < 20; i++) {
      teacher.type(`teacher line ${i}`)
      parent.type(`parent line ${i}`)
    }
    await waitFor(() => teacher.text() === parent.text() && teacher.text().includes('parent line 19') && parent.text().includes('teacher line 19'), 5000, 'convergence')
    for (let i = 0; i < 20; i++) {
      expect(teacher.text()).toContain(`teacher line ${i}`)
      expect(teacher.text()).toContain(`parent line ${i}`)
    }
  })

  test('a member of the team (the para) is accepted; someone not on the team gets the same 404 as a missing notebook', async () => {
    const base = { origin: h.origin }
    expect(await upgradeStatus(`${h.wsBase}/${notebookId}`, { ...base, cookie: await h.cookieFor('para') })).toBe(101)
    // The school admin sees Johnny's plan but is not on his team (docs/domain.md#notebooks).
    expect(await upgradeStatus(`${h.wsBase}/${notebookId}`, { ...base, cookie: await h.cookieFor('admin') })).toBe(404)
    expect(await upgradeStatus(`${h.wsBase}/no-such-notebook`, { ...base, cookie: await h.cookieFor('para') })).toBe(404)
  })

  test('a non-member’s provider never receives the notebook', async () => {
    const outsider = await h.connect('admin', notebookId)
    await new Promise((r) => setTimeout(r, 400))
    expect(outsider.provider.isSynced).toBe(false)
    expect(outsider.text()).toBe('')
  })

  test('signed-out, stale-session and foreign-origin sockets are refused', async () => {
    const cookie = await h.cookieFor('caseManager')
    expect(await upgradeStatus(`${h.wsBase}/${notebookId}`, { origin: h.origin })).toBe(401)
    expect(await upgradeStatus(`${h.wsBase}/${notebookId}`, { origin: h.origin, cookie: `${SESSION_COOKIE}=not-a-session` })).toBe(401)
    expect(await upgradeStatus(`${h.wsBase}/${notebookId}`, { origin: 'http://evil.example', cookie })).toBe(403)
    expect(await upgradeStatus(`${h.wsBase}/${notebookId}`, { cookie })).toBe(403)
    expect(await upgradeStatus(`ws://${h.host}/collab`, { origin: h.origin, cookie })).toBe(404)
    expect(await upgradeStatus(`ws://${h.host}/elsewhere`, { origin: h.origin, cookie })).toBe(404)
    // The same cookie from this site is fine: the refusals above were for the reasons named.
    expect(await upgradeStatus(`${h.wsBase}/${notebookId}`, { origin: h.origin, cookie })).toBe(101)
    const foreign = await h.connect('caseManager', notebookId, { origin: 'http://evil.example' })
    const signedOut = await h.connect('caseManager', notebookId, { cookie: null })
    await new Promise((r) => setTimeout(r, 300))
    expect([foreign.provider.isSynced, signedOut.provider.isSynced]).toEqual([false, false])
  })

  test('a socket opened for one notebook cannot be used to reach another', async () => {
    const client = await h.connect('caseManager', notebookId)
    await client.synced()
    const other = h.demo.notebookIds[1]!
    const { HocuspocusProvider } = await import('@hocuspocus/provider')
    const Y = await import('yjs')
    const doc = new Y.Doc()
    let denied = ''
    const sneaky = new HocuspocusProvider({
      websocketProvider: client.provider.configuration.websocketProvider,
      name: other,
      document: doc,
      onAuthenticationFailed: ({ reason }) => (denied = reason),
    })
    sneaky.attach()
    await waitFor(() => denied !== '', 3000, 'the refusal')
    expect(denied).toBe('forbidden')
    expect(fragmentText(doc)).toBe('')
    sneaky.destroy()
  })

  test('a member removed from the team is disconnected at once and cannot reconnect', async () => {
    const para = await h.connect('para', notebookId)
    const teacher = await h.connect('caseManager', notebookId)
    await Promise.all([para.synced(), teacher.synced()])
    expect(h.created.collab.openSockets()).toBe(2)
    const member = h.t.sqlite
      .prepare("select id from team_members where student_id = ? and user_id = ? and removed_at is null")
      .get(h.demo.johnnyId, h.demo.users.para) as { id: string }
    await h.demo.callerFor('caseManager').team.remove({ studentId: h.demo.johnnyId, memberId: member.id })
    await waitFor(() => para.closes.some((c) => c.code === CLOSE_REMOVED), 2000, 'the removed member’s socket to close')
    await waitFor(() => h.created.collab.openSockets() === 1, 2000, 'one socket left')
    // Edits the removed member makes afterwards never reach the team.
    para.type('written after removal')
    await new Promise((r) => setTimeout(r, 400))
    expect(teacher.text()).not.toContain('written after removal')
    expect(h.created.collab.openSockets()).toBe(1)
    // A new socket with the same (still valid) session is refused like any outsider's.
    expect(await upgradeStatus(`${h.wsBase}/${notebookId}`, { origin: h.origin, cookie: await h.cookieFor('para') })).toBe(404)
    // The para keeps Leo's and Ava's notebooks: only Johnny's team changed.
    teacher.type('still editing')
    await waitFor(() => teacher.text().includes('still editing'))
  })
  test('an edit that reaches the server after the removal is refused, even before the socket has finished closing', async () => {
    const para = await h.connect('para', notebookId)
    const teacher = await h.connect('caseManager', notebookId)
    await Promise.all([para.synced(), teacher.synced()])
    const member = h.t.sqlite
      .prepare('select id from team_members where student_id = ? and user_id = ? and removed_at is null')
      .get(h.demo.johnnyId, h.demo.users.para) as { id: string }
    await h.demo.callerFor('caseManager').team.remove({ studentId: h.demo.johnnyId, memberId: member.id })
    // Typed in the same tick: the para's client has not read the server's close frame yet, so the edit is sent,
    // and arrives while the server's side of the socket is closing. It must not be applied.
    para.type('typed as the removal lands')
    await waitFor(() => para.closes.some((c) => c.code === CLOSE_REMOVED), 2000, 'the removed member’s socket to close')
    teacher.type('the team carries on')
    await waitFor(() => teacher.text().includes('the team carries on'))
    await new Promise((r) => setTimeout(r, 300))
    expect(teacher.text()).not.toContain('typed as the removal lands')
    await h.created.collab.flushAll()
    expect((await h.demo.callerFor('caseManager').notebooks.content({ studentId: h.demo.johnnyId, notebookId })).text).not.toContain('typed as the removal lands')
  })

  test('signing out closes the sockets opened with that session, and only those', async () => {
    const cookie = await h.cookieFor('parent')
    const signedOutTab = await h.connect('parent', notebookId, { cookie })
    const otherDevice = await h.connect('parent', notebookId)
    await Promise.all([signedOutTab.synced(), otherDevice.synced()])
    const sessionId = cookie.split('=')[1]!
    const auth = createRequestAuth({ db: h.t.db, lucia: h.created.lucia, user: null, sessionId, secure: false, now: () => new Date() })
    await auth.signOut()
    await waitFor(() => signedOutTab.closes.some((c) => c.code === CLOSE_SIGNED_OUT), 2000, 'the signed-out socket to close')
    await waitFor(() => h.created.collab.openSockets() === 1, 2000, 'the other device’s socket left open')
    expect(otherDevice.closes).toEqual([])
    // The old cookie no longer opens anything.
    expect(await upgradeStatus(`${h.wsBase}/${notebookId}`, { origin: h.origin, cookie })).toBe(401)
  })

  test('a sign-out that lands while the socket is being checked still wins: the socket is refused', async () => {
    const cookie = await h.cookieFor('parent')
    const sessionId = cookie.split('=')[1]!
    const lucia = h.created.lucia
    const validate = lucia.validateSession.bind(lucia)
    // The person signs out in another tab just after the upgrade validated the session, before it is accepted.
    lucia.validateSession = async (id: string) => {
      const result = await validate(id)
      if (id === sessionId) {
        const auth = createRequestAuth({ db: h.t.db, lucia, user: null, sessionId, secure: false, now: () => new Date() })
        await auth.signOut()
      }
      return result
    }
    try {
      expect(await upgradeStatus(`${h.wsBase}/${notebookId}`, { origin: h.origin, cookie })).toBe(401)
      expect(h.created.collab.openSockets()).toBe(0)
    } finally {
      lucia.validateSession = validate
    }
  })
})
