import { redirect, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { safeRedirect } from '#app/utils/auth.server.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { refusedResponse, SsoRefused } from './sso-refused.tsx'
import { sso } from '#shared/i18n/en/sso.ts'

addSections({ sso })

// /sso/callback: where the school's provider sends the person back (the redirect URI the admin registered).

export async function loader({ context, request }: LoaderFunctionArgs) {
  const finished = await context.sso.finish(request.url, request.headers.get('Cookie'))
  if (!finished.ok) return refusedResponse(finished, finished.clearCookie)
  const headers = new Headers()
  headers.append('Set-Cookie', finished.clearCookie)
  for (const cookie of await context.auth.startSession(finished.userId, finished.email, 'sso')) headers.append('Set-Cookie', cookie)
  throw redirect(safeRedirect(finished.redirectTo), { headers })
}

export default function SsoCallback() {
  return <SsoRefused {...useLoaderData<typeof loader>()} />
}

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const retryAfter = loaderHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export const meta: MetaFunction = () => [{ title: t('common.titleSuffix', { title: t('sso.refusedTitle') }) }]
