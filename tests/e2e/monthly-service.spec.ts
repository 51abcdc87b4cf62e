import type { Browser, Page } from '@playwright/test'
import { DEMO_USERS, expect, expectAccessible, openStudent, setDay, signInOn, test } from './fixtures.ts'

// A service the IEP writes per month, on a phone: added by the case manager, recorded by its provider on the days
// they choose, counted per docs/formats.md#period-mandates. Maya: only the case manager is on her team (and provides
// this service), so no other journey's numbers move; the name is one no other journey uses.
const WIDTH = 360
test.use({ viewport: { width: WIDTH, height: 740 } })

const SERVICE = 'Social work'
/** The journey's day is the demo's Wednesday 18 November 2026; December 9 is after November's 5 pending school days. */
const DECEMBER_9 = '2026-12-09T15:00:00Z'

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, 'the page scrolls sideways at 360 px').toBeLessThanOrEqual(WIDTH)
}

async function openAccountability(page: Page): Promise<void> {
  await openStudent(page, 'Maya Thompson')
  await page.getByRole('navigation', { name: 'Student pages' }).getByRole('link', { name: 'Is the plan happening?' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Is the plan happening?' })).toBeVisible()
}

/** The case manager on another day, in a phone-sized browser of her own. */
async function caseManagerOn(browser: Browser, day: string, baseURL: string | undefined, track: (close: () => Promise<void>) => void): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: WIDTH, height: 740 } })
  track(() => context.close())
  await setDay(context, day, baseURL)
  const page = await context.newPage()
  await signInOn(page, DEMO_USERS.caseManager.email)
  return page
}

test('a "4 sessions of 15 minutes a month" service: added, recorded twice on days of the provider’s choosing, counted once the month ends', async ({
  page,
  signIn,
  browser,
  baseURL,
}) => {
  const closers: (() => Promise<void>)[] = []
  await signIn('caseManager')
  await openStudent(page, 'Maya Thompson')
  const services = page.getByRole('region', { name: 'Services' })
  await services.getByRole('link', { name: 'Add a service' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'New service' })).toBeVisible()

  // Each month, but neither the sessions nor the minutes of a month: refused beside the sessions, what was typed kept.
  await page.getByLabel('Service', { exact: true }).fill(SERVICE)
  await page.getByLabel('Provider').selectOption({ label: 'Dana Rivera (Case manager)' })
  await page.getByLabel('Minutes per session').fill('15')
  await page.getByRole('radio', { name: 'Each month' }).check()
  await page.getByLabel('Start date').fill('2026-11-02')
  await page.getByLabel('End date').fill('2027-06-11')
  await page.getByRole('button', { name: 'Save service' }).click()
  await expect(page.getByRole('alert')).toBeVisible()
  const sessionsField = page.getByLabel('Sessions each month or period')
  await expect(sessionsField).toHaveAccessibleDescription(/Give either the sessions or the total minutes/)
  await expect(page.getByRole('radio', { name: 'Each month' })).toBeChecked()
  await expectAccessible(page)

  await sessionsField.fill('4')
  await page.getByRole('button', { name: 'Save service' }).click()
  const social = services.getByRole('listitem').filter({ has: page.getByRole('heading', { name: SERVICE }) }).first()
  await expect(social).toContainText('4 sessions of 15 min a month · with Dana Rivera')
  await expectNoSidewaysScroll(page)

  // The provider's week: the service once, not as dated sessions; each session recorded on the day it was held.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click()
  const periodCard = page.getByRole('region', { name: 'Each month or reporting period' })
  const item = periodCard.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Maya Thompson · ${SERVICE}` }) }).first()
  await expect(item).toContainText('0 of 4 sessions this month')
  await expect(page.getByRole('region', { name: /Wednesday|Wed/ }).getByText(SERVICE)).toHaveCount(0)
  const name = `${SERVICE} (Maya Thompson)`
  const dayHeld = item.getByRole('textbox', { name: 'Day held' })
  // The disclosure stays open after a save: open it only when it is closed.
  const openDelivered = async () => {
    if (!(await dayHeld.isVisible())) await item.getByLabel(`Delivered: ${name}`).click()
  }
  for (const [n, day] of [[1, '2026-11-16'], [2, '2026-11-17']] as const) {
    await openDelivered()
    await dayHeld.fill(day)
    await item.getByRole('spinbutton', { name: 'Minutes given' }).fill('15')
    await item.getByRole('button', { name: 'Save delivered' }).click()
    await expect(item).toContainText(`${n} of 4 sessions this month`)
  }
  await expect(item).toContainText('30 of 60 min given')
  await expect(item.getByRole('list', { name: `Recorded in this period for ${name}` }).getByRole('listitem')).toHaveCount(2)
  await expectAccessible(page)
  await expectNoSidewaysScroll(page)

  // A day after today is refused beside the day, and nothing is saved.
  await openDelivered()
  await dayHeld.fill('2026-11-20')
  await item.getByRole('button', { name: 'Save delivered' }).click()
  await expect(dayHeld).toHaveAccessibleDescription(/.+/)
  await expect(item).toContainText('2 of 4 sessions this month')

  // November is in progress: nothing is due yet, and the page says why; the sessions count as delivered minutes.
  await page.goto('/')
  await openAccountability(page)
  const card = page.getByRole('region', { name: SERVICE, exact: true })
  await expect(card).toContainText('4 sessions of 15 min a month')
  await expect(card).toContainText('the month in progress is not due yet')
  await expect(card).toContainText('30 of 0 mandated minutes delivered')
  await expectNoSidewaysScroll(page)

  // December 9: November has ended and its pending days are over. 60 mandated, 30 delivered, 2 sessions unrecorded.
  const later = await caseManagerOn(browser, DECEMBER_9, baseURL, (close) => closers.push(close))
  await openAccountability(later)
  const decemberCard = later.getByRole('region', { name: SERVICE, exact: true })
  await expect(decemberCard).toContainText('30 of 60 mandated minutes delivered')
  const numbers = decemberCard.getByRole('group', { name: `${SERVICE} numbers` })
  await expect(numbers).toContainText('50%')
  await expectAccessible(later)
  await expectNoSidewaysScroll(later)
  for (const close of closers) await close()
})
