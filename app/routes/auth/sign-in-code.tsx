import { data, redirect, redirectDocument, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { safeRedirect } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { withRetryAfter } from '#app/utils/rate-limit.server.ts'
import { readChallengeCookie } from '#app/utils/two-step-gate.server.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { secondStepFormSchema } from '#shared/schemas/two-step.ts'
import { twoStep } from '#shared/i18n/en/twoStep.ts'

addSections({ twoStep })

// /sign-in/code: the second step of signing in (docs/two-step.md). The browser holds the challenge in a cookie for
// five minutes; without one there is nothing to answer, and the page says to sign in again.

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (context.auth.user) throw redirect('/')
  return { live: readChallengeCookie(request) !== null }
}

type ActionData = { message: string; fieldErrors: Record<string, string[] | undefined>; intent?: 'code' | 'recovery'; ended?: boolean }

export async function action({ context, request }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), secondStepFormSchema)
  if (!parsed.ok) return parsed satisfies ActionData
  const form = parsed.value
  const token = readChallengeCookie(request)
  const answer = form.intent === 'code' ? { kind: 'code' as const, value: form.code } : { kind: 'recovery' as const, value: form.recoveryCode }
  const result = await context.auth.answerSecondStep(token, answer)
  const headers = new Headers()
  for (const cookie of result.headers) headers.append('Set-Cookie', cookie)
  // A whole document: the account's language may not be this page's (docs/languages.md).
  if (result.ok) throw redirectDocument(safeRedirect(result.redirectTo), { headers })
  const body: ActionData = { message: result.message, fieldErrors: {}, intent: form.intent, ended: result.ended }
  // Too many failed tries from here (a wrong code counts like a wrong password): 429 with Retry-After.
  if (result.retryAfter) headers.set('Retry-After', String(result.retryAfter))
  return data(body, { status: result.retryAfter ? 429 : 200, headers })
}

export default function SignInCode() {
  const { t } = useTranslation()
  const { live } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  const ended = !live || actionData?.ended
  const errors = (field: string) => actionData?.fieldErrors[field]
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t('twoStep.codeHeading')}</h1>
      {ended ? (
        <Card>
          <Alert>{actionData?.message || t('twoStep.challengeGone')}</Alert>
          <p className="mt-4">
            <TextLink to="/sign-in">{t('twoStep.startAgain')}</TextLink>
          </p>
        </Card>
      ) : (
        <>
          <Card>
            <Form method="post" className="space-y-4" noValidate>
              {actionData?.message && actionData.intent !== 'recovery' ? <Alert>{actionData.message}</Alert> : null}
              <p className="text-slate-700">{t('twoStep.codeIntro')}</p>
              <input type="hidden" name="intent" value="code" />
              <Field
                label={t('twoStep.codeField')}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={20}
                hint={t('twoStep.codeHint')}
                errors={errors('code')}
                autoFocus
                required
              />
              <Button type="submit" disabled={busy} className="w-full">
                {t('twoStep.codeSubmit')}
              </Button>
            </Form>
          </Card>
          <section aria-labelledby="recovery-heading">
            <Card>
              <h2 id="recovery-heading" className="mb-2 text-lg font-semibold">
                {t('twoStep.useRecoveryHeading')}
              </h2>
              <Form method="post" className="space-y-4" noValidate>
                {actionData?.message && actionData.intent === 'recovery' ? <Alert>{actionData.message}</Alert> : null}
                <p className="text-sm text-slate-700">{t('twoStep.useRecoveryIntro')}</p>
                <input type="hidden" name="intent" value="recovery" />
                <Field
                  label={t('twoStep.recoveryField')}
                  name="recoveryCode"
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  maxLength={40}
                  hint={t('twoStep.recoveryHint')}
                  errors={errors('recoveryCode')}
                  required
                />
                <Button type="submit" variant="secondary" disabled={busy}>
                  {t('twoStep.recoverySubmit')}
                </Button>
              </Form>
            </Card>
          </section>
        </>
      )}
    </div>
  )
}

export const headers: HeadersFunction = withRetryAfter

export const meta: MetaFunction = () => [{ title: translate('common.titleSuffix', { title: translate('twoStep.codeTitle') }) }]
