import type { Page } from '@playwright/test'
import { DEMO_USERS, expect, expectAccessible, openStudent, studentIdFromMyStudents, test } from './fixtures.ts'

// The ledger sentence of a service with whole-session misses and make-ups (docs/formats.md#ledger). The sessions and
// notification journeys record speech sessions on the same server at the same time, so the counts may move.
const SPEECH_LEDGER = /\d+ sessions? \(\d+ minutes\) owed to Johnny; \d+ made up \(\d+ minutes\); \d+ minutes still owed\./
const ALERT = /The last two sessions|Three or more sessions|Less than 90%/

/** From My students: Johnny's page, then "Is the plan happening?". */
async function openAccountability(page: Page): Promise<void> {
  await openStudent(page, 'Johnny Miller')
  await page.getByRole('navigation', { name: 'Student pages' }).getByRole('link', { name: 'Is the plan happening?' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Is the plan happening?' })).toBeVisible()
}

const speechCard = (page: Page) => page.getByRole('region', { name: 'Speech-language therapy', exact: true })
// No other journey records OT, so its numbers are the ones compared across people.
const otNumbers = (page: Page) =>
  page.getByRole('region', { name: 'Occupational therapy', exact: true }).getByRole('group', { name: 'Occupational therapy numbers' })

test('the parent sees whether Johnny’s plan is happening, and the case manager sees the same numbers', async ({ page, signIn, asRole }) => {
  // Two people and two full-page accessibility scans of a long page.
  test.slow()
  await signIn('parent')
  await expect(page.getByRole('link', { name: 'Caseload' }), 'a parent has no caseload').toHaveCount(0)
  await openAccountability(page)

  // Alerts first, in plain words, naming the service.
  const alerts = page.getByRole('status').filter({ hasText: 'Needs attention' })
  await expect(alerts.getByRole('listitem').filter({ hasText: 'Speech-language therapy:' }).first()).toContainText(ALERT)

  const card = speechCard(page)
  await expect(card).toContainText(/\d+ of \d+ mandated minutes delivered/)
  await expect(card).toContainText(/\d+(\.\d)?% delivered/)
  await expect(card.getByText(SPEECH_LEDGER)).toBeVisible()
  await expect(card.getByText('Provider absent:')).toBeVisible()
  const sessions = card.getByRole('definition')
  await expect(sessions).toHaveCount(6)
  // The weekly chart arrives after hydration; the table of the same numbers is there from the first paint.
  await expect(card.getByRole('img', { name: /Bar chart of minutes delivered/ }).locator('svg').first()).toBeVisible()
  await expect(card.getByRole('table', { name: 'Speech-language therapy: minutes per week' }).getByRole('row').nth(1)).toBeVisible()
  const accommodations = page.getByRole('region', { name: 'Fidelity since the start: were the accommodations used?' })
  await expect(accommodations.getByRole('heading', { name: 'Break card' })).toBeVisible()
  await expect(accommodations).toContainText(/\d+(\.\d)?% since the start/)
  await expectAccessible(page)
  const parentNumbers = await otNumbers(page).innerText()
  const parentUrl = page.url()

  // The case manager, on another device, reads exactly the same numbers.
  const caseManager = await asRole('caseManager')
  await openAccountability(caseManager)
  expect(caseManager.url()).toBe(parentUrl)
  expect(await otNumbers(caseManager).innerText()).toBe(parentNumbers)
  await expect(speechCard(caseManager).getByText(SPEECH_LEDGER)).toBeVisible()
  await expectAccessible(caseManager)

  // An earlier day, from the "as of" picker (a GET form: the date is in the address).
  const earlier = await page.getByLabel('Numbers as of').inputValue()
  const day = new Date(`${earlier}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() - 14)
  const asOf = day.toISOString().slice(0, 10)
  await page.getByLabel('Numbers as of').fill(asOf)
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(new RegExp(`asOf=${asOf}`))
  await expect(page.getByLabel('Numbers as of')).toHaveValue(asOf)
  await expect(page.getByRole('link', { name: 'Download these numbers (JSON)' })).toHaveAttribute('href', new RegExp(`asOf=${asOf}$`))
  await expect(speechCard(page)).toBeVisible()
})

test('the numbers as JSON: the family’s copy, and refusals that name nothing', async ({ page, signIn, asRole, playwright, baseURL }) => {
  const caseManager = await asRole('caseManager')
  const mayaId = await studentIdFromMyStudents(caseManager, 'Maya Thompson')

  await signIn('parent')
  const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
  const response = await page.request.get(`/api/students/${johnnyId}/accountability`)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('application/json')
  const body = await response.json()
  expect(body.format).toBe('same-page/accountability@1')
  expect(body.student).toEqual({ id: johnnyId, name: 'Johnny Miller' })
  expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  // Exactly the fields docs/formats.md#accountability-json documents (the dispute counts added at the end): nothing the page uses on the side.
  expect(Object.keys(body)).toEqual(['format', 'student', 'asOf', 'services', 'accommodations'])
  const speech = body.services.find((s: { key: string }) => s.key === 'speech')
  expect(Object.keys(speech)).toEqual(['key', 'name', 'minutesMandated', 'minutesDelivered', 'deliveryRate', 'sessions', 'missedByReason', 'ledger', 'alerts', 'disputedRecords', 'plannedMakeUps', 'per'])
  expect(Object.keys(speech.sessions)).toEqual(['due', 'delivered', 'missed', 'unrecorded', 'pending', 'madeUp'])
  expect(speech.ledger.balance).toBe(Math.max(0, speech.ledger.minutesOwed - speech.ledger.minutesMadeUp))
  expect(speech.missedByReason.provider_absent).toBeGreaterThan(0)
  expect(Object.keys(body.accommodations[0])).toEqual(['title', 'applicableDays', 'recordedDays', 'usedDays', 'fidelity', 'disputedChecks'])

  // The page shows the same ledger the JSON gives.
  await page.goto(`/students/${johnnyId}/accountability`)
  await expect(speechCard(page)).toContainText(`${speech.ledger.balance} minutes still owed`)
  await expect(speechCard(page)).toContainText(`${speech.minutesDelivered} of ${speech.minutesMandated} mandated minutes delivered`)

  // The page, given a date it cannot use, says so over today's numbers.
  const badPage = await page.goto(`/students/${johnnyId}/accountability?asOf=2999-01-01`)
  expect(badPage?.status()).toBe(400)
  await expect(page.getByText(/The date in the address can’t be used/)).toBeVisible()
  await expect(speechCard(page)).toBeVisible()
  await expectAccessible(page)

  const maya = await page.request.get(`/api/students/${mayaId}/accountability`)
  expect(maya.status()).toBe(404)
  const mayaText = await maya.text()
  expect(JSON.parse(mayaText)).toEqual({ error: 'Student not found.' })
  expect(mayaText).not.toContain('Maya')

  const badDate = await page.request.get(`/api/students/${johnnyId}/accountability?asOf=2026-13-01`)
  expect(badDate.status()).toBe(400)
  expect((await badDate.json()).error).toContain('asOf')
  const future = await page.request.get(`/api/students/${johnnyId}/accountability?asOf=2999-01-01`)
  expect(future.status()).toBe(400)
  expect((await future.json()).error).toContain('asOf')

  // No cookies at all: a 401 in JSON, not a redirect to the sign-in page.
  const anonymous = await playwright.request.newContext({ baseURL })
  try {
    const signedOut = await anonymous.get(`/api/students/${johnnyId}/accountability`, { maxRedirects: 0 })
    expect(signedOut.status()).toBe(401)
    expect(typeof (await signedOut.json()).error).toBe('string')
  } finally {
    await anonymous.dispose()
  }
})

test('the case manager’s caseload puts the service furthest behind first, and filters by provider', async ({ page, signIn }) => {
  await signIn('caseManager')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible()
  await expectAccessible(page)

  const table = page.getByRole('table', { name: 'Services on your caseload, furthest behind first' })
  const johnnyRows = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Johnny Miller' }) })
  await expect(johnnyRows).toHaveCount(2)
  const speechRow = johnnyRows.filter({ hasText: 'Speech-language therapy' })
  const otRow = johnnyRows.filter({ hasText: 'Occupational therapy' })
  const rate = async (row: typeof speechRow) => Number((await row.getByText(/%$/).innerText()).replace('%', ''))
  const [speechRate, otRate] = [await rate(speechRow), await rate(otRow)]
  const order = await johnnyRows.allInnerTexts()
  const lowerFirst = speechRate <= otRate ? 'Speech-language therapy' : 'Occupational therapy'
  expect(order[0], `${lowerFirst} (the lower delivery rate) comes first`).toContain(lowerFirst)
  // Furthest behind first across the whole table, too.
  const rates = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.querySelector('td:nth-child(3)')?.textContent?.replace('%', ''))))
  expect(rates).toEqual([...rates].sort((a, b) => a - b))

  // The provider filter narrows the table to Jordan Lee's occupational therapy.
  await page.getByLabel('Provider', { exact: true }).selectOption({ label: DEMO_USERS.ot.name })
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/provider=/)
  await expect(johnnyRows).toHaveCount(1)
  await expect(johnnyRows).toContainText('Occupational therapy')
  await expect(table).not.toContainText('Speech-language therapy')
  await expect(page.getByLabel('Provider', { exact: true })).toHaveValue(/.+/)
  await expectAccessible(page)

  // Each row opens the student's accountability page.
  await johnnyRows.getByRole('link', { name: 'Johnny Miller' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Is the plan happening?' })).toBeVisible()
})

test('the school admin’s overview lists Johnny’s services; a case manager cannot open it', async ({ page, signIn, asRole }) => {
  await signIn('admin')
  await expect(page.getByRole('link', { name: 'Caseload' }), 'an admin on no team has no caseload').toHaveCount(0)
  await page.getByRole('link', { name: 'School overview' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'School overview' })).toBeVisible()
  const table = page.getByRole('table', { name: /services, furthest behind first/ })
  const johnnyRows = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Johnny Miller' }) })
  await expect(johnnyRows.filter({ hasText: 'Speech-language therapy' })).toHaveCount(1)
  await expect(johnnyRows.filter({ hasText: 'Occupational therapy' })).toHaveCount(1)
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/school-overview.png', fullPage: true })
  const overviewUrl = page.url()

  const caseManager = await asRole('caseManager')
  await expect(caseManager.getByRole('link', { name: 'School overview' })).toHaveCount(0)
  const response = await caseManager.goto(overviewUrl)
  expect(response?.status()).toBe(404)
})

test.describe('on a 360 px phone', () => {
  const WIDTH = 360
  test.use({ viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })

  test('the accountability page fits without sideways scrolling, with 44 px controls', async ({ page, signIn }) => {
    await signIn('parent')
    await openAccountability(page)
    await expect(speechCard(page).getByRole('img', { name: /Bar chart/ }).locator('svg').first()).toBeVisible()
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth, 'the page scrolls sideways at 360 px').toBeLessThanOrEqual(WIDTH)
    for (const control of [page.getByLabel('Numbers as of'), page.getByRole('button', { name: 'Show' })]) {
      const box = await control.boundingBox()
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
    }
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/phone-accountability.png', fullPage: true })
  })

  test('the caseload fits too: a list with every number on screen', async ({ page, signIn }) => {
    await signIn('caseManager')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click()
    const list = page.getByRole('list', { name: 'Services on your caseload, furthest behind first' })
    await expect(page.getByRole('table')).toHaveCount(0)
    await expect(list.getByRole('listitem').first()).toContainText('minutes still owed')
    await expect(list.getByRole('link', { name: 'Johnny Miller' })).toHaveCount(2)
    const link = await list.getByRole('link', { name: 'Johnny Miller' }).first().boundingBox()
    expect(link?.height ?? 0).toBeGreaterThanOrEqual(44)
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth, 'the page scrolls sideways at 360 px').toBeLessThanOrEqual(WIDTH)
    for (const control of [page.getByLabel('Provider', { exact: true }), page.getByLabel('Service', { exact: true }), page.getByRole('button', { name: 'Filter' })]) {
      const box = await control.boundingBox()
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
    }
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/phone-caseload.png', fullPage: true })
  })
})
