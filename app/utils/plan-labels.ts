import type { GoalUnit, PromptLevel, RegulationState, TrialResult } from '#shared/schemas/plan.ts'

/** Words people use for the plan's codes, shared by the goal page, the goal card and the history. */

export const PROMPT_LEVEL_LABELS: Record<PromptLevel, string> = {
  independent: 'Independent (no help)',
  gestural: 'Gesture (pointing, nodding)',
  verbal: 'Verbal reminder',
  visual: 'Visual cue (picture, card)',
  model: 'Adult showed how',
  physical: 'Hands-on help',
}

export const REGULATION_LABELS: Record<RegulationState, string> = {
  calm: 'Calm',
  uneasy: 'Uneasy',
  dysregulated: 'Dysregulated',
}

export const TRIAL_LABELS: Record<TrialResult, string> = {
  independent: 'Independent',
  prompted: 'Prompted',
  incorrect: 'Incorrect',
}

/** "behavior" → "Behavior", "self-care" → "Self-care". */
export function areaLabel(area: string): string {
  return area.charAt(0).toUpperCase() + area.slice(1)
}

/** "22 minutes", "67%", "3 times". */
export function formatGoalValue(value: number, unit: GoalUnit | string): string {
  const n = Number.isInteger(value) ? String(value) : value.toFixed(1)
  if (unit === 'percent' || unit === '%') return `${n}%`
  if (unit === 'minutes') return `${n} ${value === 1 ? 'minute' : 'minutes'}`
  if (unit === 'count' || unit === 'times') return `${n} ${value === 1 ? 'time' : 'times'}`
  return n
}

/** What adults call the student: the preferred name, else the first word of the name. */
export function firstName(student: { name: string; preferredName: string | null }): string {
  return student.preferredName?.trim() || student.name.trim().split(/\s+/)[0] || student.name
}
