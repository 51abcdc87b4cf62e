/**
 * What a phone downloads to open each page people land on (issue #20): the gzipped JavaScript of the page's first
 * load, that is the client entry, the root, the page's route modules and every chunk they import statically. Chunks
 * loaded later (the notebook editor, the charts) are not counted. Today's figure is set against its budget.
 * Run with `npm run bench` (builds the app first when no build exists).
 */
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/** Issue #20: Today ships at most this much gzipped JavaScript on its first load. */
export const TODAY_BUDGET_KB = 100

/** The part of Remix's asset manifest that names each route's files (the same in the server build and the browser's copy). */
export interface AssetsManifest {
  entry: { module: string; imports: string[] }
  routes: Record<string, { module: string; imports?: string[] } | undefined>
}

/** Pages people land on, by the route ids of the matched routes below the root (app/routes.ts). */
const LANDING_PAGES: Record<string, string[]> = {
  'sign-in': ['routes/auth/sign-in'],
  home: ['routes/home/home'],
  Today: ['routes/today/today'],
  'student page': ['student', 'routes/student/student'],
  'goal page': ['student', 'routes/goals/goal'],
  sessions: ['routes/sessions/week'],
  "a student's sessions": ['student', 'routes/sessions/session-log'],
  accountability: ['student', 'routes/accountability/student-accountability'],
  caseload: ['routes/accountability/caseload'],
  notes: ['student', 'routes/notes/student-notes'],
  notebook: ['student', 'routes/notes/notebook'],
  concerns: ['student', 'routes/concerns/concerns'],
  'school view': ['routes/school/school'],
}

/**
 * The browser's copy of the asset manifest (build/client/assets/manifest-<version>.js). The Remix Vite plugin
 * removes Vite's own .vite/manifest.json after the build, so this is the one that stays.
 */
export function readAssetsManifest(clientDir: string): AssetsManifest {
  const assets = path.join(clientDir, 'assets')
  const found = fs.readdirSync(assets).filter((f) => /^manifest-[\w-]+\.js$/.test(f))
  if (found.length !== 1) throw new Error(`Expected one manifest-*.js in ${assets}, found ${found.length}`)
  const source = fs.readFileSync(path.join(assets, found[0]!), 'utf8')
  const json = /^window\.__remixManifest=(.*);\s*$/s.exec(source)?.[1]
  if (!json) throw new Error(`${found[0]} is not a Remix asset manifest`)
  return JSON.parse(json) as AssetsManifest
}

/** Gzipped bytes of the JavaScript a first load of these routes (below the root) fetches. */
export function firstLoadGzipBytes(manifest: AssetsManifest, clientDir: string, routeIds: string[]): number {
  const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports])
  for (const id of ['root', ...routeIds]) {
    const route = manifest.routes[id]
    if (!route) throw new Error(`No route ${id} in the build`)
    files.add(route.module)
    for (const f of route.imports ?? []) files.add(f)
  }
  let bytes = 0
  for (const url of files) bytes += gzipSync(fs.readFileSync(path.join(clientDir, url))).length
  return bytes
}

export async function benchBundles(buildDir: string): Promise<Record<string, string | number>> {
  const clientDir = path.join(buildDir, 'client')
  const manifest = readAssetsManifest(clientDir)
  const results: Record<string, string | number> = {}
  for (const [page, routeIds] of Object.entries(LANDING_PAGES)) {
    results[`First load of ${page}: gzipped JS KB`] = kb(firstLoadGzipBytes(manifest, clientDir, routeIds))
  }
  const today = kb(firstLoadGzipBytes(manifest, clientDir, LANDING_PAGES.Today!))
  results[`Today's first load against its ${TODAY_BUDGET_KB} KB budget`] = `${today} KB, ${today <= TODAY_BUDGET_KB ? 'within' : `${kb((today - TODAY_BUDGET_KB) * 1024)} KB over`}`
  return results
}

function kb(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10
}
