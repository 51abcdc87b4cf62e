import { redirectDocument, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { NewPasswordFields } from './new-password-fields.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { parseForm } from '#app/utils/parse-form.ts'
import type { LinkStatus } from '#shared/account-links.ts'
import { t as translate } from '#shared/i18n/i18n.ts'
import { resetPasswordSchema } from '#shared/schemas/account.ts'

const REFUSALS: Record<Exclude<LinkStatus, 'valid'>, () => string> = {
  expired: () => translate('account.linkExpired'),
  used: () => translate('account.linkUsed'),
  invalid: () => translate('account.linkInvalid'),
}

export async function loader({ context, params }: LoaderFunctionArgs) {
  const status = await context.account.resetLinkStatus(params.token ?? '')
  return status === 'valid' ? { refused: null } : { refused: REFUSALS[status]() }
}

type ActionData = { message: string; refused?: boolean; fieldErrors: Record<string, string[] | undefined> }

export async function action({ context, params, request }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), resetPasswordSchema)
  if (!parsed.ok) return parsed satisfies ActionData
  const result = await context.account.resetPassword(params.token ?? '', parsed.value.password)
  if (!result.ok) return { message: REFUSALS[result.status](), refused: true, fieldErrors: {} } satisfies ActionData
  // Signed in at once with a fresh session (every older one just ended): the person has just proved they hold the
  // account's mailbox and chosen the password, as when an invite creates an account.
  const headers = new Headers()
  for (const cookie of await context.auth.startSession(result.userId, result.email, 'password_reset')) headers.append('Set-Cookie', cookie)
  // A whole document: the account's language may not be this page's (docs/languages.md).
  throw redirectDocument('/', { headers })
}

export default function ResetPassword() {
  const { t } = useTranslation()
  const { refused } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  const refusal = refused ?? (actionData?.refused ? actionData.message : null)
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t('account.resetHeading')}</h1>
      <Card>
        {refusal ? (
          <div className="space-y-4">
            <Alert>{refusal}</Alert>
            <Link to="/forgot-password" className="inline-flex min-h-11 items-center text-brand-800 underline">
              {t('account.askAgain')}
            </Link>
          </div>
        ) : (
          <Form method="post" className="space-y-4" noValidate>
            {actionData?.message ? <Alert>{actionData.message}</Alert> : null}
            <p>{t('account.resetIntro')}</p>
            <NewPasswordFields errors={{ password: actionData?.fieldErrors.password, confirm: actionData?.fieldErrors.confirm }} />
            <Button type="submit" disabled={busy} className="w-full">
              {t('account.resetSave')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: translate('common.titleSuffix', { title: translate('account.resetTitle') }) }]
