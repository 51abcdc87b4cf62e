import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import {
  CompiledQuery,
  Kysely,
  Migrator,
  SqliteDialect,
  SqliteDriver,
  SelectQueryNode,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely'
import { migrations } from './migrations/index.ts'
import type { Database } from './schema.ts'

export type DB = Kysely<Database>

// SQLite before 3.51.3 can corrupt a WAL database on reset (see docs/domain.md#architecture).
const MIN_SQLITE = [3, 51, 3]

export function assertSqliteVersion(version: string): void {
  const parts = version.split('.').map(Number)
  for (let i = 0; i < MIN_SQLITE.length; i++) {
    const have = parts[i] ?? 0
    const need = MIN_SQLITE[i]!
    if (have > need) return
    if (have < need) {
      throw new Error(`SQLite ${version} is too old: Same Page needs ${MIN_SQLITE.join('.')} or newer.`)
    }
  }
}

/**
 * The one connection, shared by every request. Kysely's own SqliteDriver prepares each statement afresh (a parse and
 * plan per query: a page of fifty queries spent more on that than on reading) and wakes every waiter at each release,
 * so under load the last in line can lose the race again and again (seconds of wait for a page of many small
 * queries). This one keeps the prepared statements and hands the connection to the longest waiter.
 */
class SharedSqliteDriver extends SqliteDriver {
  readonly #connection: CachingSqliteConnection
  readonly #mutex = new FifoMutex()
  constructor(sqlite: SQLite.Database) {
    super({ database: sqlite })
    this.#connection = new CachingSqliteConnection(sqlite)
  }
  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock()
    return this.#connection
  }
  override async releaseConnection(): Promise<void> {
    this.#mutex.unlock()
  }
  // Write transactions take the write lock up front so they never fail half-way on SQLITE_BUSY.
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

/** Statements are kept by their SQL; lists of ids make many shapes, so the least recently used go past this many. */
const STATEMENT_CACHE_SIZE = 500

class CachingSqliteConnection implements DatabaseConnection {
  readonly #sqlite: SQLite.Database
  readonly #statements = new Map<string, SQLite.Statement>()
  constructor(sqlite: SQLite.Database) {
    this.#sqlite = sqlite
  }
  #statement(sql: string): SQLite.Statement {
    let stmt = this.#statements.get(sql)
    if (stmt) {
      this.#statements.delete(sql)
    } else {
      stmt = this.#sqlite.prepare(sql)
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.delete(this.#statements.keys().next().value!)
    }
    this.#statements.set(sql, stmt)
    return stmt
  }
  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.#statement(compiledQuery.sql)
    const parameters = compiledQuery.parameters as unknown[]
    if (stmt.reader) return { rows: stmt.all(parameters) as R[] }
    const { changes, lastInsertRowid } = stmt.run(parameters)
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] }
  }
  // A stream may be left half-read; a statement of its own never leaves a cached one busy.
  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiledQuery.query)) throw new Error('Sqlite driver only supports streaming of select queries')
    for (const row of this.#sqlite.prepare(compiledQuery.sql).iterate(compiledQuery.parameters as unknown[])) yield { rows: [row as R] }
  }
}

/** One holder at a time, the rest in arrival order; a release hands over directly, so nobody can jump the line. */
class FifoMutex {
  #locked = false
  readonly #waiting: (() => void)[] = []
  lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true
      return Promise.resolve()
    }
    return new Promise((resolve) => this.#waiting.push(resolve))
  }
  unlock(): void {
    const next = this.#waiting.shift()
    if (next) next()
    else this.#locked = false
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #sqlite: SQLite.Database
  constructor(sqlite: SQLite.Database) {
    super({ database: sqlite })
    this.#sqlite = sqlite
  }
  override createDriver(): Driver {
    return new SharedSqliteDriver(this.#sqlite)
  }
}

export interface OpenedDatabase {
  db: DB
  sqlite: SQLite.Database
}

export function openDatabase(file: string): OpenedDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new SQLite(file)
  const { v } = sqlite.prepare('select sqlite_version() as v').get() as { v: string }
  assertSqliteVersion(v)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Records are evidence: an acknowledged write must survive a power cut.
  sqlite.pragma('synchronous = FULL')
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite) })
  return { db, sqlite }
}

export async function migrateToLatest(db: DB): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`)
  }
}

export async function isDatabaseHealthy(db: DB): Promise<boolean> {
  try {
    await db.selectFrom('schools').select('id').limit(1).execute()
    return true
  } catch {
    return false
  }
}
