import { z } from '../zod.ts'
import { NOTICE_CADENCES } from '../notice-cadence.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { studentIdSchema } from './team.ts'
import { notices } from '../i18n/en/notices.ts'

addSections({ notices })

const cadenceSchema = z.enum(NOTICE_CADENCES, { error: () => t('notices.cadence.invalid') })

/** One person's choice for one student: how they hear about misses and alerts outside the app. */
export const setCadenceSchema = z.object({ studentId: studentIdSchema, cadence: cadenceSchema })

/** The same choice from the emailed link, which already names the person and the student. */
export const linkCadenceSchema = z.object({ cadence: cadenceSchema })
