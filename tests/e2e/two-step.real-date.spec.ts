import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { generateHOTP } from '@oslojs/otp'
import type { Page } from '@playwright/test'
import { acceptAsNewAccount, createInvite, expect, expectAccessible, openStudent, submitSignIn, test, uniqueEmail } from './fixtures.ts'

// On the real-date server: its clock is the real one, so the journey computes the same codes an authenticator app
// would from the key the page shows (the school-day server's test clock runs from a moment the journey cannot know).

const PASSWORD = 'a-long-enough-password'
const step = () => Math.floor(Date.now() / 30_000)

/** The app's code for the current 30-second step, once that step is later than `after` (a code is never accepted twice). */
async function freshCode(key: Uint8Array, after: number): Promise<{ code: string; step: number }> {
  while (step() <= after) await new Promise((resolve) => setTimeout(resolve, 500))
  const now = step()
  return { code: generateHOTP(key, BigInt(now), 6), step: now }
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Same Page' })).toBeVisible()
}

test.describe('two-step sign-in', () => {
  // Waits for fresh 30-second codes (up to three), on a shared machine.
  test.describe.configure({ timeout: 240_000 })

  test('a new account turns it on with a QR code and the key as text, then signs in with a code or a recovery code (once)', async ({ page, signIn, newPersonPage }) => {
    const email = uniqueEmail('two-step')
    await signIn('caseManager')
    await openStudent(page, 'Johnny Miller')
    const invite = await createInvite(page, email, 'Paraprofessional')
    const person = await newPersonPage()
    await acceptAsNewAccount(person, invite, { name: 'Tove Lindahl', password: PASSWORD })

    await person.goto('/account')
    const card = person.getByRole('region', { name: 'Two-step sign-in' })
    await expect(card.getByText('Two-step sign-in is off.')).toBeVisible()
    await card.getByRole('link', { name: 'Turn on two-step sign-in' }).click()
    await expect(person.getByRole('heading', { level: 1, name: 'Two-step sign-in' })).toBeVisible()
    await person.getByRole('button', { name: 'Set up two-step sign-in' }).click()
    await expect(person.getByRole('img', { name: 'QR code to add Same Page to an authenticator app' })).toBeVisible()
    await expectAccessible(person)
    const keyText = (await person.getByTestId('two-step-key').innerText()).trim()
    expect(keyText).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/)
    const key = decodeBase32IgnorePadding(keyText.replace(/ /g, ''))

    let first = await freshCode(key, 0)
    await person.getByLabel('Code from your app').fill(first.code)
    await person.getByRole('button', { name: 'Turn on two-step sign-in' }).click()
    await expect(person.getByText('Two-step sign-in is on. From now on, signing in asks for a code from your app.')).toBeVisible()
    await expect(person.getByText(/Save these now: this is the only time they are shown/)).toBeVisible()
    const codes = await person.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allInnerTexts()
    expect(codes).toHaveLength(10)
    for (const code of codes) expect(code.trim()).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
    await expectAccessible(person)
    await person.getByRole('link', { name: 'I have saved them' }).click()
    await expect(person.getByRole('region', { name: 'Two-step sign-in' }).getByText('10 recovery codes left.')).toBeVisible()

    // The password alone no longer signs in: the code is asked for, and a wrong one is refused.
    await signOut(person)
    await submitSignIn(person, email, PASSWORD)
    await expect(person).toHaveURL(/\/sign-in\/code$/)
    await expect(person.getByRole('heading', { level: 1, name: 'Enter the code from your app' })).toBeVisible()
    await expectAccessible(person)
    const now = await freshCode(key, first.step)
    const wrong = `${(Number(now.code[0]) + 5) % 10}${now.code.slice(1)}`
    await person.getByLabel('Code from your app').fill(wrong)
    await person.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(person.getByRole('alert')).toHaveText('That code is not right, or it has expired. Type the code your app shows now. Nothing was changed.')
    await person.goto('/account')
    await expect(person).toHaveURL(/\/sign-in/)

    await submitSignIn(person, email, PASSWORD)
    first = await freshCode(key, first.step)
    await person.getByLabel('Code from your app').fill(first.code)
    await person.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(person.getByRole('heading', { level: 1, name: 'My students' })).toBeVisible()

    // A recovery code instead of the phone: it works once.
    await signOut(person)
    await submitSignIn(person, email, PASSWORD)
    await person.getByLabel('Recovery code').fill(codes[0]!.trim().toUpperCase())
    await person.getByRole('button', { name: 'Sign in with a recovery code' }).click()
    await expect(person.getByRole('heading', { level: 1, name: 'My students' })).toBeVisible()
    await signOut(person)
    await submitSignIn(person, email, PASSWORD)
    await person.getByLabel('Recovery code').fill(codes[0]!.trim())
    await person.getByRole('button', { name: 'Sign in with a recovery code' }).click()
    await expect(person.getByRole('alert')).toHaveText('That recovery code is not right, or it was already used. Nothing was changed.')
    await person.getByLabel('Recovery code').fill(codes[1]!.trim())
    await person.getByRole('button', { name: 'Sign in with a recovery code' }).click()
    await expect(person.getByRole('heading', { level: 1, name: 'My students' })).toBeVisible()
    await person.goto('/account')
    await expect(person.getByRole('region', { name: 'Two-step sign-in' }).getByText('8 recovery codes left.')).toBeVisible()
  })
})
