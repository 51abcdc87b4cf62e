import { formatSchoolDate } from '#shared/school-date.ts'
import { collectBrowserErrors, DEMO_USERS, expect, expectAccessible, openStudent, studentIdFromMyStudents, test } from './fixtures.ts'
import {
  accommodationIds,
  checkHistory,
  fidelityOf,
  openSchoolDay,
  openChoices,
  openTodayFromMyStudents,
  recordedAs,
  studentCard,
  studentIdOf,
  supportRow,
} from './today-helpers.ts'


test('the para records Johnny’s supports for the day; the parent sees the same records, read-only', async ({ page, signIn, asRole }) => {
  // Two people's whole journeys, with an accessibility check on every page: longer than the default budget.
  test.setTimeout(60_000)
  const errors = collectBrowserErrors(page)
  await signIn('para')
  await expectAccessible(page)
  await openTodayFromMyStudents(page)
  await expectAccessible(page)
  const date = await openSchoolDay(page)

  const johnny = studentCard(page, 'Johnny Miller')
  await expect(johnny).toBeVisible()
  // Profiles first: how to help him comes before what to record.
  const profile = johnny.getByRole('region', { name: 'How to help Johnny' })
  await expect(profile.getByText('How to give an instruction')).toBeVisible()
  await expect(profile.getByText('Where to calm down')).toBeVisible()
  const supports = johnny.getByRole('list', { name: 'Johnny’s supports' })
  const profileBox = await profile.boundingBox()
  const supportsBox = await supports.boundingBox()
  expect(profileBox!.y + profileBox!.height).toBeLessThanOrEqual(supportsBox!.y)
  // A subject-bound support says when it applies (folded or open: another journey may have recorded it).
  await openChoices(supportRow(johnny, 'Word problems read aloud'), 'Word problems read aloud')
  await expect(supportRow(johnny, 'Word problems read aloud')).toContainText('During Math')
  await openChoices(supportRow(johnny, 'Extra time'), 'Extra time')
  await expect(supportRow(johnny, 'Extra time')).toContainText('Tests only')

  // Used: the row folds at once to one line, its status chip the button that opens the choices again; then
  // the server confirms it.
  const breakCard = supportRow(johnny, 'Break card')
  const used = breakCard.getByRole('button', { name: 'Used: Break card' })
  await expect(used).toHaveAttribute('aria-pressed', 'false')
  await used.click()
  await expect(recordedAs(breakCard, 'Break card', 'Used')).toBeFocused()
  await expect(breakCard.getByText('Waiting to sync')).toHaveCount(0)
  await expect(page.getByRole('status', { name: 'Changes on this phone' })).toHaveText('All changes saved.')
  await openChoices(breakCard, 'Break card')
  await expect(used).toHaveAttribute('aria-pressed', 'true')
  await expect(breakCard).toContainText(`by ${DEMO_USERS.para.name}`)
  await breakCard.getByRole('button', { name: 'Keep Break card as it is' }).click()

  // Not provided asks why first; an empty reason is refused on the phone, before anything is queued.
  const schedule = supportRow(johnny, 'Picture schedule')
  const notProvided = schedule.getByRole('button', { name: 'Not provided: Picture schedule', exact: true })
  await notProvided.click()
  const reason = schedule.getByRole('textbox', { name: 'Why was “Picture schedule” not provided?' })
  await expect(reason).toBeFocused()
  await expect(notProvided).toHaveAttribute('aria-pressed', 'false')
  await schedule.getByRole('button', { name: 'Save reason: Picture schedule' }).click()
  await expect(schedule.getByText('Say briefly why it was not provided.')).toBeVisible()
  await reason.fill('The laminated copy was missing.')
  await schedule.getByRole('button', { name: 'Save reason: Picture schedule' }).click()
  await expect(recordedAs(schedule, 'Picture schedule', 'Not provided')).toBeFocused()
  await expect(schedule.getByText('Waiting to sync')).toHaveCount(0)
  await expectAccessible(page)
  await openChoices(schedule, 'Picture schedule')
  await expect(notProvided).toHaveAttribute('aria-pressed', 'true')
  await expect(schedule).toContainText('Not provided: The laminated copy was missing.')

  // Changing a choice records a new version; the server keeps the earlier one.
  await openChoices(breakCard, 'Break card')
  await breakCard.getByRole('button', { name: 'Declined: Break card' }).click()
  await expect(recordedAs(breakCard, 'Break card', 'Declined')).toBeVisible()
  await expect(breakCard.getByText('Waiting to sync')).toHaveCount(0)
  const johnnyId = await studentIdOf(johnny)
  const ids = await accommodationIds(page, johnnyId)
  const versions = await checkHistory(page, johnnyId, ids.get('Break card')!, date)
  expect(versions.map((v) => v.status)).toEqual(['declined', 'used'])

  // A reload shows what the server holds.
  await page.reload()
  await expect(recordedAs(supportRow(johnny, 'Break card'), 'Break card', 'Declined')).toBeVisible()
  await expect(recordedAs(supportRow(johnny, 'Picture schedule'), 'Picture schedule', 'Not provided')).toBeVisible()

  // Quick progress for a goal, on the same screen and the same day.
  await johnny.getByText('Record progress on a goal').click()
  const progress = johnny.getByRole('form', { name: 'Record progress for Johnny' })
  await progress.getByLabel('Goal').selectOption({ label: 'Behavior: Johnny stays in his seat and works with the class for 20 minutes.' })
  // No prompt level is chosen for the adult: left alone, it is refused beside the regulation, both at once.
  await expect(progress.getByLabel('Prompt level: how much help')).toHaveValue('')
  await progress.getByLabel('Result (minutes)').fill('12')
  await progress.getByRole('button', { name: 'Add data point' }).click()
  await expect(progress.getByText('Choose calm, uneasy or dysregulated.')).toBeVisible()
  await expect(progress.getByText('Choose the prompt level.')).toBeVisible()
  await expect(progress.getByLabel('Result (minutes)')).toHaveValue('12')
  await progress.getByRole('radio', { name: 'Uneasy' }).check()
  await progress.getByLabel('Prompt level: how much help').selectOption({ label: 'Independent (no help)' })
  await progress.getByLabel('Note (optional)').fill('After the fire drill.')
  await progress.getByRole('button', { name: 'Add data point' }).click()
  await expect(progress.getByRole('status')).toContainText('Added 12 minutes for Behavior on')
  await expect(progress.getByLabel('Result (minutes)')).toHaveValue('')
  await expectAccessible(page)
  expect(errors, 'browser errors').toEqual([])

  // The parent: the same records, no buttons.
  const parent = await asRole('parent')
  await openTodayFromMyStudents(parent)
  await openSchoolDay(parent)
  const johnnyForParent = studentCard(parent, 'Johnny Miller')
  const breakCardForParent = supportRow(johnnyForParent, 'Break card')
  await expect(breakCardForParent.getByText('Declined', { exact: true })).toBeVisible()
  await expect(breakCardForParent).toContainText(`Recorded by ${DEMO_USERS.para.name}`)
  await expect(supportRow(johnnyForParent, 'Picture schedule')).toContainText('Not provided: The laminated copy was missing.')
  await expect(johnnyForParent.getByRole('button')).toHaveCount(0)
  await expect(johnnyForParent.getByText('Record progress on a goal')).toHaveCount(0)
  await expect(parent.getByRole('region', { name: 'Leo Garcia' })).toHaveCount(0)
  await expectAccessible(parent)
})

