import fs from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, expectAccessible, openStudent, test } from './fixtures.ts'

const WIDTH = 360
test.use({ viewport: { width: WIDTH, height: 800 } })

async function expectFitsPhone(page: Page) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, `${page.url()} scrolls sideways at 360 px`).toBeLessThanOrEqual(WIDTH)
}

/** A small, real PDF with a mark of this run in it. */
function pdf(mark: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${mark}\ntrailer << /Root 1 0 R >>\n%%EOF\n`)
}

test('a parent attaches a scan to a family-only concern and downloads it; a wrong type is refused; the case manager cannot fetch it by its address', async ({
  page,
  signIn,
  asRole,
}) => {
  const mark = Date.now().toString(36)
  const issue = `Bus arrives after the bell ${mark}`

  // Laura logs a concern only the family sees.
  await signIn('parent')
  await openStudent(page, 'Johnny Miller')
  const johnnyUrl = new URL(page.url()).pathname
  await page.goto(`${johnnyUrl}/concerns/new`)
  await page.getByLabel('Issue').fill(issue)
  await expect(page.getByLabel('Family only — school staff never see it')).toBeChecked()
  await page.getByRole('button', { name: 'Save concern' }).click()
  await expect(page.getByRole('heading', { level: 2, name: issue })).toBeVisible()

  const files = page.getByRole('region', { name: 'Attached files' })
  await expect(files).toContainText('No files attached yet.')
  await expect(files).toContainText('up to 10 MB each')
  await expect(files).toContainText('never shown to the school')

  // A program saved as ".pdf" is refused by its bytes, with the reason, and nothing is listed.
  await files.getByLabel('File to attach').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`MZ\x90\x00\x03\x00\x00\x00${'\x00'.repeat(64)}`, 'latin1') })
  await files.getByRole('button', { name: 'Attach file' }).click()
  await expect(files.getByRole('alert')).toHaveText(/That kind of file cannot be attached/)
  await expect(files).toContainText('No files attached yet.')

  // A real PDF, sent from the keyboard.
  await files.getByLabel('File to attach').setInputFiles({ name: 'bus-log.pdf', mimeType: 'application/pdf', buffer: pdf(mark) })
  await files.getByRole('button', { name: 'Attach file' }).focus()
  await page.keyboard.press('Enter')
  await expect(files.getByRole('status')).toHaveText('The file “bus-log.pdf” is attached.')
  const link = files.getByRole('link', { name: 'Download bus-log.pdf' })
  await expect(link).toBeVisible()
  await expectAccessible(page)
  await expectFitsPhone(page)

  // It downloads as a file, byte for byte, never opened as a page.
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toBe('bus-log.pdf')
  expect(await fs.readFile(await download.path())).toEqual(pdf(mark))
  const href = await link.getAttribute('href')
  expect(href).toMatch(/^\/api\/students\/[^/]+\/attachments\/[^/]+$/)

  // Ms. Rivera, the case manager, is on Johnny's team, yet the file's address is a 404 to her, as for no file at all.
  const staff = await asRole('caseManager')
  const asked = await staff.request.get(href!)
  expect(asked.status()).toBe(404)
  const body = await asked.body()
  expect(body.includes(Buffer.from(mark))).toBe(false)
  expect(asked.headers()['content-disposition']).toBeUndefined()
  const missing = await staff.request.get(href!.replace(/[^/]+$/, 'no-such-file'))
  expect([missing.status(), await missing.text()]).toEqual([404, await asked.text()])
})
