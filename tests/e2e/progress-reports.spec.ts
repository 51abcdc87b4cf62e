import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { E2E_DAYS } from './days.ts'
import { acceptAsNewAccount, createInvite, expect, expectAccessible, openStudent, signInOn, studentIdFromMyStudents, test, uniqueEmail } from './fixtures.ts'

/**
 * Issue 18: progress reports, from the draft to the family's acknowledgment and a correction. On Maya, with two goals
 * of this journey's own and a parent and a provider of its own: Johnny's reports, which other journeys read, are only
 * looked at. The day is Wednesday 18 November 2026: Quarter 1 has ended (11 November), Quarter 2 is in progress.
 */
test.use({ day: E2E_DAYS.schoolDay })

const tabs = (page: Page) => page.getByRole('navigation', { name: 'Sections of this student’s record' })
const goalsOf = (page: Page) => page.getByRole('region', { name: 'Goals', exact: true })
/** The report's goals: each an item under its own heading (a caution list inside one has items too). */
const goalItems = (page: Page) => goalsOf(page).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) })
/** One goal of the report, found by its official text (the goals of other journeys may be there too). */
const goalItem = (page: Page, officialText: string) => goalItems(page).filter({ hasText: officialText })
const partForm = (item: Locator) => item.getByRole('form', { name: 'This goal’s part of the report' })

async function openReports(page: Page): Promise<void> {
  await tabs(page).getByRole('link', { name: 'Reports' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Progress reports' })).toBeVisible()
}

/**
 * The case manager codes every goal still without a code, one form at a time. Other journeys may give Maya a goal of
 * their own at any moment: the page is read again until no goal is left without a code.
 */
async function codeEveryGoal(page: Page): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const items = goalItems(page)
    const n = await items.count()
    let coded = 0
    for (let i = 0; i < n; i++) {
      const form = partForm(items.nth(i))
      const select = form.getByLabel('Progress code')
      if ((await select.inputValue()) !== '') continue
      await select.selectOption({ label: 'Sufficient progress to meet the goal' })
      await form.getByRole('button', { name: 'Save this goal’s part' }).click()
      await expect(form.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
      coded++
    }
    if (coded === 0) return
    await page.reload()
  }
}

/**
 * Submits the issue (or correction) form from a freshly loaded draft (so an earlier refusal on the page is not read as
 * this one's outcome); if a goal arrived meanwhile without a code, codes it and tries again.
 */
async function issue(page: Page, expected: RegExp, reason?: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.reload()
    const card = page.getByRole('region', { name: reason ? 'Issue a correction' : 'Issue the report' })
    if (reason) await card.getByLabel('Reason for the correction').fill(reason)
    await card.getByRole('button', { name: reason ? 'Issue the correction' : 'Issue to the family' }).click()
    const done = page.getByRole('status').filter({ hasText: expected })
    await expect(done.or(card.getByRole('alert'))).toBeVisible()
    if (await done.isVisible()) return
    await expect(card.getByRole('alert')).toContainText('Choose a progress code for every goal first')
    await codeEveryGoal(page)
  }
  throw new Error('The report could not be issued: goals kept arriving without a code')
}

async function pdfOf(page: Page, link: Locator): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  const path = await download.path()
  return readFile(path)
}

