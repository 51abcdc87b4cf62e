import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { t as translate } from '#shared/i18n/i18n.ts'

const REFUSALS = {
  expired: () => translate('account.emailLinkExpired'),
  used: () => translate('account.emailLinkUsed'),
  invalid: () => translate('account.emailLinkInvalid'),
  email_taken: () => translate('account.emailTaken'),
} as const

type ActionData = { ok: boolean; message: string }

// Confirmed by a button, not by opening the link: mail scanners that follow links must not change an account.
export async function action({ context, params }: ActionFunctionArgs) {
  const result = await context.account.confirmEmailChange(params.token ?? '')
  return (result.ok ? { ok: true, message: translate('account.emailChanged', { email: result.email }) } : { ok: false, message: REFUSALS[result.status]() }) satisfies ActionData
}

export default function EmailConfirm() {
  const { t } = useTranslation()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t('account.emailConfirmTitle')}</h1>
      <Card>
        {actionData ? (
          <div className="space-y-4">
            {actionData.ok ? <p role="status">{actionData.message}</p> : <Alert>{actionData.message}</Alert>}
            <Link to="/account" className="inline-flex min-h-11 items-center text-brand-800 underline">
              {t('account.toAccount')}
            </Link>
          </div>
        ) : (
          <Form method="post">
            <Button type="submit" disabled={busy}>
              {t('account.mail.emailConfirmAction')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: translate('common.titleSuffix', { title: translate('account.emailConfirmTitle') }) }]
