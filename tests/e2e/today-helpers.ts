import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures.ts'

/** From My students: the "Today’s supports" link, to the Today screen. */
export async function openTodayFromMyStudents(page: Page): Promise<void> {
  await page.getByRole('main').getByRole('link', { name: 'Today’s supports' }).click()
  await expect(page).toHaveURL(/\/today$/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

/**
 * Today may be a weekend or a holiday (the demo calendar is real): pick the newest school day the switcher
 * offers — "Today" when there is school, else the latest past school day. Returns the day's ISO date.
 */
export async function openSchoolDay(page: Page): Promise<string> {
  const switcher = page.getByRole('navigation', { name: /Choose a day/ })
  const day = switcher.getByRole('link').filter({ hasNotText: 'no school' }).first()
  await day.click()
  await expect(day).toHaveAttribute('aria-current', 'page')
  await expect(page.getByText(/^No school (today|on)/)).toHaveCount(0)
  // The page states the day it shows under its heading.
  const date = await page.getByRole('main').locator('time').first().getAttribute('datetime')
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  return date!
}

/** A student's card on the Today screen (a region named by the student's name). */
export function studentCard(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true })
}

/** One accommodation's row in a student's card. */
export function supportRow(card: Locator, title: string): Locator {
  return card.getByRole('listitem').filter({ has: card.page().getByRole('heading', { name: title, exact: true }) })
}

/** The student id from a card's "Full plan" link. */
export async function studentIdOf(card: Locator): Promise<string> {
  const href = await card.getByRole('link', { name: /^Full plan for/ }).getAttribute('href')
  const id = href?.match(/^\/students\/([^/?#]+)$/)?.[1]
  if (!id) throw new Error(`No student link on the card (href: ${String(href)})`)
  return id
}

interface TrpcResult<T> {
  result: { data: T }
}

async function trpcQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
  expect(response.status(), `${path} answered`).toBe(200)
  return ((await response.json()) as TrpcResult<T>).result.data
}

/** The signed-in person's view of a student's accommodations: title → id. */
export async function accommodationIds(page: Page, studentId: string): Promise<Map<string, string>> {
  const list = await trpcQuery<{ id: string; title: string }[]>(page, 'accommodations.list', { studentId })
  return new Map(list.map((a) => [a.title, a.id]))
}

/** Every record (all versions) the server holds for one accommodation on one day, newest first. */
export async function checkHistory(
  page: Page,
  studentId: string,
  accommodationId: string,
  date: string,
): Promise<{ id: string; status: string; reason: string | null; recordedBy: string }[]> {
  return trpcQuery(page, 'checks.history', { studentId, accommodationId, date })
}

export interface FidelityRow {
  accommodationId: string
  title: string
  applicableDays: number
  usedDays: number
  notNeededDays: number
  fidelity: number
  unrecordedDates: string[]
}

/** The numbers behind the student page's fidelity card, as the signed-in person may see them. */
export async function fidelityOf(page: Page, studentId: string): Promise<{ from: string; rows: FidelityRow[] }> {
  return trpcQuery(page, 'checks.fidelity', { studentId })
}

/** A recorded support's one-line chip: the button that shows its status and opens its choices again. */
export function recordedAs(row: Locator, title: string, status: string): Locator {
  return row.getByRole('button', { name: `Change ${title} (${status})`, exact: true })
}

/**
 * Opens a folded row's choices (a recorded support, or one that applies only with its subject or test) so its
 * four buttons can be pressed; a row that is whole already is left as it is.
 */
export async function openChoices(row: Locator, title: string): Promise<void> {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const fold = row.getByRole('button', { name: new RegExp(`^(Change ${escaped} \\(.*\\)|Other choices: ${escaped})$`) })
  if (await fold.count()) await fold.click()
  await expect(row.getByRole('group', { name: `Record ${title}` })).toBeVisible()
}

/**
 * Opens a disclosure (`<details>`) by clicking its summary until what it holds shows: a tap that lands while the
 * page is still hydrating on a loaded machine can be undone when React takes the card over.
 */
export async function openDisclosure(summary: Locator, inside: Locator): Promise<void> {
  await expect(async () => {
    if (!(await inside.isVisible())) await summary.click()
    await expect(inside).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
}
