/**
 * Which requests the service worker keeps for a day without signal (decision 016), shared by the worker
 * (app/pwa/sw.ts) and the page. Pure: no browser APIs, so the rules are unit-tested.
 */

/** Pages and their loader data, as last loaded by the signed-in person. Emptied on sign-out. */
export const PAGE_CACHE = 'same-page-pages-v1'

/**
 * Remix's route manifest (`/__manifest?p=…`), kept so a link followed offline resolves. Its own cache: the
 * signed-out sign-in page asks for it too (for its links), and that must not bring the pages' cache back.
 * Its addresses name student ids, so sign-out empties it with the pages.
 */
export const ROUTE_CACHE = 'same-page-routes-v1'

/** How long a kept page may still be shown: a school week and its weekend. */
export const PAGE_MAX_AGE_SECONDS = 9 * 24 * 60 * 60

/** Enough for Today and three pages for each of a para's students (usually 3 to 8), with their data. */
export const PAGE_MAX_ENTRIES = 200

/**
 * With a weak signal, give up on the network after this and show the kept copy (marked as such). Long enough
 * that a busy server is not taken for a dead connection, so online pages are fresh; with no signal at all the
 * request fails at once and the copy shows without waiting.
 */
export const NETWORK_TIMEOUT_SECONDS = 6

// A student id as the app makes them (uuid or slug); anything else is not one of our pages.
const ID = '[A-Za-z0-9_-]{1,64}'
const KEPT_PAGES = [new RegExp('^/today$'), new RegExp(`^/students/${ID}$`), new RegExp(`^/students/${ID}/(today|goal-card)$`)]

/**
 * The page a request is for, when it is one the phone keeps: a document ("/students/x/goal-card") or the
 * loader data Remix fetches for it on a client-side navigation ("/students/x/goal-card.data"). Null for
 * everything else: other pages, the API, sign-in, assets (precached separately).
 */
export function keptPagePath(url: URL, origin: string): string | null {
  if (url.origin !== origin) return null
  const path = url.pathname.endsWith('.data') ? url.pathname.slice(0, -'.data'.length) : url.pathname
  return KEPT_PAGES.some((re) => re.test(path)) ? path : null
}

/** Remix's route manifest patches (lazy route discovery): no one's data, needed to follow a link offline. */
export function isRouteManifest(url: URL, origin: string): boolean {
  return url.origin === origin && url.pathname === '/__manifest'
}

/**
 * Only a page the server really gave this person is kept: a plain 200 of our own origin, not a redirect
 * (to sign-in, say), an error, or an opaque response.
 */
export function isKeepable(response: { status: number; type: string; redirected: boolean }): boolean {
  return response.status === 200 && response.type === 'basic' && !response.redirected
}

/**
 * What Today fetches ahead, so a para who only opened Today has her students' pages offline too: the page
 * itself (its first visit came before the service worker) and each student's plan summary and goal card, as
 * documents (a reload, or the app opened from the home screen) and as loader data (a tap on a link).
 */
export function pagesToKeep(studentIds: readonly string[], currentPath: string): string[] {
  const pages = [currentPath, ...studentIds.flatMap((id) => [`/students/${id}`, `/students/${id}/goal-card`])]
  const unique = [...new Set(pages)].filter((p) => KEPT_PAGES.some((re) => re.test(p)))
  return unique.flatMap((p) => [p, `${p}.data`])
}

/** The loader-data URL without Remix's `_routes` filter: the full answer holds every route's data. */
export function withoutRoutesFilter(url: URL): URL | null {
  if (!url.pathname.endsWith('.data') || !url.searchParams.has('_routes')) return null
  const copy = new URL(url)
  copy.searchParams.delete('_routes')
  return copy
}
