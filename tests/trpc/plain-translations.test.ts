import { describe, expect, test } from 'vitest'
import { MAYA_ACCOMMODATIONS, MAYA_GOALS } from '#server/demo/seed-maya.ts'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { inLanguage } from '#server/i18n/language.server.ts'
import { buildConcernLetter } from '#shared/concern-letter.ts'
import { buildWeeklyDigest } from '#server/services/digests.server.ts'
import { trpcError } from './call.ts'

/** A Wednesday in the demo school year, at noon UTC so the local date is the same anywhere. */
const T0 = new Date('2026-03-04T12:00:00.000Z')
/** Every table a translation write touches: a refusal must leave each one as it was. */
const TABLES = ['plain_translations', 'goal_versions', 'accommodation_versions', 'audit_log']

const PLAIN_ES = {
  means: 'Johnny pide un descanso en vez de irse.',
  looksLike: 'Le da la tarjeta de descanso o dice «descanso».',
  adultsHelp: 'Señale la tarjeta una vez. Espere cinco segundos.',
  measure: 'Cuente cuántas veces lo pide.',
}
const WORDS_ES = { title: 'Tarjeta de descanso', description: 'Johnny puede mostrar su tarjeta y descansar cinco minutos.' }

describe('plain summaries in a family’s language (docs/languages.md#plain-summaries)', () => {
  const { t, demo, as } = useDemoDb({ now: T0 })
  const johnny = () => ({ studentId: demo.johnnyId })
  const snapshot = () => Object.fromEntries(TABLES.map((table) => [table, t.sqlite.prepare(`select * from ${table} order by rowid`).all()]))
  const goalOf = async (area: string) => {
    const goal = (await as('caseManager').goals.list(johnny())).find((g) => g.area === area)
    if (!goal) throw new Error(`Johnny has no ${area} goal`)
    return goal.id
  }
  const lastAudit = () => t.sqlite.prepare('select entity, entity_id, action, before, after from audit_log order by id desc limit 1').get() as Record<string, string>

  describe('goals.translatePlain', () => {
    test('the case manager writes the Spanish beside the English: the English and its versions stay, the goal carries the Spanish', async () => {
      const goalId = await goalOf('communication')
      const before = await as('caseManager').goals.get({ ...johnny(), goalId })
      await as('caseManager').goals.translatePlain({ ...johnny(), goalId, language: 'es', plain: PLAIN_ES })
      const after = await as('parent').goals.get({ ...johnny(), goalId })
      expect([after.version, after.plain]).toEqual([before.version, before.plain])
      expect(after.translations.es).toMatchObject({ parts: PLAIN_ES, stale: false, updatedBy: 'Dana Rivera' })
      expect(lastAudit()).toMatchObject({ entity: 'goal', entity_id: goalId, action: 'translate_plain', before: null })
      expect(JSON.parse(lastAudit().after!)).toEqual({ language: 'es', plain: PLAIN_ES, english: before.plain })
    })

    test('a second save replaces the text and keeps the one it replaced in the audit entry', async () => {
      const goalId = await goalOf('communication')
      await as('caseManager').goals.translatePlain({ ...johnny(), goalId, language: 'es', plain: PLAIN_ES })
      const changed = { ...PLAIN_ES, measure: 'De diez veces, cuántas lo pide.' }
      await as('speech').goals.translatePlain({ ...johnny(), goalId, language: 'es', plain: changed })
      expect((await as('caseManager').goals.get({ ...johnny(), goalId })).translations.es?.parts).toEqual(changed)
      expect(JSON.parse(lastAudit().before!)).toEqual({ language: 'es', plain: PLAIN_ES })
      expect(t.sqlite.prepare('select count(*) as n from plain_translations where subject_id = ?').get(goalId)).toEqual({ n: 1 })
    })

    test('a change to the English afterwards marks the Spanish as needing a check, until it is saved again', async () => {
      const goalId = await goalOf('communication')
      await as('caseManager').goals.translatePlain({ ...johnny(), goalId, language: 'es', plain: PLAIN_ES })
      const english = (await as('caseManager').goals.get({ ...johnny(), goalId })).plain
      await as('caseManager').goals.updatePlain({ ...johnny(), goalId, plain: { ...english, measure: 'Count each time he asks.' } })
      expect((await as('parent').goals.list(johnny())).find((g) => g.id === goalId)?.translations.es?.stale).toBe(true)
      await as('caseManager').goals.translatePlain({ ...johnny(), goalId, language: 'es', plain: PLAIN_ES })
      expect((await as('parent').goals.list(johnny())).find((g) => g.id === goalId)?.translations.es?.stale).toBe(false)
    })

    test('the speech provider may write it for a goal of their area, and is refused one outside it, writing nothing', async () => {
      await as('speech').goals.translatePlain({ ...johnny(), goalId: await goalOf('communication'), language: 'es', plain: PLAIN_ES })
      const before = snapshot()
      const error = await trpcError(as('speech').goals.translatePlain({ ...johnny(), goalId: demo.sitGoalId, language: 'es', plain: PLAIN_ES }))
      expect(error.code).toBe('FORBIDDEN')
      expect(snapshot()).toEqual(before)
    })

    test.each(['para', 'parent', 'mayaParent', 'admin', 'ot'] as DemoUserKey[])('%s may not write it, and nothing is written', async (user) => {
      const before = snapshot()
      const error = await trpcError(as(user).goals.translatePlain({ ...johnny(), goalId: await goalOf('communication'), language: 'es', plain: PLAIN_ES }))
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(error.code)
      expect(snapshot()).toEqual(before)
    })

    test('another student’s goal cannot be reached through Johnny, and the case manager of both is told it is not found', async () => {
      const mayaGoal = (await as('caseManager').goals.list({ studentId: demo.mayaId }))[0]!
      const before = snapshot()
      const error = await trpcError(as('caseManager').goals.translatePlain({ ...johnny(), goalId: mayaGoal.id, language: 'es', plain: PLAIN_ES }))
      expect(error.code).toBe('NOT_FOUND')
      expect(snapshot()).toEqual(before)
    })

    test('English is not a language to translate into, an empty part is refused, and nothing is written', async () => {
      const goalId = await goalOf('communication')
      const before = snapshot()
      const english = await trpcError(as('caseManager').goals.translatePlain({ ...johnny(), goalId, language: 'en' as 'es', plain: PLAIN_ES }))
      expect(english.code).toBe('BAD_REQUEST')
      const empty = await trpcError(as('caseManager').goals.translatePlain({ ...johnny(), goalId, language: 'es', plain: { ...PLAIN_ES, means: '  ' } }))
      expect(empty.code).toBe('BAD_REQUEST')
      expect(snapshot()).toEqual(before)
    })
  })

  describe('accommodations.translate', () => {
    const breakCard = async () => (await as('caseManager').accommodations.list(johnny())).find((a) => a.title === 'Break card')!

    test('the case manager writes the title and words in Spanish; what it is and when it applies stay the plan’s', async () => {
      const card = await breakCard()
      await as('caseManager').accommodations.translate({ ...johnny(), accommodationId: card.id, language: 'es', ...WORDS_ES })
      const after = (await as('para').accommodations.list(johnny())).find((a) => a.id === card.id)!
      expect([after.title, after.version, after.applies]).toEqual([card.title, card.version, card.applies])
      expect(after.translations.es).toMatchObject({ parts: WORDS_ES, stale: false })
      expect(lastAudit()).toMatchObject({ entity: 'accommodation', entity_id: card.id, action: 'translate' })
    })

    test.each(['speech', 'ot', 'para', 'parent', 'mayaParent', 'admin'] as DemoUserKey[])('%s may not write it, and nothing is written', async (user) => {
      const card = await breakCard()
      const before = snapshot()
      const error = await trpcError(as(user).accommodations.translate({ ...johnny(), accommodationId: card.id, language: 'es', ...WORDS_ES }))
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(error.code)
      expect(snapshot()).toEqual(before)
    })

    test('Maya’s accommodation cannot be reached through Johnny', async () => {
      const maya = (await as('caseManager').accommodations.list({ studentId: demo.mayaId }))[0]!
      const before = snapshot()
      const error = await trpcError(as('caseManager').accommodations.translate({ ...johnny(), accommodationId: maya.id, language: 'es', ...WORDS_ES }))
      expect(error.code).toBe('NOT_FOUND')
      expect(snapshot()).toEqual(before)
    })
  })

  test('the meeting brief names each goal and support in its reader’s language: Spanish for Maya’s mother, English for her case manager', async () => {
    const spanish = await inLanguage('es', () => as('mayaParent').brief.get({ studentId: demo.mayaId }))
    expect(spanish.goals.map((g) => g.summary)).toEqual(MAYA_GOALS.map((g) => g.es.means))
    // The support nobody wrote in Spanish keeps its English name.
    expect(spanish.accommodations.map((a) => a.title)).toEqual(MAYA_ACCOMMODATIONS.map((a) => a.es?.title ?? a.words.title))
    const english = await inLanguage('en', () => as('caseManager').brief.get({ studentId: demo.mayaId }))
    expect(english.goals.map((g) => g.summary)).toEqual(MAYA_GOALS.map((g) => g.plain.means))
    expect(english.accommodations.map((a) => a.title)).toEqual(MAYA_ACCOMMODATIONS.map((a) => a.words.title))
  })

  test('a support is named in its reader’s language in the records a concern links to, and in a letter drafted in Spanish, never in the English one', async () => {
    const card = (await as('caseManager').accommodations.list(johnny())).find((a) => a.title === 'Break card')!
    await as('caseManager').accommodations.translate({ ...johnny(), accommodationId: card.id, language: 'es', ...WORDS_ES })
    const check = await as('para').checks.record({ ...johnny(), accommodationId: card.id, date: '2026-03-04', status: 'not_provided', reason: 'no sub plan', clientId: 'tap-lang-0001' })
    const picker = await inLanguage('es', () => as('parent').concerns.linkable(johnny()))
    expect(picker.checks.find((c) => c.recordId === check.id)?.label).toContain(WORDS_ES.title)
    const { concernId } = await as('parent').concerns.create({
      ...johnny(),
      date: '2026-03-04',
      issue: 'A support was not offered',
      status: 'open',
      visibility: 'team',
      links: [{ kind: 'check', recordId: check.id }],
    })
    const facts = await as('parent').concerns.letter({ ...johnny(), concernId })
    const letter = { ...facts, today: '2026-03-04' as const, includeFamilyOnly: [], senderName: 'Laura Miller' }
    const spanish = inLanguage('es', () => buildConcernLetter(letter)).body
    const english = inLanguage('en', () => buildConcernLetter(letter)).body
    expect(spanish).toContain(`“${WORDS_ES.title}”`)
    expect(spanish).not.toContain(card.title)
    expect(english).toContain(`“${card.title}”`)
    expect(english).not.toContain(WORDS_ES.title)

    // The weekly digest names it in the reader's language too.
    const period = { key: '2026-03-02', from: '2026-03-02' as const, to: '2026-03-06' as const }
    const digestIn = (language: 'es' | 'en') =>
      inLanguage(language, () => buildWeeklyDigest(t.db, { userId: demo.users.parent, studentId: demo.johnnyId, period, settingsUrl: 'http://localhost/account' }))
    expect(JSON.stringify((await digestIn('es'))!.body)).toContain(WORDS_ES.title)
    const englishMail = JSON.stringify((await digestIn('en'))!.body)
    expect([englishMail.includes(card.title), englishMail.includes(WORDS_ES.title)]).toEqual([true, false])
  })

  test('the demo: Maya’s mother reads both goals and two supports in Spanish; the third support is English only', async () => {
    const goals = await as('mayaParent').goals.list({ studentId: demo.mayaId })
    expect(goals.map((g) => g.translations.es?.parts)).toEqual(MAYA_GOALS.map((g) => g.es))
    expect(goals.every((g) => g.translations.es?.stale === false)).toBe(true)
    const supports = await as('mayaParent').accommodations.list({ studentId: demo.mayaId })
    expect(supports.map((a) => a.translations.es?.parts ?? null)).toEqual(MAYA_ACCOMMODATIONS.map((a) => a.es))
  })
})
