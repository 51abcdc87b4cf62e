import { z } from 'zod'
import { WEEKDAYS } from '../school-date.ts'
import { isoDateSchema } from './dates.ts'
import { studentIdSchema } from './ids.ts'
import { t } from '../i18n/i18n.ts'
import { readText, textSchema, type LazyText, type TextKind } from './text.ts'

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

// The bounded date schema (shared/schemas/dates.ts), where plan forms have always imported it from.
export { isoDateSchema }

export const idSchema = z.string().min(1, { error: 'An id is required.' }).max(64)

// Profiles -----------------------------------------------------------------------------------------

export const PROFILE_MAX = 1000

/** The communication profile's fields in reading order; each is labelled by student.profile.<field>. */
export const COMMUNICATION_FIELDS = ['howTheyCommunicate', 'givingInstructions', 'wordsThatMatter'] as const
/** The regulation profile's fields in reading order; each is labelled by student.profile.<field>. */
export const REGULATION_FIELDS = ['earlySigns', 'whatHelps', 'whatToAvoid', 'calmPlace'] as const
export type ProfileField = (typeof COMMUNICATION_FIELDS)[number] | (typeof REGULATION_FIELDS)[number]

const profileText = (field: ProfileField) => optionalText(() => t(`student.profile.${field}`), PROFILE_MAX)

export const communicationProfileSchema = z.object({
  howTheyCommunicate: profileText('howTheyCommunicate'),
  givingInstructions: profileText('givingInstructions'),
  wordsThatMatter: profileText('wordsThatMatter'),
})
export type CommunicationProfile = z.infer<typeof communicationProfileSchema>

export const regulationProfileSchema = z.object({
  earlySigns: profileText('earlySigns'),
  whatHelps: profileText('whatHelps'),
  whatToAvoid: profileText('whatToAvoid'),
  calmPlace: profileText('calmPlace'),
})
export type RegulationProfile = z.infer<typeof regulationProfileSchema>

/** The profiles page edits both at once; its fields are named "communication.<field>" and "regulation.<field>". */
export const profilesFormSchema = z.object({ communication: communicationProfileSchema, regulation: regulationProfileSchema })

export const PROFILE_KINDS = ['communication', 'regulation'] as const
export type ProfileKind = (typeof PROFILE_KINDS)[number]

export const updateProfileSchema = z.discriminatedUnion('kind', [
  z.object({ studentId: studentIdSchema, kind: z.literal('communication'), profile: communicationProfileSchema }),
  z.object({ studentId: studentIdSchema, kind: z.literal('regulation'), profile: regulationProfileSchema }),
])

// Goals ----------------------------------------------------------------------------------------------

export const GOAL_AREAS = [
  'communication',
  'reading',
  'writing',
  'math',
  'behavior',
  'social',
  'motor',
  'self-care',
  'other',
] as const

export const GOAL_UNITS = ['percent', 'minutes', 'count'] as const
export type GoalUnit = (typeof GOAL_UNITS)[number]

export const UNIT_LABELS: Record<GoalUnit, string> = { percent: '%', minutes: 'minutes', count: 'times' }

export const PLAIN_PART_MAX = 500
export const OFFICIAL_TEXT_MAX = 2000

export const plainSummarySchema = z.object({
  means: text('What it means', PLAIN_PART_MAX, 'multi-line'),
  looksLike: text('What it looks like in class', PLAIN_PART_MAX, 'multi-line'),
  adultsHelp: text('How adults help', PLAIN_PART_MAX, 'multi-line'),
  measure: text('How we measure it', PLAIN_PART_MAX, 'multi-line'),
})
export type PlainSummary = z.infer<typeof plainSummarySchema>

export const PLAIN_PARTS = [
  { key: 'means', label: 'What it means' },
  { key: 'looksLike', label: 'What it looks like in class' },
  { key: 'adultsHelp', label: 'How adults help' },
  { key: 'measure', label: 'How we measure it' },
] as const satisfies readonly { key: keyof PlainSummary; label: string }[]

export const masteryRuleSchema = z.object({
  threshold: z.number({ error: 'Enter the value that counts as success.' }).min(0).max(10000),
  consecutive: z
    .number({ error: 'Enter how many sessions in a row.' })
    .int({ error: 'Use a whole number of sessions.' })
    .min(1, { error: 'At least 1 session.' })
    .max(20, { error: 'At most 20 sessions.' }),
  independentOnly: z.boolean().default(false),
})
export type MasteryRule = z.infer<typeof masteryRuleSchema>

export const goalFieldsSchema = z.object({
  area: z.enum(GOAL_AREAS, { error: 'Choose an area from the list.' }),
  officialText: text('The official goal text', OFFICIAL_TEXT_MAX, 'multi-line'),
  plain: plainSummarySchema,
  baseline: text('Baseline', 200),
  target: text('Target', 200),
  unit: z.enum(GOAL_UNITS, { error: 'Choose how the goal is measured: percent, minutes or times.' }),
  mastery: masteryRuleSchema,
})
export type GoalFields = z.infer<typeof goalFieldsSchema>

export const createGoalSchema = goalFieldsSchema.extend({ studentId: studentIdSchema })
export const updateGoalSchema = goalFieldsSchema.extend({ studentId: studentIdSchema, goalId: idSchema })
export const updateGoalPlainSchema = z.object({ studentId: studentIdSchema, goalId: idSchema, plain: plainSummarySchema })
export const goalRefSchema = z.object({ studentId: studentIdSchema, goalId: idSchema })

// Accommodations -------------------------------------------------------------------------------------

export const ACCOMMODATION_CATEGORIES = ['presentation', 'response', 'setting', 'timing', 'regulation', 'communication'] as const
export type AccommodationCategory = (typeof ACCOMMODATION_CATEGORIES)[number]

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

// Progress data --------------------------------------------------------------------------------------

export const PROMPT_LEVELS = ['independent', 'gestural', 'verbal', 'visual', 'model', 'physical'] as const
export type PromptLevel = (typeof PROMPT_LEVELS)[number]

export const REGULATION_STATES = ['calm', 'uneasy', 'dysregulated'] as const
export type RegulationState = (typeof REGULATION_STATES)[number]

export const TRIAL_RESULTS = ['independent', 'prompted', 'incorrect'] as const
export type TrialResult = (typeof TRIAL_RESULTS)[number]

export const progressPointSchema = z.object({
  studentId: studentIdSchema,
  goalId: idSchema,
  date: isoDateSchema,
  /** Either a value, or trials from which the percentage is computed. */
  value: z.number({ error: 'Enter a value.' }).min(0, { error: 'The value cannot be negative.' }).max(10000).optional(),
  trials: z.array(z.enum(TRIAL_RESULTS)).min(1).max(50, { error: 'At most 50 trials in one data point.' }).optional(),
  promptLevel: z.enum(PROMPT_LEVELS, { error: 'Choose the prompt level.' }),
  regulation: z.enum(REGULATION_STATES, { error: 'Choose calm, uneasy or dysregulated.' }),
  note: optionalText('Note', 1000),
}).refine((p) => p.value !== undefined || (p.trials?.length ?? 0) > 0, {
  error: 'Enter a value, or tap a result for each trial.',
  path: ['value'],
})
