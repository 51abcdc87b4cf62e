import { sql, type Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A make-up planned ahead is not a record of a session: it lives apart from session_records, so the ledger counts
  // only what was delivered. Each change (planned, moved, cancelled, made up) is a new version; earlier ones stay.
  await db.schema
    .createTable('make_up_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('repays_date', 'text', (c) => c.notNull())
    .addColumn('planned_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned', 'cancelled', 'made_up')`))
    // The make-up record that closed the plan (status made_up).
    .addColumn('record_id', 'text')
    .addColumn('change_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('make_up_plans_version', ['plan_id', 'version'])
    .execute()
  await db.schema.createIndex('make_up_plans_service').on('make_up_plans').columns(['service_id', 'repays_date']).execute()
  await db.schema.createIndex('make_up_plans_student').on('make_up_plans').column('student_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('make_up_plans').execute()
}