test('a progress report: the draft, a provider’s narrative, issued, acknowledged with a comment, then corrected', async ({ page, baseURL, signIn, newPersonPage }) => {
  // Three people, two issues (each renders a PDF) and a handful of pages.
  test.setTimeout(180_000)
  const stamp = Date.now().toString(36)
  const motorGoal = `Maya will cut along a curved line within a quarter inch in 4 of 5 tries (${stamp}).`
  const selfCareGoal = `Maya will pack her bag for home with no more than one reminder in 4 of 5 days (${stamp}).`
  const narrative = `Maya cuts curved lines more steadily each week; next we try thicker card (${stamp}).`
  const comment = `Thank you. She practises cutting at home too (${stamp}).`
  const parentEmail = uniqueEmail('report-parent')
  const providerEmail = uniqueEmail('report-ot')
  const parentName = 'Robin Thompson'
  const providerName = `Sam Okafor ${stamp}`

  await signIn('caseManager')
  const mayaId = await studentIdFromMyStudents(page, 'Maya Thompson')

  // Two goals of the journey's own, through the API (the plan editor's journeys test its forms): one in the area
  // the provider will have, one outside it.
  const origin = new URL(baseURL!).origin
  for (const [area, officialText, means] of [
    ['motor', motorGoal, 'Maya cuts out shapes along the line.'],
    ['self-care', selfCareGoal, 'Maya packs her own bag at the end of the day.'],
  ] as const) {
    const response = await page.request.post('/api/trpc/goals.create', {
      headers: { Origin: origin },
      data: {
        studentId: mayaId,
        area,
        officialText,
        plain: { means, looksLike: 'In class, as part of the day.', adultsHelp: 'One reminder, then wait.', measure: 'Count the tries that meet the goal.' },
        baseline: '1 of 5',
        target: '4 of 5',
        unit: 'count',
        mastery: { threshold: 4, consecutive: 3, independentOnly: false },
      },
    })
    expect(response.ok(), `goals.create: ${await response.text()}`).toBe(true)
  }

  // The team: a new parent and a new provider accept their invites; the provider is given the motor area.
  await page.goto('/')
  await openStudent(page, 'Maya Thompson')
  const parentLink = await createInvite(page, parentEmail, 'Parent or guardian')
  await page.reload()
  const providerLink = await createInvite(page, providerEmail, 'Service provider')
  const parent = await newPersonPage()
  await acceptAsNewAccount(parent, parentLink, { name: parentName, password: 'a long parent password 18', studentName: 'Maya Thompson' })
  const provider = await newPersonPage()
  await acceptAsNewAccount(provider, providerLink, { name: providerName, password: 'a long provider password 18', studentName: 'Maya Thompson' })
  await page.reload()
  const member = page.getByRole('list', { name: 'Team members' }).getByRole('listitem').filter({ hasText: providerName })
  await member.getByText(`Set goal areas for ${providerName}`).click()
  await member.getByLabel('motor', { exact: true }).check()
  await member.getByRole('button', { name: 'Save areas' }).click()
  await expect(page.getByRole('list', { name: 'Team members' }).getByRole('listitem').filter({ hasText: providerName })).toContainText('goal areas: motor')

  // 1. The case manager's draft, built from the records.
  await openReports(page)
  const list = page.getByRole('list', { name: 'Progress reports' })
  await expect(list.getByRole('listitem').filter({ hasText: 'Quarter 2 progress report' })).toContainText('Not started.')
  await list.getByRole('link', { name: 'Quarter 2 progress report' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Quarter 2 progress report' })).toBeVisible()
  const draftPath = new URL(page.url()).pathname
  await expect(goalItem(page, motorGoal).getByRole('heading', { level: 3, name: 'Motor goal' })).toBeVisible()
  await expect(goalItem(page, selfCareGoal).getByRole('heading', { level: 3, name: /goal$/ })).toBeVisible()
  // No data yet on the journey's own goals: the draft says so rather than judging.
  await expect(goalItem(page, motorGoal)).toContainText('Too few data points this period to judge')
  await expect(page.getByRole('region', { name: 'Services this period' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Issue the report' })).toBeVisible()
  await expectAccessible(page)

  // A draft of another period, which the family must never learn of.
  await page.goto(`/students/${mayaId}/reports`)
  await page.getByRole('list', { name: 'Progress reports' }).getByRole('link', { name: 'Quarter 1 progress report' }).click()
  const q1Part = partForm(goalItem(page, selfCareGoal))
  await q1Part.getByLabel('Narrative').fill('Started on the packing list.')
  await q1Part.getByRole('button', { name: 'Save this goal’s part' }).click()
  await expect(q1Part.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()

  // 2. The provider writes her goal's part; the goal outside her area is read-only, and she cannot issue.
  await openReports(provider)
  await provider.getByRole('list', { name: 'Progress reports' }).getByRole('link', { name: 'Quarter 2 progress report' }).click()
  await expect(provider).toHaveURL(new RegExp(`${draftPath}$`))
  const mine = partForm(goalItem(provider, motorGoal))
  await mine.getByLabel('Progress code').selectOption({ label: 'Sufficient progress to meet the goal' })
  await mine.getByLabel('Narrative').fill(narrative)
  await mine.getByRole('button', { name: 'Save this goal’s part' }).click()
  await expect(mine.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  await expect(mine).toContainText(`Last written by ${providerName}.`)
  const outside = goalItem(provider, selfCareGoal)
  await expect(outside.getByRole('form')).toHaveCount(0)
  await expect(outside.getByLabel('Progress code')).toHaveCount(0)
  await expect(outside).toContainText('Progress: not chosen yet')
  await expect(provider.getByRole('region', { name: /^Issue / })).toHaveCount(0)
  await expect(provider.getByRole('button', { name: /^Issue / })).toHaveCount(0)

  // 3. The case manager: refused while a goal has no code, then issued.
  await page.goto(draftPath)
  await expect(goalItem(page, motorGoal).getByLabel('Narrative')).toHaveValue(narrative)
  const issueCard = page.getByRole('region', { name: 'Issue the report' })
  await issueCard.getByRole('button', { name: 'Issue to the family' }).click()
  await expect(issueCard.getByRole('alert')).toContainText(/Choose a progress code for every goal first: \d+ goals? (has|have) none\./)
  await codeEveryGoal(page)
  await issue(page, /^Version 1 issued\. The family has been told\.$/)
  await expect(page.getByRole('region', { name: 'Issued versions' }).getByRole('link', { name: /^Version 1, issued / })).toBeVisible()

  // 4. The parent: the issued report only, the provider's words, the PDF, and her acknowledgment with a comment.
  await openReports(parent)
  const parentList = parent.getByRole('list', { name: 'Progress reports' })
  await expect(parentList.getByRole('listitem').filter({ hasText: 'Quarter 2 progress report' })).toContainText('Waiting for your acknowledgment.')
  await expect(parentList.getByRole('link', { name: 'Quarter 1 progress report' })).toHaveCount(0)
  await expect(parentList.getByRole('listitem')).toHaveCount(1)
  await parentList.getByRole('link', { name: 'Quarter 2 progress report' }).click()
  await expect(parent.getByRole('heading', { level: 2, name: 'Quarter 2 progress report, version 1' })).toBeVisible()
  const v1Path = new URL(parent.url()).pathname
  expect(v1Path).toBe(`${draftPath}/v/1`)
  await expect(goalItem(parent, motorGoal)).toContainText(narrative)
  await expect(goalItem(parent, motorGoal)).toContainText('Progress: Sufficient progress to meet the goal')
  await expect(parent.getByRole('link', { name: 'Open the draft' })).toHaveCount(0)
  const pdfLink = parent.getByRole('link', { name: 'Download the PDF' })
  const pdf = await pdfOf(parent, pdfLink)
  expect(pdf.byteLength).toBeGreaterThan(1000)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const pdfResponse = await parent.request.get(new URL((await pdfLink.getAttribute('href'))!, parent.url()).href)
  expect(pdfResponse.status()).toBe(200)
  expect(pdfResponse.headers()['content-type']).toBe('application/pdf')
  await expectAccessible(parent)
  const acks = parent.getByRole('region', { name: 'Acknowledged by the family' })
  await expect(acks).toContainText('Not acknowledged yet.')
  await acks.getByLabel('Your comment').fill(comment)
  await acks.getByRole('button', { name: 'Acknowledge this report' }).click()
  await expect(acks.getByRole('status')).toContainText('Thank you. Your acknowledgment is in the record, with your comment if you wrote one.')
  await expect(acks).toContainText(`${parentName} acknowledged it on`)
  await expect(acks.getByText(comment)).toBeVisible()
  await expect(acks.getByRole('button', { name: 'Acknowledge this report' })).toHaveCount(0)

  // 5. A correction: refused without a reason, then version 2; version 1 reads struck through and points to it.
  await page.goto(draftPath)
  const correctCard = page.getByRole('region', { name: 'Issue a correction' })
  await correctCard.getByRole('button', { name: 'Issue the correction' }).click()
  await expect(correctCard).toContainText('Say why this correction is issued: the family reads it beside the old version.')
  await expect(page.getByRole('region', { name: 'Issued versions' }).getByRole('listitem')).toHaveCount(1)
  const reason = `The motor goal’s narrative named the wrong week (${stamp}).`
  await issue(page, /^Version 2 issued\. The family has been told\.$/, reason)
  const versions = page.getByRole('region', { name: 'Issued versions' })
  await expect(versions.getByRole('listitem')).toHaveCount(2)
  await expect(versions.getByRole('listitem').first().locator('.line-through')).toHaveCount(1)
  await expect(versions).toContainText(`Why it was corrected: ${reason}`)
  await versions.getByRole('link', { name: /^Version 1, issued / }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Quarter 2 progress report, version 1' }).locator('span')).toHaveClass(/line-through/)
  await page.getByRole('link', { name: 'Open the draft' }).click()
  await expect(page).toHaveURL(new RegExp(`${draftPath}$`))

  await parent.goto(v1Path)
  const v1Title = parent.getByRole('heading', { level: 2, name: 'Quarter 2 progress report, version 1' })
  await expect(v1Title.locator('span')).toHaveClass(/line-through/)
  await expect(parent.getByRole('status').filter({ hasText: 'This version was replaced by version 2.' })).toBeVisible()
  // Her acknowledgment stays with the version she read.
  await expect(parent.getByRole('region', { name: 'Acknowledged by the family' })).toContainText(comment)
  await parent.getByRole('link', { name: 'Read the latest version' }).click()
  await expect(parent).toHaveURL(new RegExp(`${draftPath}/v/2$`))
  await expect(parent.getByRole('heading', { level: 2, name: 'Quarter 2 progress report, version 2' })).toBeVisible()

  await openReports(parent)
  const corrected = parent.getByRole('list', { name: 'Progress reports' }).getByRole('listitem').filter({ hasText: 'Quarter 2 progress report' })
  await expect(corrected).toContainText(/Corrected: version 2, issued .+\. Waiting for your acknowledgment\./)
  await corrected.getByRole('link', { name: 'Quarter 2 progress report' }).click()
  await expect(parent).toHaveURL(new RegExp(`${draftPath}/v/2$`))
  const v2Title = parent.getByRole('heading', { level: 2, name: 'Quarter 2 progress report, version 2' })
  await expect(v2Title.locator('span')).not.toHaveClass(/line-through/)
  await expect(parent.getByText(`Why it was corrected: ${reason}`)).toBeVisible()
  await expect(parent.getByRole('region', { name: 'Acknowledged by the family' }).getByRole('button', { name: 'Acknowledge this report' })).toBeVisible()
  await expectAccessible(parent)
})

test('Johnny’s demo: the draft’s “Mastered” beside the met-on-paper caution; his mother sees Quarter 1 only, with her acknowledgment', async ({
  page,
  signIn,
  newPersonPage,
}) => {
  await signIn('caseManager')
  const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
  await openStudent(page, 'Johnny Miller')
  await openReports(page)
  await page.getByRole('list', { name: 'Progress reports' }).getByRole('link', { name: 'Quarter 2 progress report' }).click()
  const caution = 'Met on paper: the number reaches the goal, but Johnny was dysregulated in recent sessions. Check before calling it mastered.'
  const sit = goalItems(page).filter({ hasText: caution })
  await expect(sit).toHaveCount(1)
  await expect(sit.getByLabel('Progress code').locator('option:checked')).toHaveText('Mastered')

  const parent = await newPersonPage()
  await signInOn(parent, 'parent@maple.example')
  await parent.goto(`/students/${johnnyId}/reports`)
  const list = parent.getByRole('list', { name: 'Progress reports' })
  await expect(list.getByRole('link', { name: 'Quarter 1 progress report' })).toBeVisible()
  await expect(list.getByRole('link', { name: 'Quarter 2 progress report' })).toHaveCount(0)
  await expect(list.getByRole('listitem').filter({ hasText: 'Quarter 1 progress report' })).toContainText('You acknowledged it.')
  await list.getByRole('link', { name: 'Quarter 1 progress report' }).click()
  const acks = parent.getByRole('region', { name: 'Acknowledged by the family' })
  await expect(acks).toContainText('Laura Miller acknowledged it on')
  await expect(acks).toContainText('Can we talk about the afternoons?')
  await expect(acks.getByRole('button', { name: 'Acknowledge this report' })).toHaveCount(0)
})

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 780 } })

  test('the case manager’s draft fits the screen', async ({ page, signIn }) => {
    await signIn('caseManager')
    await openStudent(page, 'Johnny Miller')
    await openReports(page)
    await page.getByRole('list', { name: 'Progress reports' }).getByRole('link', { name: 'Quarter 2 progress report' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Quarter 2 progress report' })).toBeVisible()
    await expect(goalsOf(page).getByLabel('Progress code').first()).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await expectAccessible(page)
  })
})
