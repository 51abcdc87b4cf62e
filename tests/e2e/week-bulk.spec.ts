import type { Locator, Page } from '@playwright/test'
import { expect, expectAccessible, test } from './fixtures.ts'

// Issue 15, item 4: a provider's week recorded in one go, on a phone. The journey happens on Wed 10 Feb 2027, a week
// no other journey writes in. Its recording window: Thu 4, Fri 5, Mon 8, Tue 9 and Wed 10 Feb.
const WIDTH = 360
test.use({ viewport: { width: WIDTH, height: 740 }, day: '2027-02-10T10:00:00Z' })

const SPEECH = 'Speech-language therapy'
const OT = 'Occupational therapy'
const JOHNNY = 'Johnny Miller'

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, `the page scrolls sideways at ${WIDTH} px`).toBeLessThanOrEqual(WIDTH)
}

/** One session on the confirmation, found by what it is (other journeys' students may share the caseload). */
function line(list: Locator, service: string, day: string): Locator {
  return list.getByRole('listitem').filter({ hasText: `${JOHNNY} · ${service}` }).filter({ hasText: day })
}

const willRecord = (page: Page) => page.getByRole('list', { name: 'Sessions that will be recorded as delivered' })
const leftOut = (page: Page) => page.getByRole('list', { name: 'Sessions left out, and why' })

/** The list item of one session on the week, from one of its controls' names. */
function itemOf(page: Page, controlName: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByLabel(controlName, { exact: true }) })
}

test('the case manager marks the week delivered as scheduled, then corrects an exception', async ({ page, signIn, asRole }) => {
  await signIn('caseManager')
  await page.goto('/sessions')
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions, week of Mon, Feb 8' })).toBeVisible()

  // Wednesday's OT is recorded on its own first (delivered: a miss would send the family a notice other journeys read).
  const deliveredName = `Delivered: ${OT}, Wed, Feb 10 (${JOHNNY})`
  await page.getByLabel(deliveredName, { exact: true }).click()
  const deliveredForm = page.locator('details').filter({ has: page.getByLabel(deliveredName, { exact: true }) })
  await expect(deliveredForm.getByLabel('Minutes given')).toHaveValue('45')
  await deliveredForm.getByRole('button', { name: 'Save delivered' }).click()
  const wednesday = itemOf(page, `Correct: ${OT}, Wed, Feb 10 (${JOHNNY})`)
  await expect(wednesday.getByText('Delivered, 45 min', { exact: true })).toBeVisible()

  // The confirmation lists what will be recorded, with the minutes of the day's mandate, and what is left out.
  await page.getByRole('link', { name: 'Delivered as scheduled: check what the week of Mon, Feb 8 records' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Delivered as scheduled: week of Mon, Feb 8' })).toBeVisible()
  await expect(line(willRecord(page), SPEECH, 'Tue, Feb 9 · 30 min')).toBeVisible()
  await expect(willRecord(page).getByRole('listitem').filter({ hasText: JOHNNY })).toHaveCount(1)
  await expect(line(leftOut(page), OT, 'Wed, Feb 10')).toContainText('Already recorded')
  await expect(line(leftOut(page), SPEECH, 'Thu, Feb 11')).toContainText('In the future')
  await expectAccessible(page)
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: 'test-results/week-bulk-confirmation.png', fullPage: true })

  // The same confirmation open on a second device (or a second tap): it must not record twice.
  const second = await asRole('caseManager')
  await second.goto(page.url())
  await expect(line(willRecord(second), SPEECH, 'Tue, Feb 9 · 30 min')).toBeVisible()

  await page.getByRole('button', { name: /^Record \d+ sessions? as delivered$/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions, week of Mon, Feb 8' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^Recorded \d+ sessions? as delivered\./ })).toBeVisible()
  const tuesday = itemOf(page, `Correct: ${SPEECH}, Tue, Feb 9 (${JOHNNY})`)
  await expect(tuesday.getByText('Delivered, 30 min', { exact: true })).toBeVisible()
  await expect(tuesday).toContainText('Recorded by Dana Rivera')
  // Nothing else of Johnny's changed: Wednesday keeps its one version, Thursday is still to come.
  await expect(wednesday.getByRole('link', { name: `Versions: ${OT}, Wed, Feb 10 (${JOHNNY})` })).toHaveText('Versions')
  await expect(page.getByRole('listitem').filter({ hasText: `${JOHNNY} · ${SPEECH}` }).filter({ hasText: 'Upcoming' })).toHaveCount(1)

  // The stale second confirmation records nothing more: still one record of Tuesday, version 1.
  await second.getByRole('button', { name: /^Record \d+ sessions? as delivered$/ }).click()
  await expect(second.getByRole('status').filter({ hasText: 'Recorded 0 sessions as delivered: the sessions listed had been recorded already.' })).toBeVisible()
  await page.reload()
  await expect(tuesday.getByRole('link', { name: `Versions: ${SPEECH}, Tue, Feb 9 (${JOHNNY})` })).toHaveText('Versions')

  // The exception: Tuesday's session was cut short. A correction keeps the earlier version.
  const correctName = `Correct: ${SPEECH}, Tue, Feb 9 (${JOHNNY})`
  await page.getByLabel(correctName, { exact: true }).click()
  const correctForm = page.locator('details').filter({ has: page.getByLabel(correctName, { exact: true }) })
  await correctForm.getByLabel('Minutes given').fill('20')
  await correctForm.getByLabel('Why is it corrected?').fill('Assembly cut the session short.')
  await correctForm.getByRole('button', { name: 'Save correction' }).click()
  await expect(tuesday.getByRole('status')).toHaveText('Correction saved; the earlier version is kept.')
  await expect(tuesday.getByText('Delivered, 20 min (short by 10 min)', { exact: true })).toBeVisible()
  await expect(tuesday.getByRole('link', { name: `Versions: ${SPEECH}, Tue, Feb 9 (${JOHNNY})` })).toHaveText('Versions (2)')
  await expectNoSidewaysScroll(page)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('last week: sessions outside the recording window are left out, the one inside is recorded', async ({ page, signIn }) => {
    await signIn('caseManager')
    await page.goto('/sessions?week=2027-02-01')
    await page.getByRole('link', { name: 'Delivered as scheduled: check what the week of Mon, Feb 1 records' }).click()
    await expect(line(willRecord(page), SPEECH, 'Thu, Feb 4 · 30 min')).toBeVisible()
    await expect(willRecord(page).getByRole('listitem').filter({ hasText: JOHNNY })).toHaveCount(1)
    for (const [service, day] of [
      [SPEECH, 'Tue, Feb 2'],
      [OT, 'Wed, Feb 3'],
    ] as const) {
      await expect(line(leftOut(page), service, day)).toContainText('Outside the recording window (more than 5 school days ago): record it on its own')
    }
    await expectNoSidewaysScroll(page)
    await page.getByRole('button', { name: /^Record \d+ sessions? as delivered$/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Sessions, week of Mon, Feb 1' })).toBeVisible()
    await expect(itemOf(page, `Correct: ${SPEECH}, Thu, Feb 4 (${JOHNNY})`).getByText('Delivered, 30 min', { exact: true })).toBeVisible()
    // The old ones are untouched: still unrecorded, to be recorded one by one if at all.
    await expect(itemOf(page, `Delivered: ${SPEECH}, Tue, Feb 2 (${JOHNNY})`).getByText('Unrecorded', { exact: true })).toBeVisible()
    await expect(itemOf(page, `Delivered: ${OT}, Wed, Feb 3 (${JOHNNY})`).getByText('Unrecorded', { exact: true })).toBeVisible()
  })
})
