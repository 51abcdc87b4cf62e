import type { Locator } from '@playwright/test'
import { DEMO_USERS, expect, expectAccessible, test } from './fixtures.ts'
import { accommodationIds, checkHistory, openChoices, openTodayFromMyStudents, recordedAs, studentCard, studentIdOf, supportRow } from './today-helpers.ts'

/**
 * Issue 15, a para's day in few taps, on a 360 px phone. Thursday of the journeys' week: no other journey
 * records on it (the budget journey has the Friday), so every record here is this file's own.
 */
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, day: '2026-11-19T10:00:00Z', serviceWorkers: 'allow' })
const THURSDAY = '2026-11-19'
const JOHNNY_DAILY = ['Break card', 'Picture schedule', 'Seat near the door', 'Noise-reducing headphones']

const chip = (row: Locator) => row.locator('[data-status]')

test('All as planned, an exception, undo within a minute, and each choice in its own colour', async ({ page, signIn }) => {
  test.setTimeout(90_000)
  await signIn('para')
  await openTodayFromMyStudents(page)
  const johnny = studentCard(page, 'Johnny Miller')
  const johnnyId = await studentIdOf(johnny)
  const ids = await accommodationIds(page, johnnyId)
  const status = page.getByRole('status', { name: 'Changes on this phone' })
  const undoBar = page.getByRole('button', { name: /^Undo / })

  // The first visit of the day: how to help Johnny is open before anything else.
  await expect(johnny.getByRole('region', { name: 'How to help Johnny' }).getByText('How to give an instruction')).toBeVisible()

  // One tap records every support that applies today; the Math and test ones wait until they happen.
  await johnny.getByRole('button', { name: /^All as planned for Johnny: record \d+ supports as used$/ }).tap()
  for (const title of JOHNNY_DAILY) await expect(recordedAs(supportRow(johnny, title), title, 'Used')).toBeVisible()
  await expect(supportRow(johnny, 'Extra time').getByRole('button', { name: 'Used: Extra time' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^All as planned for Johnny: \d+ supports used$/ })).toBeVisible()
  await expect(status).toHaveText('All changes saved.')
  await expectAccessible(page)

  // Undo: every one of them back to not recorded, as a correction the server keeps beside the tap.
  await undoBar.tap()
  await expect(undoBar).toHaveCount(0)
  const breakCard = supportRow(johnny, 'Break card')
  await expect(breakCard.getByRole('button', { name: 'Used: Break card' })).toHaveAttribute('aria-pressed', 'false')
  await expect(status).toHaveText('All changes saved.')
  expect((await checkHistory(page, johnnyId, ids.get('Break card')!, THURSDAY)).map((c) => c.status)).toEqual(['cleared', 'used'])
  await page.reload()
  await expect(breakCard.getByRole('button', { name: 'Used: Break card' })).toHaveAttribute('aria-pressed', 'false')
  await expect(breakCard).toContainText('Not recorded yet.')

  // The second visit of the day: the profile is folded, and opens with one tap.
  const profile = johnny.getByRole('region', { name: 'How to help Johnny' })
  await expect(profile.getByText('How to give an instruction')).toBeHidden()
  await profile.getByText('How to help Johnny').tap()
  await expect(profile.getByText('How to give an instruction')).toBeVisible()

  // All as planned again, then the exceptions one by one.
  await johnny.getByRole('button', { name: /^All as planned for Johnny/ }).tap()
  const schedule = supportRow(johnny, 'Picture schedule')
  await openChoices(schedule, 'Picture schedule')
  // Opened: the keyboard is on the choice it shows.
  await expect(schedule.getByRole('button', { name: 'Used: Picture schedule' })).toBeFocused()
  await schedule.getByRole('button', { name: 'Declined: Picture schedule' }).tap()
  await expect(recordedAs(schedule, 'Picture schedule', 'Declined')).toBeFocused()
  const seat = supportRow(johnny, 'Seat near the door')
  await openChoices(seat, 'Seat near the door')
  await seat.getByRole('button', { name: 'Not provided: Seat near the door', exact: true }).tap()
  await seat.getByRole('textbox', { name: /not provided\?/ }).fill('Room change for the assembly.')
  await seat.getByRole('button', { name: 'Save reason: Seat near the door' }).tap()
  await expect(recordedAs(seat, 'Seat near the door', 'Not provided')).toBeVisible()

  // Each choice its own colour and symbol, and always its word: never the success green for the exceptions.
  const look = async (row: Locator) => ({
    status: await chip(row).getAttribute('data-status'),
    icon: await chip(row).locator('[data-icon]').textContent(),
    text: (await chip(row).textContent())?.trim(),
    classes: (await chip(row).getAttribute('class')) ?? '',
  })
  const used = await look(breakCard)
  const declined = await look(schedule)
  const notProvided = await look(seat)
  expect(used).toMatchObject({ status: 'used', icon: '✓' })
  expect(used.classes).toContain('emerald')
  expect(declined).toMatchObject({ status: 'declined', icon: '✕' })
  expect(declined.text).toContain('Declined')
  expect(declined.classes).toContain('red')
  expect(notProvided).toMatchObject({ status: 'not_provided', icon: '!' })
  expect(notProvided.text).toContain('Not provided')
  expect(notProvided.classes).toContain('amber')
  for (const other of [declined, notProvided]) expect(other.classes).not.toContain('emerald')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/today-quick-exceptions.png', fullPage: true })

  // Undo the last tap only: the seat is back to Used (its choice before), a new version; the versions keep all three.
  await expect(page.getByRole('status').filter({ hasText: 'Seat near the door: Not provided' })).toBeVisible()
  await undoBar.tap()
  await expect(recordedAs(seat, 'Seat near the door', 'Used')).toBeVisible()
  await expect(recordedAs(schedule, 'Picture schedule', 'Declined')).toBeVisible()
  await expect(status).toHaveText('All changes saved.')
  const seatVersions = await checkHistory(page, johnnyId, ids.get('Seat near the door')!, THURSDAY)
  expect(seatVersions.map((c) => [c.status, c.reason])).toEqual([
    ['used', null],
    ['not_provided', 'Room change for the assembly.'],
    ['used', null],
    ['cleared', null],
    ['used', null],
  ])
  expect(seatVersions.every((c) => c.recordedBy === DEMO_USERS.para.name)).toBe(true)

  // The chance to undo lasts a minute.
  await openChoices(breakCard, 'Break card')
  await breakCard.getByRole('button', { name: 'Not needed: Break card' }).tap()
  await expect(undoBar).toBeVisible()
  await page.clock.fastForward(61_000)
  await expect(undoBar).toHaveCount(0)
  await expect(recordedAs(breakCard, 'Break card', 'Not needed')).toBeVisible()
})

