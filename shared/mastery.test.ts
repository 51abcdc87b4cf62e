import { describe, expect, test } from 'vitest'
import { describeRule, EFFECT_WINDOW_DAYS, masteryStatus, metOnPaper, metOnPaperEvidence, type ProgressPoint, trialPercentage } from './mastery.ts'
import type { MasteryRule, PromptLevel, RegulationState } from './schemas/plan.ts'

/** Points on consecutive days from 2026-03-02, in the order given: values, then optional prompt / regulation. */
function series(values: number[], over: Partial<Pick<ProgressPoint, 'promptLevel' | 'regulation'>>[] = []): ProgressPoint[] {
  return values.map((value, i) => ({
    date: `2026-03-${String(2 + i).padStart(2, '0')}`,
    value,
    promptLevel: over[i]?.promptLevel ?? ('independent' as PromptLevel),
    regulation: over[i]?.regulation ?? ('calm' as RegulationState),
  }))
}

const RULE: MasteryRule = { threshold: 80, consecutive: 3, independentOnly: false }

describe('trialPercentage', () => {
  test('no trials is 0, not NaN', () => {
    expect(trialPercentage([])).toBe(0)
  })

  test('counts only independent trials as success', () => {
    expect(trialPercentage(['independent', 'independent', 'independent', 'independent'])).toBe(100)
    expect(trialPercentage(['independent', 'prompted'])).toBe(50)
    expect(trialPercentage(['prompted', 'incorrect', 'prompted'])).toBe(0)
  })

  test('rounds to a whole percent, half up', () => {
    expect(trialPercentage(['independent', 'independent', 'prompted'])).toBe(67) // 66.67
    expect(trialPercentage(['independent', 'incorrect', 'prompted'])).toBe(33) // 33.33
    expect(trialPercentage(['independent', ...Array<'incorrect'>(7).fill('incorrect')])).toBe(13) // 12.5
  })
})

