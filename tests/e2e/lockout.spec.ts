import { expect, expectAccessible, freshPage, signInOn, test, DEMO_USERS } from './fixtures.ts'

// No other test signs in with this address, so its failure count is this journey's alone.
const EMAIL = 'lockout-test@maple.example'

test('ten failed sign-ins lock the account, and the next attempt says it is locked for 15 minutes', async ({ page, browser, day, baseURL }) => {
  const attempt = async (n: number) => {
    await page.goto('/sign-in')
    await page.getByLabel('Email').fill(EMAIL)
    await page.getByLabel('Password').fill(`wrong-password-${n}`)
    await page.getByRole('button', { name: 'Sign in' }).click()
    const alert = page.getByRole('alert')
    await expect(alert).toBeVisible()
    return (await alert.innerText()).trim()
  }

  const first = await attempt(1)
  expect(first).toMatch(/do not match/i)
  for (let n = 2; n <= 9; n++) {
    expect(await attempt(n), `attempt ${n}`).toBe(first)
  }
  // The 10th failure itself starts the lock (shared/sign-in-lockout.ts: locked for 15 minutes from the 10th).
  expect(await attempt(10)).toMatch(/locked/i)

  const eleventh = await attempt(11)
  expect(eleventh).toMatch(/locked/i)
  expect(eleventh).toMatch(/15 more minutes/)
  await expectAccessible(page)

  // The lock is per email: another account still signs in.
  let close = async () => {}
  try {
    await signInOn(await freshPage(browser, (c) => (close = c), day, baseURL), DEMO_USERS.speech.email)
  } finally {
    await close()
  }
})
