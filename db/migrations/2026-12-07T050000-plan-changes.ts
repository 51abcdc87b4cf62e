import type { Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A change to the plan as the family reads it (before → after), written with the change itself.
  await db.schema
    .createTable('plan_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('before_text', 'text', (c) => c.notNull())
    .addColumn('after_text', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('is_reduction', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text')
    .addColumn('changed_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('plan_changes_student').on('plan_changes').columns(['student_id', 'created_at']).execute()
  // A parent's acknowledgment: once per person per change.
  await db.schema
    .createTable('plan_change_acks')
    .addColumn('plan_change_id', 'text', (c) => c.notNull().references('plan_changes.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_change_acks_pk', ['plan_change_id', 'user_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('plan_change_acks').execute()
  await db.schema.dropTable('plan_changes').execute()
}
