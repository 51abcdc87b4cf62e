import type { Page } from '@playwright/test'
import { collectBrowserErrors, expect, openStudent, test } from './fixtures.ts'

/**
 * The browser starts with the page frame's words and each page's modules add their own (shared/i18n/i18n.ts).
 * Moving between pages inside the app (no server render) and loading each one afresh (server render, then
 * hydration) must show words, never a key such as `today.card.title`, and React must find on the page what
 * the server sent. The fixtures fail any test on a key without words; this journey walks the pages people land on.
 */

// A key shown raw: two or more dotted camelCase parts, as the catalogue names them.
const RAW_KEY = /\b(?:[a-z][A-Za-z]+\.){1,}[a-z][A-Za-z]+\b(?![^\s]*@)/

async function expectWordsOnly(page: Page) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
  const text = await page.locator('body').innerText()
  // Addresses and file names are not keys.
  const suspicious = text.split(/\s+/).filter((w) => RAW_KEY.test(w) && !/@|\.(pdf|csv|zip|example|com|org)\b/.test(w))
  expect(suspicious, `Raw keys on ${page.url()}`).toEqual([])
}

test('a case manager moves between pages inside the app and reloads each: words everywhere, the same page after hydration', async ({ page, signIn }) => {
  const errors = collectBrowserErrors(page)
  await signIn('caseManager')
  await expectWordsOnly(page)

  const visited: string[] = []
  const nav = page.getByRole('navigation', { name: 'Main' })
  for (const name of ['Today', 'Sessions', 'Caseload']) {
    await nav.getByRole('link', { name }).click()
    await expectWordsOnly(page)
    visited.push(page.url())
  }
  await nav.getByRole('link', { name: 'Students' }).click()
  await openStudent(page, 'Johnny Miller')
  await expectWordsOnly(page)
  visited.push(page.url())

  const tabs = page.getByRole('navigation', { name: 'Sections of this student’s record' })
  for (const name of ['Today', 'Sessions', 'Accountability', 'Reports', 'Notes', 'Concerns', 'History']) {
    await tabs.getByRole('link', { name, exact: true }).click()
    await expect(tabs.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page')
    await expectWordsOnly(page)
    visited.push(page.url())
  }
  await tabs.getByRole('link', { name: 'Plan', exact: true }).click()
  await page.getByRole('main').getByRole('link').filter({ hasText: /reading|math|words|fluency/i }).first().click()
  await expect(page).toHaveURL(/\/goals\//)
  await expectWordsOnly(page)
  visited.push(page.url())

  // Each page on its own: rendered by the server, then hydrated with only its own modules' words.
  for (const url of visited) {
    await page.goto(url)
    await expectWordsOnly(page)
    await page.waitForLoadState('networkidle')
  }
  // A page left by page.goto while one of its own requests is in flight logs that request's abort: that is the test
  // leaving, not the page failing. Everything else counts.
  const leaving = /^AbortError: signal is aborted without reason/
  expect(
    errors.filter((e) => !leaving.test(e)),
    'Browser errors (a hydration mismatch is React error #418 or #423)',
  ).toEqual([])
})
