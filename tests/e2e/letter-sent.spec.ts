import { DEMO_USERS, expect, expectAccessible, freshPage, openStudent, signInOn, test } from './fixtures.ts'
import { waitForMail } from './mailbox.ts'

// Past the answer-by date of a letter sent on the demo's school day (ten school days, with Thanksgiving between).
const A_MONTH_ON = '2026-12-18T10:00:00Z'

/**
 * Issue 16, item 6: a letter drafted from the concern log is sent by email to the people the parent names (or
 * recorded as sent by hand) and becomes an entry of the concern with an answer-by date; its answer is recorded.
 */
test('a parent sends a drafted letter to the case manager by email, records another sent by hand, and records the answer', async ({ page, signIn, browser, baseURL }) => {
  test.setTimeout(90_000)
  const issue = `Speech make-ups never scheduled ${Date.now().toString(36)}`
  await signIn('parent')
  await openStudent(page, 'Johnny Miller')
  const studentPath = new URL(page.url()).pathname
  await page.goto(`${studentPath}/concerns/new`)
  await page.getByLabel('Issue').fill(issue)
  await page.getByRole('button', { name: 'Save concern' }).click()
  await expect(page.getByRole('heading', { level: 2, name: issue })).toBeVisible()

  await page.getByRole('link', { name: 'Draft a letter' }).click()
  await page.getByRole('button', { name: 'Draft a letter' }).click()
  const send = page.getByRole('region', { name: 'Send this letter' })
  await send.getByRole('checkbox', { name: `${DEMO_USERS.caseManager.name} (${DEMO_USERS.caseManager.email})` }).check()
  await expectAccessible(page)
  await send.getByRole('button', { name: 'Send by email' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Letter sent. It is now an entry of this concern.' })).toBeVisible()

  const sent = page.getByRole('list', { name: 'Letters sent' })
  await expect(sent.getByRole('listitem').first()).toContainText(`to ${DEMO_USERS.caseManager.name}`)
  await expect(sent.getByRole('listitem').first()).toContainText('Answer due by')

  // The case manager's mailbox has the letter, with the parent's name and address to answer to.
  const mail = await waitForMail(DEMO_USERS.caseManager.email, (m) => m.text.includes(issue))
  expect(mail.text).toContain(DEMO_USERS.parent.email)

  // A copy handed over on paper, recorded too.
  await page.getByRole('button', { name: 'Draft a letter' }).click()
  await page.locator('summary', { hasText: 'Mark as sent by hand' }).click()
  await page.getByRole('button', { name: 'Mark as sent by hand' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Letter recorded as sent.' })).toBeVisible()
  await expect(sent.getByRole('listitem')).toHaveCount(2)

  // The answer came: recorded against the emailed letter, which then shows it instead of a due date.
  const emailed = sent.getByRole('listitem').filter({ hasText: 'Email (sent from Same Page)' })
  await emailed.locator('summary', { hasText: 'Record the answer' }).click()
  await emailed.getByLabel('What they answered').fill('A make-up plan by Friday.')
  await emailed.getByRole('button', { name: 'Record the answer' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Answer recorded.' })).toBeVisible()
  await expect(sent.getByRole('listitem').filter({ hasText: 'Email (sent from Same Page)' })).toContainText('A make-up plan by Friday.')

  // A month on, the copy handed over has had no answer: the concern says what to do next, and the log marks it.
  const closers: (() => Promise<void>)[] = []
  try {
    const later = await freshPage(browser, (close) => closers.push(close), A_MONTH_ON, baseURL)
    await signInOn(later, DEMO_USERS.parent.email)
    await later.goto(`${studentPath}/concerns`)
    const row = later.getByRole('listitem').filter({ hasText: issue })
    await expect(row.getByText('Unanswered letter')).toBeVisible()
    await row.getByRole('link', { name: issue }).click()
    const flag = later.getByRole('region', { name: 'Unanswered letter' })
    await expect(flag).toContainText(/No answer to the letter sent .*: follow up in writing/)
    await flag.getByRole('link', { name: 'See the letters sent and record an answer' }).click()
    await expect(later.getByRole('list', { name: 'Letters sent' }).getByRole('listitem')).toHaveCount(2)
  } finally {
    for (const close of closers) await close()
  }
})
