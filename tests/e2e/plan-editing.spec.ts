import type { Page } from '@playwright/test'
import { expect, expectAccessible, openStudent, studentIdFromMyStudents, test } from './fixtures.ts'

const SIT_GOAL = 'Johnny stays in his seat and works with the class for 20 minutes.'
const BREAK_GOAL = 'Johnny asks for a break instead of leaving or shutting down.'

/** Johnny's id and the edit address of one of his seeded goals, found through his page's goal list. */
async function goalEditPath(page: Page, means: string): Promise<{ johnnyId: string; editPath: string }> {
  const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
  await openStudent(page, 'Johnny Miller')
  const href = await page.getByRole('list', { name: 'Goals' }).getByRole('link', { name: means }).getAttribute('href')
  expect(href).toMatch(new RegExp(`^/students/${johnnyId}/goals/[^/]+$`))
  return { johnnyId, editPath: `${href}/edit` }
}

test.describe('editing goals', () => {
  test('the case manager edits the whole goal and is told the earlier version is kept', async ({ page, signIn }) => {
    await signIn('caseManager')
    const { editPath } = await goalEditPath(page, SIT_GOAL)
    await page.goto(editPath)
    await expect(page.getByRole('heading', { name: 'Edit goal' })).toBeVisible()
    await expect(page.getByText('Saving keeps the earlier version in History.')).toBeVisible()
    await expect(page.getByLabel('Official goal text')).not.toHaveValue('')
    await expect(page.getByLabel('What it means', { exact: true })).toHaveValue(SIT_GOAL)
    await expectAccessible(page)

    await page.getByLabel('How adults help').fill('Show the timer. Say his name once, then wait.')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(page).toHaveURL(new RegExp(`${editPath.replace(/\/edit$/, '')}$`))
  })

  test('a provider edits only the plain words, and is told why when the goal is outside their areas', async ({ page, signIn }) => {
    await signIn('speech')
    const { editPath } = await goalEditPath(page, SIT_GOAL)
    await page.goto(editPath)
    await expect(page.getByRole('heading', { name: 'Edit the plain words' })).toBeVisible()
    await expect(page.getByLabel('Official goal text')).toHaveCount(0)
    await expect(page.getByLabel('Area')).toHaveCount(0)
    await expect(page.getByText('Saving keeps the earlier version in History.')).toBeVisible()
    await expectAccessible(page)

    const means = page.getByLabel('What it means', { exact: true })
    await means.fill('Johnny stays with the class for the whole lesson.')
    await page.getByRole('button', { name: 'Save plain words' }).click()
    await expect(page.getByRole('alert')).toContainText('You can edit the plain parts of goals in your areas (communication)')
    await expect(means).toHaveValue('Johnny stays with the class for the whole lesson.')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/provider-plain-refused.png', fullPage: true })

    await page.goto('/')
    const { editPath: breakEdit } = await goalEditPath(page, BREAK_GOAL)
    await page.goto(breakEdit)
    await page.getByLabel('How adults help').fill('Point to the break card. Wait five seconds for him to tap it.')
    await page.getByRole('button', { name: 'Save plain words' }).click()
    await expect(page).toHaveURL(new RegExp(`${breakEdit.replace(/\/edit$/, '')}$`))
  })

  test('a para opening a goal’s edit page gets the 404 page', async ({ page, signIn }) => {
    await signIn('para')
    const { editPath } = await goalEditPath(page, SIT_GOAL)
    const response = await page.goto(editPath)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
    await expectAccessible(page)
  })
})

