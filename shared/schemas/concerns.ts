import { z } from '../zod.ts'
import { languageSchema } from './language.ts'
import { CONCERN_STATUSES, CONCERN_VISIBILITIES, LINK_KINDS, UPDATE_KINDS } from '../concerns.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { AGREEMENT_KINDS } from '../agreements.ts'
import { studentIdSchema } from './ids.ts'
import { idSchema, isoDateSchema } from './plan.ts'
import { readText, textSchema, type LazyText, type TextKind } from './text.ts'
import { concerns } from '../i18n/en/concerns.ts'
import { sessions } from '../i18n/en/sessions.ts'

addSections({ concerns, sessions })

export const ISSUE_MAX = 1000
export const NOTE_MAX = 1000

const text = (label: LazyText, max: number, kind: TextKind = 'multi-line', required?: LazyText) =>
  textSchema(label, kind, { error: required ?? (() => t('concerns.mustBeText', { label: readText(label) })) }).max(max, {
    error: () => t('concerns.tooLong', { label: readText(label), max }),
  })

/** A field a person must fill: a form sends "" as "not given", so the missing value gets the same message as an empty one. */
const requiredText = (label: LazyText, max: number, required: () => string) => text(label, max, 'multi-line', required).min(1, { error: required })

export const concernLinkSchema = z.object({
  kind: z.enum(LINK_KINDS, { error: () => t('concerns.linkKindRequired') }),
  recordId: idSchema,
})
export type ConcernLinkInput = z.infer<typeof concernLinkSchema>

/** The fields a person writes; the same shape for a new concern and for an edit (which adds a version). */
export const concernFieldsSchema = z.object({
  date: isoDateSchema,
  issue: requiredText(() => t('concerns.issueLabel'), ISSUE_MAX, () => t('concerns.issueRequired')),
  personContacted: text(() => t('concerns.personContactedLabel'), 200, 'one-line').default(''),
  response: text(() => t('concerns.responseLabel'), NOTE_MAX).default(''),
  followUp: text(() => t('concerns.followUpLabel'), NOTE_MAX).default(''),
  status: z.enum(CONCERN_STATUSES, { error: () => t('concerns.statusRequired') }),
})

export const createConcernSchema = concernFieldsSchema.extend({
  studentId: studentIdSchema,
  visibility: z.enum(CONCERN_VISIBILITIES, { error: () => t('concerns.visibilityRequired') }),
  links: z.array(concernLinkSchema).max(50, { error: () => t('concerns.linksTooMany') }).default([]),
})
export type CreateConcernInput = z.infer<typeof createConcernSchema>

export const concernRefSchema = z.object({ studentId: studentIdSchema, concernId: idSchema })

export const editConcernSchema = concernFieldsSchema.extend({ studentId: studentIdSchema, concernId: idSchema })
export type EditConcernInput = z.infer<typeof editConcernSchema>

export const addConcernUpdateSchema = z.object({
  studentId: studentIdSchema,
  concernId: idSchema,
  kind: z.enum(UPDATE_KINDS, { error: () => t('concerns.updateKindRequired') }),
  date: isoDateSchema,
  person: text(() => t('concerns.personLabel'), 200, 'one-line').default(''),
  text: requiredText(() => t('concerns.entryLabel'), NOTE_MAX, () => t('concerns.entryRequired')),
})
export type AddConcernUpdateInput = z.infer<typeof addConcernUpdateSchema>

export const linkRecordsSchema = z.object({
  studentId: studentIdSchema,
  concernId: idSchema,
  links: z.array(concernLinkSchema).min(1, { error: () => t('concerns.linksRequired') }).max(50),
})

const stepRange = () => t('concerns.stepRange')

export const escalateConcernSchema = z.object({
  studentId: studentIdSchema,
  concernId: idSchema,
  step: z.number({ error: () => t('concerns.stepRequired') }).int().min(1, { error: stepRange }).max(6, { error: stepRange }),
  date: isoDateSchema,
  /** For a state complaint (step 5): the day it was filed; the 60-day decision date counts from it. */
  filedOn: isoDateSchema.optional(),
  note: text(() => t('concerns.noteLabel'), NOTE_MAX).default(''),
})
export type EscalateConcernInput = z.infer<typeof escalateConcernSchema>

/** Taking back the latest step: `step` names the step the person saw, so a second tap does not take back another. */
export const takeBackStepSchema = z.object({
  studentId: studentIdSchema,
  concernId: idSchema,
  step: escalateConcernSchema.shape.step,
  note: text(() => t('concerns.noteLabel'), NOTE_MAX).default(''),
})
export type TakeBackStepInput = z.infer<typeof takeBackStepSchema>

// Agreements (docs/domain.md#agreements) and sharing a family-only concern.

/** How far ahead of the agreement an item may fall due: two years covers compensatory sessions spread over a year. */
export const ITEM_DUE_MAX_DAYS = 730
export const ITEM_WHAT_MAX = 500

