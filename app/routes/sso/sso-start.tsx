import { redirect, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { safeRedirect } from '#app/utils/auth.server.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { refusedResponse, SsoRefused } from './sso-refused.tsx'
import { sso } from '#shared/i18n/en/sso.ts'

addSections({ sso })

// /sso/:providerId/start: the "Sign in with …" link. Off to the school's provider, with this browser's state cookie.

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'))
  if (context.auth.user) throw redirect(redirectTo)
  const started = await context.sso.start((params.providerId ?? '').slice(0, 64), redirectTo)
  if (!started.ok) return refusedResponse(started)
  throw redirect(started.location, { headers: { 'Set-Cookie': started.setCookie } })
}

export default function SsoStart() {
  return <SsoRefused {...useLoaderData<typeof loader>()} />
}

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const retryAfter = loaderHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export const meta: MetaFunction = () => [{ title: t('common.titleSuffix', { title: t('sso.refusedTitle') }) }]
