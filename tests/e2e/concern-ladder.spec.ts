import type { Page } from '@playwright/test'
import { expect, expectAccessible, openStudent, test } from './fixtures.ts'

const WIDTH = 360
test.use({ viewport: { width: WIDTH, height: 800 } })

async function expectFitsPhone(page: Page) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, `${page.url()} scrolls sideways at 360 px`).toBeLessThanOrEqual(WIDTH)
}

test('moving a concern up to steps 3–6 asks first and says what the step starts; a mistaken step is taken back as a new entry; forms are empty after saving', async ({
  page,
  signIn,
}) => {
  // No step may rest on a browser dialog: the confirmation is part of the page.
  page.on('dialog', (dialog) => {
    throw new Error(`Unexpected browser dialog: ${dialog.message()}`)
  })
  const issue = `Reading minutes cut without a meeting ${Date.now().toString(36)}`

  await signIn('parent')
  await openStudent(page, 'Johnny Miller')
  await page.getByRole('navigation', { name: 'Student pages' }).getByRole('link', { name: 'Concern log' }).click()
  await page.getByRole('link', { name: 'Log a concern' }).click()
  await page.getByLabel('Issue').fill(issue)
  await page.getByRole('button', { name: 'Save concern' }).click()
  await expect(page.getByRole('heading', { level: 2, name: issue })).toBeVisible()

  const ladder = page.getByRole('region', { name: 'The escalation ladder' })
  const taken = ladder.getByRole('list').first()
  const nextStep = ladder.getByLabel('Next step')
  const note = ladder.getByLabel('Note about this step')

  // Step 2 is an ordinary request: recorded at once, and the form is empty again afterwards.
  await nextStep.selectOption({ label: '2. IEP meeting requested' })
  await note.fill('Emailed Ms. Rivera for a meeting.')
  await ladder.getByRole('button', { name: 'Record the step' }).click()
  await expect(ladder.getByRole('alert').or(ladder.getByRole('status')).first()).toContainText('Moved up the ladder.')
  await expect(taken).toContainText('2. IEP meeting requested')
  await expect(note).toHaveValue('')
  await expect(nextStep).toHaveValue('3')

  // Step 4 asks first, in plain words; "No" records nothing and loses nothing typed.
  await nextStep.selectOption({ label: '4. Mediation' })
  await note.fill('Thinking about mediation.')
  await ladder.getByRole('button', { name: 'Record the step' }).click()
  const question = ladder.getByRole('heading', { name: 'Move to step 4, Mediation?' })
  await expect(question).toBeVisible()
  await expect(question).toBeFocused()
  await expect(ladder).toContainText('A neutral mediator helps you and the school reach a written agreement.')
  await expect(ladder).toContainText('It asks the state for a mediator.')
  await expect(taken).not.toContainText('Mediation')
  await expectAccessible(page)
  await expectFitsPhone(page)
  await ladder.getByRole('button', { name: 'No, go back' }).click()
  await expect(question).toBeHidden()
  await expect(taken).not.toContainText('Mediation')
  await expect(nextStep).toHaveValue('4')
  await expect(note).toHaveValue('Thinking about mediation.')
  await note.fill('')
  await expect(page.getByText('Step 2: IEP meeting requested')).toBeVisible()

  // Step 5 says it starts the 60-day clock; confirmed from the keyboard.
  const today = await ladder.getByLabel('Date of this step').inputValue()
  await nextStep.selectOption({ label: '5. State complaint' })
  // Without its filing date the step is refused at once, before any question is asked.
  await ladder.getByRole('button', { name: 'Record the step' }).click()
  await expect(ladder.getByText('Enter the date the state complaint was filed').first()).toBeVisible()
  await expect(ladder.getByRole('heading', { name: /Move to step 5/ })).toHaveCount(0)
  await expect(nextStep).toHaveValue('5')
  await ladder.getByLabel('State complaint filing date (step 5 only)').fill(today)
  await note.fill('Chose the wrong step.')
  await ladder.getByRole('button', { name: 'Record the step' }).click()
  await expect(ladder.getByRole('heading', { name: 'Move to step 5, State complaint?' })).toBeFocused()
  await expect(ladder).toContainText('starts the 60-day clock')
  await page.keyboard.press('Tab')
  await expect(ladder.getByRole('button', { name: 'Yes, move to step 5' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(taken).toContainText('5. State complaint')
  await expect(page.getByRole('region', { name: 'State complaint timeline' })).toBeVisible()
  // The form came back empty: no note, no filing date carried over.
  await expect(note).toHaveValue('')
  await expect(ladder.getByLabel('State complaint filing date (step 5 only)')).toHaveValue('')

  // Taken back as a new entry: step 5 stays in the log, the concern is back at step 2, the clock is gone.
  await expect(ladder).toContainText('Taking back step 5 puts the concern back at step 2, IEP meeting requested.')
  await ladder.getByLabel('Why it is taken back (optional)').fill('Recorded by mistake; no complaint was filed.')
  await ladder.getByRole('button', { name: 'Take back step 5' }).click()
  await expect(taken).toContainText('Step 5 taken back; back at step 2, IEP meeting requested')
  await expect(taken).toContainText('5. State complaint')
  await expect(taken).toContainText('Recorded by mistake; no complaint was filed.')
  await expect(page.getByText('Step 2: IEP meeting requested')).toBeVisible()
  await expect(page.getByRole('region', { name: 'State complaint timeline' })).toHaveCount(0)
  await expect(ladder.getByLabel('Why it is taken back (optional)')).toHaveValue('')
  await expectAccessible(page)
  await expectFitsPhone(page)

  // Taking back step 2 leaves nothing to take back: the form goes, and its answer stays where it was.
  await ladder.getByRole('button', { name: 'Take back step 2' }).click()
  await expect(ladder.getByRole('status').filter({ hasText: 'Step taken back.' })).toBeVisible()
  await expect(ladder.getByRole('button', { name: /^Take back step/ })).toHaveCount(0)
  await expect(page.getByText('Step 1: Written concern')).toBeVisible()

  // The top step leaves no step to move up to: the form goes, and its answer stays.
  await nextStep.selectOption({ label: '6. Due process' })
  await ladder.getByRole('button', { name: 'Record the step' }).click()
  await ladder.getByRole('button', { name: 'Yes, move to step 6' }).click()
  await expect(ladder.getByRole('status').filter({ hasText: 'Moved up the ladder.' })).toBeVisible()
  await expect(nextStep).toHaveCount(0)

  // A log entry: the form is empty once it is saved.
  const entryText = page.getByLabel('What was said')
  await entryText.fill('Called the office; left a message.')
  await page.getByRole('button', { name: 'Add entry' }).click()
  await expect(page.getByRole('region', { name: 'Contacts and responses' })).toContainText('Called the office; left a message.')
  await expect(entryText).toHaveValue('')

  // History tells the take-back in a sentence.
  await page.goto(new URL(page.url()).pathname.replace(/\/concerns\/[^/]+$/, '/history'))
  await expect(page.getByText('Laura Miller took back step 5 of a concern, recorded by mistake; it is back at step 2.').first()).toBeVisible()
})
