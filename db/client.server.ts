import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import {
  CompiledQuery,
  Kysely,
  Migrator,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
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

// Write transactions take the write lock up front so they never fail half-way on SQLITE_BUSY.
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #sqlite: SQLite.Database
  constructor(sqlite: SQLite.Database) {
    super({ database: sqlite })
    this.#sqlite = sqlite
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#sqlite })
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
