import type { Page } from '@playwright/test'
import { demoClosures } from '#server/demo/seed-calendar.ts'
import { schoolDaysBefore, schoolYearAround } from '#server/demo/seed-plan.ts'
import { acceptAsNewAccount, DEMO_USERS, expect, expectAccessible, test, uniqueEmail } from './fixtures.ts'
import { recordedAs } from './today-helpers.ts'

/**
 * Issue 14, item 5: a pasted link (a long unbroken word) in any free-text field never widens a page. Every text a
 * person can type is filled with one, as long as the field allows (a bounded field gets a word of its limit), and
 * every page that shows those texts is visited at a phone's and a laptop's width.
 */
const WIDTHS = [360, 1280] as const

/** An unbroken word of `length` characters that reads like a pasted link; `tag` tells the fields apart. */
function longWord(tag: string, length = 300): string {
  const start = `https://example.org/${tag}/`
  return start + 'x'.repeat(length - start.length)
}

/** A plan for a student of this test alone (no other journey's numbers move), its texts all long words. */
function widePlan(studentName: string, parentEmail: string, today: string) {
  const year = schoolYearAround(today)
  const closures = new Set(demoClosures(Number(year.start.slice(0, 4))).map((c) => c.date))
  const [missedDay, deliveredDay, makeUpDay] = [3, 2, 1].map((n) => schoolDaysBefore(today, n, closures))
  const accommodation = longWord('accommodation-title', 120)
  return {
    format: 'same-page/plan@1',
    school: { name: 'Maple Elementary' },
    student: { externalId: `WIDE-${Date.now().toString(36)}`, name: studentName, grade: 4 },
    team: [
      { email: DEMO_USERS.caseManager.email, role: 'case_manager' },
      { email: parentEmail, role: 'parent' },
    ],
    goals: [
      {
        area: 'reading',
        officialText: longWord('official-text', 2000),
        plain: { means: longWord('means'), looksLike: longWord('looks-like'), adultsHelp: longWord('adults-help'), measure: longWord('measure') },
        baseline: longWord('baseline', 200),
        target: `4 of 5 ${longWord('target', 150)}`,
      },
    ],
    accommodations: [
      { title: accommodation, description: longWord('accommodation-description'), category: 'regulation', applies: { kind: 'daily' }, startDate: year.start },
      {
        title: longWord('subject-accommodation', 120),
        description: longWord('subject-description'),
        category: 'timing',
        applies: { kind: 'subject', subject: longWord('subject', 100) },
        startDate: year.start,
      },
    ],
    services: [
      {
        key: 'wide',
        name: longWord('service-name', 120),
        providerEmail: DEMO_USERS.caseManager.email,
        minutesPerSession: 30,
        weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
        setting: 'pull-out',
        group: false,
        startDate: year.start,
        endDate: year.end,
      },
    ],
    sessions: [
      { service: 'wide', date: missedDay, status: 'missed', reason: 'provider_absent', note: longWord('missed-note') },
      { service: 'wide', date: deliveredDay, status: 'delivered', minutes: 30, note: longWord('session-note') },
      { service: 'wide', date: makeUpDay, status: 'make_up', minutes: 10, repays: missedDay, note: longWord('make-up-note') },
    ],
    accommodationChecks: [{ accommodation, date: deliveredDay, status: 'used' }],
  }
}

/** Fills every empty, editable one-line or multi-line text field inside `scope` with a long word. */
async function fillEveryTextField(page: Page, scope: string, tag: string, length = 300): Promise<number> {
  const fields = page.locator(`${scope} textarea:visible, ${scope} input:visible:not([type]), ${scope} input[type="text"]:visible`)
  const count = await fields.count()
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i)
    if ((await field.isEditable()) && (await field.inputValue()) === '') await field.fill(longWord(`${tag}-${i}`, length))
  }
  return count
}

/** Logs a concern with every text a long word (the person contacted holds 200 characters, the rest 1000). */
async function logConcern(page: Page, studentPath: string, tag: string): Promise<void> {
  await page.goto(`${studentPath}/concerns/new`)
  await fillEveryTextField(page, 'main form', tag, 200)
  await page.getByRole('button', { name: 'Save concern' }).click()
  await expect(page).toHaveURL(/\/concerns\/(?!new$)[^/]+$/)
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(tag) })).toBeVisible()
}

/** How wide the page is laid out: wider than the window means it scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

/** The widths, of those in WIDTHS, at which the page as it stands scrolls sideways. */
async function measureBothWidths(page: Page): Promise<string[]> {
  const wide: string[] = []
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 })
    const scrollWidth = await pageWidth(page)
    if (scrollWidth > width) wide.push(`${page.url()} at ${width} px: ${scrollWidth} px wide`)
  }
  return wide
}

