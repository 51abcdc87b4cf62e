import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { SSO_LIMITS } from '../sso.ts'
import { textSchema } from './text.ts'
import { sso } from '../i18n/en/sso.ts'

addSections({ sso })

const tooLong = (field: () => string, max: number) => ({ error: () => t('sso.admin.tooLong', { field: field(), max }) })

/**
 * The issuer's form only; whether plain http is allowed depends on where the app runs, so the service checks that
 * (shared/sso.ts issuerProblem) and the form shows its answer beside the field.
 */
export const issuerSchema = textSchema(() => t('sso.admin.issuer'), 'one-line', { error: () => t('sso.admin.issuerRequired') })
  .min(1, { error: () => t('sso.admin.issuerRequired') })
  .max(SSO_LIMITS.issuer, tooLong(() => t('sso.admin.issuer'), SSO_LIMITS.issuer))

export const ssoClientIdSchema = textSchema(() => t('sso.admin.clientId'), 'one-line', { error: () => t('sso.admin.clientIdRequired') })
  .min(1, { error: () => t('sso.admin.clientIdRequired') })
  .max(SSO_LIMITS.clientId, tooLong(() => t('sso.admin.clientId'), SSO_LIMITS.clientId))

/** A school's provider as the admin saves it. No secret (or a blank one) keeps the secret already saved. */
export const ssoProviderSchema = z.object({
  label: textSchema(() => t('sso.admin.label'), 'one-line', { error: () => t('sso.admin.labelRequired') })
    .min(1, { error: () => t('sso.admin.labelRequired') })
    .max(SSO_LIMITS.label, tooLong(() => t('sso.admin.label'), SSO_LIMITS.label)),
  issuer: issuerSchema,
  clientId: ssoClientIdSchema,
  clientSecret: textSchema(() => t('sso.admin.clientSecret'), 'one-line')
    .max(SSO_LIMITS.clientSecret, tooLong(() => t('sso.admin.clientSecret'), SSO_LIMITS.clientSecret))
    .optional(),
})
export type SsoProviderInput = z.output<typeof ssoProviderSchema>

/** "Test the connection": the issuer as typed (saved or not) and the client id discovery is made for. */
export const ssoTestSchema = z.object({ issuer: issuerSchema, clientId: ssoClientIdSchema.optional() })

/** The sign-in methods page's forms. */
export const ssoFormSchema = z.discriminatedUnion('intent', [
  ssoProviderSchema.extend({ intent: z.literal('save') }),
  ssoTestSchema.extend({ intent: z.literal('test') }),
  z.object({ intent: z.literal('disable') }),
])
