import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { CLOSE_SIGNED_OUT } from '#server/collab/collab-server.server.ts'
import { CLOSE_REASON_SWITCHED_OFF } from '#shared/notes/collab-protocol.ts'
import { startHarness, upgradeStatus, waitFor, type CollabHarness } from './harness.ts'

// docs/people.md: a school admin deactivates an account; every notebook socket of that person closes at once.
describe('a deactivated account’s notebooks', () => {
  let h: CollabHarness
  let notebookId: string
  beforeEach(async () => {
    h = await startHarness()
    notebookId = h.demo.notebookIds[0]!
  })
  afterEach(() => h.stop())

  test('every open socket of the person closes (each device, each notebook), others stay, and nothing typed after lands', async () => {
    const [first, second] = h.demo.notebookIds
    const para = await h.connect('para', first!)
    const paraOtherDevice = await h.connect('para', second!)
    const teacher = await h.connect('caseManager', first!)
    await Promise.all([para.synced(), paraOtherDevice.synced(), teacher.synced()])
    const paraCookie = await h.cookieFor('para')

    await h.demo.callerFor('admin').people.deactivate({ schoolId: h.demo.schoolId, userId: h.demo.users.para })
    para.type('typed as the deactivation lands')
    const switchedOff = { code: CLOSE_SIGNED_OUT, reason: CLOSE_REASON_SWITCHED_OFF }
    await waitFor(() => para.closes.some((c) => c.code === switchedOff.code && c.reason === switchedOff.reason), 2000, 'the para’s socket to close')
    await waitFor(() => paraOtherDevice.closes.some((c) => c.reason === CLOSE_REASON_SWITCHED_OFF), 2000, 'her other device’s socket to close')
    await waitFor(() => h.created.collab.openSockets() === 1, 2000, 'only the teacher left')
    expect(teacher.closes).toEqual([])

    teacher.type('the team carries on')
    await waitFor(() => teacher.text().includes('the team carries on'))
    await new Promise((r) => setTimeout(r, 300))
    expect(teacher.text()).not.toContain('typed as the deactivation lands')
    // A session made before (or a cookie kept) opens nothing now: the account is signed out everywhere.
    expect(await upgradeStatus(`${h.wsBase}/${notebookId}`, { origin: h.origin, cookie: paraCookie })).toBe(401)

    // Reactivated, a new sign-in opens the notebook again.
    await h.demo.callerFor('admin').people.reactivate({ schoolId: h.demo.schoolId, userId: h.demo.users.para })
    expect(await upgradeStatus(`${h.wsBase}/${notebookId}`, { origin: h.origin, cookie: await h.cookieFor('para') })).toBe(101)
  })
})
