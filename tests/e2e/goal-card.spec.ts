import type { Page } from '@playwright/test'
import { DEMO_USERS, expect, expectAccessible, openStudent, signInOn, studentIdFromMyStudents, test } from './fixtures.ts'

const WIDTH = 360
test.use({ viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })

const GOAL_MEANS = [
  'Johnny stays in his seat and works with the class for 20 minutes.',
  'Johnny asks for a break instead of leaving or shutting down.',
  'Johnny sounds out short words like "cat" and "map".',
]

/** Browser errors (a failed hydration, a crash in a component) fail the journey. */
function collectBrowserErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  return errors
}

async function expectNoSideways(page: Page) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, 'the page scrolls sideways at 360 px').toBeLessThanOrEqual(WIDTH)
}

/** Every visible control a finger can hit is at least 44 × 44 px (radios and checkboxes: their label). */
async function expectTapTargets(page: Page) {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, summary, input:not([type=hidden]), select, textarea')]
      .map((el) => (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') ? (el.closest('label') ?? el) : el))
      .filter((el) => {
        const r = el.getBoundingClientRect()
        // The skip link is visually hidden (1 px) until focused.
        return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden'
      })
      .filter((el) => {
        const r = el.getBoundingClientRect()
        return r.height < 44 || r.width < 44
      })
      .map((el) => `${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`),
  )
  expect(small, 'tap targets smaller than 44 px').toEqual([])
}

async function openGoalCard(page: Page) {
  await openStudent(page, 'Johnny Miller')
  await page.getByRole('link', { name: 'Print goal card' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Goal card for Johnny' })).toBeVisible()
}

test('on a 360 px phone, the para opens Johnny’s goal card: profiles first, each goal in plain words, today’s supports', async ({
  page,
  signIn,
}) => {
  const errors = collectBrowserErrors(page)
  await signIn('para')
  await openGoalCard(page)
  await expect(page).toHaveTitle('Goal card · Johnny Miller · Same Page')

  // The two profiles come before anything else on the card.
  const communication = page.getByRole('region', { name: 'How Johnny communicates' })
  const regulation = page.getByRole('region', { name: 'Stress and calming down' })
  await expect(communication).toContainText('Johnny talks in short phrases')
  await expect(communication).toContainText('Say his name first')
  await expect(regulation).toContainText('Pulls his hood up')
  await expect(regulation).toContainText('The beanbag in the reading corner')
  const goalsHeading = page.getByRole('heading', { level: 3, name: 'Goals' })
  const accommodationsHeading = page.getByRole('heading', { level: 3, name: /accommodations/i })
  const y = async (l: ReturnType<Page['getByRole']>) => (await l.boundingBox())!.y
  expect(await y(communication)).toBeLessThan(await y(accommodationsHeading))
  expect(await y(regulation)).toBeLessThan(await y(accommodationsHeading))
  expect(await y(accommodationsHeading)).toBeLessThan(await y(goalsHeading))

  // Each goal's four plain parts.
  const goals = page.getByRole('region', { name: 'Goals', exact: true })
  for (const means of GOAL_MEANS) await expect(goals.getByText(means)).toBeVisible()
  const goalCount = await goals.getByRole('heading', { level: 4 }).count()
  expect(goalCount).toBeGreaterThanOrEqual(3)
  for (const label of ['What it means:', 'What it looks like in class:', 'How adults help:', 'How we measure it:']) {
    await expect(goals.getByText(label, { exact: true })).toHaveCount(goalCount)
  }
  await expect(goals).toContainText('Set the timer. Remind him once, quietly.')

  // The supports for the day, conditional ones with their condition.
  const supports = page.getByRole('region', { name: /accommodations/i })
  await expect(supports.getByText('Break card', { exact: true })).toBeVisible()
  await expect(supports.getByText('Picture schedule', { exact: true })).toBeVisible()
  const mathOnly = supports.getByRole('listitem').filter({ hasText: 'Word problems read aloud' })
  await expect(mathOnly).toContainText('During Math')
  await expect(supports.getByRole('listitem').filter({ hasText: 'Extra time' })).toContainText('Tests only')

  await expectNoSideways(page)
  await expectTapTargets(page)
  await expect(page.getByRole('button', { name: 'Print' })).toBeEnabled()
  await expectAccessible(page)
  await page.screenshot({ path: test.info().outputPath('goal-card-phone.png'), fullPage: true })

  // From the card to a goal's progress page.
  await goals.getByRole('link', { name: 'Progress on the reading goal' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Reading goal' })).toBeVisible()
  await expectNoSideways(page)
  await expectAccessible(page)
  expect(errors, 'browser errors').toEqual([])
})

test('printed, a goal card with 4 goals and 8 accommodations fits one Letter page', async ({ page, signIn, newPersonPage, baseURL }) => {
  // The case manager adds a fourth goal and an eighth accommodation through the API, as the plan editor would.
  const caseManager = await newPersonPage()
  await signInOn(caseManager, DEMO_USERS.caseManager.email)
  const studentId = await studentIdFromMyStudents(caseManager, 'Johnny Miller')
  const origin = new URL(baseURL!).origin
  const post = async (procedure: string, data: object) => {
    const response = await caseManager.request.post(`/api/trpc/${procedure}`, { headers: { Origin: origin }, data: { studentId, ...data } })
    expect(response.ok(), `${procedure}: ${await response.text()}`).toBe(true)
  }
  await post('goals.create', {
    area: 'writing',
    officialText: 'Given a sentence starter and a word bank, Johnny will write two complete sentences about a picture in 4 of 5 opportunities.',
    plain: {
      means: 'Johnny writes two whole sentences about a picture.',
      looksLike: 'During writing time he uses the sentence starter card and the word bank taped to his desk.',
      adultsHelp: 'Give him the starter card. Point to the word bank once. Let him say the sentence out loud first.',
      measure: 'Count the complete sentences he writes, out of two, each writing session.',
    },
    baseline: '1 sentence with help',
    target: '2 sentences on his own',
    unit: 'count',
    mastery: { threshold: 2, consecutive: 3, independentOnly: true },
  })
  const today = await caseManager.evaluate(() => {
    const d = new Date()
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  })
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 8 ? 0 : 1)
  await post('accommodations.create', {
    title: 'Movement break',
    description: 'After 20 minutes of seat work he may walk a message to the office or do 10 wall push-ups.',
    category: 'regulation',
    applies: { kind: 'daily' },
    startDate: `${year}-08-31`,
  })

  const errors = collectBrowserErrors(page)
  await signIn('para')
  await openGoalCard(page)
  const goals = page.getByRole('region', { name: 'Goals', exact: true })
  await expect(goals.getByRole('heading', { level: 4 })).toHaveCount(4)
  const supports = page.getByRole('region', { name: /accommodations/i })
  // Monday, Wednesday and Friday add the morning check-in: 7 or 8 of the 8 apply on a school day.
  expect(await supports.getByRole('listitem').count()).toBeGreaterThanOrEqual(7)
  await expectAccessible(page)

  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('header')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden()
  await expect(goals.getByText('Johnny writes two whole sentences about a picture.')).toBeVisible()

  // Half-inch margins, as the card's @page rule asks and close to browsers' defaults: the paper a para gets.
  const margin = { top: '0.5in', bottom: '0.5in', left: '0.5in', right: '0.5in' }
  const countPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0
  const letter = await page.pdf({ format: 'Letter', margin, printBackground: true, path: test.info().outputPath('goal-card.pdf') })
  expect(countPages(letter), 'the printed goal card takes one Letter page').toBe(1)
  expect(countPages(await page.pdf({ format: 'A4', margin })), 'and one A4 page').toBe(1)

  // The same check by measure, with the room to spare: Letter's printable area is 7.5 × 10 in (720 × 960 px).
  await page.setViewportSize({ width: 720, height: 960 })
  const height = await page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().height)
  expect(height, 'the card’s printed height').toBeLessThanOrEqual(960)
  await page.screenshot({ path: test.info().outputPath('goal-card-print.png'), fullPage: true })
  expect(errors, 'browser errors').toEqual([])
})
