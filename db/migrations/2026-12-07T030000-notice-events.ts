import type { Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The alerts last seen on for each student (docs/decisions/019-alert-transitions.md): alerts are computed on
  // read, so a start or a clear is a difference between this set and the one computed now. `alerts` is a JSON
  // array of "serviceKey:alert" keys. No row: the student has not been looked at yet (the first look is the baseline).
  await db.schema
    .createTable('notice_alert_state')
    .addColumn('student_id', 'text', (c) => c.primaryKey().references('students.id'))
    .addColumn('alerts', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute()
  // An unrecorded session is announced once, ever: one row per (service, school day) once its window closed.
  await db.schema
    .createTable('notice_unrecorded_sent')
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_unrecorded_sent_pk', ['service_id', 'date'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notice_unrecorded_sent').execute()
  await db.schema.dropTable('notice_alert_state').execute()
}
