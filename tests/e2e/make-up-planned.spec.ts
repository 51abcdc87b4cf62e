import type { Locator, Page } from '@playwright/test'
import { DEMO_USERS, expect, expectAccessible, freshPage, openStudent, signInOn, test } from './fixtures.ts'

// Issue 15, item 5: a make-up planned ahead, on a phone. On Wed 10 Mar 2027 (a week no other journey writes in) the
// speech provider plans a make-up of Johnny's unrecorded Tue 2 Mar session for Tue 16 Mar; on that day she records it.
const WIDTH = 360
const PLANNED_ON = '2027-03-10T10:00:00Z'
const HELD_ON = '2027-03-16T10:00:00Z'
test.use({ viewport: { width: WIDTH, height: 740 }, day: PLANNED_ON })

const SPEECH = 'Speech-language therapy'
const JOHNNY = 'Johnny Miller'
const PLAN_LINE = 'Make-up planned for Tue, Mar 16 (for the missed session of Tue, Mar 2); it counts once it is held.'

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, `the page scrolls sideways at ${WIDTH} px`).toBeLessThanOrEqual(WIDTH)
}

/** Johnny's speech row of the Make-ups card. */
function speechMakeUps(page: Page): Locator {
  return page
    .getByRole('region', { name: 'Make-ups' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: `${JOHNNY} · ${SPEECH}` }) })
}

/** The session of Tue 2 Mar on its week: it stays owed until a make-up is recorded. */
function marchSecond(page: Page): Locator {
  return page.getByRole('region', { name: 'Tue, Mar 2' }).getByRole('listitem').filter({ hasText: `${JOHNNY} · ${SPEECH}` })
}

/** The planned make-up on its day's card. */
function plannedItem(page: Page): Locator {
  return page.getByRole('list', { name: 'Make-ups planned for Tue, Mar 16' }).getByRole('listitem').filter({ hasText: `${JOHNNY} · ${SPEECH}` })
}

