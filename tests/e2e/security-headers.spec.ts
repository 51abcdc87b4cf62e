import type { Page } from '@playwright/test'
import { expect, openStudent, test } from './fixtures.ts'

/**
 * Issue 12, item 7: pages carry a Content-Security-Policy with a per-request nonce, and nothing the app does
 * breaks it: the sign-in page, Johnny's page and a live notebook (TipTap and the /collab WebSocket) load,
 * hydrate and sync without a single violation.
 */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  return seen
}

test('pages and a live notebook run under the CSP without a violation', async ({ page, signIn }) => {
  test.setTimeout(60_000)
  const violations = await watchViolations(page)
  const signInPage = await page.goto('/sign-in')
  const csp = signInPage!.headers()['content-security-policy'] ?? ''
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/)
  expect(csp).toContain("connect-src 'self' ws: wss:")
  expect(signInPage!.headers()['cache-control']).toBe('no-store')

  await signIn('caseManager')
  await openStudent(page, 'Johnny Miller')
  await page.getByRole('navigation', { name: 'Sections of this student’s record' }).getByRole('link', { name: 'Notes' }).click()
  await page.getByRole('list', { name: 'Notebooks' }).getByRole('link').first().click()
  const status = page.getByRole('status', { name: 'Notebook status' })
  await expect(status).toHaveText('All changes saved')
  const editor = page.getByRole('textbox', { name: /notebook text/ })
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' CSP check')
  await expect(status).toHaveText('All changes saved')
  expect(violations).toEqual([])
})