describe('masteryStatus', () => {
  test('no points: no data', () => {
    expect(masteryStatus([], RULE)).toEqual({ status: 'no_data', reason: 'No data recorded yet.' })
  })

  test('met when exactly the latest `consecutive` points reach the threshold, the earlier one not', () => {
    expect(masteryStatus(series([50, 80, 85, 90]), RULE)).toEqual({ status: 'met', reason: 'The last 3 sessions reach the goal.' })
  })

  test('met with exactly `consecutive` points in all', () => {
    expect(masteryStatus(series([80, 80, 80]), RULE).status).toBe('met')
  })

  test('one qualifying point short of `consecutive` is not met', () => {
    expect(masteryStatus(series([50, 79, 85, 90]), RULE).status).not.toBe('met')
    expect(masteryStatus(series([85, 90]), RULE).status).not.toBe('met')
  })

  test('a rule of one session says so in the singular', () => {
    expect(masteryStatus(series([40, 95]), { threshold: 90, consecutive: 1, independentOnly: false })).toEqual({
      status: 'met',
      reason: 'The last session reaches the goal.',
    })
  })

  test('independent only: met says "independently"; a prompted point among the latest breaks it', () => {
    const rule = { ...RULE, independentOnly: true }
    expect(masteryStatus(series([90, 90, 90]), rule)).toEqual({ status: 'met', reason: 'The last 3 sessions reach the goal independently.' })
    const prompted = masteryStatus(series([90, 90, 90], [{}, { promptLevel: 'verbal' }, {}]), rule)
    expect(prompted).toEqual({ status: 'on_track', reason: '1 of the 3 sessions in a row needed so far.' })
  })

  test('the same prompted points count when the rule is not independent only', () => {
    expect(masteryStatus(series([90, 90, 90], [{}, { promptLevel: 'verbal' }, {}]), RULE).status).toBe('met')
  })

  test('needs attention when the last 3 average below the 3 before, naming both averages', () => {
    expect(masteryStatus(series([70, 72, 75, 60, 61, 70]), RULE)).toEqual({
      status: 'needs_attention',
      reason: 'The last 3 points average 63.7, lower than the 3 before them (72.3).',
    })
  })

  test('a drop is judged on the last 3 against what came before, even with fewer than 3 before', () => {
    expect(masteryStatus(series([90, 60, 61, 85]), RULE)).toEqual({
      status: 'needs_attention',
      reason: 'The last 3 points average 68.7, lower than the 1 before them (90).',
    })
  })

  test('needs attention when, after 6 points, the last 3 are no higher than the first 3', () => {
    // Last 3 (58, 60, 61) average 59.7: not below the 3 before (61, 62, 50 → 57.7), but below the first 3 (61).
    expect(masteryStatus(series([60, 61, 62, 50, 58, 60, 61]), RULE)).toEqual({
      status: 'needs_attention',
      reason: 'The last 3 points average 59.7, no higher than the first 3 (61): no progress since data began.',
    })
  })

  test('a student climbing toward the goal, still below it, is on track', () => {
    expect(masteryStatus(series([50, 55, 60]), RULE)).toEqual({
      status: 'on_track',
      reason: 'The last 3 points average 55 and are not falling.',
    })
    expect(masteryStatus(series([40, 40, 40, 50, 55, 60]), RULE).status).toBe('on_track')
  })

  test('independent only: values that reach the goal with prompts say why they do not count', () => {
    const rule = { ...RULE, independentOnly: true }
    const prompted = { promptLevel: 'verbal' as const }
    expect(masteryStatus(series([70, 90, 90], [{}, prompted, prompted]), rule).reason).toBe(
      'The last 3 points average 83.3 and are not falling. Sessions count toward the goal only when done independently.',
    )
  })

  test('on track with a streak under way: how many of the needed sessions so far', () => {
    expect(masteryStatus(series([60, 70, 85, 90]), RULE)).toEqual({ status: 'on_track', reason: '2 of the 3 sessions in a row needed so far.' })
  })

  test('on track without a streak: the recent average, not falling', () => {
    expect(masteryStatus(series([85, 70, 75]), RULE)).toEqual({
      status: 'on_track',
      reason: 'The last 3 points average 76.7 and are not falling.',
    })
    expect(masteryStatus(series([70]), RULE)).toEqual({ status: 'on_track', reason: 'One point so far (70).' })
  })

  // The worked examples of docs/domain.md#goal-trend.
  describe('the trend never says on track after the latest point falls well below the earlier ones', () => {
    test('40, 60, 60, then 20: the last three still average above the one before them, but the latest dropped', () => {
      expect(masteryStatus(series([40, 60, 60, 20]), RULE)).toEqual({
        status: 'needs_attention',
        reason: 'The latest point (20) is well below the 3 before it (average 53.3).',
      })
    })

    test('80, 80, then 20: too few points for the three-against-three rule, still needs attention', () => {
      expect(masteryStatus(series([80, 80, 20]), RULE)).toEqual({
        status: 'needs_attention',
        reason: 'The latest point (20) is well below the 2 before it (average 80).',
      })
    })

    test('one point before: 70, then 50', () => {
      expect(masteryStatus(series([70, 50]), RULE)).toEqual({
        status: 'needs_attention',
        reason: 'The latest point (50) is well below the one before it (70).',
      })
    })

    test('only the 3 points before the latest count: 90, 20, 30, 40, then 25 is not "well below" 30', () => {
      // Average of 20, 30, 40 is 30; 80% of it is 24; 25 is above that. The three-against-three rule judges the rest.
      expect(masteryStatus(series([90, 20, 30, 40, 25]), RULE).reason).not.toMatch(/well below/)
    })

    test('the edge: exactly 80% of the average is not well below; just under it is', () => {
      expect(masteryStatus(series([50, 50, 50, 40]), RULE).reason).not.toMatch(/well below/)
      expect(masteryStatus(series([50, 50, 50, 39]), RULE)).toEqual({
        status: 'needs_attention',
        reason: 'The latest point (39) is well below the 3 before it (average 50).',
      })
    })

    test('a small dip is not a drop: 60, 70, 65 stays on track', () => {
      expect(masteryStatus(series([60, 70, 65]), RULE).status).toBe('on_track')
    })

    test('met comes first: a rule that a lower latest point still meets', () => {
      expect(masteryStatus(series([100, 100, 100, 80]), { ...RULE, consecutive: 1 })).toEqual({
        status: 'met',
        reason: 'The last session reaches the goal.',
      })
    })
  })

  test('points given out of date order are sorted first', () => {
    const inOrder = series([90, 90, 90, 50])
    const shuffled = [inOrder[3]!, inOrder[0]!, inOrder[1]!, inOrder[2]!]
    // Read in the order given, the last three would be 90, 90, 90: met. By date, the latest is 50.
    expect(masteryStatus(shuffled, RULE)).toEqual(masteryStatus(inOrder, RULE))
    expect(masteryStatus(shuffled, RULE).status).not.toBe('met')
  })
})

describe('metOnPaper', () => {
  const SIT: MasteryRule = { threshold: 20, consecutive: 3, independentOnly: false }

  test('true when the latest value meets the goal and one of the last 3 was dysregulated', () => {
    expect(metOnPaper(series([14, 17, 21, 20, 22], [{}, {}, {}, { regulation: 'dysregulated' }, {}]), SIT)).toBe(true)
  })

  test('false when the latest value is below the goal, dysregulated or not', () => {
    const dysregulated = { regulation: 'dysregulated' as const }
    expect(metOnPaper(series([21, 22, 19], [dysregulated, dysregulated, dysregulated]), SIT)).toBe(false)
  })

  test('false when the dysregulated point is older than the last 3', () => {
    expect(metOnPaper(series([22, 20, 21, 22], [{ regulation: 'dysregulated' }]), SIT)).toBe(false)
    // The control: one step later, the same point is among the last 3.
    expect(metOnPaper(series([22, 21, 22], [{ regulation: 'dysregulated' }]), SIT)).toBe(true)
  })

  test('false when all recent points were calm or only uneasy', () => {
    expect(metOnPaper(series([20, 21, 22], [{ regulation: 'uneasy' }, { regulation: 'uneasy' }]), SIT)).toBe(false)
  })

  test('false with no points', () => {
    expect(metOnPaper([], SIT)).toBe(false)
  })

  test('points out of date order are sorted first', () => {
    const inOrder = series([22, 21, 20, 19, 22], [{ regulation: 'dysregulated' }])
    // Given order ends on the dysregulated 22; by date its point is the oldest of five.
    const shuffled = [inOrder[1]!, inOrder[2]!, inOrder[3]!, inOrder[4]!, inOrder[0]!]
    expect(metOnPaper(shuffled, SIT)).toBe(false)
  })
})