/** The app's own pages linked from the page `page` is on (not files, downloads or signing out). */
async function pageLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
  return hrefs.map((h) => h.split('#')[0]!).filter((h) => h && !/^\/(api|sign-out|invite)\b|\.(pdf|csv|json|txt)$/.test(h))
}

/**
 * Visits each path at each width and records every one that scrolls sideways (all of them, not only the first),
 * following the links of each page visited one step further. Returns the number of pages checked.
 */
async function checkPages(page: Page, who: string, start: string[], within: RegExp, wide: string[]): Promise<number> {
  const seen = new Set<string>()
  const queue = [...start]
  let checked = 0
  // Bounded: a student's pages are a few dozen; the cap keeps a link loop from running the test out.
  while (queue.length > 0 && seen.size < 80) {
    const path = queue.shift()!
    const key = path.split('?')[0]!
    if (seen.has(key)) continue
    seen.add(key)
    // Loaded once at phone width, then widened: the layout answers the window's width, not the load.
    await page.setViewportSize({ width: WIDTHS[0], height: 800 })
    const response = await page.goto(path)
    if (!response || response.status() !== 200) continue
    await page.waitForLoadState('networkidle')
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 })
      const scrollWidth = await pageWidth(page)
      checked++
      if (scrollWidth > width) wide.push(`${who} ${path} at ${width} px: ${scrollWidth} px wide`)
    }
    // A table too wide for a phone scrolls inside its own named region (app/components/table.tsx), never the page.
    const loose = await page.locator('table').evaluateAll((ts) => ts.filter((t) => !t.closest('[role="region"][tabindex="0"]')).length)
    if (loose > 0) wide.push(`${who} ${path}: ${loose} table(s) outside a scrolling region`)
    for (const link of await pageLinks(page)) if (within.test(link) && !seen.has(link.split('?')[0]!)) queue.push(link)
  }
  return checked
}

