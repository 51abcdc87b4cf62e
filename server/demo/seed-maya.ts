import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '#db/schema.ts'
import type { AccommodationWords, PlainSummary } from '#shared/schemas/plan.ts'
import { schoolYearAround } from './seed-plan.ts'

type Trx = Transaction<Database>

/**
 * Maya's plan: two goals and three accommodations, the goals and two of the accommodations also written in Spanish
 * for her mother, who reads Spanish (docs/languages.md#plain-summaries). The third is left in English on purpose: the
 * demo shows a family what they are told where nobody has written it in their language yet. The Spanish reading
 * level of these texts is worked out in docs/languages.md#demo-reading-level.
 */
export const MAYA_GOALS: readonly {
  area: 'reading' | 'social'
  officialText: string
  plain: PlainSummary
  es: PlainSummary
  baseline: string
  target: string
}[] = [
  {
    area: 'reading',
    officialText:
      'Given a grade-level narrative passage, Maya will answer literal and inferential comprehension questions with 80% accuracy in 4 of 5 consecutive weekly probes.',
    plain: {
      means: 'Maya answers questions about a story she just read.',
      looksLike: 'After reading group she tells you who was in the story and what happened, and answers one “why” question.',
      adultsHelp: 'Ask one question at a time. Let her look back at the page. Wait before you help.',
      measure: 'Out of 5 questions, how many she answers right.',
    },
    es: {
      means: 'Maya contesta preguntas sobre un cuento que acaba de leer.',
      looksLike: 'Después del grupo de lectura, le dice quién estaba en el cuento y qué pasó. También contesta una pregunta de por qué.',
      adultsHelp: 'Haga una pregunta a la vez. Déjela mirar otra vez la página. Espere antes de ayudar.',
      measure: 'De 5 preguntas, cuántas contesta bien.',
    },
    baseline: '2 of 5 (40%)',
    target: '4 of 5 (80%)',
  },
  {
    area: 'social',
    officialText:
      'When anxious during transitions, Maya will independently use a taught self-regulation strategy (deep breathing or requesting a check-in) with no more than one adult prompt in 4 of 5 observed opportunities.',
    plain: {
      means: 'Maya calms herself when a change worries her.',
      looksLike: 'When the class moves to something new, she takes three deep breaths or asks an adult for a quick talk.',
      adultsHelp: 'Tell her about changes a few minutes before. Remind her once: “Breathe, or talk?”',
      measure: 'Count the times she calms herself with one reminder or less, out of the times she got worried.',
    },
    es: {
      means: 'Maya se calma sola cuando un cambio la preocupa.',
      looksLike: 'Cuando la clase pasa a otra cosa, respira hondo tres veces o le pide a un adulto hablar un momento.',
      adultsHelp: 'Avísele de los cambios unos minutos antes. Recuérdele una vez: «¿Respiras o hablamos?»',
      measure: 'Cuente las veces que se calma con un recordatorio o menos, de las veces que se preocupó.',
    },
    baseline: '1 of 5 (20%)',
    target: '4 of 5 (80%)',
  },
]

export const MAYA_ACCOMMODATIONS: readonly {
  words: AccommodationWords
  es: AccommodationWords | null
  category: 'regulation' | 'presentation' | 'setting'
  applies: { kind: 'daily' } | { kind: 'tests' }
}[] = [
  {
    words: { title: 'Warning before changes', description: 'Tell Maya about a change in the day a few minutes before it happens.' },
    es: { title: 'Aviso antes de los cambios', description: 'Avísele a Maya de un cambio en el día unos minutos antes.' },
    category: 'regulation',
    applies: { kind: 'daily' },
  },
  {
    words: { title: 'One question at a time', description: 'Ask her one question at a time, and give her time to answer.' },
    es: { title: 'Una pregunta a la vez', description: 'Hágale una pregunta a la vez y dele tiempo para contestar.' },
    category: 'presentation',
    applies: { kind: 'daily' },
  },
  {
    words: { title: 'Quiet room for tests', description: 'She takes tests in a small group, in a quiet room.' },
    es: null,
    category: 'setting',
    applies: { kind: 'tests' },
  },
]

export async function seedMaya(trx: Trx, a: { mayaId: string; caseManagerId: string; today: string; at: string }): Promise<void> {
  const by = a.caseManagerId
  const translation = (subject: 'goal' | 'accommodation', subjectId: string, parts: object, source: object) => ({
    id: randomUUID(),
    student_id: a.mayaId,
    subject,
    subject_id: subjectId,
    language: 'es' as const,
    parts: JSON.stringify(parts),
    source: JSON.stringify(source),
    updated_at: a.at,
    updated_by: by,
  })
  for (const [i, g] of MAYA_GOALS.entries()) {
    const id = randomUUID()
    await trx.insertInto('goals').values({ id, student_id: a.mayaId, position: i + 1, created_at: a.at, created_by: by }).execute()
    await trx
      .insertInto('goal_versions')
      .values({
        id: randomUUID(),
        goal_id: id,
        version: 1,
        area: g.area,
        official_text: g.officialText,
        plain_means: g.plain.means,
        plain_looks_like: g.plain.looksLike,
        plain_adults_help: g.plain.adultsHelp,
        plain_measure: g.plain.measure,
        baseline: g.baseline,
        target: g.target,
        unit: 'percent',
        mastery: JSON.stringify({ threshold: 80, consecutive: 3, independentOnly: false }),
        created_at: a.at,
        created_by: by,
      })
      .execute()
    await trx.insertInto('plain_translations').values(translation('goal', id, g.es, g.plain)).execute()
  }
  const start = schoolYearAround(a.today).start
  for (const [i, acc] of MAYA_ACCOMMODATIONS.entries()) {
    const id = randomUUID()
    // Distinct timestamps keep the plan's order (creation order) stable.
    const createdAt = new Date(Date.parse(a.at) + i + 1).toISOString()
    await trx.insertInto('accommodations').values({ id, student_id: a.mayaId, created_at: createdAt, created_by: by }).execute()
    await trx
      .insertInto('accommodation_versions')
      .values({
        id: randomUUID(),
        accommodation_id: id,
        version: 1,
        ...acc.words,
        category: acc.category,
        applies: JSON.stringify(acc.applies),
        start_date: start,
        created_at: a.at,
        created_by: by,
      })
      .execute()
    if (acc.es) await trx.insertInto('plain_translations').values(translation('accommodation', id, acc.es, acc.words)).execute()
  }
}
