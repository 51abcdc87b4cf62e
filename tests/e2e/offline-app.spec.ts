import type { Page } from '@playwright/test'
import { collectBrowserErrors, expect, expectAccessible, signInOn, DEMO_USERS, test } from './fixtures.ts'
import { SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import { checkHistory, accommodationIds, openChoices, recordedAs, studentCard, studentIdOf, supportRow } from './today-helpers.ts'

const WIDTH = 360
test.use({ viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, serviceWorkers: 'allow' })

// The pages' cache and Remix's route lists (app/pwa/offline-pages.ts): emptied on sign-out.
const PAGE_CACHE = 'same-page-pages-v1'
const ROUTE_CACHE = 'same-page-routes-v1'
// A school day in the recording window that no other journey records on (they use the seed day and the day before).
const TAP_DAY = '2026-11-12'
const STUDENTS = ['Ava Brooks', 'Johnny Miller', 'Leo Garcia']
const SAVED_COPY = /^Saved on this phone — loaded (\w{3} \d{1,2}, \d{4}, )?\d{1,2}:\d{2}\s[AP]M$/

/** Resolves once a service worker controls the page (the first visit installs it; it then claims the page). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (navigator.serviceWorker.controller) return
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
  })
}

/** The paths the pages' cache holds ("/students/…/goal-card", "/today.data"…). */
async function keptPaths(page: Page): Promise<string[]> {
  return page.evaluate(async (name) => {
    if (!(await caches.has(name))) return []
    const keys = await (await caches.open(name)).keys()
    return keys.map((r) => new URL(r.url).pathname + new URL(r.url).search)
  }, PAGE_CACHE)
}

/** Whether any cache (pages or precache) answers for any of these paths. */
async function anyCached(page: Page, paths: string[]): Promise<string[]> {
  return page.evaluate(async (list) => {
    const hits: string[] = []
    for (const path of list) if (await caches.match(path, { ignoreSearch: true, ignoreVary: true })) hits.push(path)
    return hits
  }, paths)
}

async function queueEntries(page: Page): Promise<unknown[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('same-page:check-queue:'))
      .flatMap((k) => JSON.parse(localStorage.getItem(k) ?? '[]') as unknown[]),
  )
}

async function expectFitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 360 px').toBeLessThanOrEqual(WIDTH)
}

test('Same Page is installable: a manifest with its name, start page and icons', async ({ page, request }) => {
  await page.goto('/sign-in')
  const href = await page.locator('link[rel="manifest"]').getAttribute('href')
  expect(href).toBe('/manifest.webmanifest')
  const response = await request.get(href!)
  expect(response.status()).toBe(200)
  const manifest = (await response.json()) as {
    name: string
    short_name: string
    start_url: string
    display: string
    theme_color: string
    icons: { src: string; sizes: string; type: string; purpose: string }[]
  }
  expect(manifest).toMatchObject({ name: 'Same Page', short_name: 'Same Page', start_url: '/today', display: 'standalone', theme_color: '#1f6f68' })
  const sizes = manifest.icons.filter((i) => i.type === 'image/png').map((i) => `${i.sizes} ${i.purpose}`)
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']))
  for (const icon of manifest.icons) {
    const image = await request.get(icon.src)
    expect(image.status(), icon.src).toBe(200)
    expect(image.headers()['content-type']).toContain(icon.type)
  }
  const worker = await request.get('/sw.js')
  expect(worker.status()).toBe(200)
  expect(worker.headers()['content-type']).toContain('javascript')
})

