import { z } from '../zod.ts'
import { WEEKDAYS } from '../school-date.ts'
import { isoDateSchema } from './dates.ts'
import { studentIdSchema } from './ids.ts'
import { translationLanguageSchema } from './language.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { readText, textSchema, type LazyText, type TextKind } from './text.ts'
import {
  COMMUNICATION_FIELDS,
  REGULATION_FIELDS,
  GOAL_AREAS,
  GOAL_UNITS,
  ACCOMMODATION_CATEGORIES,
  PROMPT_LEVELS,
  REGULATION_STATES,
  TRIAL_RESULTS,
  type ProfileField,
  type GoalUnit,
} from '../plan-terms.ts'
import { accommodations } from '../i18n/en/accommodations.ts'
import { goals } from '../i18n/en/goals.ts'
import { student } from '../i18n/en/student.ts'

addSections({ accommodations, goals, student })

// The plan's fixed lists live in a module without zod, so a page can show them without loading the schemas.
export * from '../plan-terms.ts'

// Labels and messages are read from the catalogue when a form is checked, not when this module loads.
const text = (label: LazyText, max: number, kind: TextKind = 'one-line') =>
  textSchema(label, kind, { error: () => t('accommodations.required', { label: readText(label) }) })
    .min(1, { error: () => t('accommodations.required', { label: readText(label) }) })
    .max(max, { error: () => t('accommodations.tooLong', { label: readText(label), max }) })

// Optional texts are the long, multi-line ones (profiles, notes).
const optionalText = (label: LazyText, max: number) =>
  textSchema(label, 'multi-line')
    .max(max, { error: () => t('accommodations.tooLong', { label: readText(label), max }) })
    .default('')

/** An object whose fields are named by a list and each checked alike: `field(name)` for every name, in the list's order. */
const objectOf = <K extends string, S extends z.ZodType>(names: readonly K[], field: (name: K) => S) =>
  z.object(Object.fromEntries(names.map((name) => [name, field(name)])) as Record<K, S>)

// The bounded date schema (shared/schemas/dates.ts), where plan forms have always imported it from.
export { isoDateSchema }

export const idSchema = z.string().min(1, { error: () => t('common.idRequired') }).max(64)

// Profiles -----------------------------------------------------------------------------------------

export const PROFILE_MAX = 1000

const profileText = (field: ProfileField) => optionalText(() => t(`student.profile.${field}`), PROFILE_MAX)

export const communicationProfileSchema = objectOf(COMMUNICATION_FIELDS, profileText)
export type CommunicationProfile = z.infer<typeof communicationProfileSchema>

export const regulationProfileSchema = objectOf(REGULATION_FIELDS, profileText)
export type RegulationProfile = z.infer<typeof regulationProfileSchema>

/** The profiles page edits both at once; its fields are named "communication.<field>" and "regulation.<field>". */
export const profilesFormSchema = z.object({ communication: communicationProfileSchema, regulation: regulationProfileSchema })

export const updateProfileSchema = z.discriminatedUnion('kind', [
  z.object({ studentId: studentIdSchema, kind: z.literal('communication'), profile: communicationProfileSchema }),
  z.object({ studentId: studentIdSchema, kind: z.literal('regulation'), profile: regulationProfileSchema }),
])

// Goals ----------------------------------------------------------------------------------------------

/** "%", "minutes", "times": read from the catalogue each time, so rules are described in the reader's language. */
export const UNIT_LABELS: Record<GoalUnit, string> = {
  get percent() {
    return t('goals.unitShort.percent')
  },
  get minutes() {
    return t('goals.unitShort.minutes')
  },
  get count() {
    return t('goals.unitShort.count')
  },
}

export const PLAIN_PART_MAX = 500
export const OFFICIAL_TEXT_MAX = 2000

