import { expect, expectAccessible, test } from './fixtures.ts'

/**
 * Issue 16, items 4 and 7: each person chooses, per student, how notices reach them, and Laura can preview this
 * week's digest for Johnny before any is sent.
 */
test('Laura previews Johnny’s weekly email and chooses how she hears about him', async ({ page, signIn }) => {
  await signIn('parent')
  await page.getByRole('link', { name: 'Account' }).click()
  await page.getByRole('link', { name: 'How you hear about each student' }).click()
  const johnny = page.getByRole('group', { name: 'How you hear about Johnny Miller' })
  // A parent who has not chosen gets the weekly digest.
  await expect(johnny.getByRole('radio', { name: 'One email a week (Friday afternoon)' })).toBeChecked()
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Preview this week’s email' }).first().click()
  const preview = page.getByRole('region', { name: 'This week’s email about Johnny Miller, as it would be sent now' })
  await expect(preview).toContainText('Subject: Your week with Johnny')
  await expect(preview).toContainText('Speech')
  await expect(preview).toContainText('Change how you hear about Johnny')
  await expect(preview).toContainText('Nothing is sent from this preview.')

  // A choice is kept across a reload, then put back (other journeys read Laura's mail).
  await page.getByRole('group', { name: 'How you hear about Johnny Miller' }).getByRole('radio', { name: 'One email a day' }).check()
  await page.getByRole('button', { name: 'Save for Johnny Miller' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved: Johnny Miller — One email a day.' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('group', { name: 'How you hear about Johnny Miller' }).getByRole('radio', { name: 'One email a day' })).toBeChecked()
  await page.getByRole('group', { name: 'How you hear about Johnny Miller' }).getByRole('radio', { name: 'One email a week (Friday afternoon)' }).check()
  await page.getByRole('button', { name: 'Save for Johnny Miller' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved: Johnny Miller — One email a week (Friday afternoon).' })).toBeVisible()
})

test('a link from an email opens the settings at its student; a student not on the person’s team shows nothing of it', async ({ page, signIn }) => {
  await signIn('parent')
  const studentId = await page.evaluate(async () => {
    const link = document.querySelector<HTMLAnchorElement>('a[href^="/students/"]')
    return link?.getAttribute('href')?.split('/')[2] ?? ''
  })
  expect(studentId).not.toBe('')
  await page.goto(`/account/notices?student=${studentId}`)
  await expect(page.getByText('This is the student the email was about.')).toBeVisible()
  // A preview asked for a student not on her team is not shown, and says nothing about that student.
  await page.goto('/account/notices?preview=not-a-student')
  await expect(page.getByRole('region', { name: /^This week’s email about/ })).toHaveCount(0)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280)
})
