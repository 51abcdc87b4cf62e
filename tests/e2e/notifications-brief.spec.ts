import { formatSchoolDate } from '#shared/school-date.ts'
import { pdfText } from '#tests/fixtures/pdf-text.ts'
import { expect, expectAccessible, openStudent, studentIdFromMyStudents, test } from './fixtures.ts'

interface LogEntry {
  recordId: string
  serviceName: string
  date: string
  kind: string
  voided: boolean
}

test('a missed session reaches the parent, the school sees when she saw it, and she takes the brief to the meeting', async ({
  page,
  signIn,
  asRole,
}) => {
  // Set-up, through the API: the case manager voids one early-autumn speech record ("entered by mistake"), so the
  // provider has a session of her own to record. The demo's unrecorded sessions are left to the sessions journey,
  // which runs beside this one against the same server.
  const caseManager = await asRole('caseManager')
  const johnnyId = await studentIdFromMyStudents(caseManager, 'Johnny Miller')
  const mayaId = await studentIdFromMyStudents(caseManager, 'Maya Thompson')
  const origin = new URL(caseManager.url()).origin
  const log = await caseManager.request.get(`/api/trpc/sessions.log?input=${encodeURIComponent(JSON.stringify({ studentId: johnnyId }))}`)
  expect(log.status()).toBe(200)
  const records = ((await log.json()) as { result: { data: LogEntry[] } }).result.data
  const wrong = records.find((r) => r.serviceName === 'Speech-language therapy' && r.kind === 'delivered' && !r.voided)!
  const voided = await caseManager.request.post('/api/trpc/sessions.void', {
    headers: { Origin: origin },
    data: { studentId: johnnyId, recordId: wrong.recordId, changeReason: 'Entered as delivered by mistake' },
  })
  expect(voided.status()).toBe(200)

  // The speech provider records that session as missed, in the sessions UI.
  await signIn('speech')
  await page.getByRole('link', { name: 'Sessions this week' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Sessions, week of/ })).toBeVisible()
  const day = formatSchoolDate(wrong.date)
  await page.goto(`/sessions?week=${wrong.date}`)
  await page.getByLabel(`Missed: Speech-language therapy, ${day} (Johnny Miller)`).click()
  await page.getByLabel('Why was it missed?').filter({ visible: true }).selectOption('provider_absent')
  await page.getByRole('button', { name: 'Save missed' }).filter({ visible: true }).click()
  await expect(page.getByRole('status')).toContainText('Missed session saved.')
  const noticeText = `Speech-language therapy on ${day} was missed: provider absent. A make-up is owed.`

  // The parent sees it first thing on her home page, with Johnny's alerts, and marks it seen.
  const parent = await asRole('parent')
  const notice = parent.getByRole('list', { name: 'Notifications' }).getByRole('listitem').filter({ hasText: noticeText })
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('About Johnny Miller')
  await expect(parent.getByRole('status').filter({ hasText: 'Needs attention today' })).toContainText('Johnny Miller — Speech-language therapy:')
  await expectAccessible(parent)
  await notice.getByRole('button', { name: 'Mark as seen' }).click()
  await expect(notice).toHaveCount(0)
  await parent.reload()
  await expect(parent.getByRole('heading', { level: 1, name: 'Johnny’s plan' })).toBeVisible()
  await expect(parent.getByText(noticeText)).toHaveCount(0)

  // The case manager sees the same alert on her home page, and on Johnny's page when Laura saw the notice.
  await caseManager.goto('/')
  await expect(caseManager.getByRole('status').filter({ hasText: 'Needs attention today' })).toContainText('Johnny Miller — Speech-language therapy:')
  await openStudent(caseManager, 'Johnny Miller')
  await caseManager.getByRole('navigation', { name: 'Student pages' }).getByRole('link', { name: 'Family notifications' }).click()
  await expect(caseManager.getByRole('heading', { level: 2, name: 'Family notifications' })).toBeVisible()
  // Other journeys add parents of their own to Johnny's team: Laura's row is the one this journey follows.
  const row = caseManager.getByRole('row').filter({ hasText: noticeText }).filter({ hasText: 'Laura Miller' })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(/Seen [A-Z][a-z]{2} \d{1,2}, \d{4}/)
  await expectAccessible(caseManager)

  // The parent prepares for the follow-up meeting: one printable page, and the PDF made by the server.
  await parent.goto('/')
  await openStudent(parent, 'Johnny Miller')
  const nav = parent.getByRole('navigation', { name: 'Student pages' })
  await expect(nav.getByRole('link', { name: 'Family notifications' }), 'the family reads its notices at home').toHaveCount(0)
  await nav.getByRole('link', { name: 'Prepare for a meeting' }).click()
  await expect(parent.getByRole('heading', { level: 2, name: 'Prepare for a meeting' })).toBeVisible()
  const services = parent.getByRole('region', { name: 'Services: what the IEP mandates and what was delivered' })
  await expect(services.getByRole('heading', { name: 'Speech-language therapy' })).toBeVisible()
  await expect(services).toContainText(/owed to Johnny/)
  await expect(parent.getByRole('region', { name: 'Accommodations: were they used?' })).toContainText('Break card')
  await expect(parent.getByRole('region', { name: /^Goals/ })).toContainText('Met on paper only')
  // Laura's open concerns (the demo's concern log), her family-only one included: she is the family.
  const concerns = parent.getByRole('region', { name: 'Open concerns' })
  await expect(concerns).toContainText('Speech sessions missed with no substitute')
  await expect(concerns).toContainText('Two more speech sessions missed in a row')
  const questions = parent.getByRole('region', { name: 'Questions to ask' })
  // Whole sessions or minutes, as other journeys on the shared demo may have made up part of one.
  await expect(questions).toContainText(/When will the \d+ owed (speech-language therapy sessions|minutes of speech-language therapy) be made up, and who will provide them\?/)
  await expect(questions).toContainText('Johnny met the behavior goal on paper while dysregulated: how is Johnny really doing?')
  await expectAccessible(parent)

  const download = parent.getByRole('link', { name: 'Download PDF' })
  const [file] = await Promise.all([parent.waitForEvent('download'), download.click()])
  expect(file.suggestedFilename()).toMatch(/^meeting-brief-johnny-miller-\d{4}-\d{2}-\d{2}\.pdf$/)

  const response = await parent.request.get((await download.getAttribute('href'))!)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('application/pdf')
  const pdf = await response.body()
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf.length).toBeGreaterThan(2000)
  const text = pdfText(pdf).replace(/\n/g, ' ')
  expect(text).toContain('Meeting brief for Johnny Miller')
  expect(text).toContain('Speech-language therapy')
  expect(text).toContain('Speech sessions missed with no substitute')

  // A student she may not see: the same 404 as any page, naming nothing.
  const hidden = await parent.request.get(`/students/${mayaId}/brief.pdf`)
  expect(hidden.status()).toBe(404)
  expect(await hidden.text()).not.toContain('Maya')
  expect((await parent.request.get(`/students/${mayaId}/brief`)).status()).toBe(404)
})
