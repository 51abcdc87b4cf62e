import { acceptAsNewAccount, createInvite, expect, expectAccessible, openStudent, test, uniqueEmail } from './fixtures.ts'

test('a removed member loses Johnny at once, even in a tab they still have open', async ({ page, signIn, newPersonPage }) => {
  // A fresh invitee, never a demo user: other journeys rely on the demo team.
  const email = uniqueEmail('to-remove')
  const name = 'Robin Removed'
  await signIn('caseManager')
  await openStudent(page, 'Johnny Miller')
  const link = await createInvite(page, email, 'Paraprofessional')

  const member = await newPersonPage()
  await acceptAsNewAccount(member, link, { name, password: 'a-long-enough-password' })
  const johnnyUrl = member.url()

  await page.reload()
  const team = page.getByRole('list', { name: 'Team members' })
  await expect(team.getByText(name, { exact: true })).toBeVisible()
  await page.getByRole('button', { name: `Remove ${name} from the team` }).click()
  await expect(team.getByText(name, { exact: true })).toHaveCount(0)
  await expect(page.getByRole('list', { name: 'Recent changes' })).toContainText(`removed ${name} (paraprofessional) from the team`)

  // The member's tab is still on Johnny's page: reloading it now gives the 404 page.
  expect(member.url()).toBe(johnnyUrl)
  const response = await member.reload()
  expect(response?.status()).toBe(404)
  await expect(member.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expect(member.getByRole('heading', { name: 'Johnny Miller', exact: true })).toHaveCount(0)

  await member.getByRole('link', { name: 'Back to My students' }).click()
  await expect(member.getByRole('heading', { level: 1, name: 'My students' })).toBeVisible()
  await expect(member.getByRole('main')).not.toContainText('Johnny')
  await expect(member.getByText('You are not on any student’s team yet.')).toBeVisible()
  await expectAccessible(member)
})
