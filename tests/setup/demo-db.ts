import { afterEach, beforeEach } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import type { AppCaller } from '#server/trpc/_app.server.ts'
import { type Demo, seedDemoTeam } from '#tests/fixtures/demo.ts'
import { createTestDb, type TestDb } from './test-db.ts'

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
    const t = createTestDb()
    current = { t, demo: await seedDemoTeam(t, options.now, { reports: options.reports }) }
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
