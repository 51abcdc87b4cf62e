import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Alert } from '#app/components/alert.tsx'
import { NewPasswordFields } from './new-password-fields.tsx'
import { TwoStepCard } from './two-step-card.tsx'
import { Button } from '#app/components/button.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { parseForm } from '#app/utils/parse-form.ts'
import { t as translate } from '#shared/i18n/i18n.ts'
import { accountIntentSchema, changeEmailSchema, changePasswordSchema } from '#shared/schemas/account.ts'

export async function loader({ context }: LoaderFunctionArgs) {
  const user = context.auth.user
  if (!user) throw redirect('/sign-in?redirectTo=/account')
  const { on, recoveryCodesLeft, required } = await context.trpc.twoStep.status()
  return { name: user.name, email: user.email, twoStep: { on, recoveryCodesLeft, required } }
}

type Intent = 'password' | 'email'
type ActionData = { intent: Intent | null; message: string; done?: boolean; fieldErrors: Record<string, string[] | undefined>; email?: string }

const REASONS = {
  wrong_password: () => translate('account.currentPasswordWrong'),
  same_email: () => translate('account.emailSameAsNow'),
  email_taken: () => translate('account.emailTaken'),
} as const

export async function action({ context, request }: ActionFunctionArgs) {
  if (!context.auth.user) throw redirect('/sign-in?redirectTo=/account')
  const form = await request.formData()
  const chosen = parseForm(form, accountIntentSchema)
  if (!chosen.ok) return { intent: null, message: translate('auth.unknownAction'), fieldErrors: {} } satisfies ActionData
  const { intent } = chosen.value
  if (intent === 'password') {
    const parsed = parseForm(form, changePasswordSchema)
    if (!parsed.ok) return { intent, ...parsed } satisfies ActionData
    const result = await context.account.changePassword(parsed.value.current, parsed.value.password)
    if (!result.ok) return { intent, message: REASONS[result.reason](), fieldErrors: {} } satisfies ActionData
    return { intent, message: translate('account.passwordChanged'), done: true, fieldErrors: {} } satisfies ActionData
  }
  const parsed = parseForm(form, changeEmailSchema)
  if (!parsed.ok) return { intent, ...parsed, email: String(form.get('email') ?? '').slice(0, 254) } satisfies ActionData
  const result = await context.account.requestEmailChange(parsed.value.email, parsed.value.current)
  if (!result.ok) return { intent, message: REASONS[result.reason](), fieldErrors: {}, email: parsed.value.email } satisfies ActionData
  return { intent, message: translate('account.emailLinkSent', { email: parsed.value.email }), done: true, fieldErrors: {} } satisfies ActionData
}

export default function Account() {
  const { t } = useTranslation()
  const { name, email, twoStep } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  const answer = (intent: Intent) =>
    actionData?.intent === intent && actionData.message ? (
      actionData.done ? (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">
          {actionData.message}
        </p>
      ) : (
        <Alert>{actionData.message}</Alert>
      )
    ) : null
  const passwordAnswer = answer('password')
  const emailAnswer = answer('email')
  const errors = (intent: Intent, field: string) => (actionData?.intent === intent ? actionData.fieldErrors[field] : undefined)
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t('account.heading')}</h1>
      <p>{t('account.signedInAs', { name, email })}</p>
      <p>
        <TextLink to="/account/notices">{t('digests.settings.title')}</TextLink>
      </p>
      <section aria-labelledby="password-heading">
        <Card>
          <h2 id="password-heading" className="mb-2 text-lg font-semibold">
            {t('account.passwordHeading')}
          </h2>
          <Form method="post" className="space-y-4" noValidate>
            {passwordAnswer}
            <p className="text-sm text-slate-600">{t('account.passwordIntro')}</p>
            <input type="hidden" name="intent" value="password" />
            <Field label={t('account.currentPassword')} name="current" type="password" autoComplete="current-password" errors={errors('password', 'current')} required />
            <NewPasswordFields errors={{ password: errors('password', 'password'), confirm: errors('password', 'confirm') }} />
            <Button type="submit" disabled={busy}>
              {t('account.passwordSave')}
            </Button>
          </Form>
        </Card>
      </section>
      <section aria-labelledby="email-heading">
        <Card>
          <h2 id="email-heading" className="mb-2 text-lg font-semibold">
            {t('account.emailHeading')}
          </h2>
          <Form method="post" className="space-y-4" noValidate>
            {emailAnswer}
            <p className="text-sm text-slate-600">{t('account.emailIntro')}</p>
            <input type="hidden" name="intent" value="email" />
            <Field
              label={t('account.newEmail')}
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={actionData?.intent === 'email' && !actionData.done ? actionData.email : undefined}
              errors={errors('email', 'email')}
              required
            />
            <Field label={t('account.currentPassword')} name="current" type="password" autoComplete="current-password" errors={errors('email', 'current')} required />
            <Button type="submit" disabled={busy}>
              {t('account.emailSave')}
            </Button>
          </Form>
        </Card>
      </section>
      <TwoStepCard {...twoStep} />
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: translate('common.titleSuffix', { title: translate('account.title') }) }]
