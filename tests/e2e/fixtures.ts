import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { DEMO_PASSWORD, DEMO_USERS, type DemoUserKey } from '#server/demo/seed.ts'
import { TEST_CLOCK_COOKIE } from '#server/clock.server.ts'
import { MISSING_WORDS } from '#shared/i18n/i18n.ts'
import { E2E_DAYS } from './days.ts'

export { expect }
export { DEMO_PASSWORD, DEMO_USERS, type DemoUserKey }

/**
 * Fails on serious or critical axe violations (WCAG 2.x A/AA rules and best practices), naming each one
 * with the elements it was found on. Every page a journey visits is checked at least once.
 */
export async function expectAccessible(page: Page): Promise<void> {
  // Legacy mode runs axe in the page itself. The default finishes each scan in a new blank page with axe injected a
  // second time: 40 % of every scan (a mean of 4.0 s → 2.4 s here), and scans were a third of the suite's time.
  const results = await new AxeBuilder({ page }).setLegacyMode().analyze()
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const report = blocking
    .map((v) => {
      const targets = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n')
      return `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${targets}`
    })
    .join('\n')
  expect(blocking, `Serious or critical accessibility violations on ${page.url()}:\n${report}`).toEqual([])
}

/** Opens the sign-in page on `page`, fills the form and submits it; what follows is the caller's to check. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/**
 * Signs `page`'s browser in and opens the first screen: My students, or a parent's "Johnny’s plan". It posts the
 * sign-in form's fields to the sign-in action (the same throttle, session and cookie) from the browser's own
 * cookie jar, without loading the sign-in page first: that page load was a tenth of the suite's time. Journeys
 * about the form itself (sign-in, lockout) fill it with `submitSignIn`.
 */
export async function signInOn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  const origin = await postSignIn(page, email, password)
  await page.goto(`${origin}/`)
  await expect(page.getByRole('heading', { level: 1, name: /^(My students|.+’s plans?)$/ })).toBeVisible()
}

/** Only the sign-in post, from `page`'s cookie jar: the caller opens what it needs (a Spanish reader's home has Spanish headings). */
export async function postSignIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<string> {
  const baseURL = test.info().project.use.baseURL
  if (!baseURL) throw new Error('postSignIn needs the project’s baseURL')
  const origin = new URL(baseURL).origin
  const response = await page.request.post(`${origin}/sign-in`, { form: { email, password, redirectTo: '/' }, headers: { Origin: origin }, maxRedirects: 0 })
  if (response.status() !== 302) throw new Error(`Signing in ${email} was refused (${response.status()}): ${(await response.text()).slice(0, 300)}`)
  return origin
}

/**
 * Puts a browser context on `day`: the page's clock (Playwright's, running on from that moment) and the
 * server's (the test-clock cookie, honoured only by the test server). Null: the real date, untouched.
 */
export async function setDay(context: BrowserContext, day: string | null, baseURL: string | undefined): Promise<void> {
  if (!day) return
  await context.clock.install({ time: new Date(day) })
  if (baseURL) await context.addCookies([{ name: TEST_CLOCK_COOKIE, value: encodeURIComponent(day), url: baseURL }])
}

/**
 * Keys the browser had no words for (shared/i18n/i18n.ts logs them), on every page of `context`: a page shows such a
 * key raw when a module reads a catalogue section it did not add. `check` fails the test naming them.
 */
export function watchForMissingWords(context: BrowserContext): { check: () => void } {
  const missing: string[] = []
  context.on('console', (m) => {
    if (m.type() === 'error' && m.text().startsWith(MISSING_WORDS)) missing.push(`${m.text()} (on ${m.page()?.url() ?? 'a page'})`)
  })
  return { check: () => expect(missing, 'Keys shown without their words').toEqual([]) }
}

