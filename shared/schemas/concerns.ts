import { z } from 'zod'
import { CONCERN_STATUSES, CONCERN_VISIBILITIES, LINK_KINDS, UPDATE_KINDS } from '../concerns.ts'
import { studentIdSchema } from './ids.ts'
import { idSchema, isoDateSchema } from './plan.ts'
import { textSchema, type TextKind } from './text.ts'

export const ISSUE_MAX = 1000
export const NOTE_MAX = 1000

const text = (label: string, max: number, kind: TextKind = 'multi-line') =>
  textSchema(label, kind, { error: `${label} must be text.` }).max(max, { error: `${label} must be at most ${max} characters.` })

export const concernLinkSchema = z.object({
  kind: z.enum(LINK_KINDS, { error: 'Choose a session record, an accommodation check or a progress point.' }),
  recordId: idSchema,
})
export type ConcernLinkInput = z.infer<typeof concernLinkSchema>

/** The fields a person writes; the same shape for a new concern and for an edit (which adds a version). */
export const concernFieldsSchema = z.object({
  date: isoDateSchema,
  issue: text('The issue', ISSUE_MAX).min(1, { error: 'Describe the issue.' }),
  personContacted: text('Person contacted', 200, 'one-line').default(''),
  response: text('Their response', NOTE_MAX).default(''),
  followUp: text('Follow-up needed', NOTE_MAX).default(''),
  status: z.enum(CONCERN_STATUSES, { error: 'Choose open, waiting for a response or resolved.' }),
})

export const createConcernSchema = concernFieldsSchema.extend({
  studentId: studentIdSchema,
  visibility: z.enum(CONCERN_VISIBILITIES, { error: 'Choose who can see this concern: the whole team or family only.' }),
  links: z.array(concernLinkSchema).max(50, { error: 'Link at most 50 records.' }).default([]),
})
export type CreateConcernInput = z.infer<typeof createConcernSchema>

export const concernRefSchema = z.object({ studentId: studentIdSchema, concernId: idSchema })

export const editConcernSchema = concernFieldsSchema.extend({ studentId: studentIdSchema, concernId: idSchema })
export type EditConcernInput = z.infer<typeof editConcernSchema>

export const addConcernUpdateSchema = z.object({
  studentId: studentIdSchema,
  concernId: idSchema,
  kind: z.enum(UPDATE_KINDS, { error: 'Choose a contact made or a response received.' }),
  date: isoDateSchema,
  person: text('Person', 200, 'one-line').default(''),
  text: text('The entry', NOTE_MAX).min(1, { error: 'Write what happened.' }),
})
export type AddConcernUpdateInput = z.infer<typeof addConcernUpdateSchema>

export const linkRecordsSchema = z.object({
  studentId: studentIdSchema,
  concernId: idSchema,
  links: z.array(concernLinkSchema).min(1, { error: 'Choose at least one record.' }).max(50),
})

export const escalateConcernSchema = z.object({
  studentId: studentIdSchema,
  concernId: idSchema,
  step: z.number({ error: 'Choose a step.' }).int().min(1, { error: 'Choose a step from 1 to 6.' }).max(6, { error: 'Choose a step from 1 to 6.' }),
  date: isoDateSchema,
  /** For a state complaint (step 5): the day it was filed; the 60-day decision date counts from it. */
  filedOn: isoDateSchema.optional(),
  note: text('Note', NOTE_MAX).default(''),
})
export type EscalateConcernInput = z.infer<typeof escalateConcernSchema>

export const DISPUTE_KINDS = ['session', 'check'] as const
export type DisputeKind = (typeof DISPUTE_KINDS)[number]

export const disputeRecordSchema = z.object({
  studentId: studentIdSchema,
  kind: z.enum(DISPUTE_KINDS, { error: 'Choose a session record or an accommodation check.' }),
  recordId: idSchema,
  comment: text('The comment', NOTE_MAX).min(1, { error: 'Say what is wrong with this record.' }),
})

export const withdrawDisputeSchema = z.object({
  studentId: studentIdSchema,
  kind: z.enum(DISPUTE_KINDS, { error: 'Choose a session record or an accommodation check.' }),
  recordId: idSchema,
  comment: text('The comment', NOTE_MAX).default(''),
})

/** The dispute forms of the session log and the accommodation records: flag a record, or withdraw the flag. */
export const disputeFormSchema = z.discriminatedUnion('intent', [
  // A comment left empty reaches the schema as "not given"; checked as "", it gets the schema's own sentence.
  disputeRecordSchema.omit({ studentId: true }).extend({ intent: z.literal('dispute'), comment: disputeRecordSchema.shape.comment.prefault('') }),
  withdrawDisputeSchema.omit({ studentId: true }).extend({ intent: z.literal('withdraw-dispute') }),
])
