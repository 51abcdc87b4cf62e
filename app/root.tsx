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
import { AppHeader } from '#app/components/app-header.tsx'
import { Card } from '#app/components/card.tsx'
import { useNonce } from '#app/utils/nonce.tsx'
import stylesheet from '#app/tailwind.css?url'
import { z } from 'zod'

// In the browser, zod must not probe for eval (`new Function`): the Content-Security-Policy forbids it and
// reports each probe as a violation. The server keeps zod's compiled parsers.
if (typeof document !== 'undefined') z.config({ jitless: true })

// `data:,` as the icon: browsers stop asking for /favicon.ico, which only logged a routing error.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: 'data:,' },
]

// Error pages render from the root boundary, so only this meta applies: they need a title too (WCAG 2.4.2).
export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: 'Same Page' }]
  const notFound = isRouteErrorResponse(error) && error.status === 404
  return [{ title: `${notFound ? 'Page not found' : 'Something went wrong'} · Same Page` }]
}

export async function loader({ context }: LoaderFunctionArgs) {
  const user = context.auth.user
  return { user: user ? { name: user.name, email: user.email } : null }
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const nonce = useNonce()
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2">
          Skip to main content
        </a>
        <AppHeader user={data?.user ?? null} />
        <main id="main" className="mx-auto w-full max-w-4xl px-4 py-6 print:max-w-none print:p-0">
          {children}
        </main>
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
  const notFound = isRouteErrorResponse(error) && error.status === 404
  return (
    <Card title={notFound ? 'Page not found' : 'Something went wrong'} headingLevel={1}>
      <p className="text-slate-700">
        {notFound
          ? 'This page does not exist, or you do not have access to it.'
          : 'The page could not be shown. Nothing you entered has been lost; try again in a moment.'}
      </p>
      <p className="mt-4">
        <a className="font-medium text-brand-700 underline" href="/">
          Back to My students
        </a>
      </p>
    </Card>
  )
}
