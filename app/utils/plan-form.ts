import { type GoalFields } from '#shared/schemas/plan.ts'

/**
 * Plan forms post flat form fields named by their schema path ("plain.means", "mastery.threshold"), so a
 * zod issue's path is the name of the field it belongs to. Goal forms are read by parseForm with their schema
 * (shared/schemas/plan.ts); what the person typed goes back to the form on a refusal, so nothing is lost.
 */

export type { FormFailure } from './parse-form.ts'
export { typedFields, typedValue, type TypedFields } from './typed-fields.ts'
import type { TypedFields } from './typed-fields.ts'

// Goals ---------------------------------------------------------------------------------------------------

/** A goal form's fields by name, as the form shows them. */
export type GoalFormValues = TypedFields

export const EMPTY_GOAL: GoalFormValues = { unit: ['percent'], 'mastery.consecutive': ['3'] }

export function goalValuesOf(goal: Omit<GoalFields, 'area'> & { area: string }): GoalFormValues {
  return {
    area: [goal.area],
    officialText: [goal.officialText],
    'plain.means': [goal.plain.means],
    'plain.looksLike': [goal.plain.looksLike],
    'plain.adultsHelp': [goal.plain.adultsHelp],
    'plain.measure': [goal.plain.measure],
    baseline: [goal.baseline],
    target: [goal.target],
    unit: [goal.unit],
    'mastery.threshold': [String(goal.mastery.threshold)],
    'mastery.consecutive': [String(goal.mastery.consecutive)],
    'mastery.independentOnly': goal.mastery.independentOnly ? ['on'] : [],
  }
}
