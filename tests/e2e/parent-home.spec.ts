import type { Page } from '@playwright/test'
import { expect, expectAccessible, test } from './fixtures.ts'
import { openChoices, openTodayFromMyStudents, recordedAs, studentCard, supportRow } from './today-helpers.ts'

// A support no other journey records: the parent's card may name it only because of this journey.
const SUPPORT = 'Morning check-in'

const planCard = (page: Page) => page.getByRole('region', { name: 'Is Johnny’s plan happening?' })
const missedSupports = (page: Page) => planCard(page).getByRole('list', { name: 'Supports not provided this week' })

/** The para records today's Morning check-in on the Today screen: "Used", or "Not provided" with a reason. */
async function recordCheckIn(para: Page, status: 'Used' | 'Not provided') {
  const row = supportRow(studentCard(para, 'Johnny Miller'), SUPPORT)
  // A recorded row is folded to its status: open its choices first.
  await openChoices(row, SUPPORT)
  await row.getByRole('button', { name: `${status}: ${SUPPORT}`, exact: true }).click()
  if (status === 'Not provided') {
    await row.getByRole('textbox', { name: `Why was “${SUPPORT}” not provided?` }).fill('Nobody was at the door at arrival.')
    await row.getByRole('button', { name: `Save reason: ${SUPPORT}` }).click()
  }
  await expect(recordedAs(row, SUPPORT, status)).toBeVisible()
  await expect(row.getByText('Waiting to sync')).toHaveCount(0)
}

test('the parent’s first screen says whether Johnny’s plan is happening, with the school’s own numbers', async ({ page, signIn, asRole }) => {
  // Three people, the accountability page and two accessibility scans.
  test.slow()
  const para = await asRole('para')
  await openTodayFromMyStudents(para)
  await recordCheckIn(para, 'Not provided')

  await signIn('parent')
  // The heading speaks to a parent, about her child; not the staff's "students whose plans you help carry out".
  await expect(page.getByRole('heading', { level: 1, name: 'Johnny’s plan', exact: true })).toBeVisible()
  await expect(page.getByText('Hello, Laura. Here is how the plan is going, by the same numbers the school sees.')).toBeVisible()
  await expect(page.getByText(/students whose plans you help carry out/)).toHaveCount(0)
  await expect(page.getByRole('region', { name: /plan happening\?$/ }), 'one card per child').toHaveCount(1)

  // Services furthest behind first: the delivery rates never go up down the list, and the first is marked.
  const services = planCard(page).getByRole('list', { name: 'Johnny’s services, furthest behind first' }).getByRole('listitem')
  const count = await services.count()
  expect(count, 'Johnny has several services').toBeGreaterThan(1)
  await expect(services.first().getByText('Furthest behind')).toBeVisible()
  const shown: { name: string; rate: string; ledger: string }[] = []
  for (let i = 0; i < count; i++) {
    const lines = await services.nth(i).locator('p').allInnerTexts()
    const rate = /^(\d+(?:\.\d)?%) of the minutes due were delivered\.$/.exec(lines[1] ?? '')?.[1]
    expect(rate, `service ${i + 1} says its delivery rate`).toBeDefined()
    expect(lines[2], 'what is owed and what was made up').toMatch(/Nothing is owed to Johnny\.|owed to Johnny; .*(made up|none made up yet).*; .*(still owed|nothing still owed)\./)
    shown.push({ name: lines[0]!.replace('Furthest behind', '').trim(), rate: rate!, ledger: lines[2]! })
  }
  const rates = shown.map((s) => parseFloat(s.rate))
  expect(rates, 'furthest behind first').toEqual([...rates].sort((a, b) => a - b))
  expect(shown.some((s) => / made up \(/.test(s.ledger)), 'the make-ups made are counted').toBe(true)

  // The support the para just recorded as not provided, with its day.
  await expect(missedSupports(page).getByRole('listitem').filter({ hasText: SUPPORT })).toHaveText(`${SUPPORT}: Wed, Nov 18`)
  await expectAccessible(page)

  // The same numbers as the school's accountability page, service by service.
  await planCard(page).getByRole('link', { name: 'All of Johnny’s numbers' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Is the plan happening?' })).toBeVisible()
  for (const s of shown) {
    const region = page.getByRole('region', { name: s.name, exact: true })
    await expect(region.getByText(`${s.rate} delivered`, { exact: true })).toBeVisible()
    await expect(region.getByText(s.ledger, { exact: true })).toBeVisible()
  }

  // A correction counts: once the check-in is recorded as used, it is no longer a support missed this week.
  await recordCheckIn(para, 'Used')
  await page.goto('/')
  await expect(planCard(page)).toBeVisible()
  await expect(planCard(page).getByText(SUPPORT)).toHaveCount(0)

  // On a phone the card fits: no sideways scroll at 360 px.
  await page.setViewportSize({ width: 360, height: 740 })
  await page.reload()
  await expect(planCard(page)).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll at 360 px').toBeLessThanOrEqual(360)

  // Staff home pages keep their content: the case manager still has My students and no parent card.
  const caseManager = await asRole('caseManager')
  await expect(caseManager.getByText('Hello, Dana. These are the students whose plans you help carry out.')).toBeVisible()
  await expect(caseManager.getByRole('region', { name: /plan happening\?$/ })).toHaveCount(0)
})
