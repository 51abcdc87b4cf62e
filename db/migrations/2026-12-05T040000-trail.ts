import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'

// Frozen in time: a migration never imports app code. The serialization below is the one
// server/services/audit-chain.server.ts uses for new rows (same-page/chain@1); a test proves they agree.
const GENESIS = '0'.repeat(64)
const AUDIT_COLUMNS = ['id', 'at', 'actor_id', 'student_id', 'entity', 'entity_id', 'action', 'before', 'after', 'prev_hash'] as const

function hashRow(table: string, columns: readonly string[], row: Record<string, unknown>): string {
  const values = columns.map((c) => (row[c] === undefined ? null : row[c]))
  return createHash('sha256')
    .update(JSON.stringify(['same-page/chain@1', table, ...values]))
    .digest('hex')
}

/** Refuses UPDATE and DELETE, and an INSERT that does not extend the chain from its head. */
function guards(table: string): string[] {
  return [
    `create trigger ${table}_no_update before update on ${table}
       begin select raise(abort, '${table} is append-only: rows are never edited'); end`,
    `create trigger ${table}_no_delete before delete on ${table}
       begin select raise(abort, '${table} is append-only: rows are never deleted'); end`,
    `create trigger ${table}_chained before insert on ${table}
       when new.hash is null
         or new.id is null
         or new.id <= coalesce((select max(id) from ${table}), 0)
         or new.prev_hash is not coalesce((select hash from ${table} order by id desc limit 1), '${GENESIS}')
       begin select raise(abort, '${table} rows are hash-chained: append them through the audit helpers'); end`,
  ]
}

/**
 * A trail that would stand up (issue 12, item 6). The audit log gains prev_hash and hash, and every row already
 * there is chained now, in id order, from the genesis hash: the chain vouches for those rows from this migration
 * on (docs/operations.md). The record of access (FERPA 34 CFR 99.32) is a new table, chained the same way. Both
 * refuse UPDATE and DELETE.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text').execute()
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute()

  const { rows } = await sql<Record<string, unknown>>`select * from audit_log order by id`.execute(db)
  let prev = GENESIS
  for (const row of rows) {
    const hash = hashRow('audit_log', AUDIT_COLUMNS, { ...row, prev_hash: prev })
    await sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`.execute(db)
    prev = hash
  }

  // who (user and the role they held for the student then), whose records, what kind, through which door, when.
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('access_log_student').on('access_log').columns(['student_id', 'at']).execute()
  // The coalescing look-up: has this person opened this kind of record of this student in the last minute?
  await db.schema.createIndex('access_log_recent').on('access_log').columns(['user_id', 'student_id', 'what', 'at']).execute()

  for (const table of ['audit_log', 'access_log']) {
    for (const statement of guards(table)) await sql.raw(statement).execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'access_log']) {
    for (const suffix of ['no_update', 'no_delete', 'chained']) await sql.raw(`drop trigger if exists ${table}_${suffix}`).execute(db)
  }
  await db.schema.dropTable('access_log').execute()
  await db.schema.alterTable('audit_log').dropColumn('hash').execute()
  await db.schema.alterTable('audit_log').dropColumn('prev_hash').execute()
}
