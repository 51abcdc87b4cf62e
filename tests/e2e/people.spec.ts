import type { Page } from '@playwright/test'
import { acceptAsNewAccount, createInvite, expect, expectAccessible, openStudent, signInOn, submitSignIn, test, uniqueEmail } from './fixtures.ts'
import { editorOf, openNotesTab, startNotebook, statusOf, typeAtEnd, uniqueTitle } from './notes-helpers.ts'

const PASSWORD = 'a-long-enough-password'

/** As the demo school admin: My students → People, narrowed to one person by their unique email. */
async function openPeople(admin: Page, email: string): Promise<ReturnType<Page['getByRole']>> {
  await admin.goto('/')
  await admin.getByRole('navigation', { name: 'Overviews' }).getByRole('link', { name: 'People', exact: true }).click()
  await expect(admin.getByRole('heading', { level: 1, name: 'People' })).toBeVisible()
  await admin.getByRole('searchbox', { name: 'Name or email' }).fill(email)
  await admin.getByRole('button', { name: 'Search' }).click()
  await expect(admin.getByText('1 person', { exact: true })).toBeVisible()
  return admin.getByRole('list', { name: 'People', exact: true }).getByRole('listitem').filter({ hasText: email })
}

test('an admin deactivates a para who is editing a notebook: her notebook closes, her next click lands on sign-in; reactivated, she signs in', async ({
  page,
  signIn,
  newPersonPage,
  asRole,
}) => {
  test.setTimeout(120_000)
  // A new para, never a demo user: other journeys rely on the demo team.
  const email = uniqueEmail('para-off')
  const name = 'Pat Switched'
  const title = uniqueTitle('Para notes')
  await signIn('caseManager')
  await openStudent(page, 'Johnny Miller')
  const link = await createInvite(page, email, 'Paraprofessional')
  await startNotebook(page, title)

  const para = await newPersonPage()
  await acceptAsNewAccount(para, link, { name, password: PASSWORD })
  await openNotesTab(para)
  await para.getByRole('list', { name: 'Notebooks' }).getByRole('link', { name: title }).click()
  await expect(statusOf(para)).toHaveText('All changes saved')
  await typeAtEnd(para, title, 'Para: he finished the worksheet.')
  await expect(statusOf(para)).toHaveText('All changes saved')

  const admin = await asRole('admin')
  const person = await openPeople(admin, email)
  await expect(person).toContainText('Paraprofessional')
  await expect(person).toContainText('Johnny Miller (Paraprofessional)')
  await expect(person).toContainText('Last sign-in:')
  await expectAccessible(admin)
  await person.getByRole('button', { name: `Deactivate the account of ${name}` }).click()
  // A confirm step first: nothing has changed yet.
  await expect(person).toContainText(`Deactivate the account of ${name}? They are signed out everywhere at once`)
  await expect(statusOf(para)).toHaveText('All changes saved')
  await person.getByRole('button', { name: `Yes, deactivate the account of ${name}` }).click()
  await expect(admin.getByRole('status').filter({ hasText: `The account of ${name} is deactivated.` })).toBeVisible()
  await expect(person).toContainText('Deactivated')

  // Her editor closes at once and says why; she can no longer type.
  await expect(statusOf(para)).toHaveText('Your school switched off this account, so this notebook is closed. Ask your school admin.')
  await expect(para.getByRole('button', { name: 'Bold' })).toBeDisabled()
  // What she wrote stays, with the team.
  await expect(editorOf(page, title)).toContainText('Para: he finished the worksheet.')

  // Her next click in the app lands on the sign-in page.
  await para.getByRole('navigation', { name: 'Sections of this student’s record' }).getByRole('link', { name: 'Plan' }).click()
  await expect(para).toHaveURL(/\/sign-in/)
  await expect(para.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  // The right password hears why; the account stays off.
  await submitSignIn(para, email, PASSWORD)
  await expect(para.getByRole('alert')).toContainText('This account has been switched off by your school. Ask your school admin.')

  await person.getByRole('button', { name: `Reactivate the account of ${name}` }).click()
  await expect(admin.getByRole('status').filter({ hasText: `The account of ${name} is active again.` })).toBeVisible()
  await expect(admin.getByRole('list', { name: 'Recent changes to people' })).toContainText(`reactivated the account of ${name}`)
  await expect(admin.getByRole('list', { name: 'Recent changes to people' })).toContainText(`deactivated the account of ${name}`)
  await signInOn(para, email, PASSWORD)
})

test('an admin invites a staff member and moves a caseload to her; every team follows, in history', async ({ page, signIn, asRole, newPersonPage }) => {
  test.setTimeout(120_000)
  // A throw-away case manager next to Dana on Johnny's team: the demo's own caseload never moves.
  const fromEmail = uniqueEmail('cm-leaving')
  const fromName = 'Casey Leaving'
  const toEmail = uniqueEmail('cm-new')
  const toName = 'Morgan Arriving'
  await signIn('caseManager')
  await openStudent(page, 'Johnny Miller')
  const link = await createInvite(page, fromEmail, 'Case manager')
  const leaving = await newPersonPage()
  await acceptAsNewAccount(leaving, link, { name: fromName, password: PASSWORD })

  // The admin invites the newcomer to the school's staff; she makes her account from the link.
  const admin = await asRole('admin')
  await admin.setViewportSize({ width: 360, height: 740 })
  await openPeople(admin, fromEmail)
  await admin.getByLabel('Their name').fill(toName)
  await admin.getByLabel('Their email').fill(toEmail)
  await admin.getByRole('button', { name: 'Send invite' }).click()
  await expect(admin.getByText(`Invite created for ${toEmail}.`)).toBeVisible()
  const staffLink = await admin.getByLabel('Invite link').inputValue()
  const arriving = await newPersonPage()
  await arriving.goto(staffLink)
  await expect(arriving.getByRole('heading', { level: 1, name: 'Join Maple Elementary' })).toBeVisible()
  await arriving.getByLabel('Your name').fill(toName)
  await arriving.getByLabel('Password').fill(PASSWORD)
  await arriving.getByRole('button', { name: 'Create account and join' }).click()
  await expect(arriving.getByRole('heading', { level: 1, name: 'My students' })).toBeVisible()

  const newcomer = await openPeople(admin, toEmail)
  await expect(newcomer).toContainText('Staff')
  await expect(newcomer).toContainText('On no student’s team')
  await admin.getByLabel('From case manager').selectOption({ label: `${fromName} (1 student)` })
  await admin.getByLabel('To staff member').selectOption({ label: toName })
  await admin.getByRole('button', { name: 'Move caseload' }).click()
  await expect(admin.getByRole('status').filter({ hasText: `Moved 1 student from ${fromName} to ${toName}.` })).toBeVisible()
  await expect(admin.getByRole('list', { name: 'Recent changes to people' })).toContainText(`moved the case from ${fromName} to ${toName}`)
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expectAccessible(admin)
  await expect(await openPeople(admin, toEmail)).toContainText('Johnny Miller (Case manager)')
  await expect(await openPeople(admin, fromEmail)).toContainText('On no student’s team')

  // Johnny's team and history say so; Dana then takes the newcomer off again, so the demo team stays as it was.
  await page.reload()
  const team = page.getByRole('list', { name: 'Team members' })
  await expect(team.getByRole('listitem').filter({ hasText: toEmail })).toContainText('Case manager')
  await expect(team.getByRole('listitem').filter({ hasText: fromEmail })).toHaveCount(0)
  await expect(page.getByRole('list', { name: 'Recent changes' })).toContainText(`moved the case from ${fromName} to ${toName}`)
  await team.getByRole('listitem').filter({ hasText: toEmail }).getByRole('button', { name: `Remove ${toName} from the team` }).click()
  await expect(team.getByRole('listitem').filter({ hasText: toEmail })).toHaveCount(0)
})
