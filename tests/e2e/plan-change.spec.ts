import { acceptAsNewAccount, createInvite, expect, expectAccessible, openStudent, test, uniqueEmail } from './fixtures.ts'
import { linkIn, waitForMail } from './mailbox.ts'

/**
 * Issue 16, item 5: a reduction reaches the family as a plain before/after, by mail and in the app; the student page
 * flags it until someone in the family acknowledges it. On Maya, with a service of this journey's own, so no other
 * journey's numbers move.
 */
test('a plan change acknowledged: the parent is told by mail, acknowledges, and the flag is gone', async ({ page, signIn, newPersonPage }) => {
  test.setTimeout(120_000)
  const service = `Speech check ${Date.now().toString(36)}`
  const parentEmail = uniqueEmail('plan-change-parent')
  const parentName = 'Robin Thompson'
  await signIn('caseManager')
  await openStudent(page, 'Maya Thompson')
  const link = await createInvite(page, parentEmail, 'Parent or guardian')
  const parent = await newPersonPage()
  await acceptAsNewAccount(parent, link, { name: parentName, password: 'a long parent password 16', studentName: 'Maya Thompson' })

  // A service of 30 minutes on Mondays, then amended to 20: a reduction.
  await page.reload()
  const services = page.getByRole('region', { name: 'Services' })
  await services.getByRole('link', { name: 'Add a service' }).click()
  await page.getByLabel('Service', { exact: true }).fill(service)
  const starts = new Date(`${await page.getByLabel('Start date').inputValue()}T00:00:00Z`)
  starts.setUTCDate(starts.getUTCDate() + 150)
  await page.getByLabel('End date').fill(starts.toISOString().slice(0, 10))
  await page.getByLabel('Provider').selectOption({ label: 'Dana Rivera (Case manager)' })
  await page.getByLabel('Minutes per session').fill('30')
  await page.getByLabel('Monday').check()
  await page.getByLabel('Pull-out (outside the classroom)').check()
  await page.getByRole('button', { name: 'Save service' }).click()
  const row = services.getByRole('listitem').filter({ has: page.getByRole('heading', { name: service }) })
  await row.getByRole('link', { name: `Amend ${service}` }).click()
  const start = await page.getByLabel('Effective date').inputValue()
  const effective = new Date(`${start}T00:00:00Z`)
  effective.setUTCDate(effective.getUTCDate() + 7)
  await page.getByLabel('Effective date').fill(effective.toISOString().slice(0, 10))
  await page.getByLabel('New minutes per session').fill('20')
  await page.getByRole('button', { name: 'Save amendment' }).click()
  await expect(page).not.toHaveURL(/\/amend$/)

  // The team sees the flag on the student page.
  const flag = page.getByRole('status').filter({ hasText: 'Reductions the family has not acknowledged' })
  await expect(flag).toBeVisible()
  // And the meeting brief asks about it.
  const studentPath = new URL(page.url()).pathname
  await page.goto(`${studentPath}/brief`)
  await expect(page.getByRole('region', { name: 'Reductions the family has not acknowledged' })).toContainText(service)
  await page.goto(studentPath)

  // The parent's mailbox: a plain before/after and a link to acknowledge.
  const mail = await waitForMail(parentEmail, (m) => m.text.includes(service))
  expect(mail.text).toMatch(new RegExp(`${service}: 1 × 30 min a week.* → 1 × 20 min a week`))
  await parent.goto(linkIn(mail, '/students/'))
  await expect(parent.getByRole('heading', { level: 2, name: 'Plan changes' })).toBeVisible()
  const change = parent.getByRole('list', { name: 'Plan changes' }).getByRole('listitem').filter({ hasText: service })
  await expect(change).toContainText('Not acknowledged by the family yet')
  await expectAccessible(parent)
  await change.getByRole('button', { name: /^Acknowledge: / }).click()
  await expect(parent.getByRole('status').filter({ hasText: 'Acknowledged.' })).toBeVisible()
  await expect(change).toContainText(`Acknowledged by ${parentName}`)

  // Acknowledged: the case manager's page no longer flags it.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Maya Thompson' })).toBeVisible()
  await expect(flag).toHaveCount(0)
  await page.getByRole('navigation', { name: 'Student pages' }).getByRole('link', { name: 'Plan changes' }).click()
  const seenByStaff = page.getByRole('list', { name: 'Plan changes' }).getByRole('listitem').filter({ hasText: service })
  await expect(seenByStaff).toContainText(`Acknowledged by ${parentName}`)
  await expect(page.getByRole('button', { name: /^Acknowledge: / })).toHaveCount(0)
})
