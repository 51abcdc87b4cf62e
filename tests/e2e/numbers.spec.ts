import type { Page } from '@playwright/test'
import { collectBrowserErrors, expect, expectAccessible, openStudent, test } from './fixtures.ts'
import { openChoices, openTodayFromMyStudents, recordedAs, studentCard, supportRow } from './today-helpers.ts'

// Issue 14, item 1: numbers that cannot mislead.

const NOT_NEEDED_ONLY = /Not needed on (the 1 day|any of the \d+ days) it applied\./

/** The item of a fidelity card that belongs to one accommodation. */
function accommodationItem(page: Page, card: ReturnType<Page['getByRole']>, title: string) {
  return card.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) })
}

test('a support recorded only “Not needed” reads “not needed”, never 100% fidelity; each figure names its period', async ({
  page,
  signIn,
  asRole,
}) => {
  test.slow()
  const errors = collectBrowserErrors(page)
  // The para marks the tests-only support “Not needed” on a school day: its only kind of record (no journey records
  // it used). Not the day openSchoolDay picks: the offline journey taps the same support there, and the two share a demo.
  await signIn('para')
  await openTodayFromMyStudents(page)
  const otherDay = page.getByRole('navigation', { name: /Choose a day/ }).getByRole('link').filter({ hasNotText: 'no school' }).nth(1)
  await otherDay.click()
  await expect(otherDay).toHaveAttribute('aria-current', 'page')
  const extraTime = supportRow(studentCard(page, 'Johnny Miller'), 'Extra time')
  // A tests-only support is folded until recorded: its choices open with one tap.
  await openChoices(extraTime, 'Extra time')
  await extraTime.getByRole('button', { name: 'Not needed: Extra time' }).click()
  await expect(recordedAs(extraTime, 'Extra time', 'Not needed')).toBeVisible()
  await expect(page.getByRole('status', { name: 'Changes on this phone' })).toHaveText('All changes saved.')

  // The student page: the recent figure, named for its period.
  await page.goto('/')
  await openStudent(page, 'Johnny Miller')
  const recent = page.getByRole('region', { name: 'Recent fidelity — last 20 school days' })
  await expect(recent).toBeVisible()
  const recentItem = accommodationItem(page, recent, 'Extra time')
  await expect(recentItem.getByText('Not needed', { exact: true })).toBeVisible()
  await expect(recentItem).toContainText(NOT_NEEDED_ONLY)
  await expect(recentItem).not.toContainText('%')
  await expect(recentItem).not.toContainText(/Used on 0/)
  // A daily support with a share says which period the share covers.
  await expect(accommodationItem(page, recent, 'Break card')).toContainText(/\d+% in the last 20 school days/)
  await expect(accommodationItem(page, recent, 'Break card')).toContainText(/Used on \d+ of the \d+ days it was needed\./)
  await expectAccessible(page)

  // The accountability view: the other figure, since the start, under another name.
  await page.getByRole('navigation', { name: 'Student pages' }).getByRole('link', { name: 'Is the plan happening?' }).click()
  const sinceStart = page.getByRole('region', { name: 'Fidelity since the start: were the accommodations used?' })
  await expect(sinceStart).toBeVisible()
  const sinceItem = accommodationItem(page, sinceStart, 'Extra time')
  await expect(sinceItem.getByText('Not needed', { exact: true })).toBeVisible()
  await expect(sinceItem).toContainText(NOT_NEEDED_ONLY)
  await expect(sinceItem).not.toContainText('fidelity')
  await expect(accommodationItem(page, sinceStart, 'Break card')).toContainText(/\d+(\.\d)?% since the start/)
  await expect(page.getByText(/in the last 20 school days/)).toHaveCount(0)
  await expectAccessible(page)

  // The parent's meeting brief counts since the start too: “Not needed”, no 100 %.
  const parent = await asRole('parent')
  await openStudent(parent, 'Johnny Miller')
  await parent.getByRole('navigation', { name: 'Student pages' }).getByRole('link', { name: 'Prepare for a meeting' }).click()
  const brief = parent.getByRole('region', { name: 'Accommodations: were they used?' })
  const briefItem = brief.getByRole('listitem').filter({ hasText: 'Extra time' })
  await expect(briefItem).toContainText(NOT_NEEDED_ONLY)
  await expect(briefItem.getByText('Not needed', { exact: true })).toBeVisible()
  await expect(briefItem).not.toContainText('%')
  expect(errors, 'browser errors').toEqual([])
})

test('the case manager records a point well below the ones before it: the goal turns “Needs attention”, not “On track”', async ({
  page,
  signIn,
}) => {
  const errors = collectBrowserErrors(page)
  await signIn('caseManager')
  await openStudent(page, 'Johnny Miller')
  await page.getByRole('list', { name: 'Goals' }).getByRole('link', { name: /asks for a break/ }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Communication goal' })).toBeVisible()
  // The seed: 40, 60, 60 — climbing towards 80 %.
  await expect(page.getByText('On track', { exact: true })).toBeVisible()
  await expect(page.getByText('The last 3 points average 53.3 and are not falling.')).toBeVisible()

  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add data point' }) })
  await form.getByRole('radio', { name: 'Type the result' }).check()
  await form.getByLabel('Result (percent)').fill('20')
  await form.getByLabel('Prompt level: how much help').selectOption({ label: 'Independent (no help)' })
  await form.getByRole('radio', { name: 'Calm' }).check()
  await form.getByRole('button', { name: 'Add data point' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Added 20/ })).toBeVisible()

  // 40, 60, 60, 20: the last three (46.7) still beat the one before them (40), but the latest fell well below.
  await expect(page.getByText('Needs attention', { exact: true })).toBeVisible()
  await expect(page.getByText('On track', { exact: true })).toHaveCount(0)
  await expect(page.getByText('The latest point (20) is well below the 3 before it (average 53.3).')).toBeVisible()
  await expectAccessible(page)

  // The student page's goal list says the same.
  await page.goto('/')
  await openStudent(page, 'Johnny Miller')
  const goal = page.getByRole('list', { name: 'Goals' }).getByRole('listitem').filter({ hasText: /asks for a break/ })
  await expect(goal.getByText('Needs attention', { exact: true })).toBeVisible()
  expect(errors, 'browser errors').toEqual([])
})
