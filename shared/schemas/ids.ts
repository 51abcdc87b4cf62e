import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { domain } from '../i18n/en/domain.ts'

addSections({ domain })

export const studentIdSchema = z
  .string({ error: () => t('domain.ids.studentRequired') })
  .min(1, { error: () => t('domain.ids.studentRequired') })
  .max(64, { error: () => t('domain.ids.studentInvalid') })
