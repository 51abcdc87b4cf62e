import type { Locator, Page } from '@playwright/test'
import { expect, expectAccessible, test } from './fixtures.ts'
import {
  accommodationIds,
  checkHistory,
  openChoices,
  openSchoolDay,
  openTodayFromMyStudents,
  recordedAs,
  studentCard,
  studentIdOf,
  supportRow,
} from './today-helpers.ts'

// Offline taps are the service worker's business as much as the page's: these journeys run with it installed.
test.use({ serviceWorkers: 'allow' })

interface Queued {
  clientId: string
  studentId: string
  accommodationId: string
  date: string
  status: string
  reason?: string
}

/** What the phone's queue holds, read straight from localStorage (every signed-in person has their own key). */
async function queuedOnPhone(page: Page): Promise<Queued[]> {
  return page.evaluate(() => {
    const out: Queued[] = []
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (key?.startsWith('same-page:check-queue:')) out.push(...(JSON.parse(localStorage.getItem(key) ?? '[]') as Queued[]))
    }
    return out
  })
}

/** Record counts per accommodation for the day, for every accommodation of the given students. */
async function recordCounts(page: Page, studentIds: string[], date: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const studentId of studentIds) {
    for (const accommodationId of (await accommodationIds(page, studentId)).values()) {
      counts.set(accommodationId, (await checkHistory(page, studentId, accommodationId, date)).length)
    }
  }
  return counts
}

async function tap(card: Locator, label: string, title: string): Promise<void> {
  const row = supportRow(card, title)
  await openChoices(row, title)
  await row.getByRole('button', { name: `${label}: ${title}`, exact: true }).click()
  await expect(recordedAs(row, title, label)).toBeVisible()
  await expect(row.getByText('Waiting to sync')).toBeVisible()
}

test('taps made offline wait on the phone, then reach the server exactly once', async ({ page, context, signIn }) => {
  await signIn('para')
  await openTodayFromMyStudents(page)
  const date = await openSchoolDay(page)
  const leo = studentCard(page, 'Leo Garcia')
  const ava = studentCard(page, 'Ava Brooks')
  const studentIds = [await studentIdOf(leo), await studentIdOf(ava)]
  const before = await recordCounts(page, studentIds, date)
  const leoIds = await accommodationIds(page, studentIds[0]!)
  const avaIds = await accommodationIds(page, studentIds[1]!)
  const status = page.getByRole('status', { name: 'Changes on this phone' })

  await context.setOffline(true)
  await tap(leo, 'Used', 'AAC tablet within reach')
  await tap(leo, 'Not needed', 'Headphones for loud activities')
  await tap(ava, 'Declined', 'Chunked assignments')
  await expect(status).toContainText('3 changes waiting to sync')
  await expectAccessible(page)
  const queued = await queuedOnPhone(page)
  expect(queued.map((q) => q.status)).toEqual(['used', 'not_needed', 'declined'])
  expect(new Set(queued.map((q) => q.clientId)).size).toBe(3)

  await context.setOffline(false)
  await expect(status).toHaveText('All changes saved.')
  await expect(page.getByText('Waiting to sync')).toHaveCount(0)
  expect(await queuedOnPhone(page)).toEqual([])
  await expect(recordedAs(supportRow(leo, 'AAC tablet within reach'), 'AAC tablet within reach', 'Used')).toBeVisible()

  // Exactly one new record for each tap, and none anywhere else for these students that day.
  const expected = new Map(before)
  for (const id of [leoIds.get('AAC tablet within reach')!, leoIds.get('Headphones for loud activities')!, avaIds.get('Chunked assignments')!]) {
    expected.set(id, (before.get(id) ?? 0) + 1)
  }
  const after = await recordCounts(page, studentIds, date)
  expect(after).toEqual(expected)
  expect([...after.values()].reduce((a, b) => a + b, 0) - [...before.values()].reduce((a, b) => a + b, 0)).toBe(3)
  const saved = await checkHistory(page, studentIds[1]!, avaIds.get('Chunked assignments')!, date)
  expect(saved[0]).toMatchObject({ status: 'declined', recordedBy: 'Sam Ortiz' })

  // A resend of the same change ids (a reply lost on bad Wi-Fi) returns the saved records and adds none.
  const origin = new URL(page.url()).origin
  for (const q of queued) {
    const response = await page.request.post('/api/trpc/checks.record', {
      headers: { Origin: origin },
      data: { clientId: q.clientId, studentId: q.studentId, accommodationId: q.accommodationId, date: q.date, status: q.status, reason: q.reason },
    })
    expect(response.status()).toBe(200)
    const body = (await response.json()) as { result: { data: { duplicate: boolean; status: string } } }
    expect(body.result.data).toMatchObject({ duplicate: true, status: q.status })
  }
  expect(await recordCounts(page, studentIds, date)).toEqual(expected)
})

