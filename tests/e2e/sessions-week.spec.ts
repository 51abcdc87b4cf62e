import type { Page } from '@playwright/test'
import { expect, expectAccessible, test } from './fixtures.ts'

test.use({ viewport: { width: 360, height: 740 } })

test('the speech provider records a past week on a phone: a miss, a delivered session and the make-up', async ({ page, signIn }) => {
  await signIn('speech')
  await page.getByRole('link', { name: 'Sessions this week' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Sessions, week of/ })).toBeVisible()
  await expectAccessible(page)

  // Go back to the sessions nobody recorded (a few weeks ago in the demo; they may span two weeks).
  const unrecorded = page.getByText('Unrecorded', { exact: true })
  const heading = page.getByRole('heading', { level: 1, name: /Sessions, week of/ })
  const go = async (name: 'Previous week' | 'Next week') => {
    const before = await heading.textContent()
    await page.getByRole('link', { name }).click()
    await expect(heading).not.toHaveText(before!)
  }
  for (let i = 0; i < 10 && (await unrecorded.count()) === 0; i++) await go('Previous week')
  await expect(unrecorded.first()).toBeVisible()
  // Start from the earlier of the two: one more week back if it holds one.
  await go('Previous week')
  if ((await unrecorded.count()) === 0) await go('Next week')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

  const missedButton = page.getByLabel(/^Missed: Speech-language therapy/).first()
  const missedName = (await missedButton.getAttribute('aria-label'))!
  const missedDay = missedName.replace('Missed: Speech-language therapy, ', '')
  await missedButton.click()
  await page.getByLabel('Why was it missed?').filter({ visible: true }).selectOption('provider_absent')
  await page.getByRole('button', { name: 'Save missed' }).filter({ visible: true }).click()
  await expect(page.getByRole('status')).toContainText('Missed session saved.')
  await expect(page.getByText('Missed', { exact: true }).filter({ visible: true }).first()).toBeVisible()
  if ((await unrecorded.count()) === 0) await go('Next week')
  await expect(unrecorded).toHaveCount(1)

  // A delivered session with 0 minutes is refused and records nothing.
  const deliveredButton = page.getByLabel(/^Delivered: Speech-language therapy/).first()
  const deliveredName = (await deliveredButton.getAttribute('aria-label'))!
  await deliveredButton.click()
  const minutes = page.getByLabel('Minutes given', { exact: true }).filter({ visible: true })
  await expect(minutes).toHaveValue('30')
  await minutes.fill('0')
  await page.getByRole('button', { name: 'Save delivered' }).filter({ visible: true }).click()
  await expect(page.getByRole('alert')).toContainText('Minutes must be more than 0.')
  await expect(page.getByText('Unrecorded', { exact: true })).toHaveCount(1)

  await minutes.fill('30')
  await page.getByRole('button', { name: 'Save delivered' }).filter({ visible: true }).click()
  await expect(page.getByRole('status')).toContainText('Delivered session saved.')
  await expect(page.getByText('Unrecorded', { exact: true })).toHaveCount(0)

  // The make-up repays the miss, held on the later (school) day.
  const heldOn = deliveredName.replace('Delivered: Speech-language therapy, ', '')
  await page.getByLabel('Make-up: Speech-language therapy (Johnny Miller)').click()
  const repays = page.getByLabel('Which missed session does it repay?')
  const option = repays.locator('option', { hasText: missedDay })
  await repays.selectOption((await option.getAttribute('value'))!)
  // Held on the delivered session's day: a school day after the miss.
  await page.getByLabel('Date held').fill(await isoDateOf(page, heldOn))
  await page.getByRole('button', { name: 'Save make-up' }).click()
  await expect(page.getByRole('status')).toContainText('Make-up saved.')
  await expect(page.getByText(/^Make-up for Johnny Miller: Speech-language therapy/)).toBeVisible()
  await expectAccessible(page)
})

test('a correction asks why and keeps the earlier version; a void stays visible, struck through', async ({ page, signIn }) => {
  await signIn('speech')
  await page.goto('/sessions')
  // Let the page hydrate before opening a disclosure, so React does not render it closed again.
  await page.waitForLoadState('networkidle')
  const previous = page.getByRole('link', { name: 'Previous week' })
  const correct = page.getByLabel(/^Correct: Johnny Miller, Speech-language therapy/)
  for (let i = 0; i < 4 && (await correct.count()) === 0; i++) await previous.click()
  const name = (await correct.first().getAttribute('aria-label'))!
  await correct.first().click()
  await page.getByRole('spinbutton', { name: 'Minutes given (if delivered)' }).filter({ visible: true }).fill('20')
  await page.getByRole('button', { name: 'Save correction' }).filter({ visible: true }).click()
  await expect(page.getByRole('alert')).toContainText('Say why this record is changed.')
  // The refused form stays open with its values; the reason is added.
  await page.getByRole('spinbutton', { name: 'Minutes given (if delivered)' }).filter({ visible: true }).fill('20')
  await page.getByLabel('Why is it corrected?').filter({ visible: true }).fill('Session ended early')
  await page.getByRole('button', { name: 'Save correction' }).filter({ visible: true }).click()
  await expect(page.getByRole('status')).toContainText('Correction saved')
  await expect(page.getByText('short by 10 min').first()).toBeVisible()

  const voidName = name.replace('Correct:', 'Void:')
  await page.getByLabel(voidName).click()
  await page.getByLabel('Why is this record wrong?').filter({ visible: true }).fill('Entered on the wrong day')
  await page.getByRole('button', { name: 'Void record' }).filter({ visible: true }).click()
  await expect(page.getByRole('status')).toContainText('Record voided')
  await expect(page.getByText(/voided: Entered on the wrong day/)).toBeVisible()
  await expect(page.locator('s').first()).toBeVisible()
})

test('the para has no Sessions link and nothing to record', async ({ page, signIn }) => {
  await signIn('para')
  await expect(page.getByRole('link', { name: 'Sessions this week' })).toHaveCount(0)
  await page.goto('/sessions')
  await expect(page.getByText('You have no services to record.')).toBeVisible()
  await expectAccessible(page)
})

/** "Tue, Oct 27" → the ISO date of the most recent such day up to today. */
async function isoDateOf(page: Page, label: string): Promise<string> {
  return page.evaluate((l) => {
    const now = new Date()
    for (let back = 0; back < 400; back++) {
      const d = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() - back))
      const text = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d)
      if (text === l) return d.toISOString().slice(0, 10)
    }
    throw new Error(`no date for ${l}`)
  }, label)
}
