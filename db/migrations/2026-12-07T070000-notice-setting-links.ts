import type { Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The link at the foot of every notice and digest email: it opens one person's choice for one student without
  // signing in. Only the token's SHA-256 is kept, and a link expires, so an old email or a copy of the database
  // changes nothing.
  await db.schema
    .createTable('notice_setting_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('notice_setting_links_expiry').on('notice_setting_links').column('expires_at').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notice_setting_links').execute()
}
