import { acceptAsNewAccount, createInvite, expect, expectAccessible, openStudent, signInOn, submitSignIn, test, uniqueEmail } from './fixtures.ts'

const PASSWORD = 'the-owners-long-password'

/**
 * Issue 12, item 5: wrong passwords slow the one who types them, with a wait that grows, and never lock the owner
 * out. Every browser here is on the same machine (one address), so the owner's browser is told apart by the device
 * cookie it got when the account was made (docs/decisions/009-sign-in-throttle.md).
 */
test('wrong passwords slow the attacker; the owner still signs in from their own browser', async ({ page, signIn, newPersonPage }) => {
  test.setTimeout(90_000)
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
  // From here each failure doubles the wait: 1 s, 2 s, 4 s, 8 s. Told to wait, the attacker waits it out and guesses
  // again, until the wait outlasts a page load on the slowest machine (so the assertions do not race the clock).
  const waits: number[] = []
  for (let n = 5; n <= 20 && (waits.at(-1) ?? 0) < 5; n++) {
    const answer = await attempt(`wrong-password-${n}`)
    const wait = answer.match(/^Too many failed sign-in attempts from here\. Wait (\d+) seconds?, then try again\./)
    if (!wait) {
      expect(answer).toMatch(/do not match/i)
      continue
    }
    waits.push(Number(wait[1]))
    if (waits.at(-1)! < 5) await attacker.waitForTimeout(waits.at(-1)! * 1000 + 100)
  }
  // The waits grew, one failure at a time (a wait is told less the time the page took to load), to 5 s or more.
  expect(waits.at(-1)).toBeGreaterThanOrEqual(5)
  expect(waits.length).toBeGreaterThanOrEqual(2)
  expect(waits.at(-1)).toBeGreaterThan(waits[0]!)
  // Then even the right password must wait.
  expect(await attempt(PASSWORD)).toMatch(/^Too many failed sign-in attempts from here\. Wait \d+ seconds?, then try again\./)
  await expectAccessible(attacker)

  // The owner, in their own browser, signs in at once.
  await signInOn(owner, email, PASSWORD)
})
