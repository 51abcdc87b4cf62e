import { expect, studentIdFromMyStudents, test } from './fixtures.ts'

// Before the page's scripts arrive (a slow phone) or without them, a refused form is a full page post: the page
// is drawn anew from what the action sent back. Nothing the person typed may come back empty.
test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })

test('a refused new accommodation comes back as it was typed', async ({ page, signIn }) => {
  await signIn('caseManager')
  const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
  await page.goto(`/students/${johnnyId}/accommodations/new`)
  await page.getByLabel('Plain description').fill('Let him walk to the office with a note before math.')
  await page.getByLabel('Category').selectOption('regulation')
  await page.getByLabel('Certain weekdays').check()
  await page.getByLabel('Tuesday').check()
  await page.getByRole('button', { name: 'Save accommodation' }).click()

  await expect(page.getByRole('alert').first()).toBeVisible()
  await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Plain description')).toHaveValue('Let him walk to the office with a note before math.')
  await expect(page.getByLabel('Category')).toHaveValue('regulation')
  await expect(page.getByLabel('Certain weekdays')).toBeChecked()
  await expect(page.getByLabel('Tuesday')).toBeChecked()
  await expect(page.getByLabel('Monday')).not.toBeChecked()
})

test('refused profiles come back as they were typed', async ({ page, signIn }) => {
  await signIn('caseManager')
  const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
  await page.goto(`/students/${johnnyId}/profiles/edit`)
  await page.getByLabel('Early signs').fill('Taps his pencil, then hums.')
  await page.getByLabel('What to avoid').fill('x'.repeat(1001))
  await page.getByRole('button', { name: 'Save profiles' }).click()

  await expect(page.getByRole('alert').first()).toContainText('Nothing was saved yet.')
  await expect(page.getByLabel('What to avoid')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Early signs')).toHaveValue('Taps his pencil, then hums.')
  await expect(page.getByLabel('What to avoid')).toHaveValue('x'.repeat(1001))
})

test('a refused new concern comes back as it was typed, with who may see it', async ({ page, signIn }) => {
  await signIn('parent')
  const johnnyId = await studentIdFromMyStudents(page, 'Johnny Miller')
  await page.goto(`/students/${johnnyId}/concerns/new`)
  await page.getByLabel('Person contacted').fill('Ms. Rivera, case manager')
  await page.getByLabel('Their response').fill('She will check the speech schedule.')
  await page.getByLabel('Whole team', { exact: false }).check()
  await page.getByRole('button', { name: 'Save concern' }).click()

  await expect(page.getByRole('alert').first()).toBeVisible()
  await expect(page.getByLabel('Issue', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Person contacted')).toHaveValue('Ms. Rivera, case manager')
  await expect(page.getByLabel('Their response')).toHaveValue('She will check the speech schedule.')
  await expect(page.getByLabel('Whole team', { exact: false })).toBeChecked()
})
