import { useTranslation } from '#app/utils/use-translation.ts'
import { Field } from '#app/components/field.tsx'
import { MIN_PASSWORD_LENGTH } from '#shared/schemas/auth.ts'

/**
 * A new password and its confirmation, as the reset link and the account page both ask for them: `password` and
 * `confirm`, so browsers' password managers offer to save the new one.
 */
export function NewPasswordFields({ errors }: { errors: { password?: string[]; confirm?: string[] } }) {
  const { t } = useTranslation()
  return (
    <>
      <Field
        label={t('account.newPassword')}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t('account.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        errors={errors.password}
        required
      />
      <Field label={t('account.confirmPassword')} name="confirm" type="password" autoComplete="new-password" errors={errors.confirm} required />
    </>
  )
}
