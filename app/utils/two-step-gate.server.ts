import { type AppLoadContext, redirect } from '@remix-run/node'
import { openWhileSetUpOwed, TWO_STEP_COOKIE, TWO_STEP_SETUP_PATH } from '#shared/two-step.ts'

/**
 * A school requires two-step sign-in of the signed-in person and it is not on yet (docs/two-step.md): every page but
 * the set-up and signing out sends them to the set-up. The root loader asks it for whole pages, entry.server's
 * handleDataRequest for the data of pages opened in the app; the tRPC gate refuses the rest.
 */
export async function twoStepSetUpRedirect(context: AppLoadContext, pathname: string): Promise<Response | null> {
  if (!context.auth.user || openWhileSetUpOwed(pathname)) return null
  return (await context.twoStepOwed()) ? redirect(TWO_STEP_SETUP_PATH) : null
}

/** The page a single-fetch data request (`/account.data`, `/_root.data` for "/") loads or posts to. */
export function pageOfDataRequest(url: string): string {
  return new URL(url).pathname.replace(/\.data$/, '').replace(/^\/_root$/, '/')
}

/** The sign-in's challenge token from the request's cookies, if any (the second step's page answers it). */
export function readChallengeCookie(request: Request): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === TWO_STEP_COOKIE) return rest.join('=').slice(0, 100) || null
  }
  return null
}
