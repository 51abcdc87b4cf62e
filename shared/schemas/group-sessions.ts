import { z } from '../zod.ts'
import { GROUP_SIZE_MAX } from '../group-sessions.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { studentIdSchema } from './ids.ts'
import { idSchema, isoDateSchema } from './plan.ts'
import { minutesSchema, missedReasonSchema } from './services.ts'
import { sessions } from '../i18n/en/sessions.ts'

addSections({ sessions })

/** One student of the group as ticked: present (the box ticked), or absent with why. */
const attendanceSchema = z.object({
  studentId: studentIdSchema,
  present: z.boolean().default(false),
  reason: missedReasonSchema.optional(),
})

/**
 * A group session recorded once (docs/domain.md#group-sessions). The group is named by one of its services
 * (`studentId`, `serviceId`): the gate checks that one, the procedure each student named.
 */
export const recordGroupSessionSchema = z.object({
  studentId: studentIdSchema,
  serviceId: idSchema,
  date: isoDateSchema,
  minutes: minutesSchema,
  students: z
    .array(attendanceSchema)
    .min(1, { error: () => t('sessions.groups.studentsRequired') })
    .max(GROUP_SIZE_MAX, { error: () => t('sessions.groups.tooMany', { count: GROUP_SIZE_MAX }) }),
})
export type RecordGroupSessionInput = z.infer<typeof recordGroupSessionSchema>

/** The week's group form: the same fields, and the target its answer comes back to. */
export const groupSessionFormSchema = recordGroupSessionSchema.extend({ target: z.string().max(200).default('') })
