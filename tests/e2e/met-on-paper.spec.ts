import type { Page } from '@playwright/test'
import { collectBrowserErrors, expect, expectAccessible, openStudent, test } from './fixtures.ts'


/** From Johnny's page, the goal whose plain meaning matches `name`, through the Goals list's link. */
async function openGoal(page: Page, name: RegExp, area: string) {
  await openStudent(page, 'Johnny Miller')
  await page.getByRole('list', { name: 'Goals' }).getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 2, name: `${area} goal` })).toBeVisible()
  await expect(page).toHaveURL(/\/students\/[^/]+\/goals\/[^/]+$/)
}

test('the parent sees that Johnny’s “sit for 20 minutes” goal is met on paper, with the dysregulated points marked', async ({
  page,
  signIn,
}) => {
  const errors = collectBrowserErrors(page)
  await signIn('parent')
  await openGoal(page, /seat .*20 minutes/, 'Behavior')
  await expect(page).toHaveTitle('Behavior goal · Johnny Miller · Same Page')

  // The status says Met, and the page says why that is not the whole story.
  await expect(page.getByText('Met', { exact: true })).toBeVisible()
  await expect(page.getByText('The last 3 sessions reach the goal.')).toBeVisible()
  const warning = page.getByRole('status').filter({ hasText: 'Met on paper' })
  await expect(warning.getByRole('heading', { name: 'Met on paper — check how Johnny is really doing' })).toBeVisible()
  await expect(warning).toContainText('recorded while Johnny was dysregulated')

  // Official text beside the four plain parts; baseline, target and the rule in words.
  await expect(page.getByRole('region', { name: 'Official IEP text' })).toContainText('remain seated and engaged')
  const plain = page.getByRole('region', { name: 'In plain words' })
  for (const part of ['What it means', 'What it looks like in class', 'How adults help', 'How we measure it']) {
    await expect(plain.getByText(part, { exact: true })).toBeVisible()
  }
  const facts = page.locator('dl').filter({ hasText: 'Counts as met when' })
  await expect(facts.getByRole('definition')).toHaveText(['8 minutes', '20 minutes', '20 minutes or better in 3 sessions in a row'])

  // The chart: mounted after hydration, its points drawn, with a legend in words.
  const chart = page.getByRole('img', { name: /Chart of 7 data points/ })
  await expect(chart).toBeVisible()
  await expect(chart.locator('svg.recharts-surface')).toBeVisible()
  await expect(chart.getByText('Goal: 20 minutes')).toBeVisible()
  const legend = page.getByRole('list', { name: 'Chart legend' })
  for (const state of ['Calm', 'Uneasy', 'Dysregulated', 'Goal line']) await expect(legend.getByText(state, { exact: true })).toBeVisible()

  // The table marks the two dysregulated points in words.
  const table = page.getByRole('table', { name: 'Data points, newest first' })
  await expect(table.getByRole('row')).toHaveCount(8)
  const dysregulated = table.getByRole('row').filter({ hasText: 'Dysregulated' })
  await expect(dysregulated).toHaveCount(2)
  await expect(dysregulated.first()).toContainText('22 minutes')
  await expect(dysregulated.first()).toContainText('Refused to come into class the next morning.')
  await expect(dysregulated.nth(1)).toContainText('21 minutes')

  // A parent reads; they do not record data or void it. No edit either.
  await expect(page.getByRole('heading', { name: 'Add a data point' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Add data point' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Add a data point' })).toHaveCount(0)
  await expect(page.getByText(/^Void/)).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Edit goal' })).toHaveCount(0)
  await expectAccessible(page)
  await page.screenshot({ path: test.info().outputPath('goal-page-parent-desktop.png'), fullPage: true })

  // The history, in plain words.
  await page.getByRole('link', { name: 'History' }).first().click()
  await expect(page.getByRole('heading', { level: 2, name: 'History' })).toBeVisible()
  await expectAccessible(page)
  expect(errors, 'browser errors').toEqual([])
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })

  test('the para records a reading data point trial by trial and sees it in the table; then voids it with a reason', async ({
    page,
    signIn,
  }) => {
    const errors = collectBrowserErrors(page)
    await signIn('para')
    await openGoal(page, /sounds out short words/, 'Reading')
    await expect(page.getByRole('link', { name: 'Edit goal' })).toHaveCount(0)
    await expect(page.getByRole('img', { name: /Chart of/ }).locator('svg.recharts-surface')).toBeVisible()
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth, 'the goal page scrolls sideways at 360 px').toBeLessThanOrEqual(360)
    await page.screenshot({ path: test.info().outputPath('goal-page-phone.png'), fullPage: true })

    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add data point' }) })
    await expect(form.getByLabel('Date')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/)

    // A refused submit keeps what was typed and says which field is wrong.
    await form.getByLabel('Note (optional)').fill('Reading group, list B.')
    await form.getByRole('button', { name: 'Add data point' }).click()
    await expect(form.getByRole('alert')).toContainText('Please correct the fields marked below.')
    await expect(form.getByText('Choose calm, uneasy or dysregulated.')).toBeVisible()
    await expect(form.getByLabel('Note (optional)')).toHaveValue('Reading group, list B.')

    await form.getByRole('radio', { name: 'Tap each trial' }).check()
    const trials = form.getByRole('group', { name: /Trials/ })
    await trials.getByRole('button', { name: 'Independent' }).click()
    await trials.getByRole('button', { name: 'Independent' }).click()
    await trials.getByRole('button', { name: 'Incorrect' }).click()
    await expect(trials).toContainText('67% independent')
    await trials.getByRole('button', { name: 'Undo last trial' }).click()
    await expect(trials).toContainText('100% independent')
    await trials.getByRole('button', { name: 'Prompted' }).click()
    await expect(trials).toContainText('67% independent')
    await expect(trials.getByRole('list', { name: 'Trials so far' }).getByRole('listitem')).toHaveText([
      '1. Independent',
      '2. Independent',
      '3. Prompted',
    ])
    // A prompted trial suggests a verbal prompt until the adult chooses.
    await expect(form.getByLabel('Prompt level: how much help')).toHaveValue('verbal')
    await form.getByRole('radio', { name: 'Uneasy' }).check()
    // Each fixed field loses its message at once.
    await expect(form.getByText('Choose calm, uneasy or dysregulated.')).toHaveCount(0)
    await expect(form.getByText('Choose the prompt level.')).toHaveCount(0)
    await expect(form.getByRole('alert')).toHaveCount(0)
    await form.screenshot({ path: test.info().outputPath('goal-page-phone-trials.png') })
    await expectAccessible(page)
    await form.getByRole('button', { name: 'Add data point' }).click()

    await expect(page.getByRole('status').filter({ hasText: 'Added 67% for' })).toBeVisible()
    const table = page.getByRole('table', { name: 'Data points, newest first' })
    const row = table.getByRole('row').filter({ hasText: 'Reading group, list B.' })
    await expect(row).toHaveCount(1)
    await expect(row).toContainText('67%')
    await expect(row).toContainText('3 trials')
    await expect(row).toContainText('Uneasy')
    await expect(row).toContainText('Verbal reminder')
    await expect(row).toContainText('Sam Ortiz')
    // The form is fresh for the next point.
    await expect(page.getByText('No trials yet.')).toHaveCount(0)
    await expect(page.getByLabel('Note (optional)')).toHaveValue('')

    // Void it: a reason is required, and the point stays, struck through, with the reason.
    await row.locator('summary', { hasText: 'Void' }).click()
    await row.getByRole('button', { name: 'Void this point' }).click()
    await expect(row.getByText('Say why this data point is wrong.')).toBeVisible()
    await row.getByRole('textbox', { name: /Why is the .* point wrong\?/ }).fill('Wrong student’s list.')
    await row.getByRole('button', { name: 'Void this point' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'The data point was voided.' })).toBeVisible()
    const voided = table.getByRole('row').filter({ hasText: 'Reading group, list B.' })
    await expect(voided).toContainText('Wrong student’s list.')
    await expect(voided).toHaveAttribute('data-voided', 'true')
    await expect(voided.locator('summary')).toHaveCount(0)
    await expectAccessible(page)

    // Both writes are in the history, in plain words.
    await page.getByRole('navigation', { name: 'Sections of this student’s record' }).getByRole('link', { name: 'History' }).click()
    const changes = page.getByRole('list', { name: 'All changes' })
    await expect(changes.getByText(/^Sam Ortiz recorded 67% for the reading goal on .*; Johnny was uneasy\.$/)).toBeVisible()
    await expect(changes.getByText(/^Sam Ortiz voided the data point of 67 from .*: “Wrong student’s list\.”$/)).toBeVisible()
    const scrollWidth2 = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth2, 'the history scrolls sideways at 360 px').toBeLessThanOrEqual(360)
    await expectAccessible(page)
    expect(errors, 'browser errors').toEqual([])
  })
})