export const recordAgreementSchema = z.object({ studentId: studentIdSchema, concernId: idSchema, agreedOn: isoDateSchema })
export type RecordAgreementInput = z.infer<typeof recordAgreementSchema>

export const addAgreementItemSchema = z.object({
  studentId: studentIdSchema,
  concernId: idSchema,
  kind: z.enum(AGREEMENT_KINDS, { error: () => t('concerns.agreement.kindRequired') }),
  what: requiredText(() => t('concerns.agreement.whatLabel'), ITEM_WHAT_MAX, () => t('concerns.agreement.whatRequired')),
  /** A team member who does it, or `whoText` for someone not on the team; one of the two. */
  whoUserId: idSchema.optional(),
  whoText: text(() => t('concerns.agreement.whoTextLabel'), 200, 'one-line').default(''),
  dueOn: isoDateSchema,
})
export type AddAgreementItemInput = z.infer<typeof addAgreementItemSchema>

export const markItemDoneSchema = z.object({ studentId: studentIdSchema, concernId: idSchema, itemId: idSchema })

export const shareConcernSchema = concernRefSchema

// The forms of the concern pages: the inputs above without the ids the address carries.

/**
 * A record chosen in the picker: its checkbox's value "session:abc" is the link { kind: 'session', recordId: 'abc' }.
 * The list then goes through the input's own links rule, so the form and the API refuse the same things.
 */
const linkChoiceSchema = z.string().transform((value) => {
  const at = value.indexOf(':')
  return at < 0 ? { kind: '', recordId: value } : { kind: value.slice(0, at), recordId: value.slice(at + 1) }
})

const ids = { studentId: true, concernId: true } as const

export const newConcernFormSchema = createConcernSchema
  .omit({ studentId: true })
  .extend({ links: z.array(linkChoiceSchema).pipe(createConcernSchema.shape.links.unwrap()) })

/** Which of the concern page's forms was sent; each then has its own schema below. */
export const CONCERN_INTENTS = ['update', 'escalate', 'edit', 'link', 'takeBack', 'agree', 'addItem', 'itemDone', 'share'] as const
export type ConcernIntent = (typeof CONCERN_INTENTS)[number]
export const concernIntentSchema = z.object({ intent: z.enum(CONCERN_INTENTS, { error: () => t('concerns.unknownAction') }) })

export const concernPageFormSchemas = {
  update: addConcernUpdateSchema.omit(ids),
  escalate: escalateConcernSchema.omit(ids),
  edit: editConcernSchema.omit(ids),
  link: linkRecordsSchema.omit(ids).extend({ links: z.array(linkChoiceSchema).pipe(linkRecordsSchema.shape.links) }),
  takeBack: takeBackStepSchema.omit(ids),
  agree: recordAgreementSchema.omit(ids),
  // "" in the team-member choice means "someone not on the team" (written in whoText).
  addItem: addAgreementItemSchema.omit(ids).extend({ whoUserId: z.union([z.literal(''), idSchema]).optional().transform((v) => (v ? v : undefined)) }),
  itemDone: markItemDoneSchema.omit(ids),
  share: z.object({}),
} as const satisfies Record<ConcernIntent, z.ZodType>

/** The letter page's own form, sent in its address: draft the letter, with these family-only entries ticked. */
export const concernLetterQuerySchema = z.object({
  draft: z.string().optional(),
  include: z.array(idSchema).max(200).default([]),
  /** The letter's language (docs/languages.md): the reader's own when not chosen. */
  language: languageSchema.optional(),
})

export const DISPUTE_KINDS = ['session', 'check'] as const
export type DisputeKind = (typeof DISPUTE_KINDS)[number]

export const disputeRecordSchema = z.object({
  studentId: studentIdSchema,
  kind: z.enum(DISPUTE_KINDS, { error: () => t('sessions.disputeKind') }),
  recordId: idSchema,
  comment: text(() => t('sessions.disputeCommentLabel'), NOTE_MAX).min(1, { error: () => t('sessions.disputeCommentRequired') }),
})

export const withdrawDisputeSchema = z.object({
  studentId: studentIdSchema,
  kind: z.enum(DISPUTE_KINDS, { error: () => t('sessions.disputeKind') }),
  recordId: idSchema,
  comment: text(() => t('sessions.disputeCommentLabel'), NOTE_MAX).default(''),
})

/** The dispute forms of the session log and the accommodation records: flag a record, or withdraw the flag. */
export const disputeFormSchema = z.discriminatedUnion('intent', [
  // A comment left empty reaches the schema as "not given"; checked as "", it gets the schema's own sentence.
  disputeRecordSchema.omit({ studentId: true }).extend({ intent: z.literal('dispute'), comment: disputeRecordSchema.shape.comment.prefault('') }),
  withdrawDisputeSchema.omit({ studentId: true }).extend({ intent: z.literal('withdraw-dispute') }),
])