test('an undo made offline waits in the queue like any tap, and reaches the server in order', async ({ page, context, signIn }) => {
  await signIn('para')
  await openTodayFromMyStudents(page)
  const ava = studentCard(page, 'Ava Brooks')
  const avaId = await studentIdOf(ava)
  const ids = await accommodationIds(page, avaId)
  const status = page.getByRole('status', { name: 'Changes on this phone' })
  const chunked = supportRow(ava, 'Chunked assignments')

  await context.setOffline(true)
  await openChoices(chunked, 'Chunked assignments')
  await chunked.getByRole('button', { name: 'Used: Chunked assignments' }).tap()
  await page.getByRole('button', { name: 'Undo Chunked assignments: Used' }).tap()
  await expect(chunked.getByRole('button', { name: 'Used: Chunked assignments' })).toHaveAttribute('aria-pressed', 'false')
  await expect(status).toContainText('2 changes waiting to sync')

  await context.setOffline(false)
  await expect(status).toHaveText('All changes saved.')
  expect((await checkHistory(page, avaId, ids.get('Chunked assignments')!, THURSDAY)).map((c) => c.status)).toEqual(['cleared', 'used'])
  await page.reload()
  await expect(chunked).toContainText('Not recorded yet.')
})

test.describe('without scripts', () => {
  test.use({ javaScriptEnabled: false })

  test('All as planned is a plain form: the page’s action records the same supports', async ({ page, signIn }) => {
    await signIn('para')
    await openTodayFromMyStudents(page)
    const leo = studentCard(page, 'Leo Garcia')
    // Server-rendered open: without scripts the profile is always there.
    await expect(leo.getByRole('region', { name: 'How to help Leo' }).getByText('What to avoid')).toBeVisible()
    await leo.getByRole('button', { name: /^All as planned for Leo: record 2 supports as used$/ }).click()
    for (const title of ['AAC tablet within reach', 'Headphones for loud activities']) {
      await expect(supportRow(leo, title).getByRole('button', { name: `Used: ${title}` })).toHaveAttribute('aria-pressed', 'true')
    }
    await expect(leo.getByRole('button', { name: /^All as planned/ })).toHaveCount(0)
  })
})
