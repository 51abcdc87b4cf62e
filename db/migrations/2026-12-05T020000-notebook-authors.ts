import type { Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Who sent each stored update (null for rows written before this, and for merged rows of several people).
  await db.schema
    .alterTable('notebook_updates')
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .execute()
  // Append-only: which person each Yjs client id in a notebook belongs to. Every piece of text in a Yjs
  // document keeps the client id that typed it, through compaction and snapshots, so this table is enough to
  // say who wrote what on any day. The first person to send a client id keeps it.
  await db.schema
    .createTable('notebook_authors')
    .addColumn('notebook_id', 'text', (c) => c.notNull().references('notebooks.id'))
    .addColumn('client_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notebook_authors_pk', ['notebook_id', 'client_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notebook_authors').execute()
  await db.schema.alterTable('notebook_updates').dropColumn('user_id').execute()
}
