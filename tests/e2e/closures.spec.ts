import type { Page } from '@playwright/test'
import { expect, expectAccessible, test } from './fixtures.ts'

// Issue 14, item 3: a school closure changes every student's sessions, so the page says what a change does and
// asks before saving it; weekends and days outside the school year are refused on the date; a break is a range.
// The demo is seeded on Wed 18 Nov 2026 (school year 31 Aug 2026 – 18 Jun 2027). Every change here is undone.

const calendarOf = (page: Page) => page.getByRole('region', { name: 'School calendar' })
const confirmStep = (page: Page) => page.getByRole('region', { name: 'Confirm the calendar change' })

async function openCalendar(page: Page) {
  await page.getByRole('link', { name: 'School settings' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'School settings' })).toBeVisible()
  return calendarOf(page)
}

async function removeWithConfirm(page: Page, name: string, impact: RegExp) {
  await calendarOf(page).getByRole('button', { name }).click()
  await expect(confirmStep(page)).toContainText(impact)
  await confirmStep(page).getByRole('button', { name: 'Yes, remove the closure' }).click()
  await expect(calendarOf(page).getByRole('status')).toContainText('Closure removed')
  await expect(calendarOf(page).getByRole('button', { name })).toHaveCount(0)
}

for (const width of [360, 1280]) {
  test(`at ${width} px the admin sees what a closure change does before it is made, and confirms or cancels`, async ({ page, signIn }) => {
    await page.setViewportSize({ width, height: 800 })
    await signIn('admin')
    const calendar = await openCalendar(page)

    // Removing Thanksgiving: the page asks first, naming what it starts; cancel leaves it in place.
    await calendar.getByRole('button', { name: 'Remove closure: Nov 26, 2026 (Thanksgiving)' }).click()
    const confirm = confirmStep(page)
    await expect(confirm).toContainText('Remove the closure “Thanksgiving” on Thursday, November 26?')
    await expect(confirm).toContainText('1 session of 1 student becomes due again.')
    await expect(confirm.getByRole('heading', { name: 'Confirm the calendar change' })).toBeFocused()
    await expectAccessible(page)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    await confirm.getByRole('link', { name: 'Cancel' }).click()
    await expect(confirm).toHaveCount(0)
    await expect(calendar.getByRole('list', { name: 'Closures' })).toContainText('Thanksgiving')

    // Adding one Thursday: asked, then saved; the form is empty again.
    await calendar.getByLabel('Date', { exact: true }).fill('2027-05-13')
    await calendar.getByLabel('Label').fill('Snow day')
    await calendar.getByRole('button', { name: 'Add closure' }).click()
    await expect(confirm).toContainText('Add the closure “Snow day” on Thursday, May 13?')
    await expect(confirm).toContainText('1 session of 1 student is no longer due.')
    await expect(calendar.getByRole('list', { name: 'Closures' })).not.toContainText('Snow day')
    await confirm.getByRole('button', { name: 'Yes, add the closure' }).click()
    await expect(calendar.getByRole('status')).toHaveText('Closure added.')
    await expect(calendar.getByLabel('Date', { exact: true })).toHaveValue('')
    await expect(calendar.getByLabel('Label')).toHaveValue('')
    await removeWithConfirm(page, 'Remove closure: May 13, 2027 (Snow day)', /1 session of 1 student becomes due again\./)
  })
}

test('a weekend or a day outside the school year is refused on the date field; a break is entered as a range', async ({ page, signIn }) => {
  await signIn('admin')
  const calendar = await openCalendar(page)
  const date = calendar.getByLabel('Date', { exact: true })
  const lastDay = calendar.getByLabel('Last day (for a break)')
  const add = calendar.getByRole('button', { name: 'Add closure' })

  await date.fill('2027-05-15')
  await calendar.getByLabel('Label').fill('Flood repairs')
  await add.click()
  await expect(date).toHaveAttribute('aria-invalid', 'true')
  // Said once, on the field it is about.
  await expect(calendar.getByText('Saturday, May 15 is a weekend day, and school is closed then anyway: choose a weekday.')).toHaveCount(1)
  await expect(date).toHaveAccessibleDescription(/Saturday, May 15 is a weekend day/)
  await expect(confirmStep(page)).toHaveCount(0)

  await date.fill('2027-07-06')
  await add.click()
  await expect(date).toHaveAccessibleDescription(/Jul 6, 2027 is outside the school year \(Aug 31, 2026 to Jun 18, 2027\): choose a day in it\./)
  await expect(calendar.getByLabel('Label')).toHaveValue('Flood repairs')

  // A week's break, Saturday to Sunday: its five weekdays close, with one question first.
  await date.fill('2027-05-08')
  await lastDay.fill('2027-05-16')
  await add.click()
  const confirm = confirmStep(page)
  await expect(confirm).toContainText('Add the closure “Flood repairs” on 5 weekdays, Monday, May 10 to Friday, May 14?')
  await expect(confirm).toContainText('7 sessions of 3 students are no longer due.')
  await confirm.getByRole('button', { name: 'Yes, add the closure' }).click()
  await expect(calendar.getByRole('status')).toHaveText('Closure added on 5 weekdays.')
  await expect(calendar.getByRole('list', { name: 'Closures' })).toContainText('Flood repairs')

  // Undone, one day at a time, each asked.
  for (const [day, impact] of [
    // Mondays and Wednesdays also hold Leo's and Ava's social skills group.
    ['May 10, 2027', /2 sessions of 2 students become due again/],
    ['May 11, 2027', /1 session of 1 student becomes due again/],
    ['May 12, 2027', /3 sessions of 3 students become due again/],
    ['May 13, 2027', /1 session of 1 student becomes due again/],
    ['May 14, 2027', /No session is scheduled on it/],
  ] as const) {
    // Runs of one label sit behind a disclosure; the last one left is a line of its own.
    const remove = calendar.getByRole('button', { name: `Remove closure: ${day} (Flood repairs)` })
    if (!(await remove.isVisible())) await calendar.locator('summary', { hasText: 'Flood repairs' }).click()
    await removeWithConfirm(page, `Remove closure: ${day} (Flood repairs)`, impact)
  }
  await expect(calendar.getByRole('list', { name: 'Closures' })).not.toContainText('Flood repairs')
})
