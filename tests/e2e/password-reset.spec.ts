import { acceptAsNewAccount, createInvite, expect, expectAccessible, openStudent, signInOn, submitSignIn, test, uniqueEmail } from './fixtures.ts'
import { linkIn, waitForMail } from './mailbox.ts'

const FIRST_PASSWORD = 'a-long-enough-password'
const NEW_PASSWORD = 'a-different-long-password'

test.describe('forgotten password', () => {
  // Several browsers, real mail and accessibility scans: slower than one page on the shared machine.
  test.describe.configure({ timeout: 180_000 })

  test('a reset link by mail sets a new password, signs the account out elsewhere, and works once', async ({ page, signIn, newPersonPage }) => {
    // A fresh account, never a demo one: other journeys sign in with the demo passwords.
    const email = uniqueEmail('reset-para')
    await signIn('caseManager')
    await openStudent(page, 'Johnny Miller')
    const invite = await createInvite(page, email, 'Paraprofessional')
    const elsewhere = await newPersonPage()
    await acceptAsNewAccount(elsewhere, invite, { name: 'Reese Lindqvist', password: FIRST_PASSWORD })

    const forgetful = await newPersonPage()
    await forgetful.goto('/sign-in')
    await forgetful.getByRole('link', { name: 'Forgot your password?' }).click()
    await expect(forgetful.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible()
    await expectAccessible(forgetful)
    await forgetful.getByLabel('Email').fill(email)
    await forgetful.getByRole('button', { name: 'Send the link' }).click()
    const sent = 'If an account uses that address, we’ve sent a link to reset the password. It works for one hour.'
    await expect(forgetful.getByRole('status')).toHaveText(sent)

    // An address with no account reads the very same answer.
    const stranger = await newPersonPage()
    await stranger.goto('/forgot-password')
    await stranger.getByLabel('Email').fill(uniqueEmail('no-account'))
    await stranger.getByRole('button', { name: 'Send the link' }).click()
    await expect(stranger.getByRole('status')).toHaveText(sent)

    const mail = await waitForMail(email, (m) => m.subject === 'Reset your Same Page password')
    const link = linkIn(mail, '/reset-password/')
    await forgetful.goto(link)
    await expect(forgetful.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible()
    await expectAccessible(forgetful)
    await forgetful.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
    await forgetful.getByLabel('New password again').fill('not the same password')
    await forgetful.getByRole('button', { name: 'Set the new password' }).click()
    await expect(forgetful.getByText('The two new passwords differ. Type the same one twice.')).toBeVisible()
    await forgetful.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
    await forgetful.getByLabel('New password again').fill(NEW_PASSWORD)
    await forgetful.getByRole('button', { name: 'Set the new password' }).click()
    await expect(forgetful.getByRole('heading', { level: 1, name: 'My students' })).toBeVisible()

    // The browser signed in before the reset is signed out on its next page.
    await elsewhere.reload()
    await expect(elsewhere).toHaveURL(/\/sign-in/)
    await expect(elsewhere.getByRole('heading', { level: 1, name: 'Sign in to Same Page' })).toBeVisible()

    await submitSignIn(elsewhere, email, FIRST_PASSWORD)
    await expect(elsewhere.getByText('That email and password do not match an account. Check them and try again.')).toBeVisible()
    await signInOn(elsewhere, email, NEW_PASSWORD)

    await waitForMail(email, (m) => m.subject === 'Your Same Page password was changed')

    const again = await newPersonPage()
    await again.goto(link)
    await expect(again.getByText('This link has already been used. If you did not use it, ask for a new one now.')).toBeVisible()
    await expect(again.getByRole('link', { name: 'Ask for a new link' })).toBeVisible()
    await expect(again.getByLabel('New password', { exact: true })).toHaveCount(0)
  })

  test('a signed-in person changes their password: the current one is required, the new one typed twice', async ({ page, signIn, newPersonPage }) => {
    const email = uniqueEmail('password-change')
    await signIn('caseManager')
    await openStudent(page, 'Johnny Miller')
    const invite = await createInvite(page, email, 'Paraprofessional')
    const person = await newPersonPage()
    await acceptAsNewAccount(person, invite, { name: 'Noor Haddad', password: FIRST_PASSWORD })
    await person.goto('/account')
    const form = person.getByRole('region', { name: 'Change your password' })
    const fill = async (current: string, next: string, again: string) => {
      await form.getByLabel('Current password').fill(current)
      await form.getByLabel('New password', { exact: true }).fill(next)
      await form.getByLabel('New password again').fill(again)
      await form.getByRole('button', { name: 'Change password' }).click()
    }

    // A wrong current password is said, and nothing changes.
    await fill('not my password at all', NEW_PASSWORD, NEW_PASSWORD)
    await expect(form.getByText('That is not your current password. Nothing was changed.')).toBeVisible()
    // Two different new ones: said on the second field, which names it to a screen reader.
    await fill(FIRST_PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}!`)
    await expect(form.getByLabel('New password again')).toHaveAccessibleDescription(/The two new passwords differ/)
    await fill(FIRST_PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
    await expect(form.getByRole('status')).toHaveText('Your password was changed. Every other session of your account was ended.')

    // On another browser the old password no longer opens the account; the new one does.
    const fresh = await newPersonPage()
    await submitSignIn(fresh, email, FIRST_PASSWORD)
    await expect(fresh.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
    await signInOn(fresh, email, NEW_PASSWORD)
  })

  test('a signed-in person changes their email through a link sent to the new address', async ({ page, signIn, newPersonPage }) => {
    const email = uniqueEmail('email-change')
    const newEmail = uniqueEmail('email-changed')
    await signIn('caseManager')
    await openStudent(page, 'Johnny Miller')
    const invite = await createInvite(page, email, 'Paraprofessional')
    const person = await newPersonPage()
    await acceptAsNewAccount(person, invite, { name: 'Ari Moreau', password: FIRST_PASSWORD })

    await person.getByRole('link', { name: 'Account', exact: true }).click()
    await expect(person.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible()
    await expectAccessible(person)
    const emailForm = person.getByRole('region', { name: 'Change your email' })
    await emailForm.getByLabel('New email').fill(newEmail)
    await emailForm.getByLabel('Current password').fill(FIRST_PASSWORD)
    await emailForm.getByRole('button', { name: 'Send the confirmation link' }).click()
    await expect(emailForm.getByRole('status')).toContainText(`We sent a link to ${newEmail}.`)

    const mail = await waitForMail(newEmail, (m) => m.subject === 'Confirm your new email for Same Page')
    await person.goto(linkIn(mail, '/account/email/'))
    await person.getByRole('button', { name: 'Confirm this email' }).click()
    await expect(person.getByRole('status')).toHaveText(`Your email is now ${newEmail}. Use it to sign in.`)
    await waitForMail(email, (m) => m.subject === 'Your Same Page email was changed')

    const fresh = await newPersonPage()
    await signInOn(fresh, newEmail, FIRST_PASSWORD)
  })
})
