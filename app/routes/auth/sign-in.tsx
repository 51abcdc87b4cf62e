import { data, redirect, redirectDocument, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { safeRedirect } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { signedInHeaders, tooManyRequests, withRetryAfter } from '#app/utils/rate-limit.server.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { signInFormSchema } from '#shared/schemas/auth.ts'
import { clearSessionEndedCookie, readSessionEnded } from '#server/http/session-status.server.ts'
import { SsoButtons } from '../sso/sso-buttons.tsx'
import { SECOND_STEP_PATH } from '#shared/two-step.ts'
import { auth } from '#shared/i18n/en/auth.ts'

addSections({ auth })

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (context.auth.user) throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo')))
  // Said once: a session that ended by its limits leaves a note for this page, which clears it.
  const ended = readSessionEnded(request.headers.get('cookie'))
  const ssoProviders = await context.sso.providers()
  if (!ended) return { ended: null, ssoProviders }
  return data({ ended, ssoProviders }, { headers: { 'Set-Cookie': clearSessionEndedCookie(new URL(request.url).protocol === 'https:') } })
}

type ActionData = { message: string; fieldErrors: Record<string, string[] | undefined>; email?: string }

export async function action({ context, request }: ActionFunctionArgs) {
  // A refused form stays on the page as typed; a refused sign-in keeps the email for the next try.
  const parsed = parseForm(await request.formData(), signInFormSchema)
  if (!parsed.ok) return parsed satisfies ActionData
  const { email, password, redirectTo } = parsed.value
  const result = await context.auth.signIn(email, password, safeRedirect(redirectTo))
  if (result.ok === 'second_step') throw redirect(SECOND_STEP_PATH, { headers: { 'Set-Cookie': result.setCookie } })
  if (!result.ok) {
    const body: ActionData = { message: result.message, fieldErrors: {}, email }
    // Too many tries from here: 429 with Retry-After, and the page says how long to wait.
    return result.retryAfter ? tooManyRequests(body, result.retryAfter) : body
  }
  // A whole document: the account's language may not be this page's, and the browser holds only this page's words.
  throw redirectDocument(safeRedirect(redirectTo), { headers: signedInHeaders(result) })
}

export default function SignIn() {
  const { t } = useTranslation()
  const actionData = useActionData<ActionData>()
  const { ended, ssoProviders } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const busy = useNavigation().state === 'submitting'
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t('auth.signInHeading')}</h1>
      <Card>
        <Form method="post" className="space-y-4" noValidate>
          {actionData?.message ? <Alert>{actionData.message}</Alert> : null}
          {ended && !actionData ? (
            <p role="status" className="rounded bg-amber-50 p-3 text-amber-950">
              {t(`session.ended.${ended}`)}
            </p>
          ) : null}
          <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
          <Field
            label={t('auth.emailField')}
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={actionData?.email}
            errors={actionData?.fieldErrors.email}
            required
          />
          <Field
            label={t('auth.passwordField')}
            name="password"
            type="password"
            autoComplete="current-password"
            errors={actionData?.fieldErrors.password}
            required
          />
          <Button type="submit" disabled={busy} className="w-full">
            {t('auth.signIn')}
          </Button>
        </Form>
        <p className="mt-4 text-sm">
          <Link to="/forgot-password" className="inline-flex min-h-11 items-center text-brand-800 underline">
            {t('account.forgotLink')}
          </Link>
        </p>
        <SsoButtons providers={ssoProviders} redirectTo={params.get('redirectTo') ?? '/'} />
      </Card>
      <p className="text-sm text-slate-600">{t('auth.newToTeam')}</p>
    </div>
  )
}

export const headers: HeadersFunction = withRetryAfter

export const meta: MetaFunction = () => [{ title: translate('common.titleSuffix', { title: translate('auth.signInTitle') }) }]