test('taps still waiting survive a reload, show as pending, and are sent on the next try', async ({ page, signIn }) => {
  await signIn('para')
  await openTodayFromMyStudents(page)
  const date = await openSchoolDay(page)
  const johnny = studentCard(page, 'Johnny Miller')
  const johnnyId = await studentIdOf(johnny)
  const ids = await accommodationIds(page, johnnyId)
  const status = page.getByRole('status', { name: 'Changes on this phone' })

  // Wi-Fi that shows as connected but drops every request: the taps stay queued.
  const record = '**/api/trpc/checks.record**'
  await page.route(record, (route) => route.abort('internetdisconnected'))
  await tap(johnny, 'Used', 'Word problems read aloud')
  await tap(johnny, 'Not needed', 'Extra time')
  await expect(status).toContainText('2 changes waiting to sync')

  await page.reload()
  await expect(status).toContainText('2 changes waiting to sync')
  const wordProblems = supportRow(johnny, 'Word problems read aloud')
  await expect(recordedAs(wordProblems, 'Word problems read aloud', 'Used')).toBeVisible()
  await expect(wordProblems.getByText('Waiting to sync')).toBeVisible()
  await expect(recordedAs(supportRow(johnny, 'Extra time'), 'Extra time', 'Not needed')).toBeVisible()

  // The connection comes back; the page retries on its own (every ~10 s while anything waits).
  await page.unroute(record)
  await expect(status).toHaveText('All changes saved.', { timeout: 20_000 })
  expect((await checkHistory(page, johnnyId, ids.get('Word problems read aloud')!, date)).map((c) => c.status)).toEqual(['used'])
  expect((await checkHistory(page, johnnyId, ids.get('Extra time')!, date)).map((c) => c.status)).toEqual(['not_needed'])
})

test('a change the server refuses leaves the queue and says, beside it, that it was not saved', async ({ page, context, signIn }) => {
  await signIn('para')
  await openTodayFromMyStudents(page)
  const date = await openSchoolDay(page)
  const leo = studentCard(page, 'Leo Garcia')
  const ava = studentCard(page, 'Ava Brooks')
  const [leoId, avaId] = [await studentIdOf(leo), await studentIdOf(ava)]
  const leoIds = await accommodationIds(page, leoId)
  const avaIds = await accommodationIds(page, avaId)
  const headphones = supportRow(leo, 'Headphones for loud activities')
  // The status the row shows (its chip), or none when nothing is recorded.
  const pressed = () => headphones.locator('[data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))
  const shownBefore = await pressed()
  const status = page.getByRole('status', { name: 'Changes on this phone' })

  // One good tap while offline; then two changes the server can only refuse join the queue (as a stale
  // page, another tab, or an older version of the app could leave them): a reason over the limit, and a
  // day in the future.
  await context.setOffline(true)
  await tap(leo, 'Declined', 'AAC tablet within reach')
  await page.evaluate(
    ({ leoId, avaId, headphonesId, chunkedId, date }) => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('same-page:check-queue:'))!
      const queue = JSON.parse(localStorage.getItem(key)!) as unknown[]
      const base = { queuedAt: new Date().toISOString(), studentName: '', title: '' }
      queue.push(
        { ...base, clientId: crypto.randomUUID(), studentId: leoId, accommodationId: headphonesId, date, status: 'not_provided', reason: 'x'.repeat(301), studentName: 'Leo Garcia', title: 'Headphones for loud activities' },
        { ...base, clientId: crypto.randomUUID(), studentId: avaId, accommodationId: chunkedId, date: '2099-01-05', status: 'used', studentName: 'Ava Brooks', title: 'Chunked assignments' },
      )
      localStorage.setItem(key, JSON.stringify(queue))
    },
    { leoId, avaId, headphonesId: leoIds.get('Headphones for loud activities')!, chunkedId: avaIds.get('Chunked assignments')!, date },
  )
  await context.setOffline(false)

  // Nothing is silently lost: each refusal is said where it belongs, and nothing waits any more.
  await expect(headphones.getByRole('alert')).toHaveText('Not saved: Keep the reason under 300 characters.')
  const elsewhere = page.getByRole('alert').filter({ hasText: 'A change was not saved' })
  await expect(elsewhere).toContainText('Ava Brooks, Chunked assignments on Mon, Jan 5 (Used): Supports can’t be recorded for a future day.')
  await expect(status).toContainText('Nothing is waiting to sync, but 2 changes were not saved')
  expect(await queuedOnPhone(page)).toEqual([])
  // The refused choice is not shown as made: the row shows what the server holds.
  await expect.poll(pressed).toEqual(shownBefore)
  await expect(recordedAs(supportRow(leo, 'AAC tablet within reach'), 'AAC tablet within reach', 'Declined')).toBeVisible()
  await expectAccessible(page)
})
