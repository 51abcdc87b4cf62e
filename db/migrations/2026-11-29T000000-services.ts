import { type Kysely, sql } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Which missed reasons owe a make-up session, per school (JSON array); null means the default (docs/domain.md#make-up-policy).
  await db.schema.alterTable('schools').addColumn('make_up_reasons', 'text').execute()

  await db.schema
    .createTable('services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('setting', 'text', (c) => c.notNull().check(sql`setting in ('push-in', 'pull-out')`))
    .addColumn('grouping', 'text', (c) => c.notNull().check(sql`grouping in ('group', 'individual')`))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('services_key', ['student_id', 'key'])
    .execute()

  // An IEP amendment adds a term from a date; sessions before it keep the old mandate.
  await db.schema
    .createTable('service_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('minutes_per_session', 'integer', (c) => c.notNull())
    .addColumn('weekdays', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('service_terms_from', ['service_id', 'effective_from'])
    .execute()

  // Append-only: a correction or a void is a new version of the same record_id; the highest version counts.
  await db.schema
    .createTable('session_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('delivered', 'missed', 'make_up')`))
    .addColumn('minutes', 'integer')
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('repays_date', 'text')
    .addColumn('voided', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('change_reason', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('session_records_version', ['record_id', 'version'])
    .execute()
  await db.schema.createIndex('session_records_service_date').on('session_records').columns(['service_id', 'date']).execute()
  await db.schema.createIndex('session_records_student').on('session_records').column('student_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('session_records').execute()
  await db.schema.dropTable('service_terms').execute()
  await db.schema.dropTable('services').execute()
  await db.schema.alterTable('schools').dropColumn('make_up_reasons').execute()
}
