import { z } from '../zod.ts'
import { languageSchema } from './language.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { TEAM_ROLES } from '../roles.ts'
import { textSchema } from './text.ts'
import { auth } from '../i18n/en/auth.ts'

addSections({ auth })

const emailRequired = () => t('auth.emailRequired')

export const emailSchema = z
  .string({ error: emailRequired })
  .trim()
  .toLowerCase()
  .min(1, { error: emailRequired })
  .max(254, { error: () => t('auth.emailTooLong') })
  .pipe(z.email({ error: () => t('auth.emailInvalid') }))

export const MIN_PASSWORD_LENGTH = 10

export const newPasswordSchema = z
  .string({ error: () => t('auth.passwordChoose') })
  .min(MIN_PASSWORD_LENGTH, { error: () => t('auth.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) })
  .max(200, { error: () => t('auth.passwordTooLong') })

const passwordRequired = () => t('auth.passwordRequired')

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: passwordRequired }).min(1, { error: passwordRequired }).max(200),
})

/** The sign-in page's form: the credentials, and the page to go back to afterwards. */
export const signInFormSchema = signInSchema.extend({ redirectTo: z.string().optional() })

const nameRequired = () => t('auth.nameRequired')

export const personNameSchema = textSchema(() => t('auth.nameLabel'), 'one-line', { error: nameRequired })
  .min(1, { error: nameRequired })
  .max(100, { error: () => t('auth.nameTooLong') })

export const acceptInviteNewAccountSchema = z.object({
  name: personNameSchema,
  password: newPasswordSchema,
  language: languageSchema,
})

/** The invite page's forms: which one was sent, then its own fields (the email is the invite's, never the form's). */
export const INVITE_INTENTS = ['join', 'sign-in', 'create'] as const
export const inviteIntentSchema = z.object({ intent: z.enum(INVITE_INTENTS, { error: () => t('auth.unknownAction') }) })
export const inviteSignInFormSchema = signInSchema.pick({ password: true })

export const teamRoleSchema = z.enum(TEAM_ROLES, {
  error: () => t('auth.roleRequired'),
})
