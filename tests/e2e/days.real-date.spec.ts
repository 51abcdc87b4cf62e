import { demoClosures } from '#server/demo/seed-calendar.ts'
import { schoolYearAround } from '#server/demo/seed-plan.ts'
import { formatSchoolDate } from '#shared/school-date.ts'
import { describeSchoolDay, noSchoolSentence, schoolCalendar } from '#shared/school-day.ts'
import { mondayOf } from '#shared/school-week.ts'
import { expect, expectAccessible, test } from './fixtures.ts'
import { openTodayFromMyStudents } from './today-helpers.ts'

/**
 * On whatever day the suite runs (this server has the real clock, and was seeded today): the pages agree with
 * the demo school's real calendar. The expectations come from the same calendar rules the server uses.
 */
/** The real day's facts, read when the journey starts: a run that crosses midnight must not see two days. */
function realDay() {
  const today = new Date().toISOString().slice(0, 10) // the servers and browsers run in UTC
  const year = schoolYearAround(today)
  const calendar = schoolCalendar(year, demoClosures(Number(year.start.slice(0, 4))))
  const info = describeSchoolDay(today, calendar)
  return { today, info, noSchool: noSchoolSentence(info) }
}

// The title names no date: Playwright finds a test by its title in each worker, and the date could change between.
test('on the real day, Today and Sessions say what kind of day it is', async ({ page, signIn }) => {
  const { today, info, noSchool } = realDay()
  test.info().annotations.push({ type: 'day', description: `${today} (${info.kind})` })
  await signIn('para')
  await openTodayFromMyStudents(page)
  if (noSchool) await expect(page.getByText(noSchool)).toBeVisible()
  else await expect(page.getByText(/^No school today/)).toHaveCount(0)
  await expectAccessible(page)

  await page.context().clearCookies()
  await signIn('speech')
  await page.getByRole('link', { name: 'Sessions this week' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Sessions, week of ${formatSchoolDate(mondayOf(today))}` })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Weeks' }).getByRole('link', { name: 'This week' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByText(`Today is ${formatSchoolDate(today)}.`, { exact: false })).toBeVisible()
})
