import { z } from '../zod.ts'
import type { Catalogue } from '../i18n/en/index.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { CHECK_CHOICES } from '../accommodation-fidelity.ts'
import { TEAM_ROLES } from '../roles.ts'
import { ACCOMMODATION_CATEGORIES, GOAL_AREAS, OFFICIAL_TEXT_MAX, PLAIN_PART_MAX } from '../schemas/plan.ts'
import { isWithinDateRange } from '../schemas/dates.ts'
import { controlCharacterIn, type LazyText, readText, type TextKind } from '../schemas/text.ts'
import { DATE_MAX, DATE_MIN, isIsoDate, WEEKDAYS } from '../school-date.ts'
import { MISSED_REASONS } from '../services.ts'
import { MANDATE_PERIODS } from '../service-periods.ts'
import { MINUTES_PER_PERIOD, SESSIONS_PER_PERIOD } from '../schemas/period-mandate.ts'
import { domain } from '../i18n/en/domain.ts'

addSections({ domain })

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
  if (value === undefined) return t('domain.planImport.nothing')
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ')

/** What a field expects, in the catalogue's words: read when a message is built, not when the schema is. */
const expects = (key: keyof Catalogue['domain']['planImport']['expects']) => () => t(`domain.planImport.expects.${key}`)

/** "missing: … expected" when absent, else `notKind` naming what was found. */
function missingOr(input: unknown, what: LazyText, notKind: () => string): string {
  return input === undefined ? t('domain.planImport.missing', { what: readText(what) }) : notKind()
}

/** "[1] is a list, not an object" — what was found where an object was expected. */
function notAnObject(value: unknown): string {
  if (value === null) return t('domain.planImport.nullNotObject')
  const kind = Array.isArray(value)
    ? t('domain.planImport.kindList')
    : typeof value === 'string'
      ? t('domain.planImport.kindText')
      : t('domain.planImport.kindOther', { type: typeof value })
  return t('domain.planImport.notAnObject', { value: showValue(value), kind })
}

const notText = (input: unknown, what: LazyText) => t('domain.planImport.notText', { value: showValue(input), what: readText(what) })
const tooLong = (input: unknown, max: number) => t('domain.planImport.tooManyCharacters', { length: String(input).length, max })

// Field builders ------------------------------------------------------------------------------------------

/** Control characters (NUL…) are refused in every text of a plan, as in the app's forms (shared/schemas/text.ts). */
function plainText(kind: TextKind) {
  return (ctx: z.core.ParsePayload<string>) => {
    const code = controlCharacterIn(ctx.value, kind)
    if (code) ctx.issues.push({ code: 'custom', input: ctx.value, message: t('domain.planImport.controlCharacter', { code }) })
  }
}

function text(what: LazyText, max: number, kind: TextKind = 'multi-line') {
  return z
    .string({ error: (iss) => missingOr(iss.input, what, () => notText(iss.input, what)) })
    .trim()
    .check(plainText(kind))
    .min(1, { error: () => t('domain.planImport.empty', { what: readText(what) }) })
    .max(max, { error: (iss) => tooLong(iss.input, max) })
}

function optionalText(what: LazyText, max: number) {
  return z
    .string({ error: (iss) => notText(iss.input, what) })
    .trim()
    .check(plainText('multi-line'))
    .max(max, { error: (iss) => tooLong(iss.input, max) })
    .optional()
}

export const planDateSchema = z
  .string({ error: (iss) => missingOr(iss.input, expects('date'), () => t('domain.planImport.notDate', { value: showValue(iss.input) })) })
  .refine(isIsoDate, { error: (iss) => t('domain.planImport.notRealDate', { value: showValue(iss.input) }), abort: true })
  // The app's one date range (shared/schemas/dates.ts): a plan dated 9999 would make every count walk forever.
  .refine(isWithinDateRange, { error: (iss) => t('domain.planImport.dateOutOfRange', { value: showValue(iss.input), min: DATE_MIN, max: DATE_MAX }) })

