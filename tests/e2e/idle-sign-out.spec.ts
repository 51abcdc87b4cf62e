import type { BrowserContext, Page } from '@playwright/test'
import { TEST_CLOCK_COOKIE } from '#server/clock.server.ts'
import { expect, expectAccessible, test, DEMO_PASSWORD, DEMO_USERS } from './fixtures.ts'
import { openChoices, recordedAs, studentCard, supportRow } from './today-helpers.ts'

// A Wednesday no other journey records supports on, so this one's tap is the only one that day.
const MORNING = '2026-12-02T09:00:00Z'
test.use({ day: MORNING })

const MINUTE = 60_000

/** Moves the server's clock for this browser (the test-clock cookie); the page's own clock is left alone. */
async function serverClockAt(context: BrowserContext, baseURL: string | undefined, minutesLater: number, secondsLater = 0): Promise<void> {
  const at = new Date(new Date(MORNING).getTime() + minutesLater * MINUTE + secondsLater * 1000).toISOString()
  await context.addCookies([{ name: TEST_CLOCK_COOKIE, value: encodeURIComponent(at), url: baseURL! }])
}

/** The page asks the server how long is left when it comes back into view; a journey cannot wait a minute for its timer. */
async function lookAgain(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('focus')))
}

test('a para left idle is warned, signed out after 30 minutes, and her offline tap is sent once she signs in again', async ({ page, context, baseURL, signIn }) => {
  await signIn('para')
  await page.getByRole('main').getByRole('link', { name: 'Today’s supports' }).click()
  await expect(page).toHaveURL(/\/today$/)
  const leo = studentCard(page, 'Leo Garcia')
  await expect(leo).toBeVisible()

  // 29 minutes and 20 seconds without a request: the page warns, and "Stay signed in" keeps her in.
  await serverClockAt(context, baseURL, 29, 20)
  await lookAgain(page)
  const warning = page.getByRole('alertdialog', { name: 'Still there?' })
  await expect(warning).toBeVisible()
  await expect(warning).toContainText(/signed out in \d+ seconds/)
  await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeFocused()
  await expectAccessible(page)
  await warning.getByRole('button', { name: 'Stay signed in' }).click()
  await expect(warning).toBeHidden()

  // The phone loses its connection; a tap waits on it.
  await context.setOffline(true)
  const row = supportRow(leo, 'AAC tablet within reach')
  await openChoices(row, 'AAC tablet within reach')
  await row.getByRole('button', { name: 'Used: AAC tablet within reach', exact: true }).click()
  await expect(row.getByText('Waiting to sync')).toBeVisible()

  // Half an hour on, back online: the session has ended, so the tap stays on the phone and she is sent to sign in.
  await serverClockAt(context, baseURL, 29 + 31, 20)
  await context.setOffline(false)
  await lookAgain(page)
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Ftoday/)
  await expect(page.getByRole('status')).toContainText('You were signed out after a time without activity')
  const queued = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('same-page:check-queue:') && localStorage.getItem(k) !== '[]').length)
  expect(queued).toBe(1)

  // The sign-in form she was sent to brings her back to Today.
  await page.getByLabel('Email').fill(DEMO_USERS.para.email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page).toHaveURL(/\/today$/)
  await expect(recordedAs(supportRow(studentCard(page, 'Leo Garcia'), 'AAC tablet within reach'), 'AAC tablet within reach', 'Used')).toBeVisible()
  await expect(page.getByText('Waiting to sync')).toHaveCount(0)
})

test('a staff session ends at the twelve-hour limit even while in use', async ({ page, context, baseURL, signIn }) => {
  await signIn('caseManager')
  for (let minutes = 20; minutes <= 700; minutes += 20) {
    await serverClockAt(context, baseURL, minutes)
    expect((await page.request.get('/session/status')).status()).toBe(200)
    // Any request the person makes is activity.
    expect((await page.request.get('/api/trpc/students.mine')).status()).toBe(200)
  }
  await serverClockAt(context, baseURL, 12 * 60)
  await page.getByRole('link', { name: 'Account' }).click()
  await expect(page).toHaveURL(/\/sign-in/)
  await expect(page.getByRole('status')).toContainText('a staff session lasts 12 hours at most')
})
