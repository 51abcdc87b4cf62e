import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type SQLite from 'better-sqlite3'
import { inject } from 'vitest'
import { type DB, openDatabase } from '#db/client.server.ts'

export interface TestDb {
  db: DB
  sqlite: SQLite.Database
  file: string
  /** Closes the connection (if still open) and deletes its folder: the file, its WAL and shared memory, attached files. */
  close(): Promise<void>
}

/**
 * A fresh, migrated database for one test: a copy of the template the global setup migrated once
 * (tests/setup/global-setup.ts), opened the way the app opens it (WAL, foreign keys, synchronous=FULL). `from`: a
 * complete database file to copy instead (a seeded demo kept by tests/setup/demo-db.ts).
 */
export function createTestDb(from?: string): TestDb {
  const template = inject('templateDbPath')
  // A folder of its own, as a real data folder: what sits beside the database (attached files) is this test's alone,
  // never another worker's in flight.
  const dir = path.join(path.dirname(template), `test-${randomUUID()}`)
  fs.mkdirSync(dir)
  const file = path.join(dir, 'same-page.db')
  fs.copyFileSync(from ?? template, file)
  const { db, sqlite } = openDatabase(file)
  let closed = false
  return {
    db,
    sqlite,
    file,
    async close() {
      if (closed) return
      closed = true
      if (sqlite.open) await db.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Counts rows of a table, for "nothing was written" assertions. */
export function countRows(sqlite: SQLite.Database, table: string): number {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`Not a table name: ${table}`)
  return (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
}
