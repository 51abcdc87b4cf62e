import { isKeepable, PAGE_CACHE, pagesToKeep, ROUTE_CACHE } from './offline-pages.ts'
import { SAVED_COPY_MESSAGE, type SavedCopyAnswer, type SavedCopyQuestion } from './saved-copy.ts'

/**
 * The page's side of the kept pages (decision 016): whose they are, emptying them when that person signs
 * out or someone else signs in, fetching a para's student pages ahead, and asking the worker whether the
 * page on screen is a kept copy. Static assets stay in Workbox's precache: they hold nothing of a student.
 */
const OWNER_KEY = 'same-page:pages-kept-for'

/** Settles once this page load has checked whose pages the phone holds (warming waits for it). */
let ownerChecked: Promise<void> = Promise.resolve()

/** The fetching ahead under way, stopped when the person changes (signs out) before it is done. */
let warming: { stop: AbortController; done: Promise<void> } | null = null

function isOffline(): boolean {
  return navigator.onLine === false
}

function hasCaches(): boolean {
  return typeof caches !== 'undefined'
}

/** Empties the kept pages, their data and the route lists that name them. The precache of build assets stays. */
export async function clearSavedPages(): Promise<void> {
  if (hasCaches()) await Promise.all([caches.delete(PAGE_CACHE), caches.delete(ROUTE_CACHE)])
}

/**
 * `owner` is the signed-in person (null when signed out). Pages kept for anyone else are dropped before
 * this person's are kept, so a shared phone never shows one adult's students to another.
 */
export function keepPagesFor(owner: string | null): Promise<void> {
  ownerChecked = (async () => {
    let previous: string | null = null
    try {
      previous = window.localStorage.getItem(OWNER_KEY)
    } catch {
      // Storage refused: assume nothing is known and start clean.
    }
    if (owner !== null && previous === owner) return
    await clearSavedPages().catch(() => undefined)
    // A page fetched ahead for the one who left may still be on its way into the cache: stop the rest, let
    // what was under way land, and empty the cache again.
    const underWay = warming
    if (underWay) {
      underWay.stop.abort()
      await underWay.done
      await clearSavedPages().catch(() => undefined)
    }
    forgetWhatWasSeen()
    try {
      if (owner === null) window.localStorage.removeItem(OWNER_KEY)
      else window.localStorage.setItem(OWNER_KEY, owner)
    } catch {
      // Without storage the check simply runs again (and clears again) on the next load.
    }
  })()
  return ownerChecked
}

// Per-person notes the phone keeps for convenience, with nothing unsent in them (Today's "profile seen today",
// app/routes/today/profile-seen.ts): dropped with the pages. The tap queue is not here: unsent taps are their owner's.
const SEEN_PREFIXES = ['same-page:profile-seen:']

function forgetWhatWasSeen(): void {
  try {
    const keys = Array.from({ length: window.localStorage.length }, (_, i) => window.localStorage.key(i))
    for (const key of keys) if (key && SEEN_PREFIXES.some((p) => key.startsWith(p))) window.localStorage.removeItem(key)
  } catch {
    // Storage refused: there is nothing kept to forget.
  }
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined)
}

// Today is opened many times a day: fetch the student pages ahead at most this often per tab.
const WARM_EVERY_MS = 5 * 60_000
const WARMED_KEY = 'same-page:pages-warmed'
const WARM_AFTER_MS = 1_500

/**
 * Fetches the pages a para may want without signal and keeps each answer the server gives her (a 200 of
 * her own; a redirect or refusal is never kept). Sequential: a phone on weak Wi-Fi gets one at a time.
 */
export async function keepStudentPages(studentIds: readonly string[], currentPath: string, left: AbortSignal): Promise<void> {
  if (!hasCaches() || isOffline()) return
  // After the page has settled (and the root's owner check, run in the same commit, has started): Today's
  // own requests come first, and a quick visit does not cost the server a dozen pages.
  await new Promise((resolve) => setTimeout(resolve, WARM_AFTER_MS))
  await ownerChecked
  // Today was left before it settled (signed out, say): nothing to fetch for.
  if (left.aborted || isOffline()) return
  const signature = `${currentPath}|${studentIds.join(',')}`
  try {
    const last = JSON.parse(window.sessionStorage.getItem(WARMED_KEY) ?? 'null') as { signature: string; at: number } | null
    if (last?.signature === signature && Date.now() - last.at < WARM_EVERY_MS) return
  } catch {
    // No session storage: warm every time.
  }
  if (warming) return
  const stop = new AbortController()
  const done = fetchAhead(pagesToKeep(studentIds, currentPath), stop.signal, signature)
  warming = { stop, done }
  await done
  warming = null
}

async function fetchAhead(paths: string[], signal: AbortSignal, signature: string): Promise<void> {
  const cache = await caches.open(PAGE_CACHE)
  for (const path of paths) {
    try {
      const response = await fetch(path, { credentials: 'same-origin', signal })
      if (signal.aborted) return
      if (isKeepable(response)) await cache.put(path, response)
    } catch {
      return // The signal went, or the person signed out: keep what was fetched (emptied on sign-out).
    }
  }
  try {
    window.sessionStorage.setItem(WARMED_KEY, JSON.stringify({ signature, at: Date.now() }))
  } catch {
    // Fine: the next Today warms again.
  }
}

/** When the page on screen is a copy kept on the phone: the moment it was loaded. Null when it is live. */
export async function savedCopyLoadedAt(path: string): Promise<string | null> {
  const worker = typeof navigator !== 'undefined' ? navigator.serviceWorker?.controller : null
  if (!worker) return null
  const channel = new MessageChannel()
  const answer = new Promise<string | null>((resolve) => {
    channel.port1.onmessage = (e: MessageEvent<SavedCopyAnswer>) => resolve(e.data?.loadedAt ?? null)
    setTimeout(() => resolve(null), 2_000)
  })
  const question: SavedCopyQuestion = { type: SAVED_COPY_MESSAGE, path }
  worker.postMessage(question, [channel.port2])
  return answer
}
