import type { Locator, Page } from '@playwright/test'
import { DEMO_USERS, expect, expectAccessible, openStudent, test } from './fixtures.ts'
import { editorOf, openNotesTab, startNotebook, statusOf, typeAtEnd, uniqueTitle } from './notes-helpers.ts'

// The journeys run on Wednesday 18 November 2026 (days.ts), on the browser's clock as on the server's.
const stampOf = (name: string) => `— ${name}, Wed, Nov 18`

/** A notebook's page for a second person, opened from Johnny's list of notebooks. */
async function openNotebook(page: Page, title: string): Promise<void> {
  await openStudent(page, 'Johnny Miller')
  await openNotesTab(page)
  await page.getByRole('list', { name: 'Notebooks' }).getByRole('link', { name: title }).click()
  await expect(editorOf(page, title)).toBeVisible()
  await expect(statusOf(page)).toHaveText('All changes saved')
}

async function box(locator: Locator) {
  const b = await locator.boundingBox()
  expect(b, 'on screen').not.toBeNull()
  return b!
}

test('one click stamps who wrote what, and the other person’s caret name never hides the line above', async ({ page, signIn, asRole }) => {
  test.setTimeout(90_000)
  const title = uniqueTitle('Home and school')
  await signIn('caseManager')
  await openStudent(page, 'Johnny Miller')
  await startNotebook(page, title)

  // The stamp goes in at the cursor, as a line of its own, and is stored like anything typed.
  await typeAtEnd(page, title, 'He finished the reading log today.')
  await page.getByRole('button', { name: 'Sign and date' }).click()
  const editor = editorOf(page, title)
  await expect(editor.locator('p').filter({ hasText: '—' })).toHaveText(stampOf(DEMO_USERS.caseManager.name))
  await expect(editor.locator('p').filter({ hasText: 'reading log' })).toHaveText('He finished the reading log today.')
  await expect(statusOf(page)).toHaveText('All changes saved')
  await expectAccessible(page)

  // The parent opens the notebook from the server: the stamp is there; she answers and signs her own lines.
  const parent = await asRole('parent')
  await openNotebook(parent, title)
  await expect(editorOf(parent, title)).toContainText(stampOf(DEMO_USERS.caseManager.name))
  await typeAtEnd(parent, title, 'Thank you, he was proud of it.')
  await parent.getByRole('button', { name: 'Sign and date' }).click()
  await expect(editor).toContainText(stampOf(DEMO_USERS.parent.name), { timeout: 2000 })

  // Her caret carries her name, and the name covers nothing of the line above the caret's line.
  const label = page.locator('.collaboration-carets__label', { hasText: DEMO_USERS.parent.name })
  await expect(label).toBeVisible()
  const lineAbove = await label.evaluate((el) => {
    const block = el.closest('.note-content > *')
    return block?.previousElementSibling?.getBoundingClientRect().bottom ?? null
  })
  expect(lineAbove, 'the caret is below another line').not.toBeNull()
  expect((await box(label)).y, 'the caret name starts below the line above').toBeGreaterThanOrEqual(lineAbove! - 0.5)
  await expect(statusOf(parent)).toHaveText('All changes saved')
})

test('on a 360 px phone the notebook toolbar is one row and the page does not scroll sideways', async ({ page, signIn }) => {
  test.setTimeout(60_000)
  await page.setViewportSize({ width: 360, height: 740 })
  const title = uniqueTitle('Phone notes')
  await signIn('caseManager')
  await openStudent(page, 'Johnny Miller')
  await startNotebook(page, title)

  const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
  const buttons = toolbar.getByRole('button')
  await expect(buttons).toHaveCount(9)
  const first = await box(buttons.first())
  expect(first.height, 'a 44 px tap target').toBeGreaterThanOrEqual(44)
  // One row: the toolbar is as tall as one button (with its padding and border), and every button starts on the same line.
  expect((await box(toolbar)).height).toBeLessThan(first.height * 1.5)
  for (const b of await buttons.all()) expect((await b.boundingBox())?.y).toBe(first.y)
  // Every tool is on screen at once, none scrolled out of reach.
  expect(await toolbar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll at 360 px').toBeLessThanOrEqual(360)

  // The tools keep their names for a screen reader, and the stamp works from the phone.
  await typeAtEnd(page, title, 'Quiet morning.')
  await page.getByRole('button', { name: 'Sign and date' }).click()
  await expect(editorOf(page, title)).toContainText(stampOf(DEMO_USERS.caseManager.name))
  await expect(statusOf(page)).toHaveText('All changes saved')
  await expectAccessible(page)
})
