import { acceptAsNewAccount, createInvite, expect, expectAccessible, openStudent, signInOn, test, uniqueEmail } from './fixtures.ts'

const PASSWORD = 'a-long-enough-passphrase-17'

test('the Account page names my signed-in devices and signs one out; my name changes for my teams', async ({ page, signIn, newPersonPage }) => {
  const email = uniqueEmail('devices')
  await signIn('caseManager')
  await openStudent(page, 'Johnny Miller')
  const invite = await createInvite(page, email, 'Paraprofessional')

  // The para joins on a phone-width screen, then signs in on a second device.
  const phone = await newPersonPage()
  await phone.setViewportSize({ width: 360, height: 740 })
  await acceptAsNewAccount(phone, invite, { name: 'Rosa Diaz', password: PASSWORD })
  const ipad = await newPersonPage()
  await signInOn(ipad, email, PASSWORD)

  await phone.goto('/account')
  const devices = phone.getByRole('region', { name: 'Signed-in devices' })
  const list = devices.getByRole('list', { name: 'Signed-in devices' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(list.getByRole('listitem').first()).toContainText('This device')
  await expect(list.getByRole('listitem').first()).toContainText('when joining from an invite')
  await expect(list.getByRole('listitem').nth(1)).toContainText('with a password')
  await expectAccessible(phone)

  await list.getByRole('listitem').nth(1).getByRole('button', { name: /^Sign out/ }).click()
  await expect(devices.getByRole('status')).toHaveText('That device is signed out.')
  await expect(list.getByRole('listitem')).toHaveCount(1)
  // The other device's next step lands on sign-in.
  await ipad.reload()
  await expect(ipad).toHaveURL(/\/sign-in/)

  // A name typed empty is refused; a new one is what the team sees.
  const nameForm = phone.getByRole('region', { name: 'Your name' })
  await nameForm.getByLabel('Name shown to your teams').fill('   ')
  await nameForm.getByRole('button', { name: 'Save name' }).click()
  await expect(nameForm.getByLabel('Name shown to your teams')).toHaveAccessibleDescription(/Type the name your teams know you by/)
  await nameForm.getByLabel('Name shown to your teams').fill('Rosa Díaz-Lopez')
  await nameForm.getByRole('button', { name: 'Save name' }).click()
  await expect(nameForm.getByRole('status')).toHaveText('Your name is saved.')
  await page.reload()
  await expect(page.getByRole('main')).toContainText('Rosa Díaz-Lopez')
})