function wholeNumber(min: number, max: number, expected: LazyText) {
  const words = (input: unknown) => ({ value: showValue(input), expected: readText(expected) })
  return z
    .number({ error: (iss) => (iss.input === undefined ? t('domain.planImport.numberMissing', words(iss.input)) : t('domain.planImport.notNumber', words(iss.input))) })
    .int({ error: (iss) => t('domain.planImport.notWholeNumber', words(iss.input)) })
    .min(min, { error: (iss) => t('domain.planImport.outOfRange', words(iss.input)) })
    .max(max, { error: (iss) => t('domain.planImport.outOfRange', words(iss.input)) })
}

const minutes = wholeNumber(1, 240, expects('minutes'))

function oneOf<const T extends readonly [string, ...string[]]>(values: T, noun: LazyText, list = quoted(values)) {
  return z.enum(values, {
    error: (iss) => missingOr(iss.input, list, () => t('domain.planImport.notOneOf', { value: showValue(iss.input), noun: readText(noun), list })),
  })
}

export const weekdaySchema = oneOf(WEEKDAYS, expects('weekday'), '"mon"…"fri"')

function list<T extends z.ZodType>(item: T, what: LazyText, max: number) {
  return z
    .array(item, {
      error: (iss) =>
        iss.input === undefined
          ? t('domain.planImport.listMissing', { what: readText(what) })
          : t('domain.planImport.notList', { value: showValue(iss.input), what: readText(what) }),
    })
    .max(max, {
      error: (iss) =>
        t('domain.planImport.tooManyEntries', { entries: Array.isArray(iss.input) ? iss.input.length : t('domain.planImport.tooMany'), max }),
    })
}

/** A strict object whose refusals name the fields it does take. */
function record<S extends z.ZodRawShape>(shape: S, what: LazyText) {
  const fields = Object.keys(shape).join(', ')
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') {
        return t('domain.planImport.unknownFields', { count: iss.keys.length, keys: iss.keys.map((k) => `"${k}"`).join(', '), fields })
      }
      return missingOr(iss.input, what, () => t('domain.planImport.notAnObjectExpected', { found: notAnObject(iss.input), what: readText(what) }))
    },
  })
}

/** A union chosen by one field (`status`, `kind`), whose refusal names the values that field takes. */
function variants<const K extends string, const O extends readonly [z.ZodObject, ...z.ZodObject[]]>(
  key: K,
  values: readonly string[],
  noun: LazyText,
  what: LazyText,
  options: O,
) {
  return z.discriminatedUnion(key, options, {
    error: (iss) => {
      const input = iss.input
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        return missingOr(input, what, () => t('domain.planImport.notAnObjectExpected', { found: notAnObject(input), what: readText(what) }))
      }
      const value = (input as Record<string, unknown>)[key]
      return missingOr(value, quoted(values), () =>
        t('domain.planImport.notOneOf', { value: showValue(value), noun: readText(noun), list: quoted(values) }),
      )
    },
  })
}

// The parts of a plan ---------------------------------------------------------------------------------------

export const closureSchema = record({ date: planDateSchema, label: text(expects('closureLabel'), 80, 'one-line') }, expects('closure'))

export const schoolSchema = record(
  {
    name: text(expects('schoolName'), 200, 'one-line'),
    closures: list(closureSchema, expects('closures'), PLAN_LIMITS.closures).optional(),
  },
  expects('school'),
)

export const studentSchema = record(
  {
    externalId: text(expects('externalId'), 64, 'one-line').optional(),
    name: text(expects('studentName'), 120, 'one-line'),
    grade: wholeNumber(0, 12, expects('grade')).optional(),
  },
  expects('student'),
)

/** The IEP's own dates (docs/iep-calendar.md): optional, each of them, and the whole object too (added to plan@1 later). */
export const iepSchema = record(
  {
    startDate: planDateSchema.optional(),
    endDate: planDateSchema.optional(),
    annualReviewDate: planDateSchema.optional(),
    reevaluationDate: planDateSchema.optional(),
  },
  expects('iep'),
)