test('a mistyped date in the address says so, over today’s page', async ({ page, signIn }) => {
  await signIn('para')
  const response = await page.goto('/today?date=2025-02-30')
  expect(response?.status()).toBe(400)
  await expect(page.getByRole('alert')).toContainText('The date in the address is not valid. Enter a real date as YYYY-MM-DD.')
  await expect(page.getByRole('navigation', { name: /Choose a day/ })).toBeVisible()
  await expectAccessible(page)
})

test.describe('before the page’s scripts arrive (or without them)', () => {
  test.use({ javaScriptEnabled: false })

  test('a tap is still a form post that records the choice, and Not provided still asks why', async ({ page, signIn }) => {
    await signIn('para')
    await openTodayFromMyStudents(page)
    await openSchoolDay(page)
    const row = supportRow(studentCard(page, 'Johnny Miller'), 'Noise-reducing headphones')
    await row.getByRole('button', { name: 'Used: Noise-reducing headphones' }).click()
    await expect(row.getByRole('button', { name: 'Used: Noise-reducing headphones' })).toHaveAttribute('aria-pressed', 'true')
    await expect(row).toContainText(`Recorded by ${DEMO_USERS.para.name}`)

    await row.getByRole('button', { name: 'Not provided: Noise-reducing headphones', exact: true }).click()
    await expect(row.getByText('Say briefly why it was not provided.')).toBeVisible()
    await row.getByRole('textbox', { name: 'Why was “Noise-reducing headphones” not provided?' }).fill('Left at home.')
    await row.getByRole('button', { name: 'Save reason: Noise-reducing headphones' }).click()
    await expect(row.getByRole('button', { name: 'Not provided: Noise-reducing headphones', exact: true })).toHaveAttribute('aria-pressed', 'true')
    await expect(row).toContainText('Not provided: Left at home.')
    // No axe run here: it needs scripts in the page. The same markup is checked in the journeys above.
  })
})

