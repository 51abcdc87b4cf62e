import type { Page } from '@playwright/test'
import { expect, expectAccessible, openStudent, studentIdFromMyStudents, test } from './fixtures.ts'

const JARGON =
  'Given a verbal prompt, Johnny will demonstrate on-task behavior with 80% accuracy in 4 of 5 trials.'
const PLAIN = 'Johnny will stay with his class work. When he drifts, an adult says his name once.'
const HARD_WARNING = 'Above grade 8 — try shorter sentences and everyday words'

/** The number in "Reading grade 6.2" from a plain part's description (the grade line is part of it). */
async function readingGrade(page: Page, label: string): Promise<number> {
  const description = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? ''
  const gradeId = description.split(' ').find((id) => id.endsWith('-grade'))
  expect(gradeId, `${label} is described by its reading grade`).toBeTruthy()
  const text = (await page.locator(`[id="${gradeId}"]`).textContent()) ?? ''
  if (/Reading grade below 1/.test(text)) return 0
  const grade = text.match(/Reading grade (-?\d+(?:\.\d)?)/)?.[1]
  expect(grade, `a reading grade is shown for ${label} (got "${text}")`).toBeTruthy()
  return Number(grade)
}

async function openNewGoalAsCaseManager(page: Page, signIn: (role: 'caseManager') => Promise<Page>): Promise<string> {
  await signIn('caseManager')
  await expectAccessible(page)
  const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
  await openStudent(page, 'Johnny Miller')
  await expectAccessible(page)
  const response = await page.goto(`/students/${johnnyId}/goals/new`)
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { name: 'New goal' })).toBeVisible()
  await expect(page).toHaveTitle('New goal · Johnny Miller · Same Page')
  return johnnyId
}

async function fillMeasuring(page: Page) {
  await page.getByLabel('Baseline').fill('Stays with his work about 5 minutes')
  await page.getByLabel('Target').fill('20 minutes')
  await page.getByLabel('Measured in').selectOption({ label: 'Minutes' })
  await page.getByLabel('Success value').fill('20')
  await page.getByLabel('Sessions in a row').fill('3')
  await page.getByLabel('Independent only').check()
}

