import { createHash } from 'node:crypto'
import type SQLite from 'better-sqlite3'
import type { Insertable } from 'kysely'
import type { AuditLogTable, Database } from '#db/schema.ts'
import type { Executor } from './audit.server.ts'

/**
 * The audit log and the record of access are hash-chained (docs/operations.md): each row carries the hash of the
 * row before it and its own hash, sha256 over a canonical serialization of its fields and that previous hash. An
 * edited, deleted or reordered row breaks the chain from that row on, and `npm run audit:verify` names it.
 *
 * The serialization is frozen: the migration that chained the existing rows (2026-12-05T040000-trail) repeats it.
 */
export const GENESIS_HASH = '0'.repeat(64)

export type ChainedTable = 'audit_log' | 'access_log'

/** The columns hashed, in order, per table (everything but `hash` itself). */
export const CHAIN_COLUMNS = {
  audit_log: ['id', 'at', 'actor_id', 'student_id', 'entity', 'entity_id', 'action', 'before', 'after', 'prev_hash'],
  access_log: ['id', 'at', 'user_id', 'role', 'student_id', 'what', 'via', 'prev_hash'],
} as const satisfies Record<ChainedTable, readonly string[]>

export function rowHash(table: ChainedTable, row: Record<string, unknown>): string {
  const values = CHAIN_COLUMNS[table].map((c) => {
    const v = row[c]
    return v === undefined ? null : v
  })
  return createHash('sha256')
    .update(JSON.stringify(['same-page/chain@1', table, ...values]))
    .digest('hex')
}

type Unchained<T extends ChainedTable> = Omit<Insertable<Database[T]>, 'id' | 'prev_hash' | 'hash'>

async function chainHead(db: Executor, table: ChainedTable): Promise<{ id: number; hash: string }> {
  // The two tables share the chained columns' names, so one query serves both.
  const last = await (db as Executor)
    .selectFrom(table as 'audit_log')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return last ? { id: last.id, hash: last.hash } : { id: 0, hash: GENESIS_HASH }
}

/**
 * Appends rows to a chained table. Must run inside the write's transaction (BEGIN IMMEDIATE holds the write lock
 * from the first statement), so the head read here is still the head when the rows land: the chain cannot fork.
 * The insert trigger refuses a row whose prev_hash is not the head's hash, should anything try.
 */
export async function appendChained<T extends ChainedTable>(trx: Executor, table: T, rows: Unchained<T>[]): Promise<void> {
  if (!rows.length) return
  let { id, hash } = await chainHead(trx, table)
  const full: Record<string, unknown>[] = []
  for (const row of rows) {
    id += 1
    const withPrev: Record<string, unknown> = { ...row, id, prev_hash: hash }
    hash = rowHash(table, withPrev)
    full.push({ ...withPrev, hash })
  }
  // 100 rows × ≤12 columns stays far under SQLite's bound-parameter limit.
  for (let i = 0; i < full.length; i += 100) {
    await trx
      .insertInto(table as 'audit_log')
      .values(full.slice(i, i + 100) as Insertable<AuditLogTable>[])
      .execute()
  }
}

export interface ChainBreak {
  id: number
  at: string
  problem: string
}

export interface ChainReport {
  table: ChainedTable
  rows: number
  /** The last row's hash: write it down elsewhere (a backup does) to detect a cut-off tail later. */
  head: string
  broken: ChainBreak | null
}

/**
 * Walks one chain in id order and stops at the first row that does not hold: a prev_hash that is not the previous
 * row's hash (a row deleted, inserted or reordered before it) or a hash that does not match the row's own fields
 * (the row was edited). Streams the rows, so a long log does not have to fit in memory.
 */
export function verifyChain(sqlite: SQLite.Database, table: ChainedTable): ChainReport {
  const columns = [...CHAIN_COLUMNS[table], 'hash'].join(', ')
  let prev = GENESIS_HASH
  let rows = 0
  for (const row of sqlite.prepare(`select ${columns} from ${table} order by id`).iterate() as IterableIterator<Record<string, unknown>>) {
    rows += 1
    const id = Number(row.id)
    const at = String(row.at)
    if (row.prev_hash !== prev) {
      const problem =
        rows === 1 && prev === GENESIS_HASH
          ? `prev_hash should be the genesis hash (the first row of the chain): a row before it is missing or it was altered`
          : `prev_hash does not match the hash of the row before it: a row was deleted, inserted or moved before this one, or this row's prev_hash was altered`
      return { table, rows, head: prev, broken: { id, at, problem } }
    }
    const expected = rowHash(table, row)
    if (row.hash !== expected) {
      return { table, rows, head: prev, broken: { id, at, problem: `hash does not match the row's contents: the row was edited after it was written` } }
    }
    prev = expected
  }
  return { table, rows, head: prev, broken: null }
}

/** Both chains of a database; a table the database does not have yet (not migrated) is left out. */
export function verifyTrail(sqlite: SQLite.Database): ChainReport[] {
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name in ('audit_log', 'access_log')").all() as { name: ChainedTable }[]).map(
    (t) => t.name,
  )
  return (['audit_log', 'access_log'] as const).filter((t) => tables.includes(t)).map((t) => verifyChain(sqlite, t))
}

export function describeReport(r: ChainReport): string {
  if (r.broken) return `${r.table}: BROKEN at row id ${r.broken.id} (at ${r.broken.at}): ${r.broken.problem}`
  return `${r.table}: ${r.rows} row${r.rows === 1 ? '' : 's'}, chain intact, head ${r.head}`
}
