import { type AccommodationFields, type CommunicationProfile, type GoalFields, type RegulationProfile } from '#shared/schemas/plan.ts'

/**
 * Plan forms post flat form fields named by their schema path ("plain.means", "mastery.threshold"), so a
 * zod issue's path is the name of the field it belongs to. Goal forms are read by parseForm with their schema
 * (shared/schemas/plan.ts); what the person typed goes back to the form on a refusal, so nothing is lost.
 */

export type FormFailure = { ok: false; message: string; fieldErrors: Record<string, string[]> }

function text(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/** A form as typed, field name → every value posted under it, for showing a refused form again. */
export type TypedFields = Record<string, string[]>

export function typedFields(form: FormData): TypedFields {
  const typed: TypedFields = {}
  for (const [name, value] of form) if (typeof value === 'string') (typed[name] ??= []).push(value)
  return typed
}

/** The first value typed under a field's name, or "". */
export function typedValue(typed: TypedFields | undefined, name: string): string {
  return typed?.[name]?.[0] ?? ''
}

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

// Accommodations --------------------------------------------------------------------------------------

export interface AccommodationFormValues {
  title: string
  description: string
  category: string
  appliesKind: string
  days: string[]
  subject: string
  startDate: string
}

export function accommodationValuesOf(a: AccommodationFields): AccommodationFormValues {
  return {
    title: a.title,
    description: a.description,
    category: a.category,
    appliesKind: a.applies.kind,
    days: a.applies.kind === 'weekdays' ? [...a.applies.days] : [],
    subject: a.applies.kind === 'subject' ? a.applies.subject : '',
    startDate: a.startDate,
  }
}

export function accommodationValuesFromForm(form: FormData): AccommodationFormValues {
  return {
    title: text(form, 'title'),
    description: text(form, 'description'),
    category: text(form, 'category'),
    appliesKind: text(form, 'applies.kind'),
    days: form.getAll('applies.days').filter((d): d is string => typeof d === 'string'),
    subject: text(form, 'applies.subject'),
    startDate: text(form, 'startDate'),
  }
}

/** Only the chosen kind's details are sent: weekdays ticked before switching to "Tests only" do not count. */
export function accommodationInput(values: AccommodationFormValues): AccommodationFields {
  const kind = values.appliesKind
  const applies =
    kind === 'weekdays' ? { kind, days: values.days } : kind === 'subject' ? { kind, subject: values.subject } : { kind }
  return {
    title: values.title,
    description: values.description,
    category: values.category as AccommodationFields['category'],
    applies: applies as AccommodationFields['applies'],
    startDate: values.startDate,
  }
}

// Profiles --------------------------------------------------------------------------------------------

export const COMMUNICATION_FIELDS = ['howTheyCommunicate', 'givingInstructions', 'wordsThatMatter'] as const satisfies readonly (keyof CommunicationProfile)[]
export const REGULATION_FIELDS = ['earlySigns', 'whatHelps', 'whatToAvoid', 'calmPlace'] as const satisfies readonly (keyof RegulationProfile)[]

export function profileValuesFromForm<K extends string>(form: FormData, prefix: string, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, text(form, `${prefix}.${k}`)])) as Record<K, string>
}
