import type { Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notebooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // The notebook's words as plain text, refreshed on every stored edit: what the student-page search reads.
    .addColumn('plain_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('archived_by', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('notebooks_student').on('notebooks').column('student_id').execute()

  // Append-only Yjs updates, one row per incoming edit; compaction folds rows up to an id into one merged row.
  await db.schema
    .createTable('notebook_updates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('notebook_id', 'text', (c) => c.notNull().references('notebooks.id'))
    .addColumn('update', 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('notebook_updates_notebook').on('notebook_updates').columns(['notebook_id', 'id']).execute()

  // One row per notebook and day: the whole document as it stood after that day's last stored edit.
  await db.schema
    .createTable('notebook_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notebook_id', 'text', (c) => c.notNull().references('notebooks.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('state', 'blob', (c) => c.notNull())
    .addColumn('plain_text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notebook_snapshots_day', ['notebook_id', 'day'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notebook_snapshots').execute()
  await db.schema.dropTable('notebook_updates').execute()
  await db.schema.dropTable('notebooks').execute()
}
