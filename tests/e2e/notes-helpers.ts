import type { Page } from '@playwright/test'
import { expect } from './fixtures.ts'

/** A title no other run or test uses: journeys share one server and database. */
export const uniqueTitle = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** As the case manager on Johnny's page: starts a notebook and lands in its live editor. */
export async function startNotebook(page: Page, title: string): Promise<string> {
  await openNotesTab(page)
  await page.getByLabel('New notebook title').fill(title)
  await page.getByRole('button', { name: 'Start notebook' }).click()
  await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible()
  await expect(editorOf(page, title)).toBeVisible()
  await expect(statusOf(page)).toHaveText('All changes saved')
  return page.url()
}

/** The notebooks have their own tab on the student's record. */
export const openNotesTab = (page: Page) =>
  page.getByRole('navigation', { name: 'Sections of this student’s record' }).getByRole('link', { name: 'Notes' }).click()

export const editorOf = (page: Page, title: string) => page.getByRole('textbox', { name: `${title}: notebook text` })
export const statusOf = (page: Page) => page.getByRole('status', { name: 'Notebook status' })

export async function typeAtEnd(page: Page, title: string, words: string): Promise<void> {
  const editor = editorOf(page, title)
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.type(words)
}