// A goal's required texts; label and messages are read from the catalogue when a form is checked.
const goalText = (label: () => string, max: number, kind: TextKind = 'one-line') =>
  textSchema(label, kind, { error: () => t('goals.required', { label: label() }) })
    .min(1, { error: () => t('goals.required', { label: label() }) })
    .max(max, { error: () => t('goals.tooLong', { label: label(), max }) })

const PLAIN_KEYS = ['means', 'looksLike', 'adultsHelp', 'measure'] as const

/** The four plain parts in reading order, each with its label from the catalogue. */
export const PLAIN_PARTS = PLAIN_KEYS.map((key) => ({
  key,
  get label(): string {
    return t(`goals.plain.${key}`)
  },
}))

const plainPart = (key: (typeof PLAIN_KEYS)[number]) => goalText(() => t(`goals.plain.${key}`), PLAIN_PART_MAX, 'multi-line')

export const plainSummarySchema = objectOf(PLAIN_KEYS, plainPart)
export type PlainSummary = z.infer<typeof plainSummarySchema>

export const masteryRuleSchema = z.object({
  threshold: z.number({ error: () => t('goals.thresholdRequired') }).min(0).max(10000),
  consecutive: z
    .number({ error: () => t('goals.consecutiveRequired') })
    .int({ error: () => t('goals.consecutiveWhole') })
    .min(1, { error: () => t('goals.consecutiveMin') })
    .max(20, { error: () => t('goals.consecutiveMax') }),
  independentOnly: z.boolean().default(false),
})
export type MasteryRule = z.infer<typeof masteryRuleSchema>

/** The goal as its form posts it (fields named by path), and the shape goals.create and goals.update take. */
export const goalFieldsSchema = z.object({
  area: z.enum(GOAL_AREAS, { error: () => t('goals.areaRequired') }),
  officialText: goalText(() => t('goals.officialTextLabel'), OFFICIAL_TEXT_MAX, 'multi-line'),
  plain: plainSummarySchema,
  baseline: goalText(() => t('goals.baselineLabel'), 200),
  target: goalText(() => t('goals.targetLabel'), 200),
  unit: z.enum(GOAL_UNITS, { error: () => t('goals.unitRequired') }),
  mastery: masteryRuleSchema,
})
export type GoalFields = z.infer<typeof goalFieldsSchema>

/** The provider's form: only the plain parts. */
export const goalPlainFormSchema = z.object({ plain: plainSummarySchema })

export const createGoalSchema = goalFieldsSchema.extend({ studentId: studentIdSchema })
export const updateGoalSchema = goalFieldsSchema.extend({ studentId: studentIdSchema, goalId: idSchema })
export const updateGoalPlainSchema = goalPlainFormSchema.extend({ studentId: studentIdSchema, goalId: idSchema })
export const goalRefSchema = z.object({ studentId: studentIdSchema, goalId: idSchema })

/** The four plain parts written again in a family's language (docs/languages.md#plain-summaries). */
export const translateGoalPlainSchema = goalPlainFormSchema.extend({ studentId: studentIdSchema, goalId: idSchema, language: translationLanguageSchema })

// Accommodations -------------------------------------------------------------------------------------

export const weekdaySchema = z.enum(WEEKDAYS, { error: () => t('accommodations.weekdayInvalid') })

export const appliesSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('daily') }),
    z.object({
      kind: z.literal('weekdays'),
      days: z
        .array(weekdaySchema)
        .min(1, { error: () => t('accommodations.weekdaysRequired') })
        .max(5),
    }),
    z.object({ kind: z.literal('subject'), subject: text(() => t('accommodations.subjectName'), 100) }),
    z.object({ kind: z.literal('tests') }),
  ],
  { error: () => t('accommodations.appliesRequired') },
)
export type Applies = z.infer<typeof appliesSchema>

export const ACCOMMODATION_DESCRIPTION_MAX = 1000

/**
 * An accommodation as its form posts it (fields named by path: "applies.kind", "applies.days") and as
 * accommodations.create and accommodations.update take it. Only the chosen kind's details are kept: weekdays
 * ticked before switching to "Tests only" are dropped by the union.
 */