test('a pasted link in every text field never widens a page, at 360 px and at 1280 px', async ({ page, signIn, newPersonPage, asRole, day }) => {
  // A plan import, five forms and some hundred page loads with two people.
  test.setTimeout(300_000)
  const studentName = `Wren Wide ${Date.now().toString(36)}`
  const parentEmail = uniqueEmail('wren-parent')

  // The case manager imports the plan: goal texts and plain parts, an accommodation, a service, session notes.
  await signIn('caseManager')
  await page.getByRole('link', { name: 'Import a plan' }).click()
  const plan = widePlan(studentName, parentEmail, (day ?? new Date().toISOString()).slice(0, 10))
  await page.getByLabel('Or paste the plan (JSON)').fill(JSON.stringify(plan))
  await page.getByRole('button', { name: 'Import plan' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Imported ${studentName}.` })).toBeVisible()
  const inviteLink = await page.getByLabel(`Invite link for ${parentEmail} (parent or guardian)`).inputValue()
  await page.getByRole('link', { name: `Open ${studentName}’s page` }).click()
  await expect(page.getByRole('heading', { level: 1, name: studentName, exact: true })).toBeVisible()
  const studentPath = new URL(page.url()).pathname

  // Profiles: every answer a long word.
  await page.goto(`${studentPath}/profiles/edit`)
  expect(await fillEveryTextField(page, 'main form', 'profile')).toBeGreaterThan(0)
  await page.getByRole('button', { name: 'Save profiles' }).click()
  await expect(page).not.toHaveURL(/profiles\/edit$/)

  // A goal written in the form (the same texts, typed rather than imported).
  await page.goto(`${studentPath}/goals/new`)
  await page.getByLabel('Area').selectOption({ label: 'Behavior' })
  // Baseline and target hold 200 characters, the plain parts 500.
  await fillEveryTextField(page, 'main form', 'typed-goal', 200)
  await page.getByLabel('Target').fill('20 minutes')
  await page.getByLabel('Measured in').selectOption({ label: 'Minutes' })
  await page.getByLabel('Success value').fill('20')
  await page.getByLabel('Sessions in a row').fill('3')
  await page.getByRole('button', { name: 'Save goal' }).click()
  await expect(page).not.toHaveURL(/goals\/new$/)
  // A notebook (on the student's Notes tab): its title (bounded at 80) and a long word in its text.
  await page.goto(`${studentPath}/notes`)
  const notebookTitle = longWord('notebook', 80)
  await page.getByLabel('New notebook title').fill(notebookTitle)
  await page.getByRole('button', { name: 'Start notebook' }).click()
  const editor = page.getByRole('textbox', { name: `${notebookTitle}: notebook text` })
  await editor.click()
  await page.keyboard.type(longWord('notebook-text'))
  await expect(page.getByRole('status', { name: 'Notebook status' })).toHaveText('All changes saved')

  // An amendment to the service, with its note (bounded at 300).
  await page.goto(studentPath)
  await page.getByRole('link', { name: `Amend ${plan.services[0]!.name}` }).click()
  await page.getByLabel('New minutes per session').fill('25')
  await page.getByLabel('Note (optional)').fill(longWord('amendment-note'))
  await page.getByRole('button', { name: 'Save amendment' }).click()
  await expect(page).not.toHaveURL(/\/amend$/)

  // A concern the whole team sees (the parent's below is the family's alone).
  await logConcern(page, studentPath, 'team-concern')

  // On Today: the reason a support was not provided (bounded at 300) and a progress note.
  await page.goto('/today')
  const card = page.getByRole('region', { name: studentName, exact: true })
  const accommodation = plan.accommodations[0]!.title
  // A tap that lands while the page is still hydrating on a loaded machine can be lost: tap until the question shows.
  const why = card.getByRole('textbox', { name: `Why was “${accommodation}” not provided?` })
  await expect(async () => {
    if (!(await why.isVisible())) await card.getByRole('button', { name: `Not provided: ${accommodation}`, exact: true }).click()
    await expect(why).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await why.fill(longWord('check-reason'))
  await card.getByRole('button', { name: `Save reason: ${accommodation}` }).click()
  // Recorded: the row folds to its status chip, the reason beside it.
  await expect(recordedAs(card, accommodation, 'Not provided')).toBeVisible()
  await card.getByText('Record progress on a goal').click()
  const progress = card.getByRole('form', { name: /^Record progress for / })
  await progress.getByLabel('Goal').selectOption({ index: 1 })
  await progress.getByLabel(/^Result/).fill('3')
  await progress.getByLabel('Prompt level: how much help').selectOption({ index: 1 })
  await progress.getByRole('radio', { name: 'Calm' }).check()
  await progress.getByLabel('Note (optional)').fill(longWord('progress-note'))
  await progress.getByRole('button', { name: 'Add data point' }).click()
  await expect(progress.getByRole('status')).toContainText('Added')

  // The parent joins, logs a concern with every field a long word, and disputes a session with one.
  const parent = await newPersonPage()
  await acceptAsNewAccount(parent, inviteLink, { name: longWord('parent-name', 100), password: 'a long parent password 14', studentName })
  await logConcern(parent, studentPath, 'family-concern')
  // The letter drafted from it quotes those texts.
  await parent.getByRole('link', { name: 'Draft a letter' }).click()
  await parent.getByRole('button', { name: 'Draft a letter' }).click()
  await expect(parent.getByRole('textbox', { name: /letter/i })).toHaveValue(/family-concern/)
  const letterWide = await measureBothWidths(parent)
  await parent.goto(`${studentPath}/sessions`)
  await parent.getByText('Dispute this record', { exact: true }).first().click()
  await parent.locator('details[open] form').getByRole('textbox').fill(longWord('dispute'))
  await parent.locator('details[open] form').getByRole('button', { name: 'Flag as disputed' }).click()
  await expect(parent.getByRole('status').filter({ hasText: 'flagged as disputed' })).toBeVisible()

  // Every page that shows those texts, for each of them, at both widths.
  const wide: string[] = [...letterWide]
  const studentPages = new RegExp(`^(${studentPath}(/|$)|/$|/today|/sessions|/caseload|/school/)`)
  // The three crawls are independent browsers: run side by side, they take the time of the longest.
  const [staffChecked, parentChecked, adminChecked] = await Promise.all([
    checkPages(page, 'case manager', ['/', '/today', '/sessions', '/caseload', studentPath, `${studentPath}/sessions`], studentPages, wide),
    checkPages(parent, 'parent', ['/', '/today', studentPath, `${studentPath}/sessions`], studentPages, wide),
    // The school's own pages (its accountability lists every service by name) are the admin's.
    asRole('admin').then((admin) => checkPages(admin, 'admin', ['/', '/caseload'], /^\/(school\/|caseload)/, wide)),
  ])
  const checked = staffChecked + parentChecked + adminChecked + WIDTHS.length
  console.log(`page shape: ${checked} page views checked (${checked / WIDTHS.length} pages at ${WIDTHS.join(' px and ')} px), ${wide.length} scroll sideways`)
  expect(checked).toBeGreaterThan(40)
  expect(wide, 'pages that scroll sideways').toEqual([])

  // The broken words and scrolling tables stay readable to a screen reader and a keyboard, on a phone.
  await page.setViewportSize({ width: WIDTHS[0], height: 800 })
  await page.goto(studentPath)
  await expectAccessible(page)
})
