/**
 * The plan's fixed lists: profile fields, goal areas and units, accommodation categories, and what a data point
 * records. Plain values without zod, so a page that only shows them (Today on a phone) does not load the schemas
 * that check them (shared/schemas/plan.ts, which re-exports them).
 */

/** The communication profile's fields in reading order; each is labelled by student.profile.<field>. */
export const COMMUNICATION_FIELDS = ['howTheyCommunicate', 'givingInstructions', 'wordsThatMatter'] as const
/** The regulation profile's fields in reading order; each is labelled by student.profile.<field>. */
export const REGULATION_FIELDS = ['earlySigns', 'whatHelps', 'whatToAvoid', 'calmPlace'] as const
export type ProfileField = (typeof COMMUNICATION_FIELDS)[number] | (typeof REGULATION_FIELDS)[number]

export const PROFILE_KINDS = ['communication', 'regulation'] as const
export type ProfileKind = (typeof PROFILE_KINDS)[number]

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

export const ACCOMMODATION_CATEGORIES = ['presentation', 'response', 'setting', 'timing', 'regulation', 'communication'] as const
export type AccommodationCategory = (typeof ACCOMMODATION_CATEGORIES)[number]

export const PROMPT_LEVELS = ['independent', 'gestural', 'verbal', 'visual', 'model', 'physical'] as const
export type PromptLevel = (typeof PROMPT_LEVELS)[number]

export const REGULATION_STATES = ['calm', 'uneasy', 'dysregulated'] as const
export type RegulationState = (typeof REGULATION_STATES)[number]

export const TRIAL_RESULTS = ['independent', 'prompted', 'incorrect'] as const
export type TrialResult = (typeof TRIAL_RESULTS)[number]

/** How long one session of a service may be, in minutes: the bounds a form's field and the schema share. */
export const SESSION_MINUTES = { min: 1, max: 240 } as const
