import type { Page } from '@playwright/test'
import { E2E_DAYS } from './days.ts'
import { expect, expectAccessible, studentIdFromMyStudents, test } from './fixtures.ts'

/**
 * Issue 18: the case manager sets Maya's IEP dates, sees the annual review due on her home page, and starts the next
 * plan, ending a goal of this journey's own (the demo's goals, which other journeys read, are carried over). The
 * ended goal leaves Maya's current goals and stays readable in its history.
 */
test.use({ day: E2E_DAYS.schoolDay })

test('IEP dates, the due list at home, and the next plan ending one goal', async ({ page, signIn }) => {
  test.setTimeout(120_000)
  const stamp = Date.now().toString(36)
  const goalText = `Maya will read 40 words a minute (${stamp}).`
  await signIn('caseManager')
  const mayaId = await studentIdFromMyStudents(page, 'Maya Thompson')

  // A goal of the journey's own.
  await page.goto(`/students/${mayaId}/goals/new`)
  await page.getByLabel('Area').selectOption({ label: 'Reading' })
  await page.getByLabel('Official goal text').fill(goalText)
  await page.getByLabel('What it means', { exact: true }).fill('Maya reads a short page out loud a bit faster each month.')
  await page.getByLabel('What it looks like in class').fill('She reads her book to the teacher.')
  await page.getByLabel('How adults help').fill('Point to each word. Wait for her.')
  await page.getByLabel('How we measure it').fill('The teacher counts the words she reads in a minute.')
  await page.getByLabel('Baseline').fill('25 words a minute')
  await page.getByLabel('Target').fill('40 words a minute')
  await page.getByLabel('Measured in').selectOption({ label: 'Times' })
  await page.getByLabel('Success value').fill('40')
  await page.getByLabel('Sessions in a row').fill('3')
  await page.getByRole('button', { name: 'Save goal' }).click()
  await expect(page).toHaveURL(new RegExp(`/students/${mayaId}/goals/[0-9a-f-]{36}$`))
  const goalPath = new URL(page.url()).pathname

  // The IEP dates: a review due in 10 days (the journey's day is Wednesday 18 November 2026).
  await page.goto(`/students/${mayaId}`)
  const card = page.getByRole('region', { name: 'IEP dates' })
  await card.getByText('Change the IEP dates').click()
  await card.getByLabel('Plan starts').fill('2025-12-01')
  await card.getByLabel('Plan ends').fill('2026-11-30')
  await card.getByLabel('Annual review').fill('2026-11-28')
  await card.getByLabel('Re-evaluation').fill('2027-12-01')
  // First a refusal: the end before the start changes nothing.
  await card.getByLabel('Plan ends').fill('2025-11-01')
  await card.getByRole('button', { name: 'Save the dates' }).click()
  await expect(card.getByRole('alert')).toContainText('Please correct the fields marked below.')
  await expect(card.getByLabel('Plan ends')).toHaveAccessibleDescription(/The plan must end after it starts\./)
  await card.getByLabel('Plan ends').fill('2026-11-30')
  await card.getByRole('button', { name: 'Save the dates' }).click()
  await expect(card.getByRole('status')).toContainText('The IEP dates are saved.')
  await page.reload()
  await expect(page.getByRole('region', { name: 'IEP dates' })).toContainText('Nov 28, 2026')

  // Home: the annual review is due, a link to Maya's page.
  await page.goto('/')
  const due = page.getByRole('region', { name: 'Due soon and late' })
  const review = due.getByRole('link', { name: 'Maya: annual review due Nov 28, 2026' })
  await expect(review).toBeVisible()
  await expectAccessible(page)
  await review.click()
  await expect(page).toHaveURL(new RegExp(`/students/${mayaId}$`))

  // The next plan: every goal carried over, the journey's own ended.
  await openStudentNextPlan(page, mayaId)
  await expect(page.getByLabel('Plan starts')).toHaveValue('2026-12-01')
  await page.getByLabel('Annual review').fill('2027-11-15')
  const mine = page.getByRole('group').filter({ hasText: goalText }).last()
  await mine.getByLabel('End this goal').check()
  await page.getByRole('button', { name: 'Start the next plan' }).click()
  // Refused until confirmed, and the ended goal needs its reason.
  await expect(page.getByRole('alert').first()).toBeVisible()
  // Other journeys add goals to Maya on the same demo: a goal added while the form is open is refused ("Choose what
  // happens to every goal…"), as it would be for a person, and the form is filled in again with it listed.
  for (let attempt = 0; ; attempt++) {
    await page.getByRole('group').filter({ hasText: goalText }).last().getByLabel('End this goal').check()
    await page.getByRole('group').filter({ hasText: goalText }).last().getByLabel('Why it ends').fill('Met')
    await page.getByLabel('I have checked the dates and the choice for each goal.').check()
    await page.getByRole('button', { name: 'Start the next plan' }).click()
    const done = await page
      .waitForURL(new RegExp(`/students/${mayaId}$`), { timeout: 5_000 })
      .then(() => true)
      .catch(() => false)
    if (done || attempt >= 2) break
    await expect(page.getByText('Choose what happens to every goal of the current plan.').first()).toBeVisible()
    await openStudentNextPlan(page, mayaId)
    await page.getByLabel('Annual review').fill('2027-11-15')
  }
  await expect(page).toHaveURL(new RegExp(`/students/${mayaId}$`))

  // The ended goal is not among the current goals; it is under earlier plans, readable with its history.
  await expect(page.getByRole('region', { name: 'IEP dates' })).toContainText('Nov 15, 2027')
  const ended = page.getByRole('list', { name: 'Goals of earlier plans' })
  await expect(ended).toContainText('Met')
  await ended.getByRole('link').first().click()
  await expect(page).toHaveURL(new RegExp(`${goalPath}$`))
  await expect(page.getByText(goalText)).toBeVisible()
  await expect(page.getByText(/This goal ended with an earlier plan/)).toBeVisible()
  await page.goto(`/students/${mayaId}/history`)
  await expect(page.getByText(/ended the reading goal when the next plan started: “Met”/)).toBeVisible()
  await expect(page.getByText(/started the next plan/)).toBeVisible()
  await page.goto(`/students/${mayaId}`)
  await expect(page.getByText(goalText)).toHaveCount(0)
})

async function openStudentNextPlan(page: Page, studentId: string) {
  await page.getByRole('link', { name: 'Start the next plan' }).click()
  await expect(page).toHaveURL(new RegExp(`/students/${studentId}/next-plan$`))
  await expect(page.getByRole('heading', { name: 'Start the next plan' })).toBeVisible()
}
