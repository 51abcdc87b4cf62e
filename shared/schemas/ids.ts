import { z } from 'zod'
import { t } from '../i18n/i18n.ts'

export const studentIdSchema = z
  .string({ error: () => t('domain.ids.studentRequired') })
  .min(1, { error: () => t('domain.ids.studentRequired') })
  .max(64, { error: () => t('domain.ids.studentInvalid') })
