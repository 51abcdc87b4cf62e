import { acceptAsNewAccount, createInvite, DEMO_USERS, expect, expectAccessible, openStudent, test, uniqueEmail } from './fixtures.ts'
import { editorOf, openNotesTab, startNotebook, statusOf, typeAtEnd, uniqueTitle } from './notes-helpers.ts'

test('a teacher and a parent type in the same notebook and each sees the other within a second', async ({ page, signIn, asRole }) => {
  // Two people, two sign-ins and four accessibility scans: more than the default 30 s on a 2-core machine.
  test.setTimeout(90_000)
  const title = uniqueTitle('Weekly notes')
  await signIn('caseManager')
  await openStudent(page, 'Johnny Miller')
  await expectAccessible(page)
  const url = await startNotebook(page, title)

  const parent = await asRole('parent')
  await openStudent(parent, 'Johnny Miller')
  await openNotesTab(parent)
  await parent.getByRole('list', { name: 'Notebooks' }).getByRole('link', { name: title }).click()
  await expect(editorOf(parent, title)).toBeVisible()
  await expect(statusOf(parent)).toHaveText('All changes saved')
  expect(parent.url()).toBe(url)
  // Names of who else is here, in their cursor colours.
  await expect(page.getByRole('list', { name: 'Also editing' })).toContainText(DEMO_USERS.parent.name)
  await expect(parent.getByRole('list', { name: 'Also editing' })).toContainText(DEMO_USERS.caseManager.name)

  await typeAtEnd(page, title, 'Teacher: he read two pages today.')
  await expect(editorOf(parent, title)).toContainText('Teacher: he read two pages today.', { timeout: 1000 })
  await typeAtEnd(parent, title, 'Parent: he told me about it at dinner.')
  await expect(editorOf(page, title)).toContainText('Parent: he told me about it at dinner.', { timeout: 1000 })
  // The other person's caret carries their name.
  await expect(page.locator('.collaboration-carets__label', { hasText: DEMO_USERS.parent.name })).toBeVisible()

  // Formatting from the toolbar, by keyboard: a checklist item.
  await typeAtEnd(page, title, 'Bring the reading log')
  await page.getByRole('button', { name: 'Checklist' }).focus()
  await page.keyboard.press('Enter')
  await expect(editorOf(parent, title).getByRole('checkbox', { name: 'To do: Bring the reading log' })).toBeVisible({ timeout: 1000 })
  await expect(page.getByRole('button', { name: 'Checklist' })).toHaveAttribute('aria-pressed', 'true')
  await expectAccessible(page)
  await expectAccessible(parent)

  // The words are searchable from the student page once stored (within a second).
  await page.waitForTimeout(1200)
  await page.goto(url.replace(/\/notes\/.*$/, '/notes'))
  await page.getByRole('searchbox', { name: 'Search the notebooks' }).fill('dinner')
  await page.getByRole('button', { name: 'Search' }).click()
  const results = page.getByRole('list', { name: 'Search results' })
  await expect(results.getByRole('link', { name: title })).toBeVisible()
  await expect(results).toContainText('he told me about it at dinner')
  await expectAccessible(page)
})

