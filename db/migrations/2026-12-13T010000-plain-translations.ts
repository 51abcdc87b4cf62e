import { sql, type Kysely } from 'kysely'

// Frozen in time: a migration never imports app code, so the subjects and languages are spelled out here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A goal's plain summary or an accommodation's words, written again in a family's language beside the English
  // (docs/languages.md#plain-summaries). One current text per subject and language; every save is in the audit log.
  await db.schema
    .createTable('plain_translations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('subject', 'text', (c) => c.notNull().check(sql`subject in ('goal', 'accommodation')`))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('es')`))
    // JSON: the translated parts, and the English parts they were written beside (to tell when the English moved on).
    .addColumn('parts', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addUniqueConstraint('plain_translations_subject_language', ['subject', 'subject_id', 'language'])
    .execute()
  await db.schema.createIndex('plain_translations_student').on('plain_translations').columns(['student_id', 'subject']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('plain_translations').execute()
}
