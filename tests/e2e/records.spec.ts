import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import yauzl from 'yauzl'
import { expect, expectAccessible, openStudent, studentIdFromMyStudents, test } from './fixtures.ts'

/** The names of a ZIP's entries and the text of its index page. */
async function readZip(file: string): Promise<{ names: string[]; index: string }> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (error, z) => (error ? reject(error) : resolve(z))))
  const names: string[] = []
  let index = ''
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      names.push(entry.fileName)
      if (entry.fileName !== 'index.html') return zip.readEntry()
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error)
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          index = Buffer.concat(chunks).toString('utf8')
          zip.readEntry()
        })
      })
    })
    zip.on('end', resolve)
    zip.on('error', reject)
    zip.readEntry()
  })
  zip.close()
  return { names, index }
}

test('a parent makes the whole record as one ZIP, is told when it is ready, and its index links every file; staff cannot fetch it', async ({ page, signIn, asRole }) => {
  await signIn('parent')
  const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
  await openStudent(page, 'Johnny Miller')
  await page.getByRole('link', { name: 'Download the whole record' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'The whole record' })).toBeVisible()
  await page.getByRole('button', { name: 'Make the file' }).click()
  await expect(page.getByText(/The file is being made|A file is already being made/)).toBeVisible()
  // The page checks back on its own while the file is made.
  const link = page.getByRole('link', { name: /^Download the ZIP of / }).first()
  await expect(link).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText(/^Ready: [\d.]+ (KB|MB), \d+ files$/).first()).toBeVisible()
  await expectAccessible(page)

  const fileUrl = await link.getAttribute('href')
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toMatch(/^Johnny-Miller-record-\d{4}-\d{2}-\d{2}\.zip$/)
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'records-e2e-')), 'record.zip')
  await download.saveAs(file)
  const { names, index } = await readZip(file)
  fs.rmSync(path.dirname(file), { recursive: true, force: true })
  for (const expected of ['index.html', 'plan/plan.pdf', 'numbers/accountability.json', 'records/sessions.csv', 'records/supports.csv', 'concerns/concern-log.csv', 'history/history.csv']) {
    expect(names).toContain(expected)
  }
  expect(names.some((n) => n.startsWith('notebooks/'))).toBe(true)
  const links = [...index.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]!.split('/').map(decodeURIComponent).join('/'))
  expect(links.sort()).toEqual(names.filter((n) => n !== 'index.html').sort())
  expect(index).toContain('The record of Johnny Miller')
  expect(index).toContain('The family’s copy')

  // The notice says it is ready.
  await page.goto('/')
  await expect(page.getByText('Johnny: the whole record is ready to download').first()).toBeVisible()

  // The file's address, typed by someone at school, is a 404 that names nothing.
  expect(fileUrl).toMatch(new RegExp(`^/students/${johnnyId}/records/[^/]+/download$`))
  const speech = await asRole('speech')
  const refused = await speech.request.get(fileUrl!)
  expect(refused.status()).toBe(404)
  expect(refused.headers()['content-type']).toMatch(/^text\/plain/)
})

test('the school admin logs a parent’s records request, sees the days left, and fulfils it with the school’s copy', async ({ page, signIn }) => {
  await signIn('admin')
  await page.getByRole('navigation', { name: 'Overviews' }).getByRole('link', { name: 'Records requests', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Records requests' })).toBeVisible()
  const who = `Laura Miller ${Date.now().toString(36)}`
  const form = page.getByRole('form', { name: 'Log a request' })
  await form.getByLabel('Student').selectOption({ label: 'Johnny Miller' })
  await form.getByLabel('Who asked').fill(who)
  // A day in the future is refused, and what was typed stays.
  await form.getByLabel('Day the request was received').fill('2026-11-30')
  await form.getByRole('button', { name: 'Log the request' }).click()
  await expect(form.getByText('A request cannot be received in the future.').first()).toBeVisible()
  await expect(form.getByLabel('Who asked')).toHaveValue(who)
  await form.getByLabel('Day the request was received').fill('2026-11-02')
  await form.getByRole('button', { name: 'Log the request' }).click()
  await expect(page.getByText('The request is logged. It is due on Dec 17, 2026.')).toBeVisible()

  const request = page.getByRole('listitem').filter({ hasText: `from ${who}` })
  await expect(request).toContainText('29 days left')
  await expectAccessible(page)
  await request.getByRole('button', { name: /^Make the records file for Johnny Miller/ }).click()
  const download = request.getByRole('link', { name: /^Download what was given/ })
  await expect(download).toBeVisible({ timeout: 30_000 })
  await expect(request).toContainText('Fulfilled on Nov 18, 2026')
  const zip = await page.request.get((await download.getAttribute('href'))!)
  expect(zip.status()).toBe(200)
  expect(zip.headers()['content-type']).toBe('application/zip')
  expect((await zip.body()).subarray(0, 2).toString()).toBe('PK')
})
