import { z } from '../zod.ts'
import { SESSION_MINUTES } from '../plan-terms.ts'
import { formatDay } from '../i18n/format.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { MISSED_REASONS } from '../services.ts'
import { mandateFields, mandateRules } from './period-mandate.ts'
import { studentIdSchema } from './ids.ts'
import { idSchema, isoDateSchema, weekdaySchema } from './plan.ts'
import { textSchema } from './text.ts'
import { services } from '../i18n/en/services.ts'

addSections({ services })

/** The minutes one session may have: the form's number field and the schema's message share these bounds. */
export { SESSION_MINUTES }
const minutesRange = () => t('services.formErrors.minutesRange', SESSION_MINUTES)

export const minutesSchema = z
  .number({ error: () => t('services.minutesNumber') })
  // A refine, not .int(): .int() stops the object's own checks, and the form must name every problem at once.
  .refine(Number.isInteger, { error: () => t('services.minutesWhole') })
  .min(SESSION_MINUTES.min, { error: minutesRange })
  .max(SESSION_MINUTES.max, { error: minutesRange })

export const weekdaysSchema = z
  .array(weekdaySchema)
  .min(1, { error: () => t('services.weekdaysMin') })
  .max(5)
  .refine((days) => new Set(days).size === days.length, { error: () => t('services.weekdaysOnce') })

export const missedReasonSchema = z.enum(MISSED_REASONS, {
  error: () => t('services.missedReason', { reasons: MISSED_REASONS.join(', ') }),
})

const noteSchema = textSchema(() => t('services.noteLabel'), 'multi-line').max(500).optional()

/** The group a service delivered in a group gathers the student in (shared/group-sessions.ts); kept only for a group service. */
export const GROUP_NAME_MAX = 80
const groupNameSchema = textSchema(() => t('services.groups.nameLabel'), 'one-line').max(GROUP_NAME_MAX, {
  error: () => t('services.groups.nameTooLong', { max: GROUP_NAME_MAX }),
})

const serviceBase = z.object({
  // A name left empty reaches the schema as "not given": the same sentence either way.
  name: textSchema(() => t('services.nameLabel'), 'one-line', { error: () => t('services.nameRequired') })
    .min(1, { error: () => t('services.nameRequired') })
    .max(120),
  providerId: idSchema,
  minutesPerSession: minutesSchema,
  ...mandateFields,
  setting: z.enum(['push-in', 'pull-out'], { error: () => t('services.settingRequired') }),
  grouping: z.enum(['group', 'individual'], { error: () => t('services.groupingRequired') }),
  groupName: groupNameSchema.optional(),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
})

function endsAfterStart<S extends z.ZodType<{ startDate: string; endDate: string }>>(schema: S) {
  return schema.refine((s) => s.endDate >= s.startDate, { error: () => t('services.endAfterStart'), path: ['endDate'] })
}

export const createServiceSchema = mandateRules(endsAfterStart(serviceBase.extend({ studentId: studentIdSchema })))

/** The new-service form: the student comes from the address, the rest as the procedure takes it. */
export const serviceFormSchema = mandateRules(endsAfterStart(serviceBase))

const amendBase = z.object({
  studentId: studentIdSchema,
  serviceId: idSchema,
  effectiveFrom: isoDateSchema,
  minutesPerSession: minutesSchema,
  ...mandateFields,
  note: textSchema(() => t('services.noteLabel'), 'multi-line').max(300).optional(),
})
export const amendServiceSchema = mandateRules(amendBase)

/** The amend form: the student and the service come from the address. */
export const amendServiceFormSchema = mandateRules(amendBase.omit({ studentId: true, serviceId: true }))

export const changeReason = textSchema(() => t('services.reasonLabel'), 'multi-line', { error: () => t('services.changeReasonRequired') })
  .min(1, { error: () => t('services.changeReasonRequired') })
  .max(300)

const sessionOf = { studentId: studentIdSchema, serviceId: idSchema, date: isoDateSchema, note: noteSchema }
const deliveredFields = { ...sessionOf, minutes: minutesSchema }
const missedFields = { ...sessionOf, reason: missedReasonSchema }
const makeUpFields = { ...sessionOf, minutes: minutesSchema, repaysDate: isoDateSchema }

/**
 * A make-up is held on a later day than the session it repays. The message goes on the date held, the field
 * to change; it is checked even when other fields are wrong, so the form shows every problem at once.
 */
function heldAfterSession<S extends z.ZodType<{ date: string; repaysDate: string }>>(schema: S) {
  return schema.refine((m) => m.date > m.repaysDate, {
    path: ['date'],
    when: ({ value }) => {
      const { date, repaysDate } = (value ?? {}) as { date?: unknown; repaysDate?: unknown }
      return isoDateSchema.safeParse(date).success && isoDateSchema.safeParse(repaysDate).success
    },
    error: (issue) => t('services.formErrors.makeUpAfterSession', { date: formatDay((issue.input as { repaysDate: string }).repaysDate) }),
  })
}

export const recordSessionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...deliveredFields, kind: z.literal('delivered') }),
    z.object({ ...missedFields, kind: z.literal('missed') }),
    heldAfterSession(z.object({ ...makeUpFields, kind: z.literal('make_up') })),
  ],
  { error: () => t('services.kindRequired') },
)
export type RecordSessionInput = z.infer<typeof recordSessionSchema>

export const correctSessionSchema = z.object({
  studentId: studentIdSchema,
  recordId: idSchema,
  kind: z.enum(['delivered', 'missed']).optional(),
  minutes: minutesSchema.optional(),
  reason: missedReasonSchema.optional(),
  note: noteSchema,
  changeReason,
})

export const voidSessionSchema = z.object({ studentId: studentIdSchema, recordId: idSchema, changeReason })

/**
 * The small session forms of the week post to one action; each names its intent, and its target (which form
 * asked, so the answer comes back to it). Each intent's fields are the procedure's own.
 */
const target = { target: z.string().default('') }
export const sessionFormSchema = z.discriminatedUnion('intent', [
  z.object({ ...deliveredFields, ...target, intent: z.literal('delivered') }),
  z.object({ ...missedFields, ...target, intent: z.literal('missed') }),
  heldAfterSession(z.object({ ...makeUpFields, ...target, intent: z.literal('make_up') })),
  // The correct form always shows the note: left empty, it clears the note rather than keeping the old one.
  correctSessionSchema.extend({ ...target, intent: z.literal('correct'), note: noteSchema.default('') }),
  voidSessionSchema.extend({ ...target, intent: z.literal('void') }),
])
export type SessionForm = z.infer<typeof sessionFormSchema>

export const weekSchema = z.object({ weekOf: isoDateSchema.optional() })
