import {
  acceptAsNewAccount,
  createInvite,
  expect,
  expectAccessible,
  openStudent,
  test,
  uniqueEmail,
  DEMO_USERS,
} from './fixtures.ts'

const GOOD_PASSWORD = 'a-long-enough-password'

test.describe('inviting someone to a student’s team', () => {
  test('a new para accepts an invite link once and joins Johnny’s team', async ({ page, signIn, newPersonPage }) => {
    const email = uniqueEmail('new-para')
    const name = 'Robin Okafor'
    await signIn('caseManager')
    await openStudent(page, 'Johnny Miller')
    const link = await createInvite(page, email, 'Paraprofessional')
    await expect(page.getByRole('list', { name: 'Pending invites' })).toContainText(email)
    await expectAccessible(page)

    const invitee = await newPersonPage()
    await invitee.goto(link)
    await expect(invitee.getByRole('heading', { level: 1, name: 'Join Johnny Miller’s team' })).toBeVisible()
    await expect(invitee.getByText(`${DEMO_USERS.caseManager.name} invited ${email} to join Johnny Miller’s team as paraprofessional.`)).toBeVisible()
    await expect(invitee.getByLabel('Email')).toHaveValue(email)
    await expectAccessible(invitee)

    await acceptAsNewAccount(invitee, link, { name, password: GOOD_PASSWORD })
    await expect(invitee).toHaveURL(/\/students\/[^/]+$/)
    await expect(invitee.getByText('Your role: Paraprofessional')).toBeVisible()
    await expect(invitee.getByRole('list', { name: 'Team members' }).getByText(name, { exact: true })).toBeVisible()

    await invitee.getByRole('link', { name: 'Same Page' }).click()
    await expect(invitee.getByRole('heading', { level: 1, name: 'My students' })).toBeVisible()
    const students = invitee.getByRole('list', { name: 'Students' }).getByRole('listitem')
    await expect(students).toHaveCount(1)
    await expect(students).toContainText('Johnny Miller')
    await expect(students).toContainText('Your role: Paraprofessional')

    // The case manager sees the new member on the team and the invite no longer pending.
    await page.reload()
    await expect(page.getByRole('list', { name: 'Team members' }).getByText(name, { exact: true })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Team members' })).toContainText(email)
    await expect(page.getByRole('list', { name: 'Pending invites' }).getByText(email)).toHaveCount(0)

    // The link works once: opened again, signed in or not, it says it was used.
    for (const visitor of [invitee, await newPersonPage()]) {
      await visitor.goto(link)
      await expect(visitor.getByRole('heading', { level: 1, name: 'This invite can’t be used' })).toBeVisible()
      await expect(visitor.getByText(/already been used/)).toBeVisible()
      await expect(visitor.getByRole('button', { name: 'Create account and join' })).toHaveCount(0)
    }
    await expectAccessible(invitee)
  })

  test('inviting someone already on the team gets a clear message', async ({ page, signIn }) => {
    await signIn('caseManager')
    await openStudent(page, 'Johnny Miller')
    await page.getByLabel('Email').fill(DEMO_USERS.para.email)
    await page.getByLabel('Role').selectOption({ label: 'Paraprofessional' })
    await page.getByRole('button', { name: 'Create invite link' }).click()
    await expect(page.getByRole('alert')).toContainText(`${DEMO_USERS.para.email} is already on this student's team`)
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByLabel('Invite link')).toHaveCount(0)
    await expectAccessible(page)
  })

  test('a malformed email gets a message on the Email field', async ({ page, signIn }) => {
    await signIn('caseManager')
    await openStudent(page, 'Johnny Miller')
    await page.getByLabel('Email').fill('not-an-email')
    await page.getByRole('button', { name: 'Create invite link' }).click()
    await expect(page.getByRole('alert')).toContainText('Please correct the fields marked below.')
    const emailField = page.getByLabel('Email')
    await expect(emailField).toHaveAttribute('aria-invalid', 'true')
    await expect(emailField).toHaveAccessibleDescription(/Enter a valid email address/)
    await expect(emailField).toHaveValue('not-an-email')
    await expect(page.getByLabel('Invite link')).toHaveCount(0)
    await expectAccessible(page)
  })

  test('a too-short password at acceptance is refused, creates nothing, and the link still works', async ({
    page,
    signIn,
    newPersonPage,
  }) => {
    const email = uniqueEmail('short-password')
    await signIn('caseManager')
    await openStudent(page, 'Johnny Miller')
    const link = await createInvite(page, email, 'Service provider')

    const invitee = await newPersonPage()
    await invitee.goto(link)
    await invitee.getByLabel('Your name').fill('Casey Short')
    await invitee.getByLabel('Password').fill('short-pw') // 8 characters
    await invitee.getByRole('button', { name: 'Create account and join' }).click()
    await expect(invitee.getByRole('alert')).toContainText('Please correct the fields marked below.')
    const password = invitee.getByLabel('Password')
    await expect(password).toHaveAttribute('aria-invalid', 'true')
    await expect(password).toHaveAccessibleDescription(/at least 10 characters/)
    await expectAccessible(invitee)

    // Nothing was created: the link still offers a new account (not "sign in"), and the session is absent.
    await invitee.goto(link)
    await expect(invitee.getByRole('button', { name: 'Create account and join' })).toBeVisible()
    await expect(invitee.getByText('You already have an account')).toHaveCount(0)
    expect((await invitee.context().cookies()).some((c) => c.name === 'same_page_session')).toBe(false)

    await acceptAsNewAccount(invitee, link, { name: 'Casey Short', password: GOOD_PASSWORD })
    await expect(invitee.getByText('Your role: Service provider')).toBeVisible()
  })

  test('a cancelled invite link can no longer be used', async ({ page, signIn, newPersonPage }) => {
    const email = uniqueEmail('cancelled')
    await signIn('caseManager')
    await openStudent(page, 'Johnny Miller')
    const link = await createInvite(page, email, 'Parent or guardian')
    const pending = page.getByRole('list', { name: 'Pending invites' })
    await pending.getByRole('button', { name: `Cancel the invite for ${email}` }).click()
    await expect(pending.getByText(email)).toHaveCount(0)

    const invitee = await newPersonPage()
    await invitee.goto(link)
    await expect(invitee.getByRole('heading', { level: 1, name: 'This invite can’t be used' })).toBeVisible()
    await expect(invitee.getByText(/was cancelled/)).toBeVisible()
  })
})