test('the case manager edits the regulation profile; a too-long answer is marked and nothing is lost', async ({ page, signIn }) => {
  await signIn('caseManager')
  const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
  await page.goto(`/students/${johnnyId}/profiles/edit`)
  await expect(page.getByRole('heading', { name: 'Communication and regulation' })).toBeVisible()
  await expect(page.getByLabel('How Johnny communicates')).toBeVisible()
  await expectAccessible(page)

  const helps = page.getByLabel('What helps')
  const avoid = page.getByLabel('What to avoid')
  await helps.fill('A quiet minute with his headphones, then a choice of two tasks.')
  await avoid.fill('x'.repeat(1001))
  await expect(page.getByText('1001 of 1000 characters — 1 over the limit')).toBeVisible()
  await page.getByRole('button', { name: 'Save profiles' }).click()
  await expect(page.getByRole('alert')).toContainText('Nothing was saved yet.')
  await expect(avoid).toHaveAttribute('aria-invalid', 'true')
  await expect(avoid).toHaveAccessibleDescription(/What to avoid must be at most 1000 characters\./)
  await expect(helps).toHaveValue('A quiet minute with his headphones, then a choice of two tasks.')

  await avoid.fill('Crowded hallways. Sudden loud voices.')
  await page.getByRole('button', { name: 'Save profiles' }).click()
  await expect(page).toHaveURL(new RegExp(`/students/${johnnyId}$`))
  await page.goto(`/students/${johnnyId}/profiles/edit`)
  await expect(page.getByLabel('What helps')).toHaveValue('A quiet minute with his headphones, then a choice of two tasks.')
  await expect(page.getByLabel('What to avoid')).toHaveValue('Crowded hallways. Sudden loud voices.')
})

test('the case manager adds an accommodation: a date outside the school year is marked on the field', async ({ page, signIn }) => {
  await signIn('caseManager')
  const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
  await page.goto(`/students/${johnnyId}/accommodations/new`)
  await expect(page.getByRole('heading', { name: 'New accommodation' })).toBeVisible()
  await expectAccessible(page)

  const title = `Movement break ${Date.now().toString(36)}`
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Plain description').fill('Let him walk to the office with a note before math.')
  await page.getByLabel('Category').selectOption('regulation')
  await expect(page.getByRole('group', { name: 'Which weekdays' })).toBeHidden()
  await page.getByLabel('Certain weekdays').check()
  await expect(page.getByRole('group', { name: 'Which weekdays' })).toBeVisible()
  await page.getByLabel('Tuesday').check()
  await page.getByLabel('Thursday').check()
  const startDate = page.getByLabel('Start date')
  const today = await startDate.inputValue()
  await startDate.fill('2000-01-03')
  await page.getByRole('button', { name: 'Save accommodation' }).click()

  await expect(startDate).toHaveAttribute('aria-invalid', 'true')
  await expect(startDate).toHaveAccessibleDescription(/That date is outside the school year/)
  await expect(page.getByLabel('Title')).toHaveValue(title)
  await expect(page.getByLabel('Certain weekdays')).toBeChecked()
  await expect(page.getByLabel('Tuesday')).toBeChecked()
  await expect(page.getByLabel('Thursday')).toBeChecked()
  await expect(page.getByLabel('Monday')).not.toBeChecked()
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/accommodation-date-refused.png', fullPage: true })

  await startDate.fill(today)
  await page.getByRole('button', { name: 'Save accommodation' }).click()
  await expect(page).toHaveURL(new RegExp(`/students/${johnnyId}$`))

  await page.getByRole('link', { name: `Edit ${title}` }).click()
  await expect(page.getByRole('heading', { name: 'Edit accommodation' })).toBeVisible()
  await expect(page.getByLabel('Tuesday')).toBeChecked()
  await page.getByLabel('A subject or time of day', { exact: true }).check()
  await page.getByLabel('Subject or time of day', { exact: true }).fill('Math')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page).toHaveURL(new RegExp(`/students/${johnnyId}$`))
})

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })

  test('the accommodation and profile forms fit without sideways scrolling', async ({ page, signIn }) => {
    await signIn('caseManager')
    const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
    const fits = async () => {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(scrollWidth, `${page.url()} scrolls sideways at 360 px`).toBeLessThanOrEqual(360)
    }

    await page.goto(`/students/${johnnyId}/accommodations/new`)
    await page.getByLabel('Certain weekdays').check()
    await fits()
    for (const control of [page.getByText('Certain weekdays', { exact: true }), page.getByText('Tuesday', { exact: true })]) {
      expect((await control.boundingBox())?.height ?? 0, 'a 44 px tap target').toBeGreaterThanOrEqual(44)
    }
    await page.getByLabel('A subject or time of day', { exact: true }).check()
    await expect(page.getByLabel('Subject or time of day', { exact: true })).toBeVisible()
    await expect(page.getByRole('group', { name: 'Which weekdays' })).toBeHidden()
    await fits()
    await page.screenshot({ path: 'test-results/phone-new-accommodation.png', fullPage: true })

    await page.goto(`/students/${johnnyId}/profiles/edit`)
    await fits()
    await expectAccessible(page)
  })
})
