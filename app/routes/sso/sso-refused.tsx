import { data } from '@remix-run/node'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Card } from '#app/components/card.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { sso } from '#shared/i18n/en/sso.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ sso })

export interface SsoRefusedData {
  message: string
}

/** A refused single sign-on: the message, 400 (or 429 with Retry-After when the client must wait), and extra headers. */
export function refusedResponse(refusal: { message: string; retryAfter?: number }, setCookie?: string) {
  const headers = new Headers()
  if (setCookie) headers.append('Set-Cookie', setCookie)
  if (refusal.retryAfter) headers.set('Retry-After', String(refusal.retryAfter))
  return data<SsoRefusedData>({ message: refusal.message }, { status: refusal.retryAfter ? 429 : 400, headers })
}

/** The page every refusal shows: why, that nothing changed, and the way back to sign-in. */
export function SsoRefused({ message }: SsoRefusedData) {
  const { t } = useTranslation()
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t('sso.refusedHeading')}</h1>
      <Card>
        <Alert>{message}</Alert>
        <p className="mt-4">
          <TextLink to="/sign-in">{t('sso.backToSignIn')}</TextLink>
        </p>
      </Card>
    </div>
  )
}
