/// <reference lib="webworker" />
import { ExpirationPlugin } from 'workbox-expiration'
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching'
import { registerRoute } from 'workbox-routing'
import { NetworkFirst, type StrategyHandler } from 'workbox-strategies'
import type { WorkboxPlugin } from 'workbox-core/types.js'
import { SAVED_COPY_MESSAGE, type SavedCopyAnswer, type SavedCopyQuestion } from './saved-copy.ts'
import {
  isKeepable,
  isRouteManifest,
  keptPagePath,
  NETWORK_TIMEOUT_SECONDS,
  PAGE_CACHE,
  PAGE_MAX_AGE_SECONDS,
  PAGE_MAX_ENTRIES,
  ROUTE_CACHE,
  withoutRoutesFilter,
} from './offline-pages.ts'

/**
 * The service worker (decision 016), built by vite-plugin-pwa's injectManifest into build/client/sw.js:
 * the hashed build assets are precached; Today, the goal cards and the plan summaries the person opened are
 * network-first with a short timeout, so online they are always fresh and without signal they are the copy
 * last loaded. Nothing else is cached: not the API, not sign-in, no POST.
 */
declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> }

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// A new version takes over at once: the precache holds every asset the new pages need.
self.addEventListener('install', () => void self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

// Which page each window was shown from the cache, and when that copy was loaded: the page asks after it
// renders (app/pwa/saved-copy-note.tsx). Lost if the worker restarts, then the note is simply not shown.
const savedCopies = new Map<string, Map<string, string>>()
const fromCache = new WeakSet<Response>()

const keepOnlyOwnPages: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) => (isKeepable(response) ? response : null),
  cachedResponseWillBeUsed: async ({ cachedResponse, request, cacheName }) => {
    let found = cachedResponse
    // Remix asks for only some routes' data (`?_routes=`) when others need no reload: the full answer serves.
    const unfiltered = found ? null : withoutRoutesFilter(new URL(request.url))
    if (unfiltered) found = await (await caches.open(cacheName)).match(unfiltered.href, { ignoreVary: true })
    if (found) fromCache.add(found)
    return found ?? null
  },
  handlerWillRespond: async ({ request, response, event }) => {
    const path = keptPagePath(new URL(request.url), self.location.origin)
    const fetchEvent = event as FetchEvent
    const clientId = fetchEvent.resultingClientId || fetchEvent.clientId
    if (path && clientId) {
      const copies = savedCopies.get(clientId) ?? new Map<string, string>()
      const loaded = response.headers.get('date')
      if (fromCache.has(response) && loaded) copies.set(path, new Date(loaded).toISOString())
      else copies.delete(path)
      savedCopies.set(clientId, copies)
    }
    return response
  },
}

const pages = new NetworkFirst({
  cacheName: PAGE_CACHE,
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  matchOptions: { ignoreVary: true },
  plugins: [keepOnlyOwnPages, new ExpirationPlugin({ maxEntries: PAGE_MAX_ENTRIES, maxAgeSeconds: PAGE_MAX_AGE_SECONDS })],
})

registerRoute(({ url, request }) => request.method === 'GET' && keptPagePath(url, self.location.origin) !== null, pages)

// Following a link needs Remix's route manifest for it. Offline and not kept, answer as Remix does for a new
// deploy (204 + X-Remix-Reload-Document): it then loads the link as a whole document, which may be kept.
class RouteManifest extends NetworkFirst {
  override async _handle(request: Request, handler: StrategyHandler): Promise<Response> {
    try {
      return await super._handle(request, handler)
    } catch {
      return new Response(null, { status: 204, headers: { 'X-Remix-Reload-Document': 'yes' } })
    }
  }
}
registerRoute(
  ({ url, request }) => request.method === 'GET' && isRouteManifest(url, self.location.origin),
  new RouteManifest({ cacheName: ROUTE_CACHE, networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS, plugins: [keepOnlyOwnPages] }),
)

self.addEventListener('message', (event) => {
  const question = event.data as SavedCopyQuestion | undefined
  const port = event.ports[0]
  if (question?.type !== SAVED_COPY_MESSAGE || !port) return
  const source = event.source as Client | null
  const loadedAt = (source && savedCopies.get(source.id)?.get(question.path)) ?? null
  const answer: SavedCopyAnswer = { loadedAt }
  port.postMessage(answer)
})

// Windows that have closed no longer need their notes.
self.addEventListener('fetch', () => {
  if (savedCopies.size < 50) return
  void self.clients.matchAll().then((open) => {
    const live = new Set(open.map((c) => c.id))
    for (const id of savedCopies.keys()) if (!live.has(id)) savedCopies.delete(id)
  })
})
