import { addSections, t } from './i18n/i18n.ts'
import { catalogueLabels } from './labels.ts'
import { addDays } from './school-date.ts'
import type { MasteryRule, PromptLevel, RegulationState, TrialResult } from './schemas/plan.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

export interface ProgressPoint {
  date: string
  value: number
  promptLevel: PromptLevel
  regulation: RegulationState
}

export type MasteryStatus = 'no_data' | 'met' | 'on_track' | 'needs_attention'

export interface MasteryResult {
  status: MasteryStatus
  /** One plain sentence saying why, shown beside the status. */
  reason: string
}

/** Percentage of trials done independently, rounded to a whole percent; prompted trials do not count as success. */
export function trialPercentage(trials: readonly TrialResult[]): number {
  if (trials.length === 0) return 0
  const independent = trials.filter((t) => t === 'independent').length
  return Math.round((independent / trials.length) * 100)
}

/** Trials the least intrusive way: all independent → independent, otherwise prompted (verbal by default). */
export function trialPromptLevel(trials: readonly TrialResult[]): PromptLevel {
  return trials.some((t) => t === 'prompted') ? 'verbal' : 'independent'
}

function qualifies(point: ProgressPoint, rule: MasteryRule): boolean {
  return point.value >= rule.threshold && (!rule.independentOnly || point.promptLevel === 'independent')
}

function byDate(points: readonly ProgressPoint[]): ProgressPoint[] {
  return [...points].sort((a, b) => a.date.localeCompare(b.date))
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length
}

export function describeRule(rule: MasteryRule, unit: string): string {
  const value = unit === '%' ? t('domain.mastery.valuePercent', { value: rule.threshold }) : t('domain.mastery.valueUnit', { value: rule.threshold, unit })
  const sessions = t('domain.mastery.ruleSessions', { count: rule.consecutive })
  return t(rule.independentOnly ? 'domain.mastery.ruleIndependent' : 'domain.mastery.rule', { value, sessions })
}

/** A latest point under this share of the average of the (up to) 3 before it has dropped "well below" them. */
export const WELL_BELOW_SHARE = 0.8

/**
 * The trend rule, written out with worked examples in docs/domain.md#goal-trend. Met: the latest `consecutive`
 * points all reach the threshold (independently, when the rule says so). Needs attention: the latest point is
 * well below the (up to) 3 before it (under WELL_BELOW_SHARE of their average) — a single bad point is never
 * averaged away —, or the last three points average below the three before them (falling), or, once there are
 * six points, no higher than the first three (no progress since data began). A student climbing towards the
 * target is on track. The reason names the numbers so adults can check it.
 */
export function masteryStatus(points: readonly ProgressPoint[], rule: MasteryRule): MasteryResult {
  const sorted = byDate(points)
  if (sorted.length === 0) return { status: 'no_data', reason: t('domain.mastery.noData') }

  const latest = sorted.slice(-rule.consecutive)
  if (latest.length === rule.consecutive && latest.every((p) => qualifies(p, rule))) {
    return {
      status: 'met',
      reason: t(rule.independentOnly ? 'domain.mastery.metIndependently' : 'domain.mastery.met', { count: rule.consecutive }),
    }
  }

  const latestPoint = sorted.at(-1)!
  const before = sorted.slice(-4, -1)
  if (before.length > 0 && latestPoint.value < WELL_BELOW_SHARE * mean(before.map((p) => p.value))) {
    return {
      status: 'needs_attention',
      reason: t('domain.numbers.dropped', { value: round(latestPoint.value), count: before.length, beforeMean: round(mean(before.map((p) => p.value))) }),
    }
  }

  const last3 = sorted.slice(-3)
  const lastMean = mean(last3.map((p) => p.value))
  const previous3 = sorted.slice(-6, -3)
  if (previous3.length > 0 && lastMean < mean(previous3.map((p) => p.value))) {
    return {
      status: 'needs_attention',
      reason: t('domain.mastery.falling', {
        last: last3.length,
        lastMean: round(lastMean),
        previous: previous3.length,
        previousMean: round(mean(previous3.map((p) => p.value))),
      }),
    }
  }
  const first3 = sorted.slice(0, 3)
  if (sorted.length >= 6 && lastMean <= mean(first3.map((p) => p.value))) {
    return {
      status: 'needs_attention',
      reason: t('domain.mastery.noProgress', { lastMean: round(lastMean), firstMean: round(mean(first3.map((p) => p.value))) }),
    }
  }
  const streak = trailingQualifying(sorted, rule)
  if (streak > 0) return { status: 'on_track', reason: t('domain.mastery.streak', { streak, needed: rule.consecutive }) }
  const promptedOnly =
    rule.independentOnly && last3.some((p) => p.value >= rule.threshold && p.promptLevel !== 'independent')
      ? t('domain.mastery.independentOnly')
      : ''
  return {
    status: 'on_track',
    reason:
      (last3.length === 1
        ? t('domain.mastery.onePoint', { value: round(lastMean) })
        : t('domain.mastery.notFalling', { last: last3.length, mean: round(lastMean) })) + promptedOnly,
  }
}

