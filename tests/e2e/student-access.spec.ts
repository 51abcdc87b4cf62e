import { expect, expectAccessible, openStudent, studentIdFromMyStudents, test, DEMO_USERS } from './fixtures.ts'

test.describe('who can open a student page', () => {
  test('the parent gets a 404 that names nothing for Maya, who is not their child', async ({ page, signIn, asRole }) => {
    // Maya's id, as her case manager sees it.
    const caseManager = await asRole('caseManager')
    const mayaId = await studentIdFromMyStudents(caseManager, 'Maya Thompson')

    await signIn('parent')
    const response = await page.goto(`/students/${mayaId}`)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
    await expect(page.getByText('This page does not exist, or you do not have access to it.')).toBeVisible()
    const html = await page.content()
    expect(html).not.toContain('Maya')
    expect(html).not.toContain('Thompson')
    await expect(page).toHaveTitle('Page not found · Same Page')
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Back to My students' }).click()
    // The parent's first screen is about her own child.
    await expect(page.getByRole('heading', { level: 1, name: 'Johnny’s plan' })).toBeVisible()
  })

  test('the parent sees Johnny’s page with his team, and no team management', async ({ page, signIn }) => {
    await signIn('parent')
    await openStudent(page, 'Johnny Miller')
    await expect(page.getByText('Your role: Parent or guardian')).toBeVisible()

    const team = page.getByRole('list', { name: 'Team members' })
    for (const user of [DEMO_USERS.caseManager, DEMO_USERS.para, DEMO_USERS.speech, DEMO_USERS.parent]) {
      await expect(team.getByText(user.name, { exact: true })).toBeVisible()
    }
    await expect(page.getByRole('button', { name: /^Remove .* from the team$/ })).toHaveCount(0)
    await expect(page.getByRole('heading', { name: 'Invite someone to the team' })).toHaveCount(0)
    await expect(page.getByLabel('Invite link')).toHaveCount(0)
    await expectAccessible(page)
  })

  test('the case manager sees Johnny’s page with the team tools', async ({ page, signIn }) => {
    await signIn('caseManager')
    await openStudent(page, 'Johnny Miller')
    await expect(page.getByText('Your role: Case manager')).toBeVisible()
    await expect(page.getByRole('button', { name: `Remove ${DEMO_USERS.para.name} from the team` })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Invite someone to the team' })).toBeVisible()
    await expectAccessible(page)
  })
})
