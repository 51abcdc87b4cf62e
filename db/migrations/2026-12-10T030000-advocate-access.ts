import { sql, type Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A parent's grant of read-only access to one student for a limited time (docs/advocates.md). The row is the
  // invitation (its link's hash, sent by mail) and, once accepted, the access itself: it ends at expires_at, or
  // at revoked_at when the parent revokes it first. Rows are never deleted: the parent keeps the list.
  await db.schema
    .createTable('advocate_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    // What the parent calls them ("Aunt Rosa"), if she said; the account's own name shows once accepted.
    .addColumn('name', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('granted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // The link works until then (a week at most, never past the access itself).
    .addColumn('invite_expires_at', 'text', (c) => c.notNull())
    // The exact moment access ends.
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
    .execute()
  await sql`create index advocate_grants_student on advocate_grants (student_id, created_at)`.execute(db)
  await sql`create index advocate_grants_user on advocate_grants (user_id, student_id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('advocate_grants').execute()
}
