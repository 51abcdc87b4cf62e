import { z } from '../zod.ts'
import { t } from '../i18n/i18n.ts'
import { FAMILY_SESSION_DAYS, STAFF_IDLE_MINUTES } from '../session-limits.ts'

const wholeNumberIn = (bounds: { min: number; max: number }, message: () => string) =>
  z.coerce.number({ error: message }).int({ error: message }).min(bounds.min, { error: message }).max(bounds.max, { error: message })

/** One school's sign-in limits, as the admin sets them (the school comes with the procedure). */
export const sessionLimitsSchema = z.object({
  staffIdleMinutes: wholeNumberIn(STAFF_IDLE_MINUTES, () => t('session.limits.staffIdleRange', STAFF_IDLE_MINUTES)),
  familySessionDays: wholeNumberIn(FAMILY_SESSION_DAYS, () => t('session.limits.familyDaysRange', FAMILY_SESSION_DAYS)),
})

/** The account page's forms that concern this person's devices and name. */
export const deviceHandleSchema = z.object({ device: z.string().regex(/^[a-f0-9]{16}$/, { error: () => t('session.devices.unknown') }) })

export const changeNameSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: () => t('session.name.required') })
    .max(80, { error: () => t('session.name.tooLong') }),
})
