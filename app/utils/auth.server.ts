import { redirect, type AppLoadContext } from '@remix-run/node'

/** Loaders of signed-in pages call this first; a signed-out visitor goes to sign-in and comes back. */
export function requireUser(context: AppLoadContext, request: Request) {
  const user = context.auth.user
  if (!user) {
    const url = new URL(request.url)
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
  }
  return user
}

/** Only same-site paths: an open redirect would turn our sign-in page into a phishing tool. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  return to
}
