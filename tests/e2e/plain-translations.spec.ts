import { MAYA_ACCOMMODATIONS, MAYA_GOALS } from '#server/demo/seed-maya.ts'
import { es } from '#shared/i18n/es/index.ts'
import { DEMO_USERS, expect, expectAccessible, postSignIn, studentIdFromMyStudents, test } from './fixtures.ts'

/**
 * Issue 22, item 2: a goal's plain summary and an accommodation's words written in Spanish beside the English, with
 * live Spanish help; a parent who reads Spanish sees them, and is told plainly where nothing is written in Spanish yet.
 */

test('the case manager writes a goal’s summary in Spanish with the Spanish live help; a later English change marks it for a check', async ({ page, signIn }) => {
  await signIn('caseManager')
  const johnny = await studentIdFromMyStudents(page, 'Johnny Miller')
  await page.goto(`/students/${johnny}`)
  // The student page says, beside each accommodation, whether it is written in Spanish.
  await expect(page.getByRole('link', { name: 'Write “Break card” in Spanish' })).toBeVisible()
  await page.getByRole('link', { name: 'Johnny sounds out short words like "cat" and "map".' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Reading goal' })).toBeVisible()
  await expect(page.getByText('Spanish: not written yet')).toBeVisible()
  await page.getByRole('link', { name: 'Write it in Spanish' }).click()
  await expect(page.getByRole('heading', { name: 'The plain summary in Spanish' })).toBeVisible()

  // Each field says the English it writes again, and is typed as Spanish.
  const means = page.getByLabel('What it means', { exact: true })
  await expect(means).toHaveAccessibleDescription(/The English: Johnny sounds out short words like "cat" and "map"\./)
  await expect(means).toHaveAttribute('lang', 'es')
  // A long IEP-style sentence: the Spanish ease is marked hard, and the glossary offers a plainer wording for the acronym.
  await means.fill(
    'Johnny decodificará palabras consonante-vocal-consonante con una precisión del 80 % en cuatro de cinco ensayos, según la evaluación basada en el currículo del PEI.',
  )
  await expect(page.getByText(/^Spanish reading ease -?\d+([.,]\d)?: very hard$/).first()).toBeVisible()
  await expect(page.getByRole('list', { name: 'Jargon in What it means' })).toContainText(/PEI.{0,20}try: El plan escrito de la escuela para su hijo/)
  // The plain version reads easy, with no jargon left.
  await means.fill('Johnny lee en voz alta palabras cortas como «sol» y «mapa».')
  await expect(page.getByText(/^Spanish reading ease \d+([.,]\d)?: (fairly easy|very easy)$/).first()).toBeVisible()
  await page.getByLabel('What it looks like in class').fill('En el grupo de lectura lee una lista de palabras cortas.')
  await page.getByLabel('How adults help').fill('Señale debajo de cada letra. Déjelo probar antes de ayudar.')
  // A part left empty is refused, naming the part, and nothing typed is lost.
  await page.getByRole('button', { name: 'Save the Spanish text' }).click()
  await expect(page.getByText('How we measure it is required.').first()).toBeVisible()
  await expect(means).toHaveValue('Johnny lee en voz alta palabras cortas como «sol» y «mapa».')
  await page.getByLabel('How we measure it').fill('De 10 palabras, cuántas lee bien.')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Save the Spanish text' }).click()

  await expect(page.getByRole('heading', { level: 2, name: /Reading goal/ })).toBeVisible()
  await expect(page.getByText('Spanish: written')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Change the Spanish summary' })).toBeVisible()

  // The English changes: the Spanish is kept, and marked for a check.
  await page.getByRole('link', { name: 'Edit goal' }).click()
  await page.getByLabel('How we measure it').fill('Out of 12 words, how many he reads right.')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Spanish: the English changed since, check it')).toBeVisible()
  await page.getByRole('link', { name: 'Change the Spanish summary' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The English has changed since this Spanish text was saved.' })).toBeVisible()
  await expect(page.getByLabel('How we measure it')).toHaveValue('De 10 palabras, cuántas lee bien.')
  await page.getByLabel('How we measure it').fill('De 12 palabras, cuántas lee bien.')
  await page.getByRole('button', { name: 'Save the Spanish text' }).click()
  await expect(page.getByText('Spanish: written')).toBeVisible()

  // An accommodation: its name and words, each under the English, from the student page.
  await page.goto(`/students/${johnny}`)
  await page.getByRole('link', { name: 'Write “Break card” in Spanish' }).click()
  await expect(page.getByRole('heading', { name: '“Break card” in Spanish' })).toBeVisible()
  await expect(page.getByLabel('Title')).toHaveAccessibleDescription(/The English: Break card/)
  await page.getByLabel('Title').fill('Tarjeta de descanso')
  await page.getByLabel('Plain description').fill('Johnny puede mostrar su tarjeta y descansar cinco minutos en el rincón de lectura, sin preguntas.')
  await expect(page.getByText(/^Spanish reading ease \d+([.,]\d)?: (normal|fairly easy|very easy)$/)).toBeVisible()
  await page.getByRole('button', { name: 'Save the Spanish text' }).click()
  const breakCard = page.getByRole('list', { name: 'Accommodations' }).getByRole('listitem').filter({ hasText: 'Johnny may show his break card' })
  await expect(breakCard).toContainText('Spanish: written')
  await expect(breakCard.getByRole('link', { name: 'Change “Break card” in Spanish' })).toBeVisible()
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  test('Maya’s mother reads Maya’s goals and supports in Spanish, and is told plainly which one is not in Spanish yet', async ({ page, asRole }) => {
    await postSignIn(page, DEMO_USERS.mayaParent.email)
    await page.goto('/')
    const maya = (await page.locator('a[href^="/students/"]').first().getAttribute('href'))!.match(/^\/students\/([^/?#]+)/)![1]!
    await page.goto(`/students/${maya}`)

    // The plan: each goal's Spanish summary, marked as Spanish.
    const goals = page.getByRole('list', { name: es.goals.goalsList })
    for (const goal of MAYA_GOALS) {
      await expect(goals.getByRole('link', { name: goal.es.means })).toHaveAttribute('lang', 'es')
      await expect(goals.getByText(goal.plain.means)).toHaveCount(0)
    }
    const supports = page.getByRole('list', { name: es.accommodations.listLabel })
    const [warning, oneQuestion, quietRoom] = MAYA_ACCOMMODATIONS
    await expect(supports.getByText(warning!.es!.description)).toBeVisible()
    await expect(supports.getByText(oneQuestion!.es!.title, { exact: true })).toHaveAttribute('lang', 'es')
    // The one nobody wrote in Spanish: the English, in English, with a plain sentence saying why.
    // (Other journeys may add supports to Maya in English: each is looked at by its own name.)
    const notYet = es.languages.translation.notYetInReaderLanguage.replace('{{language}}', 'español')
    await expect(supports.getByText(quietRoom!.words.description)).toHaveAttribute('lang', 'en')
    await expect(supports.getByRole('listitem').filter({ hasText: quietRoom!.words.title })).toContainText(notYet)
    await expect(supports.getByRole('listitem').filter({ hasText: warning!.es!.title })).not.toContainText(notYet)
    // The fidelity card names the supports as the list does: Spanish where written, the English marked as English.
    const fidelity = page.getByRole('list', { name: es.accommodations.fidelityLabel })
    await expect(fidelity.getByRole('heading', { level: 3, name: warning!.es!.title })).toHaveAttribute('lang', 'es')
    await expect(fidelity.getByRole('heading', { level: 3, name: warning!.words.title })).toHaveCount(0)
    await expect(fidelity.getByRole('heading', { level: 3, name: quietRoom!.words.title })).toHaveAttribute('lang', 'en')
    // A parent writes no translations.
    await expect(page.getByRole('link', { name: /^Escribir .* en español$/ })).toHaveCount(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360)
    await expectAccessible(page)

    // The numbers page names the supports the same way.
    await page.goto(`/students/${maya}/accountability`)
    const sinceStart = page.getByRole('list', { name: es.accountability.numbers.sinceStartLabel })
    await expect(sinceStart.getByRole('heading', { level: 4, name: oneQuestion!.es!.title })).toHaveAttribute('lang', 'es')
    await expect(sinceStart.getByRole('heading', { level: 4, name: quietRoom!.words.title })).toHaveAttribute('lang', 'en')
    // Her accommodation records: Dana records one (through the API, as Today does); Rosa reads it by its Spanish name.
    const dana = await asRole('caseManager')
    const input = encodeURIComponent(JSON.stringify({ studentId: maya }))
    const listed = (await (await dana.request.get(`/api/trpc/accommodations.list?input=${input}`)).json()) as { result: { data: { id: string; title: string }[] } }
    const warningId = listed.result.data.find((a) => a.title === warning!.words.title)!.id
    const recorded = await dana.request.post('/api/trpc/checks.record', {
      headers: { Origin: new URL(dana.url()).origin },
      data: { clientId: `maya-words-${Date.now().toString(36)}`, studentId: maya, accommodationId: warningId, date: '2026-11-17', status: 'used' },
    })
    expect(recorded.status()).toBe(200)
    await page.goto(`/students/${maya}/checks`)
    const records = page.getByRole('list', { name: es.sessions.checksList })
    await expect(records.getByText(warning!.es!.title, { exact: true }).first()).toHaveAttribute('lang', 'es')
    await expect(records.getByText(warning!.words.title)).toHaveCount(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360)
    await expectAccessible(page)
    await page.goto(`/students/${maya}`)

    // A goal's page: the four parts in Spanish.
    await goals.getByRole('link', { name: MAYA_GOALS[1]!.es.means }).click()
    for (const part of Object.values(MAYA_GOALS[1]!.es)) await expect(page.getByText(part, { exact: true })).toHaveAttribute('lang', 'es')
    await expect(page.getByRole('link', { name: 'Escribirlo en español' })).toHaveCount(0)
    await expectAccessible(page)
  })
})