export const teamMemberSchema = record(
  {
    email: z
      .string({ error: (iss) => missingOr(iss.input, expects('email'), () => notText(iss.input, expects('email'))) })
      .trim()
      .toLowerCase()
      .max(254, { error: () => t('domain.planImport.tooLong', { what: t('domain.planImport.expects.emailOfMost') }) })
      .pipe(z.email({ error: (iss) => t('domain.planImport.notEmail', { value: showValue(iss.input) }) })),
    role: oneOf(TEAM_ROLES, expects('teamRole')),
  },
  expects('teamMember'),
)

export const goalSchema = record(
  {
    area: oneOf(GOAL_AREAS, expects('goalArea')),
    officialText: text(expects('officialText'), OFFICIAL_TEXT_MAX),
    plain: record(
      {
        means: text(expects('means'), PLAIN_PART_MAX),
        looksLike: text(expects('looksLike'), PLAIN_PART_MAX),
        adultsHelp: text(expects('adultsHelp'), PLAIN_PART_MAX),
        measure: text(expects('measure'), PLAIN_PART_MAX),
      },
      expects('plain'),
    ),
    baseline: text(expects('baseline'), 200, 'one-line'),
    target: text(expects('target'), 200, 'one-line'),
  },
  expects('goal'),
)

const APPLIES_KINDS = ['daily', 'weekdays', 'subject', 'tests'] as const

export const appliesSchema = variants('kind', APPLIES_KINDS, expects('kindOfDay'), expects('applies'), [
  record({ kind: z.literal('daily') }, expects('appliesDaily')),
  record(
    { kind: z.literal('weekdays'), days: list(weekdaySchema, expects('weekdays'), 5).min(1, { error: () => t('domain.planImport.empty', { what: t('domain.planImport.expects.someWeekday') }) }) },
    expects('appliesWeekdays'),
  ),
  record({ kind: z.literal('subject'), subject: text(expects('subject'), 100, 'one-line') }, expects('appliesSubject')),
  record({ kind: z.literal('tests') }, expects('appliesTests')),
])

export const accommodationSchema = record(
  {
    title: text(expects('title'), 120, 'one-line'),
    description: text(expects('description'), 1000),
    category: oneOf(ACCOMMODATION_CATEGORIES, expects('category')),
    applies: appliesSchema,
    startDate: planDateSchema.optional(),
  },
  expects('accommodation'),
)

/** Added to plan@1 (docs/import-format.md#services): a mandate per month or reporting period. All optional: absent is weekly. */
const periodFields = {
  per: oneOf(MANDATE_PERIODS, () => t('domain.periods.per')).optional(),
  sessionsPerPeriod: wholeNumber(SESSIONS_PER_PERIOD.min, SESSIONS_PER_PERIOD.max, () => t('domain.periods.sessionsPerPeriod')).optional(),
  minutesPerPeriod: wholeNumber(MINUTES_PER_PERIOD.min, MINUTES_PER_PERIOD.max, () => t('domain.periods.minutesPerPeriod')).optional(),
}

export const SERVICE_KEY = /^[a-z0-9][a-z0-9_-]{0,39}$/

export const serviceSchema = record(
  {
    key: z
      .string({ error: (iss) => missingOr(iss.input, expects('serviceKey'), () => notText(iss.input, expects('serviceKey'))) })
      .regex(SERVICE_KEY, { error: (iss) => t('domain.planImport.notServiceKey', { value: showValue(iss.input) }) }),
    name: text(expects('serviceName'), 120, 'one-line'),
    providerEmail: teamMemberSchema.shape.email,
    minutesPerSession: minutes,
    // Required (at least one) for a weekly service: validate.ts checks it once `per` is known.
    weekdays: list(weekdaySchema, expects('weekdays'), 5).optional(),
    setting: oneOf(['push-in', 'pull-out'], expects('setting')),
    group: z.boolean({ error: (iss) => missingOr(iss.input, expects('boolean'), () => t('domain.planImport.notBoolean', { value: showValue(iss.input) })) }),
    // Added in issue 15 (optional, so every earlier file stays valid): the group a group service gathers students in.
    groupName: text(expects('groupName'), 80, 'one-line').optional(),
    startDate: planDateSchema,
    endDate: planDateSchema,
    ...periodFields,
  },
  expects('service'),
)

