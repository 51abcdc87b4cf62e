import type { Page } from '@playwright/test'
import { startOidcProvider, type TestOidcProvider, UNVERIFIED_PREFIX } from '#tests/fixtures/oidc-provider.ts'
import { DEMO_USERS, expect, expectAccessible, signInOn, test } from './fixtures.ts'

// Issue 17: the school admin sets up the district's own sign-in service (OpenID Connect), and staff sign in through
// the provider's own login page. The provider is a real one (oidc-provider), started here on E2E_PORT + 10.
// Journeys share one demo database: the label is this run's own, and the provider is turned off at the end.

test.describe.configure({ mode: 'serial' })

let idp: TestOidcProvider
const label = `Maple District ${Date.now().toString(36)}`

test.beforeAll(async () => {
  const baseURL = test.info().project.use.baseURL
  if (!baseURL) throw new Error('The SSO journey needs the project’s baseURL')
  idp = await startOidcProvider({ redirectUri: `${baseURL}/sso/callback`, port: Number(new URL(baseURL).port) + 10 })
})

test.afterAll(async () => {
  await idp?.close()
})

const providerCard = (page: Page) => page.getByRole('region', { name: 'Provider' })

async function openSignInMethods(page: Page) {
  await page.getByRole('link', { name: 'School settings' }).click()
  await page.getByRole('link', { name: 'Set up sign-in methods' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign-in methods' })).toBeVisible()
}

/** From the sign-in page: the school's button, then the provider's own login form. */
async function signInAtProvider(page: Page, login: string) {
  await page.goto('/sign-in')
  await page.getByRole('link', { name: `Sign in with ${label}` }).click()
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/`))
  await page.locator('input[name="login"]').fill(login)
  await page.locator('input[name="password"]').fill('whatever the district asks')
  await page.getByRole('button', { name: 'Sign-in' }).click()
}

test('the school admin sets up the district’s provider; a staff member signs in through it, and an unverified email is refused', async ({ page, signIn, newPersonPage }) => {
  await page.setViewportSize({ width: 360, height: 800 })
  await signIn('admin')
  await openSignInMethods(page)
  await expectAccessible(page)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expect(page.getByLabel('Redirect URI')).toHaveValue(/^http:\/\/localhost:\d+\/sso\/callback$/)

  // A plain-http issuer that is not this machine is refused beside its field.
  await page.getByLabel('Name on the button').fill(label)
  await page.getByLabel('Issuer URL').fill('http://idp.district.example')
  await page.getByLabel('Client ID').fill(idp.clientId)
  await page.getByLabel('Client secret').fill(idp.clientSecret)
  await page.getByRole('button', { name: 'Test the connection' }).click()
  await expect(page.getByLabel('Issuer URL')).toHaveAccessibleDescription(/must start with https:\/\//)

  await page.getByLabel('Issuer URL').fill(idp.issuer)
  await page.getByRole('button', { name: 'Test the connection' }).click()
  await expect(providerCard(page).getByRole('status')).toContainText(`Connected to ${idp.issuer}`)
  await page.getByRole('button', { name: 'Save and turn on' }).click()
  await expect(providerCard(page).getByRole('status')).toContainText(`Saved. The sign-in page now offers “Sign in with ${label}”.`)
  // The secret never comes back to the page.
  await expect(page.getByLabel('Client secret')).toHaveValue('')
  expect(await page.content()).not.toContain(idp.clientSecret)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Same Page' })).toBeVisible()
  await expectAccessible(page)

  // A staff member: the button, the provider's own login page, and back signed in to Same Page.
  await signInAtProvider(page, DEMO_USERS.caseManager.email)
  await expect(page.getByRole('heading', { level: 1, name: 'My students' })).toBeVisible()
  expect(new URL(page.url()).pathname).toBe('/')
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()

  // A callback whose state this browser never started: refused, nothing signed in.
  const other = await newPersonPage()
  await other.goto('/sso/callback?code=forged&state=forged')
  await expect(other.getByRole('alert')).toHaveText('This sign-in link is not from this browser or has expired; start again.')

  // An email the provider has not verified: refused with the reason, not signed in.
  await signInAtProvider(other, `${UNVERIFIED_PREFIX}${DEMO_USERS.para.email}`)
  await expect(other.getByRole('heading', { level: 1, name: 'You are not signed in' })).toBeVisible()
  await expect(other.getByRole('alert')).toContainText('The sign-in service has not verified your email address')
  await expectAccessible(other)
  await other.getByRole('link', { name: 'Back to sign-in' }).click()
  await expect(other.getByRole('heading', { level: 1, name: 'Sign in to Same Page' })).toBeVisible()
})

test.afterAll(async ({ browser }) => {
  // Whatever happened above, the shared demo must not keep offering this run's provider.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL })
  const page = await context.newPage()
  await signInOn(page, DEMO_USERS.admin.email)
  await openSignInMethods(page)
  const off = page.getByRole('button', { name: 'Turn off' })
  if (await off.count()) {
    await off.click()
    await expect(providerCard(page).getByRole('status')).toContainText('Turned off.')
  }
  await page.getByRole('button', { name: 'Sign out' }).click()
  // Signing out loads the sign-in page whole; a goto before it arrives would abort that navigation.
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Same Page' })).toBeVisible()
  await expect(page.getByRole('link', { name: /^Sign in with / })).toHaveCount(0)
  await context.close()
})
