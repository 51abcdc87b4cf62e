import type { Page } from '@playwright/test'
import { collectBrowserErrors, expect, expectAccessible, openStudent, studentIdFromMyStudents, test } from './fixtures.ts'

const WIDTH = 360
test.use({ viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })

const GOAL_MEANS = [
  'Johnny stays in his seat and works with the class for 20 minutes.',
  'Johnny asks for a break instead of leaving or shutting down.',
  'Johnny sounds out short words like "cat" and "map".',
]


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
  await expect(goals).toContainText('Point under each letter. Let him try before you help.')

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

// Maya's plan grown to a full card: the demo's two goals and three accommodations (server/demo/seed-maya.ts), and these,
// written for this test only (the journeys of other files add goals to Johnny's).
const MAYA_GOALS = [
  ['writing', 'Maya writes three sentences that stay on one topic.', 'During writing time she plans with the topic web, then writes three sentences about it.', 'Point to the topic web. Ask “Does this sentence match your topic?” Do not write it for her.', 'Count the on-topic sentences in each writing sample, out of three.'],
  ['math', 'Maya solves addition and subtraction word problems up to 20.', 'She reads the problem, draws it with the bar model, and writes the number sentence.', 'Read the problem aloud once if she asks. Point to the bar model poster on the wall.', 'Out of five word problems on Friday’s check, how many she solves correctly.'],
] as const

const MAYA_SUPPORTS = [
  ['Written steps', 'Put the steps of each task on a sticky note on her desk, in the order she will do them.', { kind: 'daily' }],
  ['Movement break', 'After 20 minutes of seat work she may take the attendance sheet to the office.', { kind: 'daily' }],
  ['Visual timer', 'A timer on her desk shows how long is left in the activity.', { kind: 'daily' }],
  ['Word bank', 'A list of topic words is on her desk for every writing task.', { kind: 'daily' }],
  ['Manipulatives', 'She may use counters and the number line for all math work.', { kind: 'subject', subject: 'Math' }],
] as const

test('printed, a goal card with 4 goals and 8 accommodations fits one Letter page', async ({ page, baseURL, signIn }) => {
  // The case manager writes Maya's plan through the API (the plan editor's own journeys test its forms).
  await signIn('caseManager')
  const studentId = await studentIdFromMyStudents(page, 'Maya Thompson')
  const origin = new URL(baseURL!).origin
  const post = async (procedure: string, data: object) => {
    const response = await page.request.post(`/api/trpc/${procedure}`, { headers: { Origin: origin }, data: { studentId, ...data } })
    expect(response.ok(), `${procedure}: ${await response.text()}`).toBe(true)
  }
  await post('profiles.update', {
    kind: 'communication',
    profile: {
      howTheyCommunicate: 'Maya speaks in full sentences and likes to explain her thinking. When she is anxious she talks fast and asks the same question again.',
      givingInstructions: 'Give one instruction at a time and write the steps on her sticky note. Check she can say the first step back before she starts.',
      wordsThatMatter: '“Done” means she needs you to check her work now. “In a minute” worries her: give a time (“after this page”).',
    },
  })
  await post('profiles.update', {
    kind: 'regulation',
    profile: {
      earlySigns: 'Asks the same question again and again, erases until the paper tears, says her tummy hurts.',
      whatHelps: 'A calm “Let’s look at the steps together.” A drink of water. Two minutes with the sand timer at the calm table.',
      whatToAvoid: 'Telling her to hurry, correcting her in front of the group, surprise changes to the schedule.',
      calmPlace: 'The calm table at the back of the room, with the sand timer and the feelings chart.',
    },
  })
  const year = await page.evaluate(() => {
    const d = new Date()
    return d.getMonth() >= 7 ? d.getFullYear() : d.getFullYear() - 1
  })
  for (const [area, means, looksLike, adultsHelp, measure] of MAYA_GOALS) {
    await post('goals.create', {
      area,
      officialText: `Maya will meet her ${area} goal in 4 of 5 opportunities, as measured by teacher data.`,
      plain: { means, looksLike, adultsHelp, measure },
      baseline: '1 of 5',
      target: '4 of 5',
      unit: 'count',
      mastery: { threshold: 4, consecutive: 3, independentOnly: false },
    })
  }
  for (const [title, description, applies] of MAYA_SUPPORTS) {
    await post('accommodations.create', { title, description, category: 'setting', applies, startDate: `${year}-08-31` })
  }

  const errors = collectBrowserErrors(page)
  await page.goto(`/students/${studentId}/goal-card`)
  await expect(page.getByRole('heading', { level: 2, name: 'Goal card for Maya' })).toBeVisible()
  const goals = page.getByRole('region', { name: 'Goals', exact: true })
  await expect(goals.getByRole('heading', { level: 4 })).toHaveCount(4)
  const supports = page.getByRole('region', { name: /accommodations/i })
  await expect(supports.getByRole('listitem')).toHaveCount(8)
  await expect(supports.getByRole('listitem').filter({ hasText: 'Manipulatives' })).toContainText('During Math')
  await expectAccessible(page)

  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('header')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden()
  await expect(goals.getByText('Maya solves addition and subtraction word problems up to 20.')).toBeVisible()

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
