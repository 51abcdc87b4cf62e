import { describe, expect, it } from 'vitest'
import { isKeepable, isRouteManifest, keptPagePath, pagesToKeep, withoutRoutesFilter } from '#app/pwa/offline-pages.ts'

const ORIGIN = 'https://same-page.example'
const ID = '0b8c6c1e-3f7a-4b7e-9a43-8f0e1c2d3b4a'
const at = (path: string) => new URL(path, ORIGIN)

describe('keptPagePath: the pages a phone keeps for a day without signal', () => {
  it('keeps Today, a student’s plan summary, Today tab and goal card, as documents and as loader data', () => {
    expect(keptPagePath(at('/today'), ORIGIN)).toBe('/today')
    expect(keptPagePath(at('/today.data'), ORIGIN)).toBe('/today')
    expect(keptPagePath(at('/today?date=2026-11-12'), ORIGIN)).toBe('/today')
    expect(keptPagePath(at(`/students/${ID}`), ORIGIN)).toBe(`/students/${ID}`)
    expect(keptPagePath(at(`/students/${ID}.data?_routes=routes/student/student`), ORIGIN)).toBe(`/students/${ID}`)
    expect(keptPagePath(at(`/students/${ID}/today`), ORIGIN)).toBe(`/students/${ID}/today`)
    expect(keptPagePath(at(`/students/${ID}/goal-card.data`), ORIGIN)).toBe(`/students/${ID}/goal-card`)
  })

  it('keeps nothing else: the API, sign-in, other student pages, other origins', () => {
    for (const path of [
      '/',
      '/_root.data',
      '/sign-in',
      '/sign-out',
      '/api/trpc/today.forMe',
      '/api/trpc/checks.record',
      `/students/${ID}/notes`,
      `/students/${ID}/concerns`,
      `/students/${ID}/accountability.json`,
      `/students/${ID}/goal-card/extra`,
      '/students/',
      '/students/a%2Fb',
      '/today/extra',
      '/sessions',
      '/assets/entry.client-abc.js',
    ]) {
      expect(keptPagePath(at(path), ORIGIN), path).toBeNull()
    }
    expect(keptPagePath(new URL('/today', 'https://elsewhere.example'), ORIGIN)).toBeNull()
    expect(keptPagePath(at(`/students/${'x'.repeat(65)}`), ORIGIN)).toBeNull()
  })

  it('knows Remix’s route manifest, on its own origin only', () => {
    expect(isRouteManifest(at('/__manifest?p=%2Ftoday&version=abc'), ORIGIN)).toBe(true)
    expect(isRouteManifest(new URL('/__manifest', 'https://elsewhere.example'), ORIGIN)).toBe(false)
    expect(isRouteManifest(at('/__manifest/x'), ORIGIN)).toBe(false)
  })
})

describe('isKeepable: only what the server really gave this person', () => {
  it('keeps a plain 200 of our own origin', () => {
    expect(isKeepable({ status: 200, type: 'basic', redirected: false })).toBe(true)
  })

  it('never keeps a redirect (to sign-in), an error, a refusal or an opaque answer', () => {
    expect(isKeepable({ status: 200, type: 'basic', redirected: true })).toBe(false)
    expect(isKeepable({ status: 0, type: 'opaqueredirect', redirected: false })).toBe(false)
    expect(isKeepable({ status: 302, type: 'basic', redirected: false })).toBe(false)
    expect(isKeepable({ status: 404, type: 'basic', redirected: false })).toBe(false)
    expect(isKeepable({ status: 500, type: 'basic', redirected: false })).toBe(false)
    expect(isKeepable({ status: 0, type: 'opaque', redirected: false })).toBe(false)
  })
})

describe('pagesToKeep: what Today fetches ahead', () => {
  it('fetches each student’s plan summary and goal card, and the page itself, with their data', () => {
    expect(pagesToKeep(['a', 'b'], '/today')).toEqual([
      '/today',
      '/today.data',
      '/students/a',
      '/students/a.data',
      '/students/a/goal-card',
      '/students/a/goal-card.data',
      '/students/b',
      '/students/b.data',
      '/students/b/goal-card',
      '/students/b/goal-card.data',
    ])
  })

  it('names each page once, and nothing outside the kept pages', () => {
    expect(pagesToKeep(['a'], '/students/a/today')).toEqual([
      '/students/a/today',
      '/students/a/today.data',
      '/students/a',
      '/students/a.data',
      '/students/a/goal-card',
      '/students/a/goal-card.data',
    ])
    expect(pagesToKeep(['../x', 'a/b'], '/sign-in')).toEqual([])
  })
})

describe('withoutRoutesFilter', () => {
  it('drops Remix’s _routes filter from a loader-data URL, keeping the rest', () => {
    expect(withoutRoutesFilter(at('/today.data?date=2026-11-12&_routes=root,routes/today'))?.href).toBe(`${ORIGIN}/today.data?date=2026-11-12`)
  })

  it('leaves documents and unfiltered data alone', () => {
    expect(withoutRoutesFilter(at('/today?_routes=root'))).toBeNull()
    expect(withoutRoutesFilter(at('/today.data'))).toBeNull()
  })
})
