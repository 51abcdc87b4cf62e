import type { Page } from '@playwright/test'
import { formatSchoolDate, type IsoDate } from '#shared/school-date.ts'
import { E2E_DAYS } from './days.ts'
import { expect, expectAccessible, openStudent, studentIdFromMyStudents, test } from './fixtures.ts'

interface Notice {
  relatedId: string | null
  text: string
}

interface LogEntry {
  recordId: string
  serviceId: string
  date: IsoDate
  kind: string
  voided: boolean
}

async function query<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const res = await page.request.get(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`)
  expect(res.status(), procedure).toBe(200)
  return ((await res.json()) as { result: { data: T } }).result.data
}

test('a notice whose session is made up says so, alerts name the student in full, and the history reads as sentences', async ({ page, signIn, asRole }) => {
  const today = E2E_DAYS.schoolDay.slice(0, 10) as IsoDate

  // Laura's latest unseen notice: a speech session missed, a make-up owed.
  await signIn('parent')
  const notices = page.getByRole('list', { name: 'Notifications' })
  // A speech notice: Priya makes it up below (another journey may have told Laura of an OT miss meanwhile).
  const owedNotice = (await query<Notice[]>(page, 'notifications.mine', { unseen: true })).find((n) => n.text.startsWith('Speech-language therapy') && n.text.endsWith('A make-up is owed.'))!
  expect(owedNotice).toBeDefined()
  const item = notices.getByRole('listitem').filter({ hasText: owedNotice.text })
  await expect(item).toBeVisible()
  await expect(item).not.toContainText('made up on')
  // Alerts name the student in full: two students called Ava must be told apart.
  const alerts = page.getByRole('status').filter({ hasText: 'Needs attention today' })
  await expect(alerts).toContainText('Johnny Miller — Speech-language therapy:')

  // Priya makes the session up today (set-up through the API, as the sessions journey owns the form).
  const speech = await asRole('speech')
  const johnnyId = await studentIdFromMyStudents(speech, 'Johnny Miller')
  const missed = (await query<LogEntry[]>(speech, 'sessions.log', { studentId: johnnyId })).find((r) => r.recordId === owedNotice.relatedId)!
  const saved = await speech.request.post('/api/trpc/sessions.record', {
    headers: { Origin: new URL(speech.url()).origin },
    data: { studentId: johnnyId, serviceId: missed.serviceId, kind: 'make_up', date: today, minutes: 30, repaysDate: missed.date },
  })
  expect(saved.status()).toBe(200)

  // The same notice now says what happened since, on her home page…
  await page.reload()
  const since = `Since then: made up on ${formatSchoolDate(today)} (30 min).`
  await expect(item).toContainText(owedNotice.text)
  await expect(item).toContainText(since)
  await expectAccessible(page)

  // …and in the family notifications the case manager reads.
  const caseManager = await asRole('caseManager')
  await openStudent(caseManager, 'Johnny Miller')
  await caseManager.getByRole('navigation', { name: 'Student pages' }).getByRole('link', { name: 'Family notifications' }).click()
  const row = caseManager.getByRole('row').filter({ hasText: owedNotice.text }).first()
  await expect(row).toContainText(since)

  // A letter about that session, drafted by Laura, says it was made up and when.
  const created = await page.request.post('/api/trpc/concerns.create', {
    headers: { Origin: new URL(page.url()).origin },
    data: { studentId: johnnyId, date: today, issue: 'Speech make-ups', status: 'open', visibility: 'team', links: [{ kind: 'session', recordId: missed.recordId }] },
  })
  expect(created.status()).toBe(200)
  const { concernId } = ((await created.json()) as { result: { data: { concernId: string } } }).result.data
  await page.goto(`/students/${johnnyId}/concerns/${concernId}/letter`)
  await page.getByRole('button', { name: 'Draft a letter' }).click()
  const letter = page.getByLabel('Letter (you can edit it before sending)')
  await expect(letter).toHaveValue(
    new RegExp(`- ${formatSchoolDate(missed.date)}: Speech-language therapy session missed \\(reason recorded: provider absent\\)\\. Made up on ${formatSchoolDate(today)} \\(30 minutes\\)\\.\n`),
  )

  // The history names who recorded what, for which session, in a sentence; never the stored event names.
  await page.goto('/')
  await openStudent(page, 'Johnny Miller')
  await page.getByRole('navigation', { name: 'Sections of this student’s record' }).getByRole('link', { name: 'History' }).click()
  const history = page.getByRole('list', { name: 'All changes' })
  await expect(history).toContainText(
    `Priya Shah recorded speech-language therapy on ${formatSchoolDate(today)} as a make-up of 30 min for the session of ${formatSchoolDate(missed.date)}.`,
  )
  const sentences = await history.locator(':scope > li > p:first-child').allInnerTexts()
  expect(sentences.length).toBeGreaterThanOrEqual(1)
  for (const sentence of sentences) {
    // "Dana Rivera: session record create." was how an event without a sentence read.
    expect(sentence, 'a history entry reads as a sentence').not.toMatch(/^[^:]+: [a-z_]+( [a-z_.]+)+\.$/)
    expect(sentence).not.toMatch(/session record (create|correct|void)|school closure (create|remove)|auth sign|student import|team member add/)
  }
  await expectAccessible(page)
})
