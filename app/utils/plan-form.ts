import { PLAIN_PARTS, type GoalFields, type PlainSummary } from '#shared/schemas/plan.ts'

/**
 * Plan forms post flat form fields named by their schema path ("plain.means", "mastery.threshold"), so a
 * zod issue's path is the name of the field it belongs to. Actions turn them into the JSON shape the
 * procedures take; the procedures validate. The raw strings go back to the form on a refusal, so nothing
 * the person typed is lost.
 */

export type FormFailure = { ok: false; message: string; fieldErrors: Record<string, string[]> }

function text(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/** "" stays undefined so zod says "Enter …" rather than "expected a number". */
function numberOrUndefined(value: string): number | undefined {
  const trimmed = value.trim()
  return trimmed === '' ? undefined : Number(trimmed)
}

// Goals ---------------------------------------------------------------------------------------------------

export interface GoalFormValues {
  area: string
  officialText: string
  plain: PlainSummary
  baseline: string
  target: string
  unit: string
  threshold: string
  consecutive: string
  independentOnly: boolean
}

export const EMPTY_GOAL: GoalFormValues = {
  area: '',
  officialText: '',
  plain: { means: '', looksLike: '', adultsHelp: '', measure: '' },
  baseline: '',
  target: '',
  unit: 'percent',
  threshold: '',
  consecutive: '3',
  independentOnly: false,
}

export function goalValuesOf(goal: Omit<GoalFields, 'area'> & { area: string }): GoalFormValues {
  return {
    area: goal.area,
    officialText: goal.officialText,
    plain: goal.plain,
    baseline: goal.baseline,
    target: goal.target,
    unit: goal.unit,
    threshold: String(goal.mastery.threshold),
    consecutive: String(goal.mastery.consecutive),
    independentOnly: goal.mastery.independentOnly,
  }
}

export function plainValuesFromForm(form: FormData): PlainSummary {
  return Object.fromEntries(PLAIN_PARTS.map(({ key }) => [key, text(form, `plain.${key}`)])) as PlainSummary
}

export function goalValuesFromForm(form: FormData): GoalFormValues {
  return {
    area: text(form, 'area'),
    officialText: text(form, 'officialText'),
    plain: plainValuesFromForm(form),
    baseline: text(form, 'baseline'),
    target: text(form, 'target'),
    unit: text(form, 'unit'),
    threshold: text(form, 'mastery.threshold'),
    consecutive: text(form, 'mastery.consecutive'),
    independentOnly: form.get('mastery.independentOnly') === 'on',
  }
}

/** The procedure's input shape; the enum fields are unchecked strings here and zod checks them there. */
export function goalInput(values: GoalFormValues): GoalFields {
  return {
    area: values.area as GoalFields['area'],
    officialText: values.officialText,
    plain: values.plain,
    baseline: values.baseline,
    target: values.target,
    unit: values.unit as GoalFields['unit'],
    mastery: {
      threshold: numberOrUndefined(values.threshold) as number,
      consecutive: numberOrUndefined(values.consecutive) as number,
      independentOnly: values.independentOnly,
    },
  }
}
