import type { Locator, Page } from '@playwright/test'
import { formatSchoolDate } from '#shared/school-date.ts'
import { E2E_DAYS } from './days.ts'
import { expect, expectAccessible, openStudent, studentIdFromMyStudents, test } from './fixtures.ts'
import { openDisclosure, studentCard } from './today-helpers.ts'

// Issue 14: forms that start empty where a default would save what never happened, and errors that say what
// is wrong, where, all at once. Read on a phone, where a message far from its field is easily missed.
test.use({ viewport: { width: 360, height: 740 } })

const SPEECH = 'Speech-language therapy'
const RANGE = 'Enter minutes from 1 to 240.'
const TODAY = E2E_DAYS.schoolDay.slice(0, 10)

async function submit(form: Locator, name: string): Promise<void> {
  await form.getByRole('button', { name }).click()
  await expect(form.getByRole('alert')).toBeVisible()
}

async function expectInvalid(form: Locator, labels: (string | RegExp)[]): Promise<void> {
  for (const label of labels) await expect(form.getByLabel(label, { exact: true }), `${String(label)} is marked wrong`).toHaveAttribute('aria-invalid', 'true')
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll at 360 px').toBeLessThanOrEqual(360)
}

test('the make-up form starts empty on the oldest owed session, says each error once beside its field, and names what it saved', async ({
  page,
  signIn,
}) => {
  await signIn('speech')
  await page.goto('/sessions')
  const row = page
    .getByRole('region', { name: 'Make-ups' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: `Johnny Miller · ${SPEECH}` }) })
  // The row also holds the form that plans a make-up ahead (issue 15): this is the one that records a make-up held.
  const form = row.locator('form').filter({ has: page.getByLabel('Date held') })
  await openDisclosure(row.getByLabel(`Record a make-up: ${SPEECH} (Johnny Miller)`), form.getByLabel('Date held'))

  // The oldest owed session comes first and is the one offered; nothing else is filled in for the provider.
  const repays = form.getByLabel('Which session does it repay?')
  const owed = await repays.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
  expect(owed.length, 'Johnny’s speech has sessions owed').toBeGreaterThan(0)
  expect(owed, 'oldest first').toEqual([...owed].sort())
  const oldest = owed[0]!
  await expect(repays).toHaveValue(oldest)
  await expect(form.getByLabel('Date held')).toHaveValue('')
  await expect(form.getByLabel('Minutes given')).toHaveValue('')
  await expectAccessible(page)

  // Saved as it starts, nothing is recorded: the date and the minutes are both marked, at once.
  await submit(form, 'Save make-up')
  await expect(form.getByRole('alert')).toHaveText('Please correct the fields marked below.')
  await expectInvalid(form, ['Date held', 'Minutes given'])

  // A date before the session and 99999 minutes: each says what is wrong, once, beside its own field.
  const before = `A make-up is held after the session it repays: choose a school day after ${formatSchoolDate(oldest)}.`
  const dayBefore = new Date(`${oldest}T00:00:00Z`)
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1)
  await form.getByLabel('Date held').fill(dayBefore.toISOString().slice(0, 10))
  await form.getByLabel('Minutes given').fill('99999')
  await submit(form, 'Save make-up')
  await expect(page.getByText(before)).toHaveCount(1)
  await expect(form.getByLabel('Date held')).toHaveAccessibleDescription(new RegExp(before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  await expect(page.getByText(RANGE)).toHaveCount(1)
  await expect(form.getByLabel('Minutes given')).toHaveAccessibleDescription(new RegExp(RANGE.replace('.', '\\.')))
  await expect(form.getByRole('alert')).toHaveText('Please correct the fields marked below.')
  await expect(form.getByLabel('Minutes given')).toHaveValue('99999')
  await expectNoSidewaysScroll(page)

  // Part of the session, held today: the confirmation names the session repaid.
  await form.getByLabel('Date held').fill(TODAY)
  await form.getByLabel('Minutes given').fill('5')
  await form.getByRole('button', { name: 'Save make-up' }).click()
  await expect(row.getByRole('status')).toHaveText(`Made up the ${SPEECH} session of ${formatSchoolDate(oldest)}: 5 min on ${formatSchoolDate(TODAY)}.`)

  // The form starts again empty; a refusal of the server (more than is owed) is also said once, on its field.
  const disclosure = row.locator('details').filter({ has: page.getByLabel(`Record a make-up: ${SPEECH} (Johnny Miller)`, { exact: true }) })
  // Open or folded after the save, as the page settles (the revalidation after the save can fold it once more after
  // it was opened): open it while it is folded, until it stays open with its form showing.
  await expect(async () => {
    if ((await disclosure.getAttribute('open')) === null) await row.getByLabel(`Record a make-up: ${SPEECH} (Johnny Miller)`).click()
    await expect(disclosure).toHaveAttribute('open', '', { timeout: 1_000 })
    await expect(form.getByLabel('Date held')).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await expect(form.getByLabel('Date held')).toHaveValue('')
  await expect(form.getByLabel('Minutes given')).toHaveValue('')
  await expect(repays).toHaveValue(oldest)
  await form.getByLabel('Date held').fill(TODAY)
  await form.getByLabel('Minutes given').fill('240')
  await submit(form, 'Save make-up')
  const tooMuch = new RegExp(`^Only \\d+ minutes are still owed for ${formatSchoolDate(oldest)}\\.$`)
  await expect(page.getByText(tooMuch)).toHaveCount(1)
  await expect(form.getByRole('alert')).toHaveText('Please correct the fields marked below.')
  await expectInvalid(form, ['Minutes given'])
  await expectAccessible(page)
})

test('99999 minutes on a delivered session says the allowed range beside the minutes, and records nothing', async ({ page, signIn }) => {
  await signIn('speech')
  await page.goto('/sessions')
  const delivered = page.getByLabel(new RegExp(`^Delivered: ${SPEECH}, .*\\(Johnny Miller\\)$`))
  const heading = page.getByRole('heading', { level: 1, name: /^Sessions, week of / })
  for (let i = 0; i < 15 && (await delivered.count()) === 0; i++) {
    const week = await heading.innerText()
    await page.getByRole('navigation', { name: 'Weeks' }).getByRole('link', { name: 'Previous week' }).click()
    await expect(heading).not.toHaveText(week)
  }
  const name = (await delivered.first().getAttribute('aria-label'))!
  await page.getByLabel(name, { exact: true }).click()
  const form = page.locator('details').filter({ has: page.getByLabel(name, { exact: true }) })
  await form.getByLabel('Minutes given').fill('99999')
  await submit(form, 'Save delivered')
  await expect(page.getByText(RANGE)).toHaveCount(1)
  await expectInvalid(form, ['Minutes given'])
  await expect(form.getByLabel('Minutes given')).toHaveValue('99999')
  await expect(page.getByLabel(name.replace('Delivered:', 'Correct:'))).toHaveCount(0)
  await expectNoSidewaysScroll(page)
})

test('the new-service form shows every error at once, the minutes with their range', async ({ page, signIn }) => {
  await signIn('caseManager')
  const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
  await page.goto(`/students/${johnnyId}/services/new`)
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save service' }) })
  await form.getByLabel('Minutes per session').fill('99999')
  await submit(form, 'Save service')
  for (const message of ['Name the service.', RANGE, 'Choose at least one weekday.']) {
    await expect(form.getByText(message), message).toBeVisible()
  }
  await expectInvalid(form, ['Service', 'Provider', 'Minutes per session'])
  await expectNoSidewaysScroll(page)
})

test('the progress forms preselect no prompt level: the adult chooses, and every missing answer is marked at once', async ({ page, signIn }) => {
  await signIn('para')
  await page.goto('/today')
  const johnny = studentCard(page, 'Johnny Miller')
  const quick = johnny.getByRole('form', { name: 'Record progress for Johnny' })
  await openDisclosure(johnny.getByText('Record progress on a goal'), quick)
  const prompt = quick.getByLabel('Prompt level: how much help')
  await expect(prompt).toHaveValue('')
  await expect(prompt.locator('option').first()).toHaveText('Choose how much help…')
  await submit(quick, 'Add data point')
  await expect(quick.getByText('Choose the prompt level.')).toBeVisible()
  await expect(quick.getByText('Choose calm, uneasy or dysregulated.')).toBeVisible()
  await expectInvalid(quick, ['Goal', /^Result/, 'Prompt level: how much help'])
  await expectAccessible(page)
  await expectNoSidewaysScroll(page)

  // The goal page's form: the same choice, the same errors together.
  await page.goto('/')
  await openStudent(page, 'Johnny Miller')
  await page.getByRole('list', { name: 'Goals' }).getByRole('link').first().click()
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add data point' }) })
  await expect(form.getByLabel('Prompt level: how much help')).toHaveValue('')
  await submit(form, 'Add data point')
  await expect(form.getByText('Choose the prompt level.')).toBeVisible()
  await expect(form.getByText('Choose calm, uneasy or dysregulated.')).toBeVisible()
  await expectNoSidewaysScroll(page)
})