test('a make-up planned for a later day shows as planned to the provider and the family, then is recorded on its day', async ({ page, signIn, asRole, browser, baseURL }) => {
  await signIn('speech')
  await page.goto('/sessions')
  const row = speechMakeUps(page)
  await row.getByLabel(`Plan a make-up: ${SPEECH} (${JOHNNY})`).click()
  await row.getByLabel('Which missed session will it repay?').selectOption({ label: 'Tue, Mar 2, 2027: 30 min owed' })

  // A day already past is refused beside its field, and nothing is planned.
  await row.getByLabel('Planned date').fill('2027-03-08')
  await row.getByRole('button', { name: 'Plan make-up' }).click()
  await expect(row.getByText('Mon, Mar 8 has passed: plan a make-up for today or a later school day.')).toBeVisible()
  await expect(row.getByLabel('Planned date')).toHaveValue('2027-03-08')

  await row.getByLabel('Planned date').fill('2027-03-15')
  await expectNoSidewaysScroll(page)
  await row.getByRole('button', { name: 'Plan make-up' }).click()
  await expect(row.getByRole('status')).toHaveText('Make-up planned for Mon, Mar 15, for the missed session of Tue, Mar 2.')
  // A session with an open plan is not offered to plan again.
  await expect(row.getByLabel('Which missed session will it repay?').locator('option', { hasText: 'Tue, Mar 2, 2027' })).toHaveCount(0)

  // A second plan, for Friday, cancelled on Friday's card: the item goes, and the answer stays on the make-ups card.
  await row.getByLabel(`Plan a make-up: ${SPEECH} (${JOHNNY})`).click()
  await row.getByLabel('Planned date').fill('2027-03-12')
  await row.getByRole('button', { name: 'Plan make-up' }).click()
  await expect(row.getByRole('status')).toContainText('Make-up planned for Fri, Mar 12')
  const friday = page.getByRole('list', { name: 'Make-ups planned for Fri, Mar 12' }).getByRole('listitem').filter({ hasText: `${JOHNNY} · ${SPEECH}` })
  await friday.getByLabel(`Cancel: planned make-up ${SPEECH}, Fri, Mar 12 (${JOHNNY})`, { exact: true }).click()
  await friday.getByLabel('Why is it cancelled?').fill('Planned by mistake')
  await friday.getByRole('button', { name: 'Cancel make-up' }).click()
  await expect(page.getByRole('list', { name: 'Make-ups planned for Fri, Mar 12' })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Make-ups' }).getByRole('status').first()).toHaveText('Planned make-up cancelled; the session is still owed.')

  // Next week: planned on Monday, not yet to be recorded; moved to Tuesday, with why.
  await page.goto('/sessions?week=2027-03-15')
  const monday = page.getByRole('list', { name: 'Make-ups planned for Mon, Mar 15' }).getByRole('listitem').filter({ hasText: `${JOHNNY} · ${SPEECH}` })
  await expect(monday.getByText('Planned', { exact: true })).toBeVisible()
  await expect(monday).toContainText('Planned make-up for the missed Tue, Mar 2 session')
  await expect(monday).toContainText('It can be recorded on Mon, Mar 15 or after.')
  await expect(monday.getByLabel(/^Record as held:/)).toHaveCount(0)
  await expectAccessible(page)
  await expectNoSidewaysScroll(page)
  const moveName = `Move: planned make-up ${SPEECH}, Mon, Mar 15 (${JOHNNY})`
  await monday.getByLabel(moveName, { exact: true }).click()
  await monday.getByLabel('New date').fill('2027-03-16')
  await monday.getByLabel('Why is it moved?').fill('The room is taken on Monday')
  await monday.getByRole('button', { name: 'Move make-up' }).click()
  await expect(plannedItem(page).getByRole('status')).toHaveText('Make-up moved to Tue, Mar 16.')
  await expect(page.getByRole('list', { name: 'Make-ups planned for Mon, Mar 15' })).toHaveCount(0)
  await expect(plannedItem(page)).toContainText('Planned make-up for the missed Tue, Mar 2 session')
  await page.screenshot({ path: 'test-results/make-up-planned-week.png', fullPage: true })

  // The team's history says who moved it and why.
  await page.goto('/')
  await openStudent(page, JOHNNY)
  await page.goto(`${new URL(page.url()).pathname}/history`)
  await expect(
    page.getByText('Priya Shah moved the planned make-up of speech-language therapy for the missed session of Tue, Mar 2 to Tue, Mar 16: “The room is taken on Monday”.'),
  ).toBeVisible()

  // The missed session still owes its minutes: a plan is not a make-up.
  await page.goto('/sessions?week=2027-03-01')
  await expect(marchSecond(page)).toContainText('30 min of make-up owed')

  // The family sees it planned on Johnny's card.
  const parent = await asRole('parent')
  await expect(parent.getByText(PLAN_LINE)).toBeVisible()
  await expectNoSidewaysScroll(parent)

  // On Tue 16 Mar: recorded like any make-up, with the minutes typed.
  const later = await freshPage(browser, () => undefined, HELD_ON, baseURL)
  await signInOn(later, DEMO_USERS.speech.email)
  await later.goto('/sessions')
  const recordName = `Record as held: planned make-up ${SPEECH}, Tue, Mar 16 (${JOHNNY})`
  await plannedItem(later).getByLabel(recordName, { exact: true }).click()
  await plannedItem(later).getByLabel('Minutes given').fill('30')
  await plannedItem(later).getByRole('button', { name: 'Save make-up' }).click()
  const held = later.getByRole('region', { name: 'Tue, Mar 16 (today)' }).getByRole('listitem').filter({ hasText: 'repays Tue, Mar 2' })
  await expect(held.getByText('Make-up, 30 min', { exact: true })).toBeVisible()
  // The planned item is gone from its day; the answer names what was repaid, on the service's make-ups row.
  await expect(speechMakeUps(later).getByRole('status')).toHaveText(`Made up the ${SPEECH} session of Tue, Mar 2: 30 min on Tue, Mar 16.`)
  await expect(later.getByRole('list', { name: 'Make-ups planned for Tue, Mar 16' })).toHaveCount(0)
  await later.goto('/sessions?week=2027-03-01')
  await expect(marchSecond(later)).toContainText('Made up on Tue, Mar 16: 30 min')
  await expect(marchSecond(later)).not.toContainText('min of make-up owed')
  await later.context().close()

  // The family's card no longer shows it planned.
  const parentLater = await freshPage(browser, () => undefined, HELD_ON, baseURL)
  await signInOn(parentLater, DEMO_USERS.parent.email)
  await expect(parentLater.getByRole('heading', { level: 1, name: 'Johnny’s plan' })).toBeVisible()
  await expect(parentLater.getByText(PLAN_LINE)).toHaveCount(0)
  await parentLater.context().close()
})
