import { type Kysely, sql } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('school_closures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('school_closures_unique', ['school_id', 'date'])
    .execute()

  // Append-only: a change later in the day is a new row; the latest row for (accommodation, date) counts.
  // client_id is made in the browser so a resend after a dropped connection is recognised, never doubled.
  await db.schema
    .createTable('accommodation_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().unique())
    .addColumn('accommodation_id', 'text', (c) => c.notNull().references('accommodations.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('used', 'not_needed', 'not_provided', 'declined')`),
    )
    .addColumn('reason', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('accommodation_checks_day')
    .on('accommodation_checks')
    .columns(['student_id', 'date', 'accommodation_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('accommodation_checks').execute()
  await db.schema.dropTable('school_closures').execute()
}