/** A page in its own browser context (its own cookies, the same day as the test), closed with the test. */
export async function freshPage(
  browser: Browser,
  track: (close: () => Promise<void>) => void,
  day: string | null = E2E_DAYS.schoolDay,
  baseURL?: string,
  serviceWorkers: 'allow' | 'block' = 'block',
): Promise<Page> {
  const context = await browser.newContext({ baseURL, serviceWorkers })
  const words = watchForMissingWords(context)
  track(async () => {
    await context.close()
    words.check()
  })
  await setDay(context, day, baseURL)
  return context.newPage()
}

/** Browser errors (a failed hydration, a crash in a component) on `page`, collected so a journey can fail on them. */
export function collectBrowserErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  return errors
}

/** An email no other test (or run) uses, under the demo school's domain. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@maple.example`
}

/** The student id from a /students/:id link on My students. */
export async function studentIdFromMyStudents(page: Page, studentName: string): Promise<string> {
  const href = await page.getByRole('list', { name: 'Students' }).getByRole('link', { name: studentName }).getAttribute('href')
  const id = href?.match(/^\/students\/([^/?#]+)/)?.[1]
  if (!id) throw new Error(`No student link for ${studentName} (href: ${String(href)})`)
  return id
}

interface Fixtures {
  /**
   * The moment the journey happens at (an ISO date-time, see days.ts), for the browser and the server; null
   * for the real date. Each project sets its default; a journey about a particular day sets its own.
   */
  day: string | null
  /** Signs the test's `page` in as a demo user through the sign-in form; resolves on My students. */
  signIn: (role: DemoUserKey) => Promise<Page>
  /** Opens a page in a new browser context (a second person or device); contexts close after the test. */
  newPersonPage: () => Promise<Page>
  /** A second person: a page in its own browser context, signed in as a demo user; resolves on My students. */
  asRole: (role: DemoUserKey) => Promise<Page>
}

export const test = base.extend<Fixtures>({
  day: [E2E_DAYS.schoolDay, { option: true }],
  context: async ({ context, day, baseURL }, provide) => {
    const words = watchForMissingWords(context)
    await setDay(context, day, baseURL)
    await provide(context)
    words.check()
  },
  // The fixture callback is named `provide`, not `use`: the React hooks lint rule reads `use(...)` as a hook.
  signIn: async ({ page }, provide) => {
    await provide(async (role) => {
      await signInOn(page, DEMO_USERS[role].email)
      return page
    })
  },
  newPersonPage: async ({ browser, day, baseURL, serviceWorkers }, provide) => {
    const closers: (() => Promise<void>)[] = []
    await provide(() => freshPage(browser, (close) => closers.push(close), day, baseURL, serviceWorkers))
    for (const close of closers) await close()
  },
  asRole: async ({ newPersonPage }, provide) => {
    await provide(async (role) => {
      const page = await newPersonPage()
      await signInOn(page, DEMO_USERS[role].email)
      return page
    })
  },
})

/** Opens a student's page from My students (where `page` must be). */
export async function openStudent(page: Page, studentName: string): Promise<void> {
  await page.getByRole('list', { name: 'Students' }).getByRole('link', { name: studentName }).click()
  await expect(page.getByRole('heading', { level: 1, name: studentName, exact: true })).toBeVisible()
}

/** On a student page as the case manager: creates an invite and returns the one-time link it shows. */
export async function createInvite(page: Page, email: string, roleLabel = 'Paraprofessional'): Promise<string> {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Role').selectOption({ label: roleLabel })
  await page.getByRole('button', { name: 'Create invite link' }).click()
  await expect(page.getByRole('status')).toContainText(`Invite created for ${email}`)
  const link = await page.getByLabel('Invite link').inputValue()
  expect(link).toMatch(/^http:\/\/localhost:\d+\/invite\/\S+$/)
  return link
}

/** On an invite page for a new account: sets a name and password and joins; resolves on the student page. */
export async function acceptAsNewAccount(
  page: Page,
  link: string,
  { name, password, studentName = 'Johnny Miller' }: { name: string; password: string; studentName?: string },
): Promise<void> {
  await page.goto(link)
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create account and join' }).click()
  await expect(page.getByRole('heading', { level: 1, name: studentName, exact: true })).toBeVisible()
}
