import { addSections, t } from '#shared/i18n/i18n.ts'
import {
  GOAL_AREAS,
  PROMPT_LEVELS,
  REGULATION_STATES,
  TRIAL_RESULTS,
  type GoalUnit,
  type PromptLevel,
  type RegulationState,
  type TrialResult,
} from '#shared/plan-terms.ts'
import { goals } from './i18n/en/goals.ts'

addSections({ goals })

/** Words people use for the plan's codes, shared by the goal page, the goal card and the history. */

/**
 * A code → words map whose words are read from the catalogue each time, so the maps keep their old shape
 * (`REGULATION_LABELS[state]`) and still speak the reader's language.
 */
function catalogueLabels<K extends string>(keys: readonly K[], word: (key: K) => string): Record<K, string> {
  const labels = {} as Record<K, string>
  for (const key of keys) Object.defineProperty(labels, key, { get: () => word(key), enumerable: true })
  return labels
}

export const PROMPT_LEVEL_LABELS: Record<PromptLevel, string> = catalogueLabels(PROMPT_LEVELS, (p) => t(`goals.promptLevel.${p}`))

export const REGULATION_LABELS: Record<RegulationState, string> = catalogueLabels(REGULATION_STATES, (r) => t(`goals.regulation.${r}`))

export const TRIAL_LABELS: Record<TrialResult, string> = catalogueLabels(TRIAL_RESULTS, (r) => t(`goals.trial.${r}`))

function isArea(area: string): area is (typeof GOAL_AREAS)[number] {
  return (GOAL_AREAS as readonly string[]).includes(area)
}

/** "behavior" → "Behavior", "self-care" → "Self-care"; a code the catalogue does not know is capitalised. */
export function areaLabel(area: string): string {
  return isArea(area) ? t(`goals.area.${area}`) : area.charAt(0).toUpperCase() + area.slice(1)
}

/** "22 minutes", "67%", "3 times". */
export function formatGoalValue(value: number, unit: GoalUnit | string): string {
  const n = Number.isInteger(value) ? String(value) : value.toFixed(1)
  if (unit === 'percent' || unit === '%') return t('goals.valuePercent', { n })
  if (unit === 'minutes') return t('goals.valueMinutes', { count: value, n })
  if (unit === 'count' || unit === 'times') return t('goals.valueTimes', { count: value, n })
  return n
}

/** What adults call the student: the preferred name, else the first word of the name. */
export function firstName(student: { name: string; preferredName: string | null }): string {
  return student.preferredName?.trim() || student.name.trim().split(/\s+/)[0] || student.name
}
