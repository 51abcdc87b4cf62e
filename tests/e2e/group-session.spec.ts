import type { Page } from '@playwright/test'
import { formatSchoolDate } from '#shared/school-date.ts'
import { E2E_DAYS } from './days.ts'
import { expect, expectAccessible, openStudent, test } from './fixtures.ts'

// A provider records her group between two sessions, on a phone.
const WIDTH = 360
test.use({ viewport: { width: WIDTH, height: 740 } })

// The demo's social skills group (Priya: Leo and Ava, Mon/Wed) meets on the demo's Wednesday; no other journey
// records it, so its session today is still open.
const GROUP = 'Social skills group'
const TODAY = E2E_DAYS.schoolDay.slice(0, 10)
const DAY = formatSchoolDate(TODAY)

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, `the page scrolls sideways at ${WIDTH} px`).toBeLessThanOrEqual(WIDTH)
}

async function sessionLogOf(page: Page, student: string) {
  await page.goto('/')
  await openStudent(page, student)
  const studentId = new URL(page.url()).pathname.split('/')[2]!
  await page.goto(`/students/${studentId}/sessions`)
  await expect(page.getByRole('heading', { name: 'Session log' })).toBeVisible()
  return page.getByRole('listitem').filter({ hasText: DAY }).filter({ hasText: 'Social skills' })
}

test('the speech provider records her group once, one student absent; each student has their own record', async ({ page, signIn }) => {
  await signIn('speech')
  await page.goto('/sessions')
  const today = page.getByRole('region', { name: `${DAY} (today)` })
  // One row for the group, not one per student.
  const row = today.getByRole('listitem').filter({ hasText: `${GROUP} — 2 students` })
  await expect(row).toHaveCount(1)
  await expect(today.getByText('Leo Garcia · Social skills')).toBeHidden()
  await expect(row).toContainText('0 of 2 recorded')

  await row.getByLabel(`Record group session: ${GROUP}, ${DAY}`).click()
  const form = row.locator('details[open] form')
  await expect(form.getByRole('checkbox', { name: 'Leo Garcia was there' })).toBeChecked()
  await expect(form.getByRole('checkbox', { name: 'Ava Brooks was there' })).toBeChecked()
  await expect(form.getByLabel('Why Ava Brooks missed it')).toHaveValue('student_absent')
  await form.getByLabel('Minutes of the session').fill('25')
  await form.getByRole('checkbox', { name: 'Ava Brooks was there' }).uncheck()
  await expectAccessible(page)
  await expectNoSidewaysScroll(page)
  await form.getByRole('button', { name: 'Save group session' }).click()

  const saved = `${GROUP}, ${DAY}: Ava Brooks missed (Student absent), Leo Garcia delivered (25 min).`
  await expect(page.getByRole('status').filter({ hasText: saved })).toBeVisible()
  const after = page.getByRole('region', { name: `${DAY} (today)` }).getByRole('listitem').filter({ hasText: `${GROUP} — 2 students` })
  await expect(after).toContainText('2 of 2 recorded')
  await expect(after.getByLabel(`Record group session: ${GROUP}, ${DAY}`)).toHaveCount(0)
  // Expanded, the group shows each student with their own status.
  await after.getByLabel(`Students and their status: ${GROUP}, ${DAY}`).click()
  await expect(after.getByRole('listitem').filter({ hasText: 'Leo Garcia · Social skills' })).toContainText('Delivered')
  await expect(after.getByRole('listitem').filter({ hasText: 'Ava Brooks · Social skills' })).toContainText('Missed')
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: 'test-results/group-session-week.png', fullPage: true })

  // Each student's own log: their record, marked as from a group session.
  const ava = await sessionLogOf(page, 'Ava Brooks')
  await expect(ava).toContainText('Missed: Student absent')
  await expect(ava).toContainText('Group session')
  const leo = await sessionLogOf(page, 'Leo Garcia')
  await expect(leo).toContainText('Delivered, 25 min (short by 5 min)')
  await expect(leo).toContainText('Group session')
  await expectNoSidewaysScroll(page)
})