export const SESSION_STATUSES = ['delivered', 'missed', 'make_up'] as const

const serviceRef = z
  .string({ error: (iss) => missingOr(iss.input, expects('serviceRef'), () => notText(iss.input, expects('serviceRef'))) })
  .min(1, { error: () => t('domain.planImport.empty', { what: t('domain.planImport.expects.serviceRef') }) })
  .max(40, { error: () => t('domain.planImport.tooLong', { what: t('domain.planImport.expects.serviceRef') }) })
const sessionNote = optionalText(expects('note'), 500)

export const sessionSchema = variants('status', SESSION_STATUSES, expects('sessionStatus'), expects('session'), [
  record({ service: serviceRef, date: planDateSchema, status: z.literal('delivered'), minutes, note: sessionNote }, expects('deliveredSession')),
  record(
    { service: serviceRef, date: planDateSchema, status: z.literal('missed'), reason: oneOf(MISSED_REASONS, expects('missedReason')), note: sessionNote },
    expects('missedSession'),
  ),
  record({ service: serviceRef, date: planDateSchema, status: z.literal('make_up'), minutes, repays: planDateSchema, note: sessionNote }, expects('makeUpSession')),
])

export const accommodationCheckSchema = record(
  {
    accommodation: z
      .string({ error: (iss) => missingOr(iss.input, expects('accommodationRef'), () => notText(iss.input, expects('accommodationRef'))) })
      .trim()
      .min(1, { error: () => t('domain.planImport.empty', { what: t('domain.planImport.expects.accommodationRef') }) })
      .max(120, { error: () => t('domain.planImport.tooLong', { what: t('domain.planImport.expects.accommodationRef') }) }),
    date: planDateSchema,
    status: oneOf(CHECK_CHOICES, expects('checkStatus')),
    reason: optionalText(expects('reason'), 300),
  },
  expects('accommodationCheck'),
)

export const planSchema = record(
  {
    format: z.literal(PLAN_FORMAT, {
      error: (iss) => missingOr(iss.input, `"${PLAN_FORMAT}"`, () => t('domain.planImport.notFormat', { value: showValue(iss.input), format: PLAN_FORMAT })),
    }),
    school: schoolSchema,
    student: studentSchema,
    iep: iepSchema.optional(),
    team: list(teamMemberSchema, expects('teamMembers'), PLAN_LIMITS.team).optional(),
    goals: list(goalSchema, expects('goals'), PLAN_LIMITS.goals).optional(),
    accommodations: list(accommodationSchema, expects('accommodations'), PLAN_LIMITS.accommodations).optional(),
    services: list(serviceSchema, expects('services'), PLAN_LIMITS.services).optional(),
    sessions: list(sessionSchema, expects('sessions'), PLAN_LIMITS.sessions).optional(),
    accommodationChecks: list(accommodationCheckSchema, expects('accommodationChecks'), PLAN_LIMITS.accommodationChecks).optional(),
  },
  () => t('domain.planImport.planObject', { format: PLAN_FORMAT }),
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
  /** Null when the file has no IEP dates: the import then sets none. */
  iep: PlanFile['iep'] | null
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
    iep: file.iep ?? null,
    team: file.team ?? [],
    goals: file.goals ?? [],
    accommodations: file.accommodations ?? [],
    services: file.services ?? [],
    sessions: file.sessions ?? [],
    accommodationChecks: file.accommodationChecks ?? [],
  }
}
