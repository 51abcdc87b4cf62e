import { describe, expect, test } from 'vitest'
import { useDemoDb } from '#tests/setup/demo-db.ts'

// The demo's progress reports (docs/progress-reports.md#demo), seeded on the journeys' school day.
const NOW = new Date('2026-11-18T10:00:00Z')

describe('the demo’s progress reports', () => {
  const { demo, as } = useDemoDb({ now: NOW, reports: true })

  test('Maple reports in four quarters; Johnny’s first is issued and acknowledged by his mother, with her comment', async () => {
    const periods = await as('admin').reporting.periods({ schoolId: demo.schoolId })
    expect(periods.map((p) => p.name)).toEqual(['Quarter 1', 'Quarter 2', 'Quarter 3', 'Quarter 4'])
    const list = await as('parent').reports.list({ studentId: demo.johnnyId })
    expect(list.map((r) => r.period.name)).toEqual(['Quarter 1'])
    const q1 = list[0]!
    expect(q1.versions).toHaveLength(1)
    expect(q1.versions[0]!.acknowledgments).toEqual([expect.objectContaining({ name: 'Laura Miller', comment: expect.stringContaining('afternoons') })])
  })

  test('the second quarter is a draft the family cannot see, whose "sit for 20 minutes" goal is coded mastered beside the met-on-paper caution', async () => {
    const periods = await as('caseManager').reporting.periods({ schoolId: demo.schoolId })
    const q2 = periods.find((p) => p.name === 'Quarter 2')!
    const { doc, versions } = await as('caseManager').reports.draft({ studentId: demo.johnnyId, periodId: q2.id })
    expect(versions).toEqual([])
    const sit = doc.goals.find((g) => g.goalId === demo.sitGoalId)!
    expect(sit.code).toBe('mastered')
    expect(sit.cautions).toContain('met_on_paper')
    await expect(as('parent').reports.draft({ studentId: demo.johnnyId, periodId: q2.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
