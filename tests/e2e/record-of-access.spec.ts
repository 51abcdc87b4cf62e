import { expect, expectAccessible, openStudent, studentIdFromMyStudents, test, DEMO_USERS } from './fixtures.ts'

test.describe('the record of access (FERPA 34 CFR 99.32)', () => {
  test('Laura sees that Priya, the speech provider, opened Johnny’s plan and downloaded his session log', async ({ page, signIn, asRole }) => {
    const speech = await asRole('speech')
    const johnnyId = await studentIdFromMyStudents(speech, 'Johnny Miller')
    await openStudent(speech, 'Johnny Miller')
    await expect(speech.getByText('Your role: Service provider')).toBeVisible()
    // A provider reads the records, but the list of who read them is the family's (and the case manager's).
    await expect(speech.getByRole('link', { name: 'Who opened these records' })).toHaveCount(0)
    const csv = await speech.request.get(`/api/students/${johnnyId}/sessions.csv`)
    expect(csv.status()).toBe(200)
    expect((await speech.goto(`/students/${johnnyId}/access`))?.status()).toBe(404)

    await signIn('parent')
    await openStudent(page, 'Johnny Miller')
    await page.getByRole('link', { name: 'Who opened these records' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Who opened these records' })).toBeVisible()
    await expect(page).toHaveTitle('Who opened the records · Johnny Miller · Same Page')

    const table = page.getByRole('table', { name: 'Who opened Johnny’s records, newest first' })
    const priya = table.getByRole('row').filter({ hasText: DEMO_USERS.speech.name })
    await expect(priya.filter({ hasText: 'Plan: profiles, goals, progress and accommodations' })).toHaveCount(1)
    await expect(priya.filter({ hasText: 'Session log, downloaded as CSV' })).toHaveCount(1)
    await expect(priya.first().getByRole('cell', { name: 'Service provider' })).toBeVisible()
    await expect(priya.first().locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/)
    // Laura's own visits are hers, not access by the school.
    await expect(table.getByRole('row').filter({ hasText: DEMO_USERS.parent.name })).toHaveCount(0)
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Back to Johnny’s plan' }).click()
    await expect(page.getByText('Your role: Parent or guardian')).toBeVisible()
  })
})
