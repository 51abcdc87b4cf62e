import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createTestDb, type TestDb } from '#tests/setup/test-db.ts'
import { assertSqliteVersion, isDatabaseHealthy } from './client.server.ts'

describe('assertSqliteVersion', () => {
  test.each(['3.51.2', '3.50.9', '3.9.99', '2.99.99'])('refuses SQLite %s (WAL-reset corruption)', (version) => {
    expect(() => assertSqliteVersion(version)).toThrow(`SQLite ${version} is too old: Same Page needs 3.51.3 or newer.`)
  })

  test.each(['3.51.3', '3.51.10', '3.52.0', '3.53.2', '4.0.0'])('accepts SQLite %s', (version) => {
    expect(() => assertSqliteVersion(version)).not.toThrow()
  })
})

describe('openDatabase', () => {
  let t: TestDb
  beforeEach(() => {
    t = createTestDb()
  })
  afterEach(() => t.close())

  test('opens with the pragmas records-as-evidence needs', () => {
    expect(t.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(t.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(t.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(t.sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL
  })

  test('the bundled SQLite passes the version check', () => {
    const { v } = t.sqlite.prepare('select sqlite_version() as v').get() as { v: string }
    expect(() => assertSqliteVersion(v)).not.toThrow()
  })

  test('write transactions begin immediately, taking the write lock up front', async () => {
    await t.db.transaction().execute(async () => {
      // A deferred transaction has no lock until it writes; an immediate one already blocks other writers.
      const Database = t.sqlite.constructor as new (file: string, options?: { timeout?: number }) => typeof t.sqlite
      const other = new Database(t.file, { timeout: 0 })
      try {
        expect(() => other.prepare("insert into schools (id, name, created_at) values ('x', 'x', 'x')").run()).toThrow(
          /database is locked/,
        )
      } finally {
        other.close()
      }
    })
  })

  test('foreign keys are enforced', async () => {
    await expect(
      t.db
        .insertInto('students')
        .values({ id: 's', school_id: 'no-such-school', name: 'N', preferred_name: null, grade: null, external_id: null, created_at: 'x' })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY constraint failed/)
  })

  test('a statement is prepared once and kept: the same query again is not parsed again', async () => {
    const prepare = vi.spyOn(t.sqlite, 'prepare')
    try {
      for (let i = 0; i < 3; i++) await t.db.selectFrom('schools').select('id').where('id', '=', `s${i}`).execute()
      expect(prepare.mock.calls.filter(([sql]) => String(sql).includes('from "schools"'))).toHaveLength(1)
    } finally {
      prepare.mockRestore()
    }
  })

  test('one transaction at a time: a query asked for meanwhile waits for its end and sees its writes', async () => {
    const seen: number[] = []
    const writing = t.db.transaction().execute(async (trx) => {
      await trx.insertInto('schools').values({ id: 'fifo-1', name: 'F', created_at: 'x' }).execute()
      await new Promise((resolve) => setTimeout(resolve, 20))
      await trx.insertInto('schools').values({ id: 'fifo-2', name: 'F', created_at: 'x' }).execute()
    })
    const reading = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      seen.push((await t.db.selectFrom('schools').select('id').where('id', 'like', 'fifo-%').execute()).length)
    })()
    await Promise.all([writing, reading])
    expect(seen).toEqual([2])
  })

  test('isDatabaseHealthy: true when open, false once closed', async () => {
    expect(await isDatabaseHealthy(t.db)).toBe(true)
    t.sqlite.close()
    expect(await isDatabaseHealthy(t.db)).toBe(false)
  })
})