test('an edit made offline is kept on the device, says so, and merges when the network returns', async ({ page, context, signIn, asRole }) => {
  test.setTimeout(60_000)
  const title = uniqueTitle('Offline notes')
  await signIn('caseManager')
  await openStudent(page, 'Johnny Miller')
  const url = await startNotebook(page, title)

  const parent = await asRole('parent')
  await parent.goto(url)
  await expect(statusOf(parent)).toHaveText('All changes saved')

  await context.setOffline(true)
  await expect(statusOf(page)).toHaveText('Offline — changes saved on this device')
  await typeAtEnd(page, title, 'Written on the bus with no signal.')
  await typeAtEnd(parent, title, 'Parent wrote this meanwhile.')
  await page.waitForTimeout(1000)
  await expect(editorOf(parent, title)).not.toContainText('Written on the bus')
  await expectAccessible(page)

  await context.setOffline(false)
  await expect(statusOf(page)).toHaveText('All changes saved', { timeout: 10_000 })
  await expect(editorOf(parent, title)).toContainText('Written on the bus with no signal.', { timeout: 5000 })
  await expect(editorOf(page, title)).toContainText('Parent wrote this meanwhile.')

  // Stored on the server too: a fresh load shows both edits.
  await page.reload()
  await expect(editorOf(page, title)).toContainText('Written on the bus with no signal.')
  await expect(editorOf(page, title)).toContainText('Parent wrote this meanwhile.')

  // History says who wrote which words.
  await page.getByRole('navigation', { name: 'Notebook pages' }).getByRole('link', { name: 'History' }).click()
  await page.getByRole('list', { name: 'Saved days' }).getByRole('link').first().click()
  const authorship = page.getByRole('list', { name: 'Who wrote what' })
  await expect(authorship.getByRole('listitem').filter({ hasText: 'Written on the bus with no signal.' })).toContainText(DEMO_USERS.caseManager.name)
  await expect(authorship.getByRole('listitem').filter({ hasText: 'Parent wrote this meanwhile.' })).toContainText(DEMO_USERS.parent.name)
})

test('on a 360 px phone: the toolbar fits, nothing scrolls sideways, and History shows a readable day', async ({ page, signIn }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await signIn('para')
  await openStudent(page, 'Johnny Miller')
  await openNotesTab(page)
  await page.getByRole('list', { name: 'Notebooks' }).getByRole('link', { name: 'Home–school notes' }).click()
  await expect(editorOf(page, 'Home–school notes')).toContainText('fire drill')
  await expect(page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link' })).toBeInViewport()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  // The para edits like everyone on the team, but only the case manager manages the notebook.
  await expect(page.getByRole('button', { name: 'Archive notebook' })).toHaveCount(0)
  await expectAccessible(page)

  await page.getByRole('navigation', { name: 'Notebook pages' }).getByRole('link', { name: 'History' }).click()
  const days = page.getByRole('list', { name: 'Saved days' })
  await days.getByRole('link').first().click()
  await expect(page.getByRole('document', { name: /Home–school notes on / })).toContainText('Sitting still costs him a lot')
  await expect(page.getByRole('list', { name: 'Who wrote what' })).toContainText('Sitting still costs him a lot')
  await expect(page.getByRole('button', { name: 'Restore this copy' })).toHaveCount(0)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expectAccessible(page)
})

test('someone removed from the team while a notebook is open is cut off at once', async ({ page, signIn, newPersonPage }) => {
  test.setTimeout(60_000)
  // A fresh invitee, never a demo user: other journeys rely on the demo team.
  const name = 'Casey Removed'
  await signIn('caseManager')
  await openStudent(page, 'Johnny Miller')
  const email = uniqueEmail('notes-removed')
  const link = await createInvite(page, email, 'Paraprofessional')
  const member = await newPersonPage()
  await acceptAsNewAccount(member, link, { name, password: 'a-long-enough-password' })
  await openNotesTab(member)
  await member.getByRole('list', { name: 'Notebooks' }).getByRole('link', { name: 'Meeting prep' }).click()
  await expect(statusOf(member)).toHaveText('All changes saved')

  await page.reload()
  // Scoped to this invitee's row by their unique email: a parallel run may have its own Casey on the team.
  const row = page.getByRole('list', { name: 'Team members' }).getByRole('listitem').filter({ hasText: email })
  await row.getByRole('button', { name: `Remove ${name} from the team` }).click()
  await expect(row).toHaveCount(0)

  await expect(statusOf(member)).toHaveText('You are no longer on this student’s team, so this notebook is closed.')
  await expect(member.getByRole('button', { name: 'Bold' })).toBeDisabled()
  await expectAccessible(member)
})
