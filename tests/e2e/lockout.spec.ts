import { acceptAsNewAccount, createInvite, expect, expectAccessible, openStudent, signInOn, submitSignIn, test, uniqueEmail } from './fixtures.ts'

const PASSWORD = 'the-owners-long-password'

/**
 * Issue 12, item 5: wrong passwords slow the one who types them, with a wait that grows, and never lock the owner
 * out. Every browser here is on the same machine (one address), so the owner's browser is told apart by the device
 * cookie it got when the account was made (docs/decisions/009-sign-in-throttle.md).
 */
test('wrong passwords slow the attacker; the owner still signs in from their own browser', async ({ page, signIn, newPersonPage }) => {
  // An account of this test's own, so no other journey shares its failures.
  const email = uniqueEmail('throttle-owner')
  await signIn('caseManager')
  await openStudent(page, 'Johnny Miller')
  const link = await createInvite(page, email, 'Paraprofessional')
  const owner = await newPersonPage()
  await acceptAsNewAccount(owner, link, { name: 'Kai Owner', password: PASSWORD })
  await owner.context().clearCookies({ name: 'same_page_session' }) // signed out; the browser keeps its device cookie

  const attacker = await newPersonPage()
  const attempt = async (password: string) => {
    await submitSignIn(attacker, email, password)
    const alert = attacker.getByRole('alert')
    await expect(alert).toBeVisible()
    return (await alert.innerText()).trim()
  }
  // Four wrong passwords are checked and answered as usual.
  for (let n = 1; n <= 4; n++) expect(await attempt(`wrong-password-${n}`), `attempt ${n}`).toMatch(/do not match/i)
  // Then the attacker must wait, even with the right password, and the wait grows with each further failure.
  expect(await attempt(PASSWORD)).toMatch(/Too many failed sign-in attempts from here\. Wait 1 second, then try again\./)
  await attacker.waitForTimeout(1100)
  expect(await attempt('wrong-password-5')).toMatch(/do not match/i)
  // Now 2 s from the 5th failure (the page load already took part of it, so the count may read 1 or 2).
  expect(await attempt('wrong-password-6')).toMatch(/Too many failed sign-in attempts from here\. Wait [12] seconds?, then try again\./)
  await expectAccessible(attacker)

  // The owner, in their own browser, signs in at once.
  await signInOn(owner, email, PASSWORD)
})
