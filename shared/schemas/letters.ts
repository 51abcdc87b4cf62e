import { z } from '../zod.ts'
import { BY_HAND_CHANNELS, LETTER_BODY_MAX, MAX_RECIPIENTS } from '../letters-sent.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { studentIdSchema } from './ids.ts'
import { idSchema, isoDateSchema } from './plan.ts'
import { letters } from '../i18n/en/letters.ts'

addSections({ letters })

export const LETTER_SUBJECT_MAX = 200
export const LETTER_NOTE_MAX = 1000

const ref = { studentId: studentIdSchema, concernId: idSchema }

const subject = z
  .string({ error: () => t('letters.subjectRequired') })
  .trim()
  .min(1, { error: () => t('letters.subjectRequired') })
  .max(LETTER_SUBJECT_MAX, { error: () => t('letters.subjectTooLong', { max: LETTER_SUBJECT_MAX }) })
const body = z
  .string({ error: () => t('letters.bodyRequired') })
  .trim()
  .min(1, { error: () => t('letters.bodyRequired') })
  .max(LETTER_BODY_MAX, { error: () => t('letters.bodyTooLong', { max: LETTER_BODY_MAX }) })
const note = z
  .string()
  .trim()
  .max(LETTER_NOTE_MAX, { error: () => t('letters.noteTooLong', { max: LETTER_NOTE_MAX }) })
  .default('')

/** A typed address: one plain address, no display names or lists (they would change the message's headers). */
const address = z
  .string()
  .trim()
  .max(254)
  .refine((a) => /^[^\s@<>,;"]+@[^\s@<>,;".]+(\.[^\s@<>,;".]+)+$/.test(a), { error: (issue) => t('letters.badAddress', { address: String(issue.input).slice(0, 80) }) })

/** "Send by email": team members chosen by id and/or typed addresses, at most MAX_RECIPIENTS in all. */
export const sendLetterSchema = z
  .object({
    ...ref,
    recipientUserIds: z.array(idSchema).max(MAX_RECIPIENTS, { error: () => t('letters.tooManyRecipients', { max: MAX_RECIPIENTS }) }).default([]),
    otherEmails: z.array(address).max(MAX_RECIPIENTS, { error: () => t('letters.tooManyRecipients', { max: MAX_RECIPIENTS }) }).default([]),
    subject,
    body,
    responseDueOn: isoDateSchema.optional(),
  })
  .refine((v) => v.recipientUserIds.length + v.otherEmails.length > 0, { error: () => t('letters.noRecipients'), path: ['recipientUserIds'] })
  .refine((v) => v.recipientUserIds.length + v.otherEmails.length <= MAX_RECIPIENTS, { error: () => t('letters.tooManyRecipients', { max: MAX_RECIPIENTS }), path: ['otherEmails'] })
export type SendLetterInput = z.infer<typeof sendLetterSchema>

/** "Mark as sent by hand": when, how, to whom (in words), and the letter as sent. */
export const markLetterSentSchema = z.object({
  ...ref,
  sentOn: isoDateSchema,
  channel: z.enum(BY_HAND_CHANNELS, { error: () => t('letters.channelRequired') }),
  channelNote: note,
  sentTo: z.string().trim().max(200, { error: () => t('letters.noteTooLong', { max: 200 }) }).default(''),
  subject: z.string().trim().max(LETTER_SUBJECT_MAX, { error: () => t('letters.subjectTooLong', { max: LETTER_SUBJECT_MAX }) }).default(''),
  body,
  responseDueOn: isoDateSchema.optional(),
})
export type MarkLetterSentInput = z.infer<typeof markLetterSentSchema>

export const recordLetterResponseSchema = z.object({
  ...ref,
  letterId: idSchema,
  receivedOn: isoDateSchema,
  note,
})
export type RecordLetterResponseInput = z.infer<typeof recordLetterResponseSchema>
