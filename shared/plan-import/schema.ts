import { z } from 'zod'
import { CHECK_STATUSES } from '../accommodation-fidelity.ts'
import { TEAM_ROLES } from '../roles.ts'
import { ACCOMMODATION_CATEGORIES, GOAL_AREAS, OFFICIAL_TEXT_MAX, PLAIN_PART_MAX } from '../schemas/plan.ts'
import { isWithinDateRange } from '../schemas/dates.ts'
import { controlCharacterIn, type TextKind } from '../schemas/text.ts'
import { DATE_MAX, DATE_MIN, isIsoDate, WEEKDAYS } from '../school-date.ts'
import { MISSED_REASONS } from '../services.ts'

/**
 * The `same-page/plan@1` import format (docs/formats.md#plan-import; field by field in docs/import-format.md). Every message reads
 * after its JSON path: `services[0].weekdays[2]: "fri day" is not a weekday: "mon"…"fri" expected`. Objects are
 * strict: an unknown field is almost always a typo, and ignoring it would drop data without a word.
 */

export const PLAN_FORMAT = 'same-page/plan@1'
/** The largest file the app accepts (bytes of UTF-8 text). */
export const PLAN_MAX_BYTES = 5 * 1024 * 1024

export const PLAN_LIMITS = {
  closures: 400,
  team: 50,
  goals: 100,
  accommodations: 100,
  services: 50,
  sessions: 20_000,
  accommodationChecks: 50_000,
} as const

/** A value as it appears in a message: JSON, cut short so one bad field cannot flood the list. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ')

/** "[1] is a list, not an object" — what was found where an object was expected. */
function notAnObject(value: unknown): string {
  if (value === null) return 'null is not an object'
  const kind = Array.isArray(value) ? 'a list' : typeof value === 'string' ? 'text' : `a ${typeof value}`
  return `${showValue(value)} is ${kind}, not an object`
}

// Field builders ------------------------------------------------------------------------------------------

/** Control characters (NUL…) are refused in every text of a plan, as in the app's forms (shared/schemas/text.ts). */
function plainText(kind: TextKind) {
  return (ctx: z.core.ParsePayload<string>) => {
    const code = controlCharacterIn(ctx.value, kind)
    if (code) ctx.issues.push({ code: 'custom', input: ctx.value, message: `contains the control character ${code}: plain text expected` })
  }
}

function text(what: string, max: number, kind: TextKind = 'multi-line') {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `missing: ${what} expected` : `${showValue(iss.input)} is not text: ${what} expected`) })
    .trim()
    .check(plainText(kind))
    .min(1, { error: `is empty: ${what} expected` })
    .max(max, { error: (iss) => `is ${String(iss.input).length} characters long: at most ${max} expected` })
}

function optionalText(what: string, max: number) {
  return z
    .string({ error: (iss) => `${showValue(iss.input)} is not text: ${what} expected` })
    .trim()
    .check(plainText('multi-line'))
    .max(max, { error: (iss) => `is ${String(iss.input).length} characters long: at most ${max} expected` })
    .optional()
}

export const planDateSchema = z
  .string({ error: (iss) => (iss.input === undefined ? 'missing: a date as YYYY-MM-DD expected' : `${showValue(iss.input)} is not a date: YYYY-MM-DD expected`) })
  .refine(isIsoDate, { error: (iss) => `${showValue(iss.input)} is not a real date: YYYY-MM-DD expected`, abort: true })
  // The app's one date range (shared/schemas/dates.ts): a plan dated 9999 would make every count walk forever.
  .refine(isWithinDateRange, { error: (iss) => `${showValue(iss.input)} is out of range: a date from ${DATE_MIN} to ${DATE_MAX} expected` })

function wholeNumber(min: number, max: number, expected: string) {
  return z
    .number({ error: (iss) => (iss.input === undefined ? `missing: ${expected}` : `${showValue(iss.input)} is not a number: ${expected}`) })
    .int({ error: (iss) => `${showValue(iss.input)} is not a whole number: ${expected}` })
    .min(min, { error: (iss) => `${showValue(iss.input)} is out of range: ${expected}` })
    .max(max, { error: (iss) => `${showValue(iss.input)} is out of range: ${expected}` })
}

const minutes = wholeNumber(1, 240, 'whole minutes 1–240 expected')

function oneOf<const T extends readonly [string, ...string[]]>(values: T, noun: string, list = quoted(values)) {
  return z.enum(values, {
    error: (iss) => (iss.input === undefined ? `missing: ${list} expected` : `${showValue(iss.input)} is not ${noun}: ${list} expected`),
  })
}

export const weekdaySchema = oneOf(WEEKDAYS, 'a weekday', '"mon"…"fri"')

function list<T extends z.ZodType>(item: T, what: string, max: number) {
  return z
    .array(item, { error: (iss) => (iss.input === undefined ? `missing: a list of ${what} expected` : `${showValue(iss.input)} is not a list: a list of ${what} expected`) })
    .max(max, { error: (iss) => `has ${Array.isArray(iss.input) ? iss.input.length : 'too many'} entries: at most ${max} expected` })
}