describe('metOnPaper counts effects at home (what happened next)', () => {
  const SIT: MasteryRule = { threshold: 20, consecutive: 3, independentOnly: false }
  // Points on Mar 2..6, all calm; the last three (Mar 4, 5, 6) reach the goal.
  const met = series([14, 17, 21, 20, 22])
  const effect = (date: string, goalId: string | null = 'g1') => ({ date, goalId })

  test('an effect on the day of a recent met point flags the goal; the evidence names it', () => {
    expect(metOnPaper(met, SIT)).toBe(false)
    expect(metOnPaperEvidence(met, SIT, [effect('2026-03-05')], 'g1')).toEqual({ flagged: true, dysregulated: 0, effects: [effect('2026-03-05')] })
  })

  test('the day after counts (the window is one day); two days after does not', () => {
    expect(EFFECT_WINDOW_DAYS).toBe(1)
    expect(metOnPaper(met, SIT, [effect('2026-03-07')], 'g1')).toBe(true)
    expect(metOnPaper(met, SIT, [effect('2026-03-08')], 'g1')).toBe(false)
  })

  test('an effect the day before a met point does not count; nor after a recent point below the goal', () => {
    // Mar 3 (17) is older than the last three and below the goal; Mar 3 is the day before Mar 4.
    expect(metOnPaper(met, SIT, [effect('2026-03-03')], 'g1')).toBe(false)
    // Here Mar 5 is 19, below the goal: an effect on Mar 5 only counts as the day after Mar 4 (which met).
    const mixed = series([14, 17, 21, 19, 22])
    expect(metOnPaper(mixed, SIT, [effect('2026-03-05')], 'g1')).toBe(true)
    const lowBefore = series([14, 17, 18, 19, 22])
    expect(metOnPaper(lowBefore, SIT, [effect('2026-03-05')], 'g1')).toBe(false)
  })

  test('an effect after an older point (not among the recent 3) does not count', () => {
    const long = series([22, 14, 21, 20, 22])
    expect(metOnPaper(long, SIT, [effect('2026-03-02')], 'g1')).toBe(false)
  })

  test('an effect against another goal does not count; one with no goal counts for every goal', () => {
    expect(metOnPaper(met, SIT, [effect('2026-03-05', 'g2')], 'g1')).toBe(false)
    expect(metOnPaper(met, SIT, [effect('2026-03-05', null)], 'g1')).toBe(true)
  })

  test('no effect counts when the latest value is below the goal', () => {
    expect(metOnPaper(series([21, 22, 19]), SIT, [effect('2026-03-02'), effect('2026-03-04')], 'g1')).toBe(false)
  })

  test('dysregulation and effects are both counted in the evidence', () => {
    const both = series([21, 20, 22], [{}, { regulation: 'dysregulated' }])
    expect(metOnPaperEvidence(both, SIT, [effect('2026-03-02'), effect('2026-03-09')], 'g1')).toEqual({ flagged: true, dysregulated: 1, effects: [effect('2026-03-02')] })
  })

  test('with an independent-only rule, a prompted point is not "met" and its effects do not count', () => {
    const IND: MasteryRule = { ...SIT, independentOnly: true }
    const at = (date: string, value: number, promptLevel: PromptLevel = 'independent'): ProgressPoint => ({ date, value, promptLevel, regulation: 'calm' })
    const prompted = [at('2026-03-02', 21), at('2026-03-05', 22, 'verbal'), at('2026-03-09', 22)]
    expect(metOnPaper(prompted, IND, [effect('2026-03-05'), effect('2026-03-06')], 'g1')).toBe(false)
    expect(metOnPaper(prompted, IND, [effect('2026-03-10')], 'g1')).toBe(true)
  })
})

describe('describeRule', () => {
  test('a percentage, several sessions in a row', () => {
    expect(describeRule(RULE, '%')).toBe('80% or better in 3 sessions in a row')
  })

  test('a unit with a space, one session, independent only', () => {
    expect(describeRule({ threshold: 20, consecutive: 1, independentOnly: true }, 'minutes')).toBe(
      '20 minutes or better in 1 session, independent only',
    )
  })

  test('a count', () => {
    expect(describeRule({ threshold: 4, consecutive: 2, independentOnly: false }, 'times')).toBe('4 times or better in 2 sessions in a row')
  })
})
