import { TEST_CLOCK_COOKIE } from '#server/clock.server.ts'
import { expect, expectAccessible, openStudent, test, uniqueEmail } from './fixtures.ts'

// An advocate at the table (docs/advocates.md), on a phone: the parent gives read-only access for one day, the advocate
// reads Johnny's plan and the parent sees it in the record of access; at midnight after that day the next request is
// refused as for any stranger, and the advocate's home page says the access ended. Servers and browsers run in UTC.
// The journey runs late on Tuesday 17 November 2026, the evening before the demo's day: access for "1 day" ends at
// 2026-11-18T00:00Z, a few minutes on, so the advocate's session (a school's stricter limits: 30 minutes idle) lasts
// past it; its entries in Johnny's history and record of access come before the demo's day, where the other journeys
// write, so none of theirs is pushed from a "newest first" list, and on that day the access has ended.
const LATE_ON_THE_DAY = '2026-11-17T23:50:00Z'
const AFTER_THE_END = '2026-11-18T00:00:01Z'
test.use({ viewport: { width: 360, height: 740 }, day: LATE_ON_THE_DAY })

test('an advocate’s access ending on time', async ({ page, signIn, newPersonPage, baseURL }) => {
  const email = uniqueEmail('advocate')
  const name = 'Rosa Advocate'

  // The parent gives access for 1 day from Johnny's page.
  await signIn('parent')
  await openStudent(page, 'Johnny Miller')
  await page.getByRole('link', { name: 'Read-only access for an advocate' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'An advocate at the table' })).toBeVisible()
  await page.getByLabel('Their name (optional)').fill(name)
  await page.getByLabel('Their email').fill(email)
  await page.getByLabel('Number of days, today included').fill('1')
  await page.getByRole('button', { name: 'Send the invitation' }).click()
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible()
  const link = await page.getByLabel(/^Their link/).inputValue()
  expect(link).toMatch(/\/invite\/\S+$/)
  const grant = page.getByRole('listitem', { name: `${name} (${email}) (not accepted yet)` })
  await expect(grant).toContainText('Invited')
  await expectAccessible(page)

  // The advocate accepts with a new account and lands on Johnny's page, read-only: no form changes anything.
  const advocate = await newPersonPage()
  await advocate.goto(link)
  await expect(advocate.getByRole('heading', { level: 1, name: 'Read Johnny Miller’s record' })).toBeVisible()
  await advocate.getByLabel('Your name').fill(name)
  await advocate.getByLabel('Password').fill('a-long-enough-password')
  await advocate.getByRole('button', { name: 'Create account and accept' }).click()
  await expect(advocate.getByRole('heading', { level: 1, name: 'Johnny Miller', exact: true })).toBeVisible()
  const studentUrl = advocate.url()
  await expect(advocate.getByText('Your role: Advocate (read only)')).toBeVisible()
  await expect(advocate.getByRole('main').locator('form[method="post"]')).toHaveCount(0)
  await expect(advocate.getByRole('link', { name: 'Add a goal' })).toHaveCount(0)
  await expect(advocate.getByRole('link', { name: 'Read-only access for an advocate' })).toHaveCount(0)
  await expectAccessible(advocate)

  // The parent sees who has access until when, and that they opened the plan.
  await page.reload()
  const accepted = page.getByRole('listitem', { name: `${name} (${email})` })
  await expect(accepted).toContainText('Can read until the end of')
  await expect(accepted.getByRole('table')).toContainText('Plan: profiles, goals, progress and accommodations')

  // Midnight after the last day: the advocate's next request is refused like a stranger's, and home says it ended.
  await advocate.context().addCookies([{ name: TEST_CLOCK_COOKIE, value: encodeURIComponent(AFTER_THE_END), url: baseURL! }])
  const refused = await advocate.goto(studentUrl)
  expect(refused?.status()).toBe(404)
  await expect(advocate.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expect(advocate.getByText('Johnny')).toHaveCount(0)
  await advocate.goto('/')
  await expect(advocate.getByRole('list', { name: 'Access that ended' })).toContainText('Your read-only access to Johnny Miller’s record ended at the end of')
  await expect(advocate.getByRole('list', { name: 'Students' })).toHaveCount(0)
  await expectAccessible(advocate)

  // The parent, at the same moment, sees it ended and can no longer revoke it.
  await page.context().addCookies([{ name: TEST_CLOCK_COOKIE, value: encodeURIComponent(AFTER_THE_END), url: baseURL! }])
  await page.reload()
  await expect(accepted).toContainText('Ended at the end of')
  await expect(accepted.getByRole('button')).toHaveCount(0)
})
