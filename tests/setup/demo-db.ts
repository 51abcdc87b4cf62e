import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { DemoIds, DemoUserKey } from '#server/demo/seed.ts'
import type { AppCaller } from '#server/trpc/_app.server.ts'
import { type Demo, demoOn, seedDemoTeam } from '#tests/fixtures/demo.ts'
import { createTestDb, type TestDb } from './test-db.ts'

/**
 * Seeded demos kept for this worker, by seed moment: the seed writes the same rows for the same moment, so the
 * second test seeded on it copies the first one's file (a file copy, not 150 ms of inserts). Only for a fixed
 * moment: a seed on the real clock depends on when it ran. The files sit beside the template and go with it.
 */
const seeded = new Map<string, { file: string; ids: DemoIds }>()

async function demoDb(now: Date | undefined, reports: boolean): Promise<{ t: TestDb; demo: Demo }> {
  const key = now ? `${now.toISOString()}|${reports}` : null
  const kept = key ? seeded.get(key) : undefined
  if (kept) {
    const t = createTestDb(kept.file)
    return { t, demo: demoOn(t, kept.ids) }
  }
  const t = createTestDb()
  const demo = await seedDemoTeam(t, now, { reports })
  if (key) {
    // The WAL folded back into the main file first, so one plain copy holds the whole seed.
    t.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    // Beside the test's own folder (which goes with the test), not in it.
    const file = `${path.dirname(t.file)}.seeded.db`
    fs.copyFileSync(t.file, file)
    const ids: DemoIds = Object.fromEntries(Object.entries(demo).filter(([, v]) => typeof v !== 'function')) as unknown as DemoIds
    seeded.set(key, { file, ids })
  }
  return { t, demo }
}

export interface DemoDb {
  /** The current test's database (`t.db`, `t.sqlite`): a live view, read it inside a test or hook. */
  t: TestDb
  /** The demo team seeded into it (ids, `userOf`, `callerFor`): a live view, like `t`. */
  demo: Demo
  /** A tRPC caller for a demo user (null: signed out), at `now` (default: the day the demo was seeded on). */
  as(user: DemoUserKey | null, now?: Date | (() => Date)): AppCaller
}

/**
 * A fresh, migrated database with the demo team seeded on `now` for every test of the enclosing `describe` (or
 * file): registers the beforeEach that creates it and the afterEach that deletes it. Without `now` the seed and
 * the callers use the app's clock, as `seedDemoTeam(t)` and `callerFor(user)` do. `reports`: also issue the demo's
 * progress reports (off by default: a PDF per test's seed).
 */
export function useDemoDb(options: { now?: Date; reports?: boolean } = {}): DemoDb {
  let current: { t: TestDb; demo: Demo } | null = null
  beforeEach(async () => {
    current = await demoDb(options.now, options.reports ?? false)
  })
  afterEach(async () => {
    const t = current?.t
    current = null
    await t?.close()
  })
  const now = () => {
    if (!current) throw new Error('useDemoDb: the database exists only inside a test or a beforeEach/afterEach hook')
    return current
  }
  return {
    t: live(() => now().t),
    demo: live(() => now().demo),
    as: (user, at = options.now) => now().demo.callerFor(user, at),
  }
}

/** An object that forwards every read to whatever `get` returns at that moment. */
function live<T extends object>(get: () => T): T {
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(get(), key),
    has: (_, key) => Reflect.has(get(), key),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(get(), key)
      return descriptor && { ...descriptor, configurable: true }
    },
  })
}
