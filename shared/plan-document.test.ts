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
