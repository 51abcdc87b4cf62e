import { z } from 'zod'
import { WEEKDAYS } from '../school-date.ts'
import { isoDateSchema } from './dates.ts'
import { studentIdSchema } from './ids.ts'
import { textSchema, type TextKind } from './text.ts'

const text = (label: string, max: number, kind: TextKind = 'one-line') =>
  textSchema(label, kind, { error: `${label} is required.` })
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} must be at most ${max} characters.` })

// Optional texts are the long, multi-line ones (profiles, notes).
const optionalText = (label: string, max: number) =>
  textSchema(label, 'multi-line')
    .max(max, { error: `${label} must be at most ${max} characters.` })
    .default('')

// The bounded date schema (shared/schemas/dates.ts), where plan forms have always imported it from.
export { isoDateSchema }

export const idSchema = z.string().min(1, { error: 'An id is required.' }).max(64)

// Profiles -----------------------------------------------------------------------------------------

export const communicationProfileSchema = z.object({
  howTheyCommunicate: optionalText('How they communicate', 1000),
  givingInstructions: optionalText('How to give an instruction', 1000),
  wordsThatMatter: optionalText('Words or symbols that matter', 1000),
})
export type CommunicationProfile = z.infer<typeof communicationProfileSchema>

export const regulationProfileSchema = z.object({
  earlySigns: optionalText('Early signs of stress', 1000),
  whatHelps: optionalText('What helps', 1000),
  whatToAvoid: optionalText('What to avoid', 1000),
  calmPlace: optionalText('Where to calm down', 1000),
})
export type RegulationProfile = z.infer<typeof regulationProfileSchema>

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

export const weekdaySchema = z.enum(WEEKDAYS, { error: 'Use "mon", "tue", "wed", "thu" or "fri".' })

export const appliesSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('daily') }),
    z.object({
      kind: z.literal('weekdays'),
      days: z.array(weekdaySchema).min(1, { error: 'Choose at least one weekday.' }).max(5),
    }),
    z.object({ kind: z.literal('subject'), subject: text('The subject or time of day', 100) }),
    z.object({ kind: z.literal('tests') }),
  ],
  { error: 'Choose when it applies: every school day, certain weekdays, a subject or time, or tests only.' },
)
export type Applies = z.infer<typeof appliesSchema>

export const accommodationFieldsSchema = z.object({
  title: text('Title', 120),
  description: text('Plain description', 1000, 'multi-line'),
  category: z.enum(ACCOMMODATION_CATEGORIES, { error: 'Choose a category from the list.' }),
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