test.describe('on a phone', () => {
  const WIDTH = 360
  test.use({ viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })

  test('the Today screen fits a 360 px phone, with 44 px tap targets', async ({ page, signIn }) => {
    await signIn('para')
    await openTodayFromMyStudents(page)
    await openSchoolDay(page)
    const johnny = studentCard(page, 'Johnny Miller')
    const seat = supportRow(johnny, 'Seat near the door')
    await openChoices(seat, 'Seat near the door')
    await seat.getByRole('button', { name: 'Used: Seat near the door' }).tap()
    await expect(recordedAs(seat, 'Seat near the door', 'Used')).toBeVisible()
    // Another journey (the one without scripts) may have recorded the headphones already: then they are folded.
    const headphones = supportRow(johnny, 'Noise-reducing headphones')
    await openChoices(headphones, 'Noise-reducing headphones')
    await headphones.getByRole('button', { name: 'Not provided: Noise-reducing headphones' }).tap()
    await expect(headphones.getByRole('textbox', { name: /not provided\?/ })).toBeFocused()

    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth, 'the page scrolls sideways at 360 px').toBeLessThanOrEqual(WIDTH)
    const targets = page.getByRole('main').locator('button, a, summary, select, input:not([type=hidden]):not([type=radio])')
    const boxes = await targets.evaluateAll((els) =>
      els
        .map((e) => ({ name: e.getAttribute('aria-label') ?? e.textContent?.trim() ?? e.tagName, box: e.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0)
        .map(({ name, box }) => ({ name, width: box.width, height: box.height, right: box.right })),
    )
    expect(boxes.length).toBeGreaterThan(20)
    for (const b of boxes) {
      expect(b.height, `${b.name} is a 44 px tap target`).toBeGreaterThanOrEqual(44)
      expect(b.right, `${b.name} fits on screen`).toBeLessThanOrEqual(WIDTH)
    }
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/ui3/today-phone.png', fullPage: true })
    await page.screenshot({ path: 'test-results/ui3/today-phone-first-screen.png' })
  })

  test('the case manager sees each accommodation’s fidelity over the last 20 school days, and the days nobody recorded', async ({
    page,
    signIn,
  }) => {
    await signIn('caseManager')
    const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
    await openStudent(page, 'Johnny Miller')
    const card = page.getByRole('region', { name: 'Recent fidelity — last 20 school days' })
    await expect(card).toBeVisible()
    const { rows } = await fidelityOf(page, johnnyId)
    await expect(card.getByRole('heading', { level: 3 })).toHaveCount(rows.length)
    // The daily supports (subject and test ones count only recorded days, which another journey may be adding).
    for (const title of ['Break card', 'Picture schedule', 'Seat near the door', 'Noise-reducing headphones']) {
      const row = rows.find((r) => r.title === title)!
      const item = card.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) })
      await expect(item).toContainText(`Used on ${row.usedDays} of the ${row.applicableDays - row.notNeededDays} days it was needed.`)
      await expect(item).toContainText(`${Math.round(row.fidelity * 100)}% in the last 20 school days`)
      // The seed left school days with no record at all: each is named.
      expect(row.unrecordedDates.length).toBeGreaterThanOrEqual(2)
      const gaps = item.getByRole('list', { name: `Nobody recorded it on ${row.unrecordedDates.length} days:` })
      await expect(gaps.getByRole('listitem')).toHaveText(row.unrecordedDates.map(formatSchoolDate))
    }
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth, 'the student page scrolls sideways at 360 px').toBeLessThanOrEqual(WIDTH)
    await expectAccessible(page)
    await card.screenshot({ path: 'test-results/ui3/fidelity-card-phone.png' })
  })
})
