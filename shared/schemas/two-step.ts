import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { normalizeCode, normalizeRecoveryCode } from '../two-step.ts'
import { twoStep } from '../i18n/en/twoStep.ts'

addSections({ twoStep })

const codeFormat = () => t('twoStep.codeFormat')
const recoveryFormat = () => t('twoStep.recoveryFormat')
const eitherRequired = () => t('twoStep.codeOrRecoveryRequired')
const passwordRequired = () => t('account.currentPasswordRequired')

/** A code from the authenticator app: six digits, spaces allowed. */
export const totpCodeSchema = z
  .string({ error: codeFormat })
  .max(20, { error: codeFormat })
  .refine((v) => normalizeCode(v) !== null, { error: codeFormat })

/** One of the ten recovery codes, as printed or typed (any case, dashes or not). */
export const recoveryCodeSchema = z
  .string({ error: recoveryFormat })
  .max(40, { error: recoveryFormat })
  .refine((v) => normalizeRecoveryCode(v) !== null, { error: recoveryFormat })

/** Either a code from the app or a recovery code, in one field (turning two-step sign-in off). */
export const codeOrRecoverySchema = z
  .string({ error: eitherRequired })
  .max(40, { error: eitherRequired })
  .refine((v) => normalizeCode(v) !== null || normalizeRecoveryCode(v) !== null, { error: eitherRequired })

export const confirmSetUpSchema = z.object({ code: totpCodeSchema })
export const renewRecoveryCodesSchema = z.object({ code: totpCodeSchema })
export const turnOffSchema = z.object({
  password: z.string({ error: passwordRequired }).min(1, { error: passwordRequired }).max(200),
  code: codeOrRecoverySchema,
})
export const schoolTwoStepSchema = z.object({ required: z.boolean() })

/** The second step of signing in: a code from the app, or a recovery code instead. */
export const secondStepFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('code'), code: totpCodeSchema }),
  z.object({ intent: z.literal('recovery'), recoveryCode: recoveryCodeSchema }),
])

/** The set-up page's forms. */
export const twoStepFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('begin') }),
  confirmSetUpSchema.extend({ intent: z.literal('confirm') }),
  turnOffSchema.extend({ intent: z.literal('off') }),
  renewRecoveryCodesSchema.extend({ intent: z.literal('renew') }),
])
export type TwoStepForm = z.output<typeof twoStepFormSchema>

/** The school page's two-step card: require it, or stop requiring it. */
export const schoolTwoStepFormSchema = z.object({ intent: z.literal('twoStep'), required: z.enum(['yes', 'no']) })
