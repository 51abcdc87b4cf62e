import type { Page } from '@playwright/test'
import { expect, expectAccessible, openStudent, test } from './fixtures.ts'

/** The page holds its width: nothing makes it scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth)
}

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' })
}

function studentTabs(page: Page) {
  return page.getByRole('navigation', { name: 'Sections of this student’s record' })
}

test.describe('at phone width', () => {
  test.use({ viewport: { width: 360, height: 800 } })

  test('a case manager finds Today, Sessions, Caseload and Students on every page, the current one marked, by keyboard too', async ({ page, signIn }) => {
    await signIn('caseManager')
    const nav = mainNav(page)
    await expect(nav.getByRole('link')).toHaveText(['Today', 'Sessions', 'Caseload', 'Students'])
    await expect(nav.getByRole('link', { name: 'Students' })).toHaveAttribute('aria-current', 'page')
    await expectNoSidewaysScroll(page)
    await expectAccessible(page)

    // By keyboard: focus the link and press Enter; the page it opens marks it and no other.
    await nav.getByRole('link', { name: 'Sessions' }).focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/sessions$/)
    await expect(mainNav(page).getByRole('link', { name: 'Sessions' })).toHaveAttribute('aria-current', 'page')
    await expect(mainNav(page).locator('[aria-current]')).toHaveCount(1)
    await expectNoSidewaysScroll(page)

    await mainNav(page).getByRole('link', { name: 'Caseload' }).click()
    await expect(page).toHaveURL(/\/caseload$/)
    await expect(mainNav(page).getByRole('link', { name: 'Caseload' })).toHaveAttribute('aria-current', 'page')
    await expectNoSidewaysScroll(page)

    await mainNav(page).getByRole('link', { name: 'Today' }).click()
    await expect(page).toHaveURL(/\/today$/)
    await expect(mainNav(page).getByRole('link', { name: 'Today' })).toHaveAttribute('aria-current', 'page')
    await expectNoSidewaysScroll(page)

    // Every link of the header is on screen at 360 px: nothing is cut off or hidden behind a menu.
    for (const link of await mainNav(page).getByRole('link').all()) await expect(link).toBeInViewport()

    await mainNav(page).getByRole('link', { name: 'Students' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'My students' })).toBeVisible()
  })

  test('the student record is split into tabs, each its own address, the current one marked', async ({ page, signIn }) => {
    await signIn('caseManager')
    await openStudent(page, 'Johnny Miller')
    const base = new URL(page.url()).pathname
    const tabs = studentTabs(page)
    await expect(tabs.getByRole('link')).toHaveText(['Plan', 'Today', 'Sessions', 'Accountability', 'Reports', 'Notes', 'Concerns', 'History'])
    await expect(tabs.getByRole('link', { name: 'Plan' })).toHaveAttribute('aria-current', 'page')
    // The header marks My students on a student's pages: that is where the student was found.
    await expect(mainNav(page).getByRole('link', { name: 'Students' })).toHaveAttribute('aria-current', 'page')
    // The plan no longer carries the notebooks: they have a tab of their own.
    await expect(page.getByRole('heading', { name: 'Goals' })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Notebooks' })).toHaveCount(0)
    await expectNoSidewaysScroll(page)
    await expectAccessible(page)

    // Tabs are plain links (they work before scripts arrive), each to the student's own address for that section.
    const expected: [string, string][] = [
      ['Today', `${base}/today`],
      ['Sessions', `${base}/sessions`],
      ['Accountability', `${base}/accountability`],
      ['Reports', `${base}/reports`],
      ['Notes', `${base}/notes`],
      ['Concerns', `${base}/concerns`],
      ['History', `${base}/history`],
      ['Plan', base],
    ]
    for (const [name, href] of expected) await expect(tabs.getByRole('link', { name, exact: true })).toHaveAttribute('href', href)

    for (const [name, href] of expected) {
      await studentTabs(page).getByRole('link', { name, exact: true }).click()
      await expect(page).toHaveURL(new RegExp(`${href}$`))
      await expect(page.getByRole('heading', { level: 1, name: 'Johnny Miller', exact: true })).toBeVisible()
      await expect(studentTabs(page).getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page')
      await expect(studentTabs(page).locator('[aria-current]')).toHaveCount(1)
      await expectNoSidewaysScroll(page)
    }

    // Today holds this student alone, not the whole day's list that /today shows the case manager.
    await page.goto('/today')
    await expect(page.getByRole('navigation', { name: 'Students on this page' })).toHaveCount(1)
    await page.goto(`${base}/today`)
    await expect(page.getByRole('link', { name: /^Full plan for / })).toHaveCount(1)
    await expect(page.getByRole('link', { name: 'Full plan for Johnny Miller' })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Students on this page' })).toHaveCount(0)

    // The notebooks tab lists them; a search bookmarked on the old one-page record lands on it.
    await page.goto(`${base}/notes`)
    await expect(page.getByRole('list', { name: 'Notebooks' })).toBeVisible()
    await expectAccessible(page)
    await page.goto(`${base}?q=reading`)
    await expect(page).toHaveURL(new RegExp(`${base}/notes\\?q=reading$`))
    await expect(studentTabs(page).getByRole('link', { name: 'Notes' })).toHaveAttribute('aria-current', 'page')

    // A page reached from a tab keeps that tab marked: the concern log's new-concern form is under Concerns.
    await page.goto(`${base}/brief`)
    await expect(studentTabs(page).getByRole('link', { name: 'Accountability' })).toHaveAttribute('aria-current', 'page')
  })
})

test('a parent has Today and Students; the caseload and the week of sessions answer 404, not an empty page', async ({ page, signIn }) => {
  await signIn('parent')
  await expect(mainNav(page).getByRole('link')).toHaveText(['Today', 'Students'])
  for (const path of ['/caseload', '/sessions']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  }
  await expectAccessible(page)
  // Johnny's record still has every tab a parent reads, Notes included.
  await page.goto('/')
  await openStudent(page, 'Johnny Miller')
  await expect(studentTabs(page).getByRole('link')).toHaveText(['Plan', 'Today', 'Sessions', 'Accountability', 'Reports', 'Notes', 'Concerns', 'History'])
})

test('a para has no week of sessions or caseload; a school admin on no team has no Today, and no student Today or Notes tab', async ({ asRole }) => {
  const para = await asRole('para')
  await expect(mainNav(para).getByRole('link')).toHaveText(['Today', 'Students'])
  expect((await para.goto('/sessions'))?.status()).toBe(404)
  expect((await para.goto('/caseload'))?.status()).toBe(404)

  const admin = await asRole('admin')
  await expect(mainNav(admin).getByRole('link')).toHaveText(['Students'])
  expect((await admin.goto('/today'))?.status()).toBe(404)
  await admin.goto('/')
  await openStudent(admin, 'Johnny Miller')
  await expect(studentTabs(admin).getByRole('link')).toHaveText(['Plan', 'Sessions', 'Accountability', 'Reports', 'Concerns', 'History'])
  const base = new URL(admin.url()).pathname
  expect((await admin.goto(`${base}/today`))?.status()).toBe(404)
  expect((await admin.goto(`${base}/notes`))?.status()).toBe(404)
})
