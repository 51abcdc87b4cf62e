import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { home } from '../i18n/en/home.ts'

addSections({ home })

export const markSeenSchema = z.object({
  id: z
    .string({ error: () => t('home.notificationIdRequired') })
    .trim()
    .min(1, { error: () => t('home.notificationIdRequired') })
    .max(64, { error: () => t('home.notificationIdInvalid') }),
})

export const myNotificationsSchema = z.object({ unseen: z.boolean({ error: () => t('home.unseenTrueOrFalse') }).optional() }).optional()