/** A strict object whose refusals name the fields it does take. */
function record<S extends z.ZodRawShape>(shape: S, what: string) {
  const fields = Object.keys(shape).join(', ')
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') {
        const keys = iss.keys.map((k) => `"${k}"`).join(', ')
        return `has ${iss.keys.length === 1 ? 'an unknown field' : 'unknown fields'} ${keys}: only ${fields} expected`
      }
      return iss.input === undefined ? `missing: ${what} expected` : `${notAnObject(iss.input)}: ${what} expected`
    },
  })
}

/** A union chosen by one field (`status`, `kind`), whose refusal names the values that field takes. */
function variants<const K extends string, const O extends readonly [z.ZodObject, ...z.ZodObject[]]>(
  key: K,
  values: readonly string[],
  noun: string,
  what: string,
  options: O,
) {
  return z.discriminatedUnion(key, options, {
    error: (iss) => {
      const input = iss.input
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        return input === undefined ? `missing: ${what} expected` : `${notAnObject(input)}: ${what} expected`
      }
      const value = (input as Record<string, unknown>)[key]
      return value === undefined ? `missing: ${quoted(values)} expected` : `${showValue(value)} is not ${noun}: ${quoted(values)} expected`
    },
  })
}

// The parts of a plan ---------------------------------------------------------------------------------------

export const closureSchema = record({ date: planDateSchema, label: text('a label such as "Thanksgiving"', 80, 'one-line') }, 'a closure { date, label }')

export const schoolSchema = record(
  {
    name: text('the school’s name', 200, 'one-line'),
    closures: list(closureSchema, 'closures { date, label }', PLAN_LIMITS.closures).optional(),
  },
  'the school { name, closures }',
)

export const studentSchema = record(
  {
    externalId: text('the student’s id in your other system', 64, 'one-line').optional(),
    name: text('the student’s full name', 120, 'one-line'),
    grade: wholeNumber(0, 12, 'a whole number 0–12 expected (0 for kindergarten)').optional(),
  },
  'the student { externalId, name, grade }',
)

export const teamMemberSchema = record(
  {
    email: z
      .string({ error: (iss) => (iss.input === undefined ? 'missing: an email address expected' : `${showValue(iss.input)} is not text: an email address expected`) })
      .trim()
      .toLowerCase()
      .max(254, { error: 'is too long: an email address of at most 254 characters expected' })
      .pipe(z.email({ error: (iss) => `${showValue(iss.input)} is not an email address: name@school.org expected` })),
    role: oneOf(TEAM_ROLES, 'a team role'),
  },
  'a team member { email, role }',
)

export const goalSchema = record(
  {
    area: oneOf(GOAL_AREAS, 'a goal area'),
    officialText: text('the goal as written in the IEP', OFFICIAL_TEXT_MAX),
    plain: record(
      {
        means: text('what the goal means, in plain words', PLAIN_PART_MAX),
        looksLike: text('what it looks like in class', PLAIN_PART_MAX),
        adultsHelp: text('how adults help', PLAIN_PART_MAX),
        measure: text('how it is measured', PLAIN_PART_MAX),
      },
      'the plain summary { means, looksLike, adultsHelp, measure }',
    ),
    baseline: text('the baseline', 200, 'one-line'),
    target: text('the target', 200, 'one-line'),
  },
  'a goal { area, officialText, plain, baseline, target }',
)

const APPLIES_KINDS = ['daily', 'weekdays', 'subject', 'tests'] as const

export const appliesSchema = variants('kind', APPLIES_KINDS, 'a kind of day', 'when it applies { kind }', [
  record({ kind: z.literal('daily') }, 'applies { kind: "daily" }'),
  record(
    { kind: z.literal('weekdays'), days: list(weekdaySchema, 'weekdays', 5).min(1, { error: 'is empty: at least one of "mon"…"fri" expected' }) },
    'applies { kind: "weekdays", days }',
  ),
  record({ kind: z.literal('subject'), subject: text('the subject or time of day', 100, 'one-line') }, 'applies { kind: "subject", subject }'),
  record({ kind: z.literal('tests') }, 'applies { kind: "tests" }'),
])

export const accommodationSchema = record(
  {
    title: text('a short title', 120, 'one-line'),
    description: text('a plain description', 1000),
    category: oneOf(ACCOMMODATION_CATEGORIES, 'a category'),
    applies: appliesSchema,
    startDate: planDateSchema.optional(),
  },
  'an accommodation { title, description, category, applies, startDate }',
)

export const SERVICE_KEY = /^[a-z0-9][a-z0-9_-]{0,39}$/

