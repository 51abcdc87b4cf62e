import type { Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per person told about something (a missed session, for now). `kind` is checked in code, not by a
  // CHECK constraint, so a later kind needs no table rebuild (SQLite cannot alter a CHECK).
  // related_id: the record the notice is about (a session record's record_id for `session_missed`).
  // seen_at: when the person marked it seen; the school sees it, so "we told the family" is on the record.
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('related_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text')
    .execute()
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute()
  await db.schema.createIndex('notifications_student').on('notifications').columns(['student_id', 'created_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notifications').execute()
}
