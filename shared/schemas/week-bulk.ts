import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { isoDateSchema } from './plan.ts'
import { sessions } from '../i18n/en/sessions.ts'

addSections({ sessions })

/** A week has at most five days of a caseload's sessions; 500 is far above any real week and still bounded. */
export const MAX_BULK_SESSIONS = 500

/** The week's confirmation: the week, and the sessions listed on it ("serviceId:date"), as sent back. */
export const recordWeekSchema = z.object({
  weekOf: isoDateSchema,
  sessions: z
    .array(z.string().min(1).max(100))
    .min(1, { error: () => t('sessions.weekBulk.nothingToRecord') })
    .max(MAX_BULK_SESSIONS, { error: () => t('sessions.weekBulk.tooMany', { max: MAX_BULK_SESSIONS }) }),
})

export type RecordWeekInput = z.infer<typeof recordWeekSchema>
