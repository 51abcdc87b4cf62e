import fs from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, expectAccessible, openStudent, test } from './fixtures.ts'

const WIDTH = 360
test.use({ viewport: { width: WIDTH, height: 800 } })

async function expectFitsPhone(page: Page) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, `${page.url()} scrolls sideways at 360 px`).toBeLessThanOrEqual(WIDTH)
}

/** "Tue, Oct 6 · Speech-language therapy: missed (provider absent)" → "Tue, Oct 6" */
function dateOf(label: string): string {
  return label.split(' · ')[0]!.trim()
}

test('a parent logs a family-only concern about two missed sessions, drafts a letter with the facts; the case manager cannot see it anywhere', async ({
  page,
  signIn,
  newPersonPage, asRole,
  context,
}) => {
  const issue = `Speech missed twice, no make-up offered ${Date.now().toString(36)}`
  const privateResponse = 'Ms. Shah said on the phone it would not happen again'

  // Laura opens the concern log from Johnny's page: it already holds her two demo concerns.
  await signIn('parent')
  await openStudent(page, 'Johnny Miller')
  const johnnyUrl = new URL(page.url()).pathname
  await page.getByRole('navigation', { name: 'Student pages' }).getByRole('link', { name: 'Concern log' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Concern log' })).toBeVisible()
  const log = page.getByRole('list', { name: 'Concerns, newest first' })
  await expect(log).toContainText('Speech sessions missed with no substitute')
  await expect(log).toContainText('Step 2: IEP meeting requested')
  await expect(log).toContainText('Suggested next step: 3. Facilitated IEP meeting')
  await expectAccessible(page)
  await expectFitsPhone(page)

  // A new concern, linked to two missed speech sessions chosen from the list, by keyboard.
  await page.getByRole('link', { name: 'Log a concern' }).click()
  await expect(page.getByRole('heading', { name: 'Log a concern' })).toBeVisible()
  await page.getByLabel('Issue').fill(issue)
  await page.getByLabel('Person contacted').fill('Priya Shah (speech provider)')
  await page.getByLabel('Their response').fill(privateResponse)
  await page.getByLabel('Follow-up needed').fill('Ask for the make-up dates in writing')
  await page.getByLabel('Status').selectOption({ label: 'Waiting for a response' })
  await expect(page.getByLabel('Family only — school staff never see it')).toBeChecked()
  const missed = page.getByRole('group', { name: 'Missed sessions' }).getByRole('checkbox', { name: /Speech-language therapy: missed/ })
  expect(await missed.count()).toBeGreaterThanOrEqual(2)
  const first = missed.nth(0)
  const second = missed.nth(1)
  const labels = [(await page.locator(`label[for="${await first.getAttribute('id')}"]`).innerText()).trim(), (await page.locator(`label[for="${await second.getAttribute('id')}"]`).innerText()).trim()]
  for (const label of labels) expect(label).toContain('Speech-language therapy: missed (provider absent)')
  await first.focus()
  await page.keyboard.press('Space')
  await second.focus()
  await page.keyboard.press('Space')
  await expect(first).toBeChecked()
  await expect(second).toBeChecked()
  await expectAccessible(page)
  await expectFitsPhone(page)
  await page.getByRole('button', { name: 'Save concern' }).click()

  // The concern's page: what it says, the two linked records, where it stands.
  await expect(page.getByRole('heading', { level: 2, name: issue })).toBeVisible()
  const concernUrl = new URL(page.url()).pathname
  expect(concernUrl).toMatch(/^\/students\/[^/]+\/concerns\/[^/]+$/)
  const links = page.getByRole('region', { name: 'Records it is about' })
  for (const label of labels) await expect(links).toContainText(label)
  await expect(page.getByRole('region', { name: issue })).toContainText('Family only')
  await expectAccessible(page)
  await expectFitsPhone(page)

  // Draft a letter: the facts from the records, and her family-only note only once she ticks it.
  await page.getByRole('link', { name: 'Draft a letter' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Draft a letter' })).toBeVisible()
  await page.getByRole('button', { name: 'Draft a letter' }).click()
  const letter = page.getByLabel('Letter (you can edit it before sending)')
  await expect(letter).toBeVisible()
  const text = await letter.inputValue()
  expect(text).toContain('The IEP states that speech-language therapy is provided for 30 minutes a session, 2 sessions a week (Tuesday and Thursday).')
  for (const label of labels) expect(text).toContain(`- ${dateOf(label)}: Speech-language therapy session missed (reason recorded: provider absent).`)
  expect(text).toMatch(/a balance of \d+ minutes \(\d+ sessions?\) still owed/)
  expect(text).toContain(issue)
  expect(text).not.toContain('You promised')
  expect(text, 'a family-only note stays out until the family chooses it').not.toContain(privateResponse)
  await expectAccessible(page)
  await expectFitsPhone(page)

  await page.getByRole('checkbox', { name: new RegExp(privateResponse) }).check()
  await page.getByRole('button', { name: 'Draft a letter' }).click()
  await expect(letter).toHaveValue(new RegExp(privateResponse))

  // Edited, then copied and downloaded exactly as edited.
  await letter.fill(`${await letter.inputValue()}\nP.S. Edited by Laura.\n`)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('button', { name: 'Copy letter' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('P.S. Edited by Laura.')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as .txt' }).click()])
  expect(download.suggestedFilename()).toBe('letter-johnny-miller-step-1-en.txt')
  const saved = await fs.readFile((await download.path())!, 'utf8')
  expect(saved).toContain('P.S. Edited by Laura.')
  expect(saved).toContain(`- ${dateOf(labels[0]!)}: Speech-language therapy session missed`)

  // Her own CSV has the concern.
  const parentCsv = await page.request.get(`/api/students/${johnnyUrl.split('/')[2]}/concerns.csv`)
  expect(parentCsv.status()).toBe(200)
  expect(parentCsv.headers()['content-type']).toBe('text/csv; charset=utf-8')
  const parentRows = await parentCsv.text()
  expect(parentRows.split('\r\n')[0]).toBe('Date,Issue,Person contacted,Response,Follow-up,Status,Step')
  expect(parentRows).toContain(issue)

  // Signed out, the download is a 401; a student she may not see (or none) is a 404 naming nothing.
  const stranger = await newPersonPage()
  expect((await stranger.request.get(`/api/students/${johnnyUrl.split('/')[2]}/concerns.csv`)).status()).toBe(401)
  const unknown = await page.request.get('/api/students/no-such-student/concerns.csv')
  expect(unknown.status()).toBe(404)
  expect(await unknown.text()).toBe('Student not found.\n')

  // Dana, the case manager: not in her list, a 404 at its address, not in her CSV, brief or history.
  const dana = await asRole('caseManager')
  await dana.goto(`${johnnyUrl}/concerns`)
  await expect(dana.getByRole('heading', { level: 2, name: 'Concern log' })).toBeVisible()
  await expect(dana.getByRole('list', { name: 'Concerns, newest first' })).toContainText('Speech sessions missed with no substitute')
  await expect(dana.locator('main')).not.toContainText(issue)
  await expect(dana.locator('main')).not.toContainText('Two more speech sessions missed in a row')
  await expectAccessible(dana)

  const direct = await dana.goto(concernUrl)
  expect(direct?.status()).toBe(404)
  await expect(dana.locator('body')).not.toContainText(issue)
  expect((await dana.goto(`${concernUrl}/letter`))?.status()).toBe(404)

  const danaCsv = await dana.request.get(`/api/students/${johnnyUrl.split('/')[2]}/concerns.csv`)
  expect(danaCsv.status()).toBe(200)
  const danaRows = await danaCsv.text()
  expect(danaRows).toContain('Speech sessions missed with no substitute')
  expect(danaRows).not.toContain(issue)
  expect(danaRows).not.toContain('Two more speech sessions missed in a row')

  await dana.goto(`${johnnyUrl}/brief`)
  await expect(dana.getByRole('region', { name: 'Open concerns' })).toContainText('Speech sessions missed with no substitute')
  await expect(dana.getByRole('region', { name: 'Open concerns' })).not.toContainText(issue)
  await dana.goto(`${johnnyUrl}/history`)
  await expect(dana.locator('main')).not.toContainText(issue)
})

test('a parent disputes a missed session; the flag shows in the session log, the accountability view and the CSV; she withdraws it', async ({ page, signIn, asRole }) => {
  const comment = `Priya was in school that day ${Date.now().toString(36)}`
  await signIn('parent')
  await openStudent(page, 'Johnny Miller')
  const studentId = new URL(page.url()).pathname.split('/')[2]!
  await page.goto(`/students/${studentId}/sessions`)
  await expect(page.getByRole('heading', { name: 'Session log' })).toBeVisible()
  const summary = page.getByText('Dispute this record', { exact: true }).first()
  await summary.focus()
  await page.keyboard.press('Enter')
  const form = page.locator('details[open] form')
  await form.getByRole('textbox').fill(comment)
  await form.getByRole('button', { name: 'Flag as disputed' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'flagged as disputed' })).toBeVisible()
  await expect(page.getByText(`Laura Miller: “${comment}”`)).toBeVisible()
  await expectAccessible(page)
  await expectFitsPhone(page)

  const dana = await asRole('caseManager')
  await dana.goto(`/students/${studentId}/sessions`)
  await expect(dana.getByText(`Laura Miller: “${comment}”`)).toBeVisible()
  await expect(dana.getByRole('button', { name: /Withdraw dispute/ })).toHaveCount(0)
  await dana.goto(`/students/${studentId}/accountability`)
  await expect(dana.getByText(/1 record of this service is disputed by the family/)).toBeVisible()
  const csv = await (await dana.request.get(`/api/students/${studentId}/sessions.csv`)).text()
  const [header, ...rows] = csv.trim().split('\r\n')
  expect(header!.split(',').at(-1)).toBe('disputed')
  expect(rows.filter((r) => r.endsWith(',true'))).toHaveLength(1)

  await page.getByRole('button', { name: /^Withdraw dispute/ }).first().click()
  await expect(page.getByRole('status').filter({ hasText: 'Dispute withdrawn' })).toBeVisible()
  await expect(page.getByText(`Laura Miller: “${comment}”`)).toHaveCount(0)
})
