import type { Page } from '@playwright/test'
import { en } from '#shared/i18n/en/index.ts'
import { es } from '#shared/i18n/es/index.ts'
import { STUDENT_TAB_PATHS, studentTabsFor } from '#shared/student-tabs.ts'
import { collectBrowserErrors, DEMO_USERS, expect, expectAccessible, openStudent, postSignIn, studentIdFromMyStudents, test, uniqueEmail } from './fixtures.ts'

/** English sentences of the catalogue that read differently in Spanish: none of them may show on a Spanish page. */
function englishOnly(): string[] {
  const out: string[] = []
  const walk = (english: object, spanish: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(english)) {
      const other = spanish[key]
      if (typeof value === 'string') {
        // Whole words only: placeholders and tags are filled in, so only a plain phrase is looked for as written.
        if (value !== other && !/[{<]/.test(value) && value.trim().split(/\s+/).length >= 2) out.push(value.trim())
      } else walk(value as object, other as Record<string, unknown>)
    }
  }
  walk(en, es as unknown as Record<string, unknown>)
  return out
}

async function visibleText(page: Page): Promise<string> {
  return page.locator('body').innerText()
}

test.use({ viewport: { width: 360, height: 740 } })

test('a visitor switches the site to Spanish at the foot of the page: words, refusals and the page after hydration are Spanish, on a phone', async ({ page }) => {
  const errors = collectBrowserErrors(page)
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Same Page' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  // Named in itself, so a reader of Spanish finds it without reading English.
  await page.getByRole('button', { name: 'Read this site in Español' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(page.getByRole('heading', { level: 1, name: 'Entrar a Same Page' })).toBeVisible()
  await page.waitForLoadState('networkidle')

  // After hydration the form is the browser's: a refusal from the server comes back, and reads, in Spanish.
  await page.getByLabel('Correo electrónico').fill('parent@maple.example')
  await page.getByLabel('Contraseña').fill('not-the-password')
  await page.getByRole('button', { name: 'Entrar', exact: true }).click()
  await expect(page.getByText(es.refusals.invalidCredentials)).toBeVisible()

  const text = await visibleText(page)
  expect(englishOnly().filter((sentence) => text.includes(sentence))).toEqual([])
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360)
  await expectAccessible(page)

  // And back: the switch names English in English.
  await page.getByRole('button', { name: /English$/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Same Page' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  expect(errors, 'browser errors (a hydration mismatch is React error #418 or #423)').toEqual([])
})

test('a language that is not offered is refused with a reason and changes nothing', async ({ page, baseURL }) => {
  const answer = await page.request.post('/language', { form: { language: 'fr', back: '/sign-in' }, headers: { Origin: baseURL! }, maxRedirects: 0 })
  expect(answer.status()).toBe(400)
  expect(await answer.text()).toBe(en.languages.invalid)
  expect(answer.headers()['set-cookie']).toBeUndefined()
  // A redirect elsewhere is never followed off the site.
  const offSite = await page.request.post('/language', { form: { language: 'es', back: 'https://evil.example/' }, headers: { Origin: baseURL! }, maxRedirects: 0 })
  expect(offSite.status()).toBe(302)
  expect(offSite.headers()['location']).toBe('/')
  await page.goto('/sign-in')
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
})

test('Maya’s mother reads every page of Maya’s in Spanish on her phone, with no sentence of ours left in English', async ({ page }) => {
  // Every page a parent has, each twice: as the server sends it and after hydration.
  test.slow()
  const errors = collectBrowserErrors(page)
  await postSignIn(page, DEMO_USERS.mayaParent.email)
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  const mayaLink = page.locator('a[href^="/students/"]').first()
  const maya = (await mayaLink.getAttribute('href'))!.match(/^\/students\/([^/?#]+)/)![1]!

  const pages = [
    '/',
    ...studentTabsFor('parent').map((tab) => `/students/${maya}${STUDENT_TAB_PATHS[tab]}`),
    `/students/${maya}/brief`,
    '/account',
    '/account/notices',
  ]
  const english = englishOnly()
  const leftovers: string[] = []
  const look = async (url: string, when: string) => {
    const text = await visibleText(page)
    for (const sentence of english) if (text.includes(sentence)) leftovers.push(`${url} (${when}): ${sentence}`)
  }
  for (const url of pages) {
    await page.goto(url)
    await expect(page.locator('html'), url).toHaveAttribute('lang', 'es')
    await expect(page.getByRole('heading', { level: 1 }).first(), url).toBeVisible()
    await look(url, 'from the server')
    await page.waitForLoadState('networkidle')
    await look(url, 'after hydration')
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${url}: no sideways scrolling at 360 px`).toBeLessThanOrEqual(360)
  }
  expect(leftovers).toEqual([])
  expect(errors, 'browser errors (a hydration mismatch is React error #418 or #423)').toEqual([])
})

test('a parent drafts one letter from the same records in English for the school and in Spanish for her own copy', async ({ page, signIn }) => {
  await signIn('parent')
  const johnny = await studentIdFromMyStudents(page, 'Johnny Miller')
  await page.goto(`/students/${johnny}/concerns`)
  await page.getByRole('list', { name: 'Concerns, newest first' }).getByRole('link').first().click()
  await page.getByRole('link', { name: 'Draft a letter' }).click()
  const letter = page.getByLabel('Letter (you can edit it before sending)')

  await page.getByLabel('Language of the letter').selectOption('en')
  await page.getByRole('button', { name: 'Draft a letter' }).click()
  const english = await letter.inputValue()
  expect(english).toMatch(/^Re: /m)

  await page.getByLabel('Language of the letter').selectOption('es')
  await page.getByRole('button', { name: 'Draft a letter' }).click()
  await expect(letter).toHaveValue(/^Asunto: /m)
  const spanish = await letter.inputValue()
  // The page around it stays in the reader's language; only the letter is in the one chosen.
  await expect(page.getByRole('heading', { level: 2, name: 'Draft a letter' })).toBeVisible()
  // The same facts: every number of the English letter is in the Spanish one.
  const numbers = (text: string) => [...text.matchAll(/\b\d+\b/g)].map((m) => m[0]).filter((n) => n.length > 1 && !/^20\d\d$/.test(n)).sort()
  expect(numbers(spanish)).toEqual(numbers(english))
  await expect(page.getByRole('link', { name: /Download/ })).toHaveAttribute('download', /-es\.txt$/)
})

test('a family invited in Spanish reads the sign-up page in Spanish, chooses Spanish, and lands on the child’s page in Spanish', async ({ page, signIn, newPersonPage }) => {
  const email = uniqueEmail('familia')
  await signIn('caseManager')
  await openStudent(page, 'Maya Thompson')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Role').selectOption({ label: 'Parent or guardian' })
  await page.getByLabel('Invitation language').selectOption('es')
  await page.getByRole('button', { name: 'Create invite link' }).click()
  const link = await page.getByLabel('Invite link').inputValue()

  const family = await newPersonPage()
  // The link opens once in the invitation's language; a browser that keeps no cookie still gets the page, no loop.
  const cookieless = await family.request.get(`${link}?language=es`, { maxRedirects: 0 })
  expect(cookieless.status()).toBe(200)
  const first = await family.request.get(link, { maxRedirects: 0 })
  expect(first.status()).toBe(302)
  expect(first.headers()['location']).toBe(`${new URL(link).pathname}?language=es`)

  await family.goto(link)
  await expect(family.locator('html')).toHaveAttribute('lang', 'es')
  await expect(family.getByRole('heading', { level: 1, name: 'Unirse al equipo de Maya Thompson' })).toBeVisible()
  await expect(family.getByLabel('El idioma que usted lee mejor')).toHaveValue('es')
  await family.getByLabel('Su nombre').fill('Marisol Thompson')
  await family.getByLabel('Contraseña').fill('una-clave-bien-larga')
  await family.getByRole('button', { name: 'Crear la cuenta y unirse' }).click()
  await expect(family.getByRole('heading', { level: 1, name: 'Maya Thompson', exact: true })).toBeVisible()
  await expect(family.locator('html')).toHaveAttribute('lang', 'es')
})
