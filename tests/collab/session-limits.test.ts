import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { CLOSE_SIGNED_OUT } from '#server/collab/collab-server.server.ts'
import { startHarness, upgradeStatus, waitFor, type CollabHarness } from './harness.ts'

const MINUTE = 60_000

/**
 * A notebook socket lives by its session's limits (shared/session-limits.ts): typing keeps the session alive, and a
 * session that ends while the socket is open closes it, though the person never loads another page.
 */
describe('notebook sockets and session limits', () => {
  let h: CollabHarness
  let notebookId: string
  let offset = 0
  beforeEach(async () => {
    offset = 0
    h = await startHarness({ clockFor: () => () => new Date(Date.now() + offset), sessionSweepMs: 50 })
    notebookId = h.demo.notebookIds[0]!
  })
  afterEach(async () => {
    await h.stop()
  })

  test('typing is activity; the idle socket closes when its session ends, the busy one stays', async () => {
    const teacherCookie = await h.cookieFor('caseManager')
    const paraCookie = await h.cookieFor('para')
    const teacher = await h.connect('caseManager', notebookId, { cookie: teacherCookie })
    const para = await h.connect('para', notebookId, { cookie: paraCookie })
    await Promise.all([teacher.synced(), para.synced()])

    offset = 25 * MINUTE
    para.type('still here at 8:25')
    const paraSession = paraCookie.split('=')[1]!
    const lastSeen = () => (h.t.sqlite.prepare('select last_seen_at from auth_sessions where id = ?').get(paraSession) as { last_seen_at: number } | undefined)?.last_seen_at ?? 0
    await waitFor(() => lastSeen() >= Date.now() + 24 * MINUTE, 2000, 'the para’s typing to count as activity')

    offset = 31 * MINUTE
    await waitFor(() => teacher.closes.some((c) => c.code === CLOSE_SIGNED_OUT), 2000, 'the idle teacher’s socket to close')
    expect(para.closes).toEqual([])
    const teacherSession = teacherCookie.split('=')[1]!
    expect(h.t.sqlite.prepare('select count(*) as n from auth_sessions where id = ?').get(teacherSession)).toEqual({ n: 0 })
    // Her cookie opens nothing more.
    expect(await upgradeStatus(`${h.wsBase}/${notebookId}`, { origin: h.origin, cookie: teacherCookie })).toBe(401)

    offset = 56 * MINUTE
    await waitFor(() => para.closes.some((c) => c.code === CLOSE_SIGNED_OUT), 2000, 'the para’s socket to close in turn')
  })

  test('a socket is not opened on a session already past its limits', async () => {
    const cookie = await h.cookieFor('para')
    offset = 30 * MINUTE
    expect(await upgradeStatus(`${h.wsBase}/${notebookId}`, { origin: h.origin, cookie })).toBe(401)
  })
})
