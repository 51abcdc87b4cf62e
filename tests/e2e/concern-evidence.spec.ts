import type { Page } from '@playwright/test'
import { collectBrowserErrors, expect, expectAccessible, openStudent, test } from './fixtures.ts'

// Issue 19, parts 2, 6 and 7, at phone width: what happened next on a goal's chart, an agreement's item, sharing a concern.
const WIDTH = 360
test.use({ viewport: { width: WIDTH, height: 800 } })

async function expectFitsPhone(page: Page) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, `${page.url()} scrolls sideways at 360 px`).toBeLessThanOrEqual(WIDTH)
}

test('a parent records what happened next on a goal’s chart, an agreement’s item on a family-only concern, then shares it; the case manager then sees it', async ({
  page,
  signIn,
  asRole,
}) => {
  const errors = collectBrowserErrors(page)
  const note = `Silent all evening ${Date.now().toString(36)}`
  const issue = `Break card not offered at recess ${Date.now().toString(36)}`

  // From Johnny's communication goal, "Record what happened next" opens the form with that goal chosen.
  await signIn('parent')
  await openStudent(page, 'Johnny Miller')
  const base = new URL(page.url()).pathname
  await page.getByRole('list', { name: 'Goals' }).getByRole('link', { name: /asks for a break/ }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Communication goal' })).toBeVisible()
  const goalUrl = new URL(page.url()).pathname
  await page.getByRole('link', { name: 'Record what happened next' }).click()
  const form = page.getByRole('form', { name: 'Record what happened' })
  await expect(form.getByLabel('Goal it followed (if known)')).toHaveValue(goalUrl.split('/').at(-1)!)
  await form.getByLabel('What happened').selectOption({ label: 'Shutdown' })
  await form.getByLabel('A short note').fill(note)
  await expectAccessible(page)
  await expectFitsPhone(page)
  await form.getByRole('button', { name: 'Record it' }).click()
  await expect(form.getByText('Recorded.')).toBeVisible()
  const entry = page.getByRole('listitem').filter({ hasText: note })
  await expect(entry).toContainText('Shutdown')
  await expect(entry).toContainText('after Communication')
  // A correction is a new entry in the old one's place: its answer shows beside it.
  await entry.getByText('Correct this entry').click()
  await entry.getByLabel('A short note').fill(`${note}, then slept`)
  await entry.getByRole('button', { name: 'Save the correction' }).click()
  const corrected = page.getByRole('listitem').filter({ hasText: `${note}, then slept` })
  await expect(corrected.getByRole('status')).toHaveText('Corrected. The earlier entry stays in the history.')
  await expect(corrected.getByText('corrected', { exact: true })).toBeVisible()

  // On the goal's chart, beside the day before's data point (Tuesday's), with the same in words.
  await page.goto(goalUrl)
  const chart = page.getByRole('img', { name: /What happened next, marked on the chart: Shutdown on Wed, Nov 18, after the data point of Tue, Nov 17/ })
  await expect(chart.locator('[data-effect-mark]')).toHaveCount(1)
  await expect(page.getByRole('list', { name: 'What happened next' })).toContainText('Shutdown on Wed, Nov 18, after the data point of Tue, Nov 17')
  await expectAccessible(page)
  await expectFitsPhone(page)

  // A family-only concern that ended with an agreement: one promised item, due.
  await page.goto(`${base}/concerns/new`)
  await page.getByLabel('Issue').fill(issue)
  await page.getByRole('button', { name: 'Save concern' }).click()
  await expect(page.getByRole('heading', { level: 2, name: issue })).toBeVisible()
  const concernUrl = new URL(page.url()).pathname
  const agreement = page.getByRole('region', { name: 'Agreement' })
  await agreement.getByRole('button', { name: 'Record the agreement' }).click()
  await expect(agreement.getByText('Agreement recorded; the concern is marked resolved.')).toBeVisible()
  await expect(agreement.getByText(/^Watched until .*: a new alert on a linked service reopens this concern\.$/)).toBeVisible()
  await agreement.getByLabel('What was promised').fill('Three make-up speech sessions')
  await agreement.getByLabel('Or who, in words').fill('The district office')
  await agreement.getByLabel('By when').fill('2026-12-18')
  await agreement.getByRole('button', { name: 'Add a promised item' }).click()
  await expect(agreement.getByText('Item added.')).toBeVisible()
  const item = agreement.getByRole('list', { name: 'Promised items' }).getByRole('listitem')
  await expect(item).toContainText('Compensatory sessions: Three make-up speech sessions')
  await expect(item).toContainText('Who: The district office')
  await expect(item.getByText('Due', { exact: true })).toBeVisible()
  await expectAccessible(page)
  await expectFitsPhone(page)

  // Shared with the team, after saying it cannot be undone.
  const share = page.getByRole('region', { name: 'Share with the team' })
  await share.locator('summary').click()
  await expect(share.getByText(/This cannot be undone/)).toBeVisible()
  await share.getByRole('button', { name: 'Yes, share it with the team' }).click()
  await expect(page.getByText('Shared with the team.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Share with the team' })).toHaveCount(0)
  await expect(page.getByText(/^Family-only until .*, when Laura Miller shared it with the team\.$/)).toBeVisible()

  // The case manager now reads it, with its agreement.
  const cm = await asRole('caseManager')
  await cm.goto(concernUrl)
  await expect(cm.getByRole('heading', { level: 2, name: issue })).toBeVisible()
  await expect(cm.getByRole('region', { name: 'Agreement' }).getByRole('list', { name: 'Promised items' })).toContainText('Three make-up speech sessions')
  expect(errors).toEqual([])
})
