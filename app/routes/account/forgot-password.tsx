import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { parseForm } from '#app/utils/parse-form.ts'
import { tooManyRequests, withRetryAfter } from '#app/utils/rate-limit.server.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { forgotPasswordSchema } from '#shared/schemas/account.ts'
import { tryAgainMessage } from '#shared/sign-in-throttle.ts'
import { auth } from '#shared/i18n/en/auth.ts'

addSections({ auth })

type ActionData = { message: string; sent?: boolean; fieldErrors: Record<string, string[] | undefined> }

export async function action({ context, request }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), forgotPasswordSchema)
  if (!parsed.ok) return parsed satisfies ActionData
  const wait = await context.account.requestPasswordReset(parsed.value.email)
  if (wait) return tooManyRequests<ActionData>({ message: tryAgainMessage(wait, 'requests'), fieldErrors: {} }, wait)
  // The same words whether or not the address has an account: the page tells no one who is signed up.
  return { message: translate('account.forgotSent'), sent: true, fieldErrors: {} } satisfies ActionData
}

export default function ForgotPassword() {
  const { t } = useTranslation()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t('account.forgotHeading')}</h1>
      <Card>
        {actionData?.sent ? (
          <p role="status">{actionData.message}</p>
        ) : (
          <Form method="post" className="space-y-4" noValidate>
            {actionData?.message ? <Alert>{actionData.message}</Alert> : null}
            <p>{t('account.forgotIntro')}</p>
            <Field label={t('auth.emailField')} name="email" type="email" autoComplete="email" errors={actionData?.fieldErrors.email} required />
            <Button type="submit" disabled={busy} className="w-full">
              {t('account.forgotSend')}
            </Button>
          </Form>
        )}
      </Card>
      <p>
        <Link to="/sign-in" className="inline-flex min-h-11 items-center text-brand-800 underline">
          {t('account.backToSignIn')}
        </Link>
      </p>
    </div>
  )
}

export const headers: HeadersFunction = withRetryAfter

export const meta: MetaFunction = () => [{ title: translate('common.titleSuffix', { title: translate('account.forgotTitle') }) }]
