import { formatSchoolDate } from '#shared/school-date.ts'
import { acceptAsNewAccount, createInvite, expect, expectAccessible, openStudent, studentIdFromMyStudents, test, uniqueEmail } from './fixtures.ts'
import { linkIn, waitForMail } from './mailbox.ts'

interface LogEntry {
  recordId: string
  serviceName: string
  date: string
  kind: string
  voided: boolean
}

test('a missed session reaches the parent’s mailbox', async ({ page, signIn, asRole, newPersonPage }) => {
  // A parent of our own, so no other journey's choices or notices get in the way.
  const parentEmail = uniqueEmail('notice-parent')
  await signIn('caseManager')
  const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
  await openStudent(page, 'Johnny Miller')
  const link = await createInvite(page, parentEmail, 'Parent or guardian')
  const parent = await newPersonPage()
  await acceptAsNewAccount(parent, link, { name: 'Robin Notice', password: 'a long family passphrase 42' })
  const origin = new URL(parent.url()).origin

  // She chooses to hear about Johnny at once (the settings page is built on this procedure).
  const chosen = await parent.request.post('/api/trpc/noticeSettings.set', { headers: { Origin: origin }, data: { studentId: johnnyId, cadence: 'immediate' } })
  expect(chosen.status()).toBe(200)

  // Set-up through the API: the case manager voids the latest delivered OT session ("entered by mistake"), so the
  // OT provider has a session of her own to record; other journeys use speech and the unrecorded days.
  const log = await page.request.get(`/api/trpc/sessions.log?input=${encodeURIComponent(JSON.stringify({ studentId: johnnyId }))}`)
  expect(log.status()).toBe(200)
  const records = ((await log.json()) as { result: { data: LogEntry[] } }).result.data
  const wrong = records.filter((r) => r.serviceName === 'Occupational therapy' && r.kind === 'delivered' && !r.voided).sort((a, b) => b.date.localeCompare(a.date))[0]!
  const voided = await page.request.post('/api/trpc/sessions.void', {
    headers: { Origin: origin },
    data: { studentId: johnnyId, recordId: wrong.recordId, changeReason: 'Entered as delivered by mistake' },
  })
  expect(voided.status()).toBe(200)

  // The OT provider records it missed, in the sessions UI.
  const ot = await asRole('ot')
  const day = formatSchoolDate(wrong.date)
  await ot.goto(`/sessions?week=${wrong.date}`)
  await ot.getByLabel(`Missed: Occupational therapy, ${day} (Johnny Miller)`).click()
  await ot.getByLabel('Why was it missed?').filter({ visible: true }).selectOption('provider_absent')
  await ot.getByRole('button', { name: 'Save missed' }).filter({ visible: true }).click()
  await expect(ot.getByRole('status')).toContainText('Missed session saved.')

  // The email arrives through the school's mail server: the service, the day, the reason, and how to hear less.
  const mail = await waitForMail(parentEmail, (m) => m.subject.includes('Occupational therapy'))
  expect(mail.subject).toBe(`Johnny: Occupational therapy missed on ${day}`)
  expect(mail.text).toContain(`Occupational therapy on ${day} was missed: provider absent.`)
  expect(mail.text).toContain('Change how you hear about Johnny')
  expect(mail.html).toContain('Change how you hear about Johnny')

  // Its link opens the session log, where she reads the same miss.
  await parent.goto(linkIn(mail, `/students/${johnnyId}/sessions`))
  await expect(parent.getByText(day).first()).toBeVisible()

  // "Change how you hear" is one click from the mailbox: no sign-in, only her choice for Johnny.
  const elsewhere = await newPersonPage()
  await elsewhere.goto(linkIn(mail, '/notices/'))
  await expect(elsewhere.getByRole('heading', { level: 1, name: 'How you hear about Johnny Miller' })).toBeVisible()
  await expect(elsewhere.getByText('For Robin Notice.')).toBeVisible()
  const choice = elsewhere.getByRole('group', { name: 'How you hear about Johnny Miller' })
  await expect(choice.getByRole('radio', { name: 'Each one as it happens' })).toBeChecked()
  await choice.getByRole('radio', { name: 'One email a week (Friday afternoon)' }).check()
  await elsewhere.getByRole('button', { name: 'Save' }).click()
  await expect(elsewhere.getByText('Saved: One email a week (Friday afternoon). Notices about Johnny Miller still appear in the app.')).toBeVisible()
  await expectAccessible(elsewhere)
  // Signed in, her settings page shows the choice made from the link.
  await parent.goto('/account/notices')
  await expect(parent.getByRole('group', { name: 'How you hear about Johnny Miller' }).getByRole('radio', { name: 'One email a week (Friday afternoon)' })).toBeChecked()
})
