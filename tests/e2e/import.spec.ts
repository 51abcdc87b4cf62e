import { demoClosures } from '#server/demo/seed-calendar.ts'
import { schoolDaysBefore, schoolYearAround } from '#server/demo/seed-plan.ts'
import { DEMO_USERS, expect, expectAccessible, studentIdFromMyStudents, test, uniqueEmail } from './fixtures.ts'

/**
 * A plan file for the server's school year, built from the journey's day: a speech service held every weekday since
 * the year began, the last three school days recorded, and a parent without an account (who gets an invite).
 */
function validPlan(studentName: string, parentEmail: string, today: string) {
  const year = schoolYearAround(today)
  const closures = new Set(demoClosures(Number(year.start.slice(0, 4))).map((c) => c.date))
  const days = [3, 2, 1].map((n) => schoolDaysBefore(today, n, closures)).filter((d) => d >= year.start && d < today)
  return {
    format: 'same-page/plan@1',
    school: { name: 'Maple Elementary' },
    student: { externalId: `E2E-${Date.now().toString(36)}`, name: studentName, grade: 5 },
    team: [
      { email: DEMO_USERS.caseManager.email, role: 'case_manager' },
      { email: DEMO_USERS.speech.email, role: 'provider' },
      { email: parentEmail, role: 'parent' },
    ],
    accommodations: [{ title: 'Break card', description: 'A 3-minute break when she asks.', category: 'regulation', applies: { kind: 'daily' }, startDate: year.start }],
    services: [
      {
        key: 'speech',
        name: 'Speech-language therapy',
        providerEmail: DEMO_USERS.speech.email,
        minutesPerSession: 30,
        weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
        setting: 'pull-out',
        group: false,
        startDate: year.start,
        endDate: year.end,
      },
    ],
    sessions: days.map((date) => ({ service: 'speech', date, status: 'delivered', minutes: 30 })),
    accommodationChecks: days.map((date) => ({ accommodation: 'Break card', date, status: 'used' })),
  }
}

test('the school admin imports a plan: every problem listed and nothing saved, then the fixed file makes the student', async ({ signIn, day }) => {
  const page = await signIn('admin')
  const studentName = `Nora Quinn ${Date.now().toString(36)}`
  const parentEmail = uniqueEmail('nora-parent')
  const valid = validPlan(studentName, parentEmail, (day ?? new Date().toISOString()).slice(0, 10))

  await page.getByRole('link', { name: 'Import a plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Import a plan' })).toBeVisible()

  // Three mistakes: a weekday, a service key, a check status.
  const broken = structuredClone(valid)
  broken.services[0]!.weekdays = ['mon', 'fri day']
  broken.sessions[0]!.service = 'spech'
  broken.accommodationChecks[0]!.status = 'skipped'
  await page.getByLabel('Or paste the plan (JSON)').fill(JSON.stringify(broken, null, 2))
  await page.getByRole('button', { name: 'Import plan' }).click()

  const problems = page.getByRole('list', { name: 'Problems in the file' }).getByRole('listitem')
  await expect(problems).toHaveText([
    'services[0].weekdays[1]: "fri day" is not a weekday: "mon"…"fri" expected',
    'sessions[0].service: "spech" is not a service key in this file: "speech" expected',
    'accommodationChecks[0].status: "skipped" is not a check status: "used", "not_needed", "not_provided", "declined" expected',
  ])
  await expect(page.getByRole('alert')).toContainText('Nothing was imported: the file has 3 problems.')
  // What was pasted is still there to fix.
  await expect(page.getByLabel('Or paste the plan (JSON)')).toHaveValue(/fri day/)
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Back to My students' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My students' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('link', { name: studentName })).toHaveCount(0)

  // The fixed file, uploaded this time.
  await page.getByRole('link', { name: 'Import a plan' }).click()
  await page.getByLabel('Plan file (JSON)').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(valid)) })
  await page.getByRole('button', { name: 'Import plan' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Imported ${studentName}.` })).toBeVisible()
  const invite = page.getByLabel(`Invite link for ${parentEmail} (parent or guardian)`)
  await expect(invite).toHaveValue(/^http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{43}$/)
  await expectAccessible(page)

  await page.getByRole('link', { name: `Open ${studentName}’s page` }).click()
  await expect(page.getByRole('heading', { level: 1, name: studentName, exact: true })).toBeVisible()
  await page.goto('/')
  expect(await studentIdFromMyStudents(page, studentName)).toMatch(/^[0-9a-f-]{36}$/)
})

test('the import page is only for the school’s admin and case managers', async ({ signIn, asRole }) => {
  const page = await signIn('para')
  await expect(page.getByRole('link', { name: 'Import a plan' })).toHaveCount(0)
  // The case manager's link leads to the page; the para gets a 404 at the same address.
  const caseManager = await asRole('caseManager')
  await caseManager.getByRole('link', { name: 'Import a plan' }).click()
  await expect(caseManager.getByRole('heading', { level: 1, name: 'Import a plan' })).toBeVisible()
  const response = await page.goto(new URL(caseManager.url()).pathname)
  expect(response?.status()).toBe(404)
})

test('the parent downloads Johnny’s session log as CSV; signed out it is a 401, another child a 404', async ({ signIn, newPersonPage, asRole }) => {
  const page = await signIn('parent')
  const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
  const response = await page.request.get(`/api/students/${johnnyId}/sessions.csv`)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8')
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="sessions-[A-Za-z0-9_-]+\.csv"$/)
  const lines = (await response.text()).split('\r\n')
  expect(lines[0]).toBe('date,service,status,minutes,reason,note,recorded_by,recorded_at,repays,voided,disputed')
  expect(lines.length).toBeGreaterThan(10)
  expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},(Speech-language therapy|Occupational therapy),(delivered|missed|make_up),/)
  expect(lines.some((l) => /,missed,,provider_absent,No substitute SLP\.,Priya Shah,/.test(l))).toBe(true)

  const signedOut = await newPersonPage()
  const anonymous = await signedOut.request.get(`/api/students/${johnnyId}/sessions.csv`, { maxRedirects: 0 })
  expect(anonymous.status()).toBe(401)

  // Maya is not the parent's child: the same 404 as a student that does not exist.
  const admin = await asRole('admin')
  const mayaId = await studentIdFromMyStudents(admin, 'Maya Thompson')
  expect((await page.request.get(`/api/students/${mayaId}/sessions.csv`)).status()).toBe(404)
  expect((await page.request.get('/api/students/no-such-student/sessions.csv')).status()).toBe(404)
})
