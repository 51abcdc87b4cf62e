import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { useTranslation } from '#app/utils/use-translation.ts'
import { AppHeader } from '#app/components/app-header.tsx'
import { SessionTimer } from '#app/components/session-timer.tsx'
import { Card } from '#app/components/card.tsx'
import { LanguageSwitch } from '#app/components/language-switch.tsx'
import { OfflineApp } from '#app/pwa/offline-app.tsx'
import { myAppPages } from '#app/utils/app-pages.server.ts'
import { twoStepSetUpRedirect } from '#app/utils/two-step-gate.server.ts'
import { useNonce } from '#app/utils/nonce.tsx'
import stylesheet from '#app/tailwind.css?url'
import type { AppPage } from '#shared/app-pages.ts'
import { activeLanguage, instanceFor, t } from '#shared/i18n/i18n.ts'

// `data:,` as the icon: browsers stop asking for /favicon.ico, which only logged a routing error.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: 'data:,' },
  { rel: 'manifest', href: '/manifest.webmanifest' },
  { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon.png' },
]

// Error pages render from the root boundary, so only this meta applies: they need a title too (WCAG 2.4.2).
export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: t('common.appName') }]
  const notFound = isRouteErrorResponse(error) && error.status === 404
  return [{ title: t('common.titleSuffix', { title: t(notFound ? 'common.notFoundTitle' : 'common.errorTitle') }) }]
}

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = context.auth.user
  const setUpFirst = await twoStepSetUpRedirect(context, new URL(request.url).pathname)
  if (setUpFirst) throw setUpFirst
  // On the set-up page itself, an account that owes it has no other page to offer.
  const pages = user && (await context.twoStepOwed()) ? [] : await myAppPages(context)
  return { user: user ? { name: user.name, email: user.email } : null, pages, sessionRemainingMs: context.sessionRemainingMs ?? null }
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const nonce = useNonce()
  return (
    // The reader's language: the request's on the server; in the browser, the one app/entry.client.tsx switched to.
    <I18nextProvider i18n={instanceFor(activeLanguage())}>
      <Document nonce={nonce} user={data?.user ?? null} pages={data?.pages ?? []}>
        <OfflineApp owner={data?.user?.email ?? null} />
        {data?.user ? <SessionTimer remainingMs={data.sessionRemainingMs} /> : null}
        {children}
      </Document>
    </I18nextProvider>
  )
}

function Document({ nonce, user, pages, children }: { nonce: string; user: { name: string } | null; pages: AppPage[]; children: ReactNode }) {
  const { t, i18n: current } = useTranslation()
  return (
    <html lang={current.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1f6f68" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2">
          {t('common.skipToMain')}
        </a>
        <AppHeader user={user} pages={pages} />
        <main id="main" className="mx-auto w-full max-w-4xl px-4 py-6 print:max-w-none print:p-0">
          {children}
        </main>
        {/* Signed in, the account page's Language card chooses (and keeps Today within two phone screens). */}
        {user ? null : <LanguageSwitch />}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const notFound = isRouteErrorResponse(error) && error.status === 404
  return (
    <Card title={t(notFound ? 'common.notFoundTitle' : 'common.errorTitle')} headingLevel={1}>
      <p className="text-slate-700">{t(notFound ? 'common.notFoundBody' : 'common.errorBody')}</p>
      <p className="mt-4">
        <a className="font-medium text-brand-700 underline" href="/">
          {t('common.backHome')}
        </a>
      </p>
    </Card>
  )
}
