import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { emailSchema, newPasswordSchema } from './auth.ts'
import { auth } from '../i18n/en/auth.ts'

addSections({ auth })

const currentRequired = () => t('account.currentPasswordRequired')
const currentPasswordSchema = z.string({ error: currentRequired }).min(1, { error: currentRequired }).max(200)

/** A new password typed twice; the same rules as choosing one when accepting an invite. */
export const newPasswordPairSchema = z
  .object({ password: newPasswordSchema, confirm: z.string().max(200).optional().default('') })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], error: () => t('account.passwordsDiffer') })

export const forgotPasswordSchema = z.object({ email: emailSchema })

export const resetPasswordSchema = newPasswordPairSchema

export const changePasswordSchema = z
  .object({ current: currentPasswordSchema, password: newPasswordSchema, confirm: z.string().max(200).optional().default('') })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], error: () => t('account.passwordsDiffer') })

export const changeEmailSchema = z.object({ email: emailSchema, current: currentPasswordSchema })

export const ACCOUNT_INTENTS = ['password', 'email', 'name', 'signOutDevice', 'signOutOthers'] as const
export const accountIntentSchema = z.object({ intent: z.enum(ACCOUNT_INTENTS, { error: () => t('auth.unknownAction') }) })
