import type { Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A person's choice, per student, of how they hear about misses and alerts by mail (immediate · daily · weekly ·
  // app_only, checked in code). No row: the default for their role (shared/notice-cadence.ts).
  await db.schema
    .createTable('notice_preferences')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_preferences_pk', ['user_id', 'student_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notice_preferences').execute()
}
