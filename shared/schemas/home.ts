import { z } from 'zod'
import { t } from '../i18n/i18n.ts'
import { markSeenSchema } from './notifications.ts'

/** The home page's one form: "Mark as seen" on a notice, the notification input with the form's intent. */
export const markSeenFormSchema = markSeenSchema.extend({
  intent: z.literal('markSeen', { error: () => t('home.unknownAction') }),
})