export const serviceSchema = record(
  {
    key: z
      .string({ error: (iss) => (iss.input === undefined ? 'missing: a short key such as "speech" expected' : `${showValue(iss.input)} is not text: a short key such as "speech" expected`) })
      .regex(SERVICE_KEY, { error: (iss) => `${showValue(iss.input)} is not a service key: lowercase letters, digits, "-" and "_" (at most 40) expected` }),
    name: text('the service’s name', 120, 'one-line'),
    providerEmail: teamMemberSchema.shape.email,
    minutesPerSession: minutes,
    weekdays: list(weekdaySchema, 'weekdays', 5).min(1, { error: 'is empty: at least one of "mon"…"fri" expected' }),
    setting: oneOf(['push-in', 'pull-out'], 'a setting'),
    group: z.boolean({ error: (iss) => (iss.input === undefined ? 'missing: true or false expected' : `${showValue(iss.input)} is not true or false: true or false expected`) }),
    startDate: planDateSchema,
    endDate: planDateSchema,
  },
  'a service { key, name, providerEmail, minutesPerSession, weekdays, setting, group, startDate, endDate }',
)

export const SESSION_STATUSES = ['delivered', 'missed', 'make_up'] as const

const serviceRef = z
  .string({ error: (iss) => (iss.input === undefined ? 'missing: a service key from "services" expected' : `${showValue(iss.input)} is not text: a service key from "services" expected`) })
  .min(1, { error: 'is empty: a service key from "services" expected' })
  .max(40, { error: 'is too long: a service key from "services" expected' })
const sessionNote = optionalText('a note', 500)

export const sessionSchema = variants('status', SESSION_STATUSES, 'a session status', 'a session { service, date, status, … }', [
  record({ service: serviceRef, date: planDateSchema, status: z.literal('delivered'), minutes, note: sessionNote }, 'a delivered session'),
  record(
    { service: serviceRef, date: planDateSchema, status: z.literal('missed'), reason: oneOf(MISSED_REASONS, 'a missed reason'), note: sessionNote },
    'a missed session',
  ),
  record({ service: serviceRef, date: planDateSchema, status: z.literal('make_up'), minutes, repays: planDateSchema, note: sessionNote }, 'a make-up session'),
])

export const accommodationCheckSchema = record(
  {
    accommodation: z
      .string({ error: (iss) => (iss.input === undefined ? 'missing: an accommodation title expected' : `${showValue(iss.input)} is not text: an accommodation title expected`) })
      .trim()
      .min(1, { error: 'is empty: an accommodation title expected' })
      .max(120, { error: 'is too long: an accommodation title expected' }),
    date: planDateSchema,
    status: oneOf(CHECK_STATUSES, 'a check status'),
    reason: optionalText('a short reason', 300),
  },
  'an accommodation check { accommodation, date, status, reason }',
)

export const planSchema = record(
  {
    format: z.literal(PLAN_FORMAT, {
      error: (iss) => (iss.input === undefined ? `missing: "${PLAN_FORMAT}" expected` : `${showValue(iss.input)} is not a supported format: "${PLAN_FORMAT}" expected`),
    }),
    school: schoolSchema,
    student: studentSchema,
    team: list(teamMemberSchema, 'team members', PLAN_LIMITS.team).optional(),
    goals: list(goalSchema, 'goals', PLAN_LIMITS.goals).optional(),
    accommodations: list(accommodationSchema, 'accommodations', PLAN_LIMITS.accommodations).optional(),
    services: list(serviceSchema, 'services', PLAN_LIMITS.services).optional(),
    sessions: list(sessionSchema, 'sessions', PLAN_LIMITS.sessions).optional(),
    accommodationChecks: list(accommodationCheckSchema, 'accommodation checks', PLAN_LIMITS.accommodationChecks).optional(),
  },
  `a ${PLAN_FORMAT} object`,
)

export type PlanFile = z.infer<typeof planSchema>
export type PlanClosure = z.infer<typeof closureSchema>
export type PlanTeamMember = z.infer<typeof teamMemberSchema>
export type PlanGoal = z.infer<typeof goalSchema>
export type PlanAccommodation = z.infer<typeof accommodationSchema>
export type PlanService = z.infer<typeof serviceSchema>
export type PlanSession = z.infer<typeof sessionSchema>
export type PlanAccommodationCheck = z.infer<typeof accommodationCheckSchema>

/** A validated plan with every optional list present (empty when the file leaves it out). */
export interface Plan {
  format: typeof PLAN_FORMAT
  school: { name: string; closures: PlanClosure[] }
  student: PlanFile['student']
  team: PlanTeamMember[]
  goals: PlanGoal[]
  accommodations: PlanAccommodation[]
  services: PlanService[]
  sessions: PlanSession[]
  accommodationChecks: PlanAccommodationCheck[]
}

export function normalizePlan(file: PlanFile): Plan {
  return {
    format: file.format,
    school: { name: file.school.name, closures: file.school.closures ?? [] },
    student: file.student,
    team: file.team ?? [],
    goals: file.goals ?? [],
    accommodations: file.accommodations ?? [],
    services: file.services ?? [],
    sessions: file.sessions ?? [],
    accommodationChecks: file.accommodationChecks ?? [],
  }
}
