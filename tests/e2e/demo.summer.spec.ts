import { expect, expectAccessible, openStudent, test } from './fixtures.ts'
import { openTodayFromMyStudents } from './today-helpers.ts'

/**
 * A demo started in the summer break (this server was seeded on 14 July 2027) still shows a living team: the
 * school year that has just ended, with its records, numbers and alerts, while Today says there is no school.
 */
test('seeded in July, the demo shows the year that has just ended, and Today says it is the summer break', async ({ page, signIn }) => {
  await signIn('parent')
  await openStudent(page, 'Johnny Miller')
  await page.getByRole('navigation', { name: 'Student pages' }).getByRole('link', { name: 'Is the plan happening?' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Is the plan happening?' })).toBeVisible()
  const speech = page.getByRole('region', { name: 'Speech-language therapy', exact: true })
  // A whole year of speech: hundreds of minutes delivered, the run of misses owed and partly made up.
  await expect(speech).toContainText(/[1-9]\d{2,} of \d+ mandated minutes delivered/)
  await expect(speech.getByText(/\d+ sessions? \(\d+ minutes\) owed to Johnny; 1 made up/)).toBeVisible()
  await expect(speech.getByText('Provider absent:')).toBeVisible()
  await expectAccessible(page)

  await page.goto('/')
  await openTodayFromMyStudents(page)
  await expect(page.getByText('No school today: the school year ended on Fri, Jun 18 2027. The next school year has not been set up yet.')).toBeVisible()
  // Nothing to record in the summer: no school day is offered.
  await expect(page.getByRole('button', { name: /^Used:/ })).toHaveCount(0)
})

test('in July, the student page’s fidelity covers the year’s last 20 school days, not the summer weekdays', async ({ page, signIn }) => {
  await signIn('caseManager')
  await openStudent(page, 'Johnny Miller')
  const fidelity = page.getByRole('region', { name: 'Recent fidelity — last 20 school days' })
  await expect(fidelity).toContainText('to Fri, Jun 18.')
  await expect(fidelity).toContainText(/\d+% in the last 20 school days/)
})
