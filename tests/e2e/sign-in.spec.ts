import { DEMO_PASSWORD, DEMO_USERS, expect, expectAccessible, submitSignIn, test, uniqueEmail, type DemoUserKey } from './fixtures.ts'

/** Who sees which students on My students, and in which role (server/demo/seed.ts; README's demo table). */
// Maya's mother reads Spanish: her sign-in and her pages are the Spanish journey's (languages.spec.ts).
const EXPECTED: Record<Exclude<DemoUserKey, 'mayaParent'>, { sees: Record<string, string>; neverSees: string[] }> = {
  caseManager: {
    sees: { 'Ava Brooks': 'Case manager', 'Johnny Miller': 'Case manager', 'Leo Garcia': 'Case manager', 'Maya Thompson': 'Case manager' },
    neverSees: [],
  },
  para: {
    sees: { 'Ava Brooks': 'Paraprofessional', 'Johnny Miller': 'Paraprofessional', 'Leo Garcia': 'Paraprofessional' },
    neverSees: ['Maya Thompson'],
  },
  // Priya also runs Leo's and Ava's social skills group.
  speech: { sees: { 'Ava Brooks': 'Service provider', 'Johnny Miller': 'Service provider', 'Leo Garcia': 'Service provider' }, neverSees: ['Maya Thompson'] },
  ot: { sees: { 'Johnny Miller': 'Service provider' }, neverSees: ['Maya Thompson', 'Leo Garcia', 'Ava Brooks'] },
  parent: { sees: { 'Johnny Miller': 'Parent or guardian' }, neverSees: ['Maya Thompson', 'Leo Garcia', 'Ava Brooks'] },
  admin: {
    sees: { 'Ava Brooks': 'School admin', 'Johnny Miller': 'School admin', 'Leo Garcia': 'School admin', 'Maya Thompson': 'School admin' },
    neverSees: [],
  },
}

const DEMO_STUDENTS = new Set(Object.values(EXPECTED).flatMap((e) => [...Object.keys(e.sees), ...e.neverSees]))

test.describe('signing in', () => {
  for (const [role, { sees, neverSees }] of Object.entries(EXPECTED) as [keyof typeof EXPECTED, (typeof EXPECTED)[keyof typeof EXPECTED]][]) {
    test(`${DEMO_USERS[role].name} (${role}) sees exactly their students`, async ({ page }) => {
      // Through the form a person fills (other journeys post it without loading the page).
      await submitSignIn(page, DEMO_USERS[role].email, DEMO_PASSWORD)
      await expect(page).toHaveURL('/')
      await expect(page.getByText(`Hello, ${DEMO_USERS[role].name.split(' ')[0]}.`)).toBeVisible()

      const students = page.getByRole('list', { name: 'Students' }).getByRole('listitem')
      // Other journeys import students into the same school, so compare the demo students only.
      await expect(students.first()).toBeVisible()
      const shown = await students.getByRole('link').allInnerTexts()
      expect(shown.filter((n) => DEMO_STUDENTS.has(n.trim())).sort()).toEqual(Object.keys(sees).sort())
      for (const [name, roleLabel] of Object.entries(sees)) {
        const row = students.filter({ has: page.getByRole('link', { name, exact: true }) })
        await expect(row).toHaveCount(1)
        await expect(row).toContainText(`Your role: ${roleLabel}`)
      }
      for (const name of neverSees) {
        await expect(page.getByRole('main')).not.toContainText(name)
        await expect(page.getByRole('main')).not.toContainText(name.split(' ')[0]!)
      }
      await expectAccessible(page)
    })
  }

  test('the sign-in page is accessible and signed-out visitors are sent to it', async ({ page }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2F$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Same Page' })).toBeVisible()
    await expectAccessible(page)
  })

  test('Sign out returns to the sign-in page, and / then redirects to sign-in', async ({ page, signIn }) => {
    await signIn('para')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/sign-in$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Same Page' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0)

    await page.goto('/')
    await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2F$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Same Page' })).toBeVisible()
  })

  test('a wrong password and an unknown email get the same generic message', async ({ page }) => {
    const attempt = async (email: string, password: string) => {
      await submitSignIn(page, email, password)
      const alert = page.getByRole('alert')
      await expect(alert).toBeVisible()
      await expect(page).toHaveURL(/\/sign-in$/)
      await expect(page.getByRole('heading', { level: 1, name: 'My students' })).toHaveCount(0)
      return (await alert.innerText()).trim()
    }

    const wrongPassword = await attempt(DEMO_USERS.speech.email, `${DEMO_PASSWORD}-wrong`)
    expect(wrongPassword).toMatch(/do not match/i)
    await expectAccessible(page)

    const unknownEmail = await attempt(uniqueEmail('nobody'), DEMO_PASSWORD)
    expect(unknownEmail).toBe(wrongPassword)
  })

  test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context, signIn }) => {
    await signIn('caseManager')
    const cookies = await context.cookies()
    const session = cookies.find((c) => c.name === 'same_page_session')
    expect(session, `cookies: ${cookies.map((c) => c.name).join(', ')}`).toBeDefined()
    expect(session?.httpOnly).toBe(true)
    expect(session?.sameSite).toBe('Lax')
    expect(session?.path).toBe('/')
    // The session is not readable from page scripts.
    expect(await page.evaluate(() => document.cookie)).not.toContain('same_page_session')
  })
})
