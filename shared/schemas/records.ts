import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { RECORDS_REQUEST_DAYS_MAX, RECORDS_REQUEST_DAYS_MIN } from '../records-requests.ts'
import { isoDateSchema } from './dates.ts'
import { idSchema } from './plan.ts'
import { textSchema } from './text.ts'
import { records } from '../i18n/en/records.ts'

addSections({ records })

export const REQUESTED_BY_MAX = 120
export const REQUEST_NOTE_MAX = 1000

/** A records request as the school admin logs it (docs/records.md#records-requests). */
export const logRequestFieldsSchema = z.object({
  studentId: idSchema,
  requestedBy: textSchema(() => t('records.requests.form.requestedBy'), 'one-line')
    .trim()
    .min(1, { error: () => t('records.requests.form.requestedByRequired') })
    .max(REQUESTED_BY_MAX, { error: () => t('records.requests.form.requestedByTooLong', { max: REQUESTED_BY_MAX }) }),
  receivedOn: isoDateSchema.prefault(''),
  note: textSchema(() => t('records.requests.form.note'), 'multi-line')
    .trim()
    .max(REQUEST_NOTE_MAX, { error: () => t('records.requests.form.noteTooLong', { max: REQUEST_NOTE_MAX }) })
    .prefault(''),
})

export const logRequestSchema = logRequestFieldsSchema
export const requestRefSchema = z.object({ requestId: idSchema })

export const requestDaysSchema = z.object({
  days: z.coerce
    .number({ error: () => t('records.requests.form.daysInvalid', { min: RECORDS_REQUEST_DAYS_MIN, max: RECORDS_REQUEST_DAYS_MAX }) })
    .int({ error: () => t('records.requests.form.daysInvalid', { min: RECORDS_REQUEST_DAYS_MIN, max: RECORDS_REQUEST_DAYS_MAX }) })
    .min(RECORDS_REQUEST_DAYS_MIN, { error: () => t('records.requests.form.daysInvalid', { min: RECORDS_REQUEST_DAYS_MIN, max: RECORDS_REQUEST_DAYS_MAX }) })
    .max(RECORDS_REQUEST_DAYS_MAX, { error: () => t('records.requests.form.daysInvalid', { min: RECORDS_REQUEST_DAYS_MIN, max: RECORDS_REQUEST_DAYS_MAX }) }),
})

export const exportRefSchema = z.object({ exportId: idSchema })

/** The records-requests page's forms, told apart by `intent`. */
export const recordsRequestsFormSchema = z.discriminatedUnion('intent', [
  logRequestFieldsSchema.extend({ intent: z.literal('log') }),
  requestRefSchema.extend({ intent: z.literal('fulfil') }),
  requestDaysSchema.extend({ intent: z.literal('days') }),
])
