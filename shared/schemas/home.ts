import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { markSeenSchema } from './notifications.ts'
import { home } from '../i18n/en/home.ts'

addSections({ home })

/** The home page's one form: "Mark as seen" on a notice, the notification input with the form's intent. */
export const markSeenFormSchema = markSeenSchema.extend({
  intent: z.literal('markSeen', { error: () => t('home.unknownAction') }),
})