function trailingQualifying(sorted: readonly ProgressPoint[], rule: MasteryRule): number {
  let n = 0
  for (let i = sorted.length - 1; i >= 0 && qualifies(sorted[i]!, rule); i--) n++
  return n
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}

/** How many of the latest points count as "recent" when looking for dysregulation behind a good number. */
export const RECENT_POINTS = 3

/**
 * How many calendar days after a "met" point an effect at home still counts against it: the same evening (day 0)
 * and the next day (day 1), when a child who held it together at school falls apart at home or will not go back.
 */
export const EFFECT_WINDOW_DAYS = 1

/** An effect recorded at home (shared/effects.ts), as the met-on-paper rule reads it: its day and its goal, if known. */
export interface EffectOnDay {
  date: string
  /** The goal it was recorded against; null when the family or staff did not know which goal (it counts for every goal). */
  goalId: string | null
}

export interface MetOnPaperEvidence {
  flagged: boolean
  /** Recent points taken with the student dysregulated. */
  dysregulated: number
  /** The effects that count: on the day of, or the day after, a recent point that reached the goal. */
  effects: EffectOnDay[]
}

/**
 * "Met on paper" (docs/domain.md#met-on-paper), the one rule the goal page, the meeting brief and progress reports read.
 * The latest value reaches the goal, and either one of the RECENT_POINTS latest points was recorded with the student
 * dysregulated, or an effect (a shutdown, a refusal to go to school, a meltdown at home, a bad night) was recorded on
 * the day of a recent point that reached the goal or within EFFECT_WINDOW_DAYS after it. An effect counts for this
 * goal when it names the goal or names none. The number looks fine; the child may not be.
 */
export function metOnPaperEvidence(points: readonly ProgressPoint[], rule: MasteryRule, effects: readonly EffectOnDay[] = [], goalId: string | null = null): MetOnPaperEvidence {
  const none: MetOnPaperEvidence = { flagged: false, dysregulated: 0, effects: [] }
  const sorted = byDate(points)
  const latest = sorted.at(-1)
  if (!latest || latest.value < rule.threshold) return none
  const recent = sorted.slice(-RECENT_POINTS)
  const dysregulated = recent.filter((p) => p.regulation === 'dysregulated').length
  const metDays = recent.filter((p) => qualifies(p, rule)).map((p) => p.date)
  const counted = effects.filter(
    (e) => (e.goalId === null || e.goalId === goalId) && metDays.some((d) => e.date >= d && e.date <= addDays(d, EFFECT_WINDOW_DAYS)),
  )
  return { flagged: dysregulated > 0 || counted.length > 0, dysregulated, effects: counted }
}

export function metOnPaper(points: readonly ProgressPoint[], rule: MasteryRule, effects: readonly EffectOnDay[] = [], goalId: string | null = null): boolean {
  return metOnPaperEvidence(points, rule, effects, goalId).flagged
}

export const MASTERY_LABELS = catalogueLabels<MasteryStatus>(['no_data', 'met', 'on_track', 'needs_attention'], (status) =>
  t(`domain.mastery.labels.${status}`),
)
