import type { Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Every message the app sends, kept whether or not a mail server is configured: the queue the server process
  // sends from, and the record a school admin reads on the Outbox page.
  // status: queued (waiting, or waiting to retry) · sending (claimed by the sender) · sent · kept (no mail server:
  // kept here only) · failed (gave up after the last retry; shown to admins, never silently dropped).
  // dedupe_key: one message per key, ever (a digest for a period, a notice for a record), so a retry, a restart
  // or a second caller never sends the same thing twice. Checked by a unique index (NULLs are distinct).
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.references('schools.id'))
    .addColumn('student_id', 'text', (c) => c.references('students.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_email', 'text', (c) => c.notNull())
    .addColumn('to_name', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute()
  await db.schema.createIndex('mail_outbox_dedupe').unique().on('mail_outbox').column('dedupe_key').execute()
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('mail_outbox_school').on('mail_outbox').columns(['school_id', 'created_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mail_outbox').execute()
}
