import type { Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A file attached to a record (docs/attachments.md). The bytes live outside the database, in the attachments
  // folder beside it, named by their SHA-256; a row is written only once the whole file is in place and checked.
  // Removing hides the file (removed_at, removed_by); neither the row nor the bytes are ever deleted.
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    // concern · letter · session_record · progress_point · notebook (checked in code)
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    // The record's id: a concern's, a letter's, a session record's record_id, a progress point's, a notebook's.
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addColumn('removed_by', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('attachments_owner').on('attachments').columns(['student_id', 'owner_kind', 'owner_id']).execute()
  await db.schema.createIndex('attachments_sha256').on('attachments').column('sha256').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('attachments').execute()
}