test.describe('writing a goal in plain language', () => {
  test('the case manager sees the grade and the jargon while typing, rewrites it plainly, and saves', async ({ page, signIn }) => {
    // Five accessibility scans and a save: slow when another suite shares the machine.
    test.slow()
    const johnnyId = await openNewGoalAsCaseManager(page, signIn)
    await expectAccessible(page)

    await page.getByLabel('Area').selectOption({ label: 'Behavior' })
    await page.getByLabel('Official goal text').fill(`${JARGON} Progress will be measured by teacher-collected data.`)
    const means = page.getByLabel('What it means', { exact: true })
    await means.fill(JARGON)

    // Marked, before any submit: the grade above 8 and each jargon term with a plainer wording.
    await expect(page.getByText(HARD_WARNING)).toBeVisible()
    expect(await readingGrade(page, 'What it means')).toBeGreaterThan(8)
    const jargon = page.getByRole('list', { name: 'Jargon in What it means' })
    await expect(jargon.getByRole('listitem')).toHaveCount(3)
    await expect(jargon.getByRole('listitem').filter({ hasText: '‘Given a verbal prompt’' })).toContainText(
      'try: After an adult says a short reminder',
    )
    await expect(jargon.getByRole('listitem').filter({ hasText: 'on-task behavior' })).toContainText('try: Doing the work that was asked')
    await expect(jargon.getByRole('listitem').filter({ hasText: '80% accuracy in 4 of 5 trials' })).toContainText(
      'try: It has to go well most times',
    )
    // The check is a polite live region, so a screen reader hears it without being interrupted.
    await expect(page.locator('[aria-live="polite"]').filter({ hasText: HARD_WARNING })).toHaveCount(1)
    await expect(page.getByText(`${JARGON.length} of 500 characters`)).toBeVisible()
    await expectAccessible(page)

    // Rewritten plainly: the grade drops to 8 or lower and nothing is flagged, still before submitting.
    await means.fill(PLAIN)
    await expect(page.getByText(HARD_WARNING)).toHaveCount(0)
    await expect(jargon).toHaveCount(0)
    await expect(page.getByText('No special-education jargon found.')).toBeVisible()
    expect(await readingGrade(page, 'What it means')).toBeLessThanOrEqual(8)
    expect(page.url()).toMatch(new RegExp(`/students/${johnnyId}/goals/new$`))

    await page.getByLabel('What it looks like in class').fill('He keeps working at his desk until the timer ends.')
    await page.getByLabel('How adults help').fill('Say his name once. Point to his picture schedule.')
    await page.getByLabel('How we measure it').fill('The para writes down how many minutes he works, three times a week.')
    await fillMeasuring(page)
    await page.getByRole('button', { name: 'Save goal' }).click()

    await expect(page).toHaveURL(new RegExp(`/students/${johnnyId}/goals/[0-9a-f-]{36}$`))
    const goalPage = await page.request.get(page.url())
    expect(goalPage.status()).toBe(200)
    await expect(page.getByText(PLAIN).first()).toBeVisible()
    await expectAccessible(page)
  })

  test('saving without "What it means" marks that field and keeps everything else typed', async ({ page, signIn }) => {
    const johnnyId = await openNewGoalAsCaseManager(page, signIn)

    await page.getByLabel('Area').selectOption({ label: 'Communication' })
    await page.getByLabel('Official goal text').fill('Johnny will request a break using his AAC device in 4 of 5 opportunities.')
    await page.getByLabel('What it looks like in class').fill('He taps “break” on his talker instead of leaving.')
    await page.getByLabel('How adults help').fill('Point to the break button. Wait five seconds.')
    await page.getByLabel('How we measure it').fill('The teacher counts each time he asks.')
    await fillMeasuring(page)
    await page.getByRole('button', { name: 'Save goal' }).click()

    const means = page.getByLabel('What it means', { exact: true })
    await expect(page.getByRole('alert')).toContainText('Please correct the fields marked below.')
    await expect(means).toHaveAttribute('aria-invalid', 'true')
    await expect(means).toHaveAccessibleDescription(/What it means is required\./)
    await expect(means).toBeFocused()
    expect(page.url()).toMatch(new RegExp(`/students/${johnnyId}/goals/new$`))

    await expect(page.getByLabel('Area')).toHaveValue('communication')
    await expect(page.getByLabel('Official goal text')).toHaveValue('Johnny will request a break using his AAC device in 4 of 5 opportunities.')
    await expect(page.getByLabel('What it looks like in class')).toHaveValue('He taps “break” on his talker instead of leaving.')
    await expect(page.getByLabel('How adults help')).toHaveValue('Point to the break button. Wait five seconds.')
    await expect(page.getByLabel('How we measure it')).toHaveValue('The teacher counts each time he asks.')
    await expect(page.getByLabel('Baseline')).toHaveValue('Stays with his work about 5 minutes')
    await expect(page.getByLabel('Target')).toHaveValue('20 minutes')
    await expect(page.getByLabel('Measured in')).toHaveValue('minutes')
    await expect(page.getByLabel('Success value')).toHaveValue('20')
    await expect(page.getByLabel('Sessions in a row')).toHaveValue('3')
    await expect(page.getByLabel('Independent only')).toBeChecked()
    await expectAccessible(page)
  })

  test('a para opening the new-goal form gets the 404 page', async ({ page, signIn }) => {
    await signIn('para')
    const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
    const response = await page.goto(`/students/${johnnyId}/goals/new`)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
    await expect(page.getByLabel('Official goal text')).toHaveCount(0)
    await expectAccessible(page)
  })

  test.describe('on a 360 px phone', () => {
    test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })

    test('the form and its help fit without sideways scrolling, with 44 px controls', async ({ page, signIn }) => {
      await openNewGoalAsCaseManager(page, signIn)
      await page.getByLabel('Official goal text').fill(JARGON)
      await page.getByLabel('What it means', { exact: true }).fill(JARGON)
      await expect(page.getByText(HARD_WARNING)).toBeVisible()

      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(scrollWidth, 'the page scrolls sideways at 360 px').toBeLessThanOrEqual(360)
      for (const control of [
        page.getByLabel('Area'),
        page.getByLabel('Success value'),
        page.getByText('Independent only', { exact: true }),
        page.getByRole('button', { name: 'Save goal' }),
        page.getByRole('link', { name: 'Cancel' }),
      ]) {
        const box = await control.boundingBox()
        expect(box?.height ?? 0, 'a 44 px tap target').toBeGreaterThanOrEqual(44)
      }
      await page.getByLabel('What it means', { exact: true }).scrollIntoViewIfNeeded()
      await page.screenshot({ path: 'test-results/phone-new-goal-help.png' })
      await page.screenshot({ path: 'test-results/phone-new-goal-full.png', fullPage: true })
      await expectAccessible(page)
    })
  })
})
