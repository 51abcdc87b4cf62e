import { describe, expect, test } from 'vitest'
import { goalVersionLines, planDocument, type PlanDocumentInput, type TextDoc } from '#shared/plan-document.ts'

const plain = { means: 'He raises a hand to ask.', looksLike: 'Hand up, waits.', adultsHelp: 'A visual cue.', measure: 'Tallies in class.' }
const goal = (id: string, ended: { at: string; reason: string } | null = null) => ({
  id,
  area: 'communication',
  officialText: `Official text ${id}.`,
  plain,
  baseline: '2 of 10',
  target: '8 of 10',
  unit: 'times',
  mastery: { threshold: 8, consecutive: 3, independentOnly: false },
  ended,
})

const input: PlanDocumentInput = {
  studentName: 'Johnny Miller',
  asOf: '2026-11-18',
  iep: { startDate: '2026-09-01', endDate: '2027-08-31', annualReviewDate: null, reevaluationDate: null },
  profiles: { communication: { howIShowNo: 'Shakes head.' }, regulation: {} },
  goals: [goal('g1'), goal('g0', { at: '2026-08-30T12:00:00Z', reason: 'Met.' })],
  accommodations: [{ id: 'a1', title: 'Movement breaks', description: 'Two short breaks.', applies: { kind: 'daily' }, startDate: '2026-09-01' }],
  services: [],
  versions: [
    { kind: 'goal', subject: 'Goal (Communication)', version: 2, createdAt: '2026-10-01T10:00:00Z', createdBy: 'Dana', lines: ['v2'] },
    { kind: 'goal', subject: 'Goal (Communication)', version: 1, createdAt: '2026-09-01T10:00:00Z', createdBy: 'Dana', lines: ['v1'] },
  ],
}

const text = (doc: TextDoc) => doc.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap((b) => [b.heading ?? '', b.meta ?? '', ...b.lines])]).join('\n')

describe('the plan as a document in the records file', () => {
  const doc = planDocument(input)

  test('the plan as it stands: dates (unset ones said so), goals with their plain parts, supports, no services said so', () => {
    expect(doc.title).toBe('The plan of Johnny Miller')
    const all = text(doc)
    expect(all).toContain('Annual review: not set')
    expect(all).toContain('Official goal: Official text g1.')
    expect(all).toContain('He raises a hand to ask.')
    expect(all).toContain('Movement breaks')
    expect(doc.sections.find((s) => s.heading === 'Services')!.blocks).toEqual([{ lines: ['None.'] }])
  })

  test('a goal that ended is under its own heading with its reason, not among the current goals', () => {
    const goals = doc.sections.find((s) => s.heading === 'Goals')!
    expect(goals.blocks).toHaveLength(1)
    const ended = doc.sections.find((s) => s.heading === 'Goals that ended with an earlier plan')!
    expect(ended.blocks[0]!.lines.at(-1)).toMatch(/^Ended on .*: Met\.$/)
  })

  test('a goal and a support written in Spanish carry it under the English, saying who wrote it and whether the English moved on since', () => {
    const es = { means: 'Levanta la mano para preguntar.', looksLike: 'Mano arriba, espera.', adultsHelp: 'Una señal con dibujo.', measure: 'Marcas en clase.' }
    const written = { updatedAt: '2026-11-02T09:00:00Z', updatedBy: 'Dana' }
    const translated = planDocument({
      ...input,
      goals: [{ ...goal('g1'), translations: { es: { parts: es, stale: true, ...written } } }],
      accommodations: [{ ...input.accommodations[0]!, translations: { es: { parts: { title: 'Pausas para moverse', description: 'Dos pausas cortas.' }, stale: false, ...written } } }],
    })
    const goalLines = translated.sections.find((s) => s.heading === 'Goals')!.blocks[0]!.lines
    expect(goalLines.slice(-5)).toEqual([
      'In Spanish, written on Mon, Nov 2 by Dana, before the English last changed:',
      'What it means: Levanta la mano para preguntar.',
      'What it looks like in class: Mano arriba, espera.',
      'How adults help: Una señal con dibujo.',
      'How we measure it: Marcas en clase.',
    ])
    const support = translated.sections.find((s) => s.heading === 'Accommodations and supports')!.blocks[0]!.lines
    expect(support).toEqual(['Two short breaks.', 'In Spanish, written on Mon, Nov 2 by Dana:', 'Pausas para moverse', 'Dos pausas cortas.'])
    // Without a translation, nothing is added.
    expect(doc.sections.find((s) => s.heading === 'Accommodations and supports')!.blocks[0]!.lines).toEqual(['Two short breaks.'])
  })

  test('every version, oldest first, with who wrote it', () => {
    const versions = doc.sections.at(-1)!
    expect(versions.heading).toBe('Every version')
    expect(versions.blocks.map((b) => b.lines[0])).toEqual(['v1', 'v2'])
    expect(versions.blocks[0]!.meta).toMatch(/by Dana$/)
  })

  test('a goal version’s lines: the official text and only the plain parts written', () => {
    expect(goalVersionLines({ officialText: 'X.', plain: { ...plain, looksLike: '  ', adultsHelp: '' } })).toHaveLength(3)
  })
})