test('a para who opened Today online opens it, her goal cards and plan summaries with no network; taps made offline sync; sign-out keeps nothing', async ({
  page,
  context,
  signIn,
}) => {
  test.slow()
  const errors = collectBrowserErrors(page)
  await signIn('para')

  // Online: Today installs the service worker, which then fetches her students' pages ahead.
  await page.goto('/today')
  for (const name of STUDENTS) await expect(studentCard(page, name)).toBeVisible()
  const ids = new Map<string, string>()
  for (const name of STUDENTS) ids.set(name, await studentIdOf(studentCard(page, name)))
  await waitForServiceWorker(page)
  const ahead = [...ids.values()].flatMap((id) => [`/students/${id}`, `/students/${id}/goal-card`, `/students/${id}.data`, `/students/${id}/goal-card.data`])
  await expect.poll(async () => {
    const kept = await keptPaths(page)
    return ahead.filter((p) => !kept.includes(p))
  }, { timeout: 20_000 }).toEqual([])
  // Online, the page is the live one: no "saved" note.
  await expect(page.getByText(/^Saved on this phone/)).toHaveCount(0)
  // The day the para will record on, opened online once (now through the service worker).
  await page.goto(`/today?date=${TAP_DAY}`)
  await expect(studentCard(page, 'Ava Brooks')).toBeVisible()
  const avaId = ids.get('Ava Brooks')!
  const chunkedId = (await accommodationIds(page, avaId)).get('Chunked assignments')!
  const before = await checkHistory(page, avaId, chunkedId, TAP_DAY)

  // No network at all. The browser's offline switch must reach the service worker's own fetches too:
  // the live server must not answer a single request from here on.
  await context.setOffline(true)
  const reachedServer: string[] = []
  const workerTried: string[] = []
  page.on('requestfinished', (r) => {
    void r.response().then((res) => {
      if (res && !res.fromServiceWorker()) reachedServer.push(r.url())
    })
  })
  // The worker's own fetches (network first) are tried and fail: the switch reaches them too.
  // (Remix's route manifest is immutable per build: the browser's HTTP cache may answer it, no server involved.)
  context.on('requestfinished', (r) => {
    if (r.serviceWorker() && new URL(r.url()).pathname !== '/__manifest') reachedServer.push(r.url())
  })
  context.on('requestfailed', (r) => {
    if (r.serviceWorker()) workerTried.push(new URL(r.url()).pathname)
  })

  await page.goto('/today')
  for (const name of STUDENTS) await expect(studentCard(page, name)).toBeVisible()
  const note = page.getByRole('status').filter({ hasText: 'Saved on this phone' })
  await expect(note).toHaveText(SAVED_COPY)
  await expectFitsPhone(page)
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/offline-today.png' })

  const leoId = ids.get('Leo Garcia')!
  await page.goto(`/students/${leoId}/goal-card`)
  await expect(page.getByRole('heading', { name: 'Goal card for Leo' })).toBeVisible()
  await expect(note).toHaveText(SAVED_COPY)
  await expectFitsPhone(page)

  await page.goto(`/students/${avaId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Ava Brooks', exact: true })).toBeVisible()
  await expect(note).toHaveText(SAVED_COPY)
  // A link followed offline (a client-side navigation: Remix fetches the goal card's data) works too.
  await page.getByRole('main').getByRole('link', { name: /goal card/i }).first().click()
  await expect(page.getByRole('heading', { name: 'Goal card for Ava' })).toBeVisible()
  await expect(note).toHaveText(SAVED_COPY)
  expect(workerTried).toEqual(expect.arrayContaining(['/today', `/students/${leoId}/goal-card`, `/students/${avaId}`]))

  // A tap made offline, on a page the service worker served, waits on the phone.
  await page.goto(`/today?date=${TAP_DAY}`)
  const ava = studentCard(page, 'Ava Brooks')
  const status = page.getByRole('status', { name: 'Changes on this phone' })
  // A choice other than the one the server holds, so the tap is a change whatever other runs left there.
  const choice = before[0]?.status === 'used' ? { label: 'Not needed', status: 'not_needed' } : { label: 'Used', status: 'used' }
  const row = supportRow(ava, 'Chunked assignments')
  // A recorded row is folded to its chip (issue 15): open it to reach the four choices.
  await openChoices(row, 'Chunked assignments')
  await row.getByRole('button', { name: `${choice.label}: Chunked assignments`, exact: true }).click()
  const tapped = recordedAs(row, 'Chunked assignments', choice.label)
  await expect(tapped).toBeVisible()
  await expect(status).toContainText('1 change waiting to sync')
  expect(await queueEntries(page)).toHaveLength(1)

  // Still offline, the page reloads from the service worker: the tap is still there, waiting.
  await page.reload()
  await expect(note).toHaveText(SAVED_COPY)
  await expect(status).toContainText('1 change waiting to sync')
  await expect(row.getByText('Waiting to sync')).toBeVisible()
  await expect(tapped).toBeVisible()
  expect(reachedServer, 'requests that reached the server while offline').toEqual([])

  // The network comes back: what waited is sent, and a reload shows the live page, no longer "saved".
  await context.setOffline(false)
  await expect(status).toHaveText('All changes saved.', { timeout: 20_000 })
  expect(await queueEntries(page)).toEqual([])
  await page.reload()
  await expect(tapped).toBeVisible()
  await expect(page.getByText(/^Saved on this phone/)).toHaveCount(0)
  const known = new Set(before.map((r) => r.id))
  const added = (await checkHistory(page, avaId, chunkedId, TAP_DAY)).filter((r) => !known.has(r.id))
  expect(added).toContainEqual(expect.objectContaining({ status: choice.status, recordedBy: 'Sam Ortiz' }))

  // Sign-out: nothing of any student stays on the phone (the build's assets may).
  expect((await keptPaths(page)).length).toBeGreaterThan(0)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  await expect.poll(() => page.evaluate((name) => caches.has(name), PAGE_CACHE)).toBe(false)
  const studentPages = ['/today', ...[...ids.values()].flatMap((id) => [`/students/${id}`, `/students/${id}/goal-card`, `/students/${id}/today`, `/students/${id}.data`])]
  expect(await anyCached(page, studentPages)).toEqual([])
  // Remix's route lists (their own cache, which the sign-in page may fill again) name no student either.
  const routeLists = await page.evaluate(async (name) => ((await caches.has(name)) ? (await (await caches.open(name)).keys()).map((r) => decodeURIComponent(r.url)) : []), ROUTE_CACHE)
  expect(routeLists.filter((url) => [...ids.values()].some((id) => url.includes(id)))).toEqual([])
  expect(await queueEntries(page)).toEqual([])
  // Which students' profiles were seen today goes too.
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('same-page:profile-seen:')))).toEqual([])
  expect(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([])
})

test('pages kept for one person are dropped when someone else signs in on the same phone', async ({ page, context, signIn }) => {
  await signIn('para')
  await page.goto('/today')
  await waitForServiceWorker(page)
  await expect.poll(async () => (await keptPaths(page)).some((p) => p.endsWith('/goal-card')), { timeout: 20_000 }).toBe(true)

  // The session ends without a sign-out (it expired, or the cookie was cleared), and the case manager signs in.
  await context.clearCookies({ name: SESSION_COOKIE })
  await signInOn(page, DEMO_USERS.caseManager.email)
  await expect.poll(async () => (await keptPaths(page)).filter((p) => p.endsWith('/goal-card'))).toEqual([])
})

test('when the server says the session is gone, the kept pages go too; the waiting tap stays hers alone', async ({ page, context, signIn }) => {
  await signIn('para')
  await page.goto(`/today?date=${TAP_DAY}`)
  await waitForServiceWorker(page)
  await expect.poll(async () => (await keptPaths(page)).some((p) => p.endsWith('/goal-card')), { timeout: 20_000 }).toBe(true)

  // The session ends on the server's side; the next tap is answered UNAUTHORIZED.
  await context.clearCookies({ name: SESSION_COOKIE })
  const leo = studentCard(page, 'Leo Garcia')
  const declined = supportRow(leo, 'Headphones for loud activities').getByRole('button', { name: 'Declined: Headphones for loud activities', exact: true })
  await declined.click()
  await expect(page.getByRole('status', { name: 'Changes on this phone' })).toContainText('sign in again', { ignoreCase: true })
  await expect.poll(() => page.evaluate((name) => caches.has(name), PAGE_CACHE)).toBe(false)
  // Not sent, so not lost: it waits under her own key for her next sign-in.
  expect(await queueEntries(page)).toHaveLength(1)

  // Someone else signs in on this phone: her waiting tap is neither shown nor sent under his session.
  await signInOn(page, DEMO_USERS.caseManager.email)
  await page.goto(`/today?date=${TAP_DAY}`)
  await expect(page.getByRole('status', { name: 'Changes on this phone' })).toHaveText('')
  await expect(page.getByText('Waiting to sync')).toHaveCount(0)
  expect(await queueEntries(page)).toHaveLength(1)
})
