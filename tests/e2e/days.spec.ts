import type { Page } from '@playwright/test'
import { E2E_DAYS } from './days.ts'
import { expect, expectAccessible, openStudent, test } from './fixtures.ts'
import { openTodayFromMyStudents } from './today-helpers.ts'

/**
 * The same pages on the days that used to trip them up: a Saturday, a Sunday, a weekday holiday, the first and
 * last days of the school year, the summer break and the next school year (which the demo school has not set
 * up). The demo was seeded on Wednesday 18 November 2026; each journey is lived on its own day.
 */
interface DayCase {
  name: keyof typeof E2E_DAYS
  /** What Today (and Sessions) say about the day; null on a school day. */
  noSchool: string | null
  /** The Monday of "this week" on the Sessions page. */
  weekOf: string
  /** The goal card's first line: the day whose supports it lists. */
  card: string
}

const CASES: DayCase[] = [
  {
    name: 'saturday',
    noSchool: 'No school today: it is Saturday. The next school day is Mon, Nov 23.',
    weekOf: 'Mon, Nov 16',
    card: 'Supports for Mon, Nov 23.',
  },
  {
    name: 'sunday',
    noSchool: 'No school today: it is Sunday. The next school day is Mon, Nov 23.',
    weekOf: 'Mon, Nov 16',
    card: 'Supports for Mon, Nov 23.',
  },
  {
    // Thanksgiving Thursday; the Friday after is a break day too, so the card jumps to Monday.
    name: 'closure',
    noSchool: 'No school today: the school is closed (Thanksgiving). The next school day is Mon, Nov 30.',
    weekOf: 'Mon, Nov 23',
    card: 'Supports for Mon, Nov 30.',
  },
  { name: 'firstDay', noSchool: null, weekOf: 'Mon, Aug 31', card: 'Supports for today, Mon, Aug 31.' },
  { name: 'lastDay', noSchool: null, weekOf: 'Mon, Jun 14', card: 'Supports for today, Fri, Jun 18.' },
  {
    name: 'summer',
    noSchool: 'No school today: the school year ended on Fri, Jun 18 2027. The next school year has not been set up yet.',
    weekOf: 'Mon, Jul 12',
    card: 'No school today: the school year ended on Fri, Jun 18 2027.',
  },
  {
    name: 'nextYear',
    noSchool: 'No school today: the school year ended on Fri, Jun 18 2027. The next school year has not been set up yet.',
    weekOf: 'Mon, Sep 6',
    card: 'No school today: the school year ended on Fri, Jun 18 2027.',
  },
]

async function expectTodaySays(page: Page, c: DayCase): Promise<void> {
  await openTodayFromMyStudents(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Today’s supports' })).toBeVisible()
  const johnny = page.getByRole('region', { name: 'Johnny Miller', exact: true })
  if (c.noSchool) {
    await expect(page.getByText(c.noSchool)).toBeVisible()
    await expect(johnny.getByText(/^No school today/).first()).toBeVisible()
    await expect(johnny.getByRole('heading', { name: 'Break card', exact: true })).toHaveCount(0)
  } else {
    await expect(page.getByText(/^No school today/)).toHaveCount(0)
    // Its supports are listed (whole, or folded to their status when another journey recorded them that day).
    await expect(johnny.getByRole('heading', { name: 'Break card', exact: true })).toBeVisible()
    await expect(johnny.getByRole('button', { name: /^(Used: Break card|Change Break card \(.+\))$/ })).toBeVisible()
  }
}

for (const c of CASES) {
  test.describe(`on the ${c.name} day (${E2E_DAYS[c.name].slice(0, 10)})`, () => {
    test.use({ day: E2E_DAYS[c.name] })


    test('Sessions marks this week as this week and says what kind of day it is', async ({ page, signIn }) => {
      await signIn('speech')
      await page.getByRole('link', { name: 'Sessions this week' }).click()
      await expect(page.getByRole('heading', { level: 1, name: `Sessions, week of ${c.weekOf}` })).toBeVisible()
      await expect(page.getByRole('navigation', { name: 'Weeks' }).getByRole('link', { name: 'This week' })).toHaveAttribute('aria-current', 'page')
      if (c.noSchool) await expect(page.getByText(c.noSchool, { exact: false })).toBeVisible()
      else await expect(page.getByText(/No school today/)).toHaveCount(0)
    })

    // One para, one sign-in: Today first, then Johnny's goal card from his page.
    test('Today says whether there is school and when it is next; the goal card lists the supports of the right school day', async ({ page, signIn }) => {
      await signIn('para')
      await expectTodaySays(page, c)
      await expectAccessible(page)
      await page.goto('/')
      await openStudent(page, 'Johnny Miller')
      await page.getByRole('link', { name: 'Print goal card' }).click()
      const card = page.getByRole('article', { name: 'Goal card for Johnny' })
      await expect(card.getByText(c.card, { exact: false })).toBeVisible()
      const supports = card.getByRole('region', { name: /accommodations/i })
      if (c.card.startsWith('Supports')) await expect(supports.getByText('Break card', { exact: true })).toBeVisible()
      else await expect(supports).toContainText('No school day is left in this school year')
    })
  })
}
