import type { MasteryRule, PromptLevel, RegulationState, TrialResult } from './schemas/plan.ts'

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
  const value = unit === '%' ? `${rule.threshold}%` : `${rule.threshold} ${unit}`
  const sessions = rule.consecutive === 1 ? '1 session' : `${rule.consecutive} sessions in a row`
  return `${value} or better in ${sessions}${rule.independentOnly ? ', independent only' : ''}`
}

/**
 * Met: the latest `consecutive` points all reach the threshold (independently, when the rule says so).
 * Needs attention: the last three points average below the three before them (falling), or, once there are
 * six points, no higher than the first three (no progress since data began). A student climbing towards the
 * target is on track. The reason names the numbers so adults can check it.
 */
export function masteryStatus(points: readonly ProgressPoint[], rule: MasteryRule): MasteryResult {
  const sorted = byDate(points)
  if (sorted.length === 0) return { status: 'no_data', reason: 'No data recorded yet.' }

  const latest = sorted.slice(-rule.consecutive)
  if (latest.length === rule.consecutive && latest.every((p) => qualifies(p, rule))) {
    return {
      status: 'met',
      reason: `The last ${rule.consecutive === 1 ? 'session reaches' : `${rule.consecutive} sessions reach`} the goal${
        rule.independentOnly ? ' independently' : ''
      }.`,
    }
  }

  const last3 = sorted.slice(-3)
  const lastMean = mean(last3.map((p) => p.value))
  const previous3 = sorted.slice(-6, -3)
  if (previous3.length > 0 && lastMean < mean(previous3.map((p) => p.value))) {
    return {
      status: 'needs_attention',
      reason: `The last ${last3.length} points average ${round(lastMean)}, lower than the ${previous3.length} before them (${round(
        mean(previous3.map((p) => p.value)),
      )}).`,
    }
  }
  const first3 = sorted.slice(0, 3)
  if (sorted.length >= 6 && lastMean <= mean(first3.map((p) => p.value))) {
    return {
      status: 'needs_attention',
      reason: `The last 3 points average ${round(lastMean)}, no higher than the first 3 (${round(
        mean(first3.map((p) => p.value)),
      )}): no progress since data began.`,
    }
  }
  const streak = trailingQualifying(sorted, rule)
  if (streak > 0) return { status: 'on_track', reason: `${streak} of the ${rule.consecutive} sessions in a row needed so far.` }
  const promptedOnly =
    rule.independentOnly && last3.some((p) => p.value >= rule.threshold && p.promptLevel !== 'independent')
      ? ' Sessions count toward the goal only when done independently.'
      : ''
  return {
    status: 'on_track',
    reason:
      (last3.length === 1
        ? `One point so far (${round(lastMean)}).`
        : `The last ${last3.length} points average ${round(lastMean)} and are not falling.`) + promptedOnly,
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
 * "Met on paper" (docs/domain.md#met-on-paper): the latest value reaches the goal while one of the recent points was
 * recorded with the student dysregulated. The number looks fine; the child may not be.
 */
export function metOnPaper(points: readonly ProgressPoint[], rule: MasteryRule): boolean {
  const sorted = byDate(points)
  const latest = sorted.at(-1)
  if (!latest || latest.value < rule.threshold) return false
  return sorted.slice(-RECENT_POINTS).some((p) => p.regulation === 'dysregulated')
}

export const MASTERY_LABELS: Record<MasteryStatus, string> = {
  no_data: 'No data yet',
  met: 'Met',
  on_track: 'On track',
  needs_attention: 'Needs attention',
}