export const accommodationFieldsSchema = z.object({
  title: text(() => t('accommodations.titleLabel'), 120),
  description: text(() => t('accommodations.descriptionLabel'), ACCOMMODATION_DESCRIPTION_MAX, 'multi-line'),
  category: z.enum(ACCOMMODATION_CATEGORIES, { error: () => t('accommodations.categoryRequired') }),
  applies: appliesSchema,
  startDate: isoDateSchema,
})
export type AccommodationFields = z.infer<typeof accommodationFieldsSchema>

export const createAccommodationSchema = accommodationFieldsSchema.extend({ studentId: studentIdSchema })
export const updateAccommodationSchema = accommodationFieldsSchema.extend({ studentId: studentIdSchema, accommodationId: idSchema })

/** An accommodation's name and words in a family's language; what it is and when it applies stay the plan's. */
export const accommodationWordsFormSchema = accommodationFieldsSchema.pick({ title: true, description: true })
export type AccommodationWords = z.infer<typeof accommodationWordsFormSchema>
export const translateAccommodationSchema = accommodationWordsFormSchema.extend({
  studentId: studentIdSchema,
  accommodationId: idSchema,
  language: translationLanguageSchema,
})

// Progress data --------------------------------------------------------------------------------------

/** What one data point says, without whose goal it is: the form's fields and the procedure's. */
const progressPointFieldsSchema = z.object({
  date: isoDateSchema,
  /** Either a value, or trials from which the percentage is computed. */
  value: z
    .number({ error: () => t('goals.valueRequired') })
    .min(0, { error: () => t('goals.valueNegative') })
    .max(10000)
    .optional(),
  trials: z
    .array(z.enum(TRIAL_RESULTS))
    .min(1)
    .max(50, { error: () => t('goals.trialsMax') })
    .optional(),
  promptLevel: z.enum(PROMPT_LEVELS, { error: () => t('goals.promptLevelRequired') }),
  regulation: z.enum(REGULATION_STATES, { error: () => t('goals.regulationRequired') }),
  note: textSchema(() => t('goals.noteLabel'), 'multi-line')
    .max(1000, { error: () => t('goals.tooLong', { label: t('goals.noteLabel'), max: 1000 }) })
    .default(''),
})

/**
 * A point needs a value or trials. The check runs even when other fields are wrong (`when`), so the adult
 * hears every problem in one round.
 */
const VALUE_OR_TRIALS = {
  error: () => t('goals.valueOrTrials'),
  path: ['value'],
  when: () => true,
}
const hasValueOrTrials = (p: { value?: unknown; trials?: unknown[] }) => p.value != null || (p.trials?.length ?? 0) > 0

export const progressPointSchema = progressPointFieldsSchema
  .extend({ studentId: studentIdSchema, goalId: idSchema })
  .refine(hasValueOrTrials, VALUE_OR_TRIALS)

/** "Add a data point" as posted: one `trials` field per tap, and which of value or trials the adult chose. */
export const progressPointFormSchema = progressPointFieldsSchema
  .extend({ intent: z.literal('add'), mode: z.enum(['value', 'trials']).catch('value') })
  .refine(hasValueOrTrials, VALUE_OR_TRIALS)

/** Voiding a point: which one, and why (the reason stays beside the struck-through point). */
export const voidProgressPointSchema = z.object({
  pointId: z.string().min(1).max(64),
  reason: textSchema(() => t('goals.voidReasonLabel'), 'multi-line', { error: () => t('goals.voidReasonRequired') })
    .min(1, { error: () => t('goals.voidReasonRequired') })
    .max(500),
})

export const voidProgressPointFormSchema = voidProgressPointSchema.extend({ intent: z.literal('void') })

/** The goal page's forms, told apart by their `intent`. */
export const goalPageFormSchema = z.discriminatedUnion('intent', [progressPointFormSchema, voidProgressPointFormSchema])
