import type { Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A letter of a concern, sent by email from the app or recorded as sent by hand: an entry of the concern with the
  // date an answer is due. Append-only, except the answer, recorded once (response_received_on, response_note).
  await db.schema
    .createTable('letters_sent')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('concern_id', 'text', (c) => c.notNull().references('concerns.id'))
    .addColumn('sent_by', 'text', (c) => c.notNull().references('users.id'))
    // email · paper · hand · school_email · other (checked in code)
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('channel_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sent_on', 'text', (c) => c.notNull())
    // JSON array of { name, email } (email may be empty for a letter sent by hand)
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('response_due_on', 'text', (c) => c.notNull())
    .addColumn('response_received_on', 'text')
    .addColumn('response_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('response_recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('letters_sent_concern').on('letters_sent').column('concern_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('letters_sent').execute()
}
