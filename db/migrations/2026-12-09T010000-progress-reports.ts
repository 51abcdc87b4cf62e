import type { Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The school's own reporting periods ("Quarter 1": dates and a name), set by its admin.
  await db.schema
    .createTable('reporting_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('reporting_periods_school').on('reporting_periods').columns(['school_id', 'start_date']).execute()
  // The school's list of progress codes (JSON [{ key, label }]); null = the default four.
  await db.schema.alterTable('schools').addColumn('progress_codes', 'text').execute()

  // One report per student and period; its draft lives in the parts, its issued versions never change.
  await db.schema
    .createTable('progress_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('period_id', 'text', (c) => c.notNull().references('reporting_periods.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('progress_reports_student_period', ['student_id', 'period_id'])
    .execute()
  // The draft's words for one goal: the chosen progress code and the narrative (case manager, or the goal's provider).
  await db.schema
    .createTable('progress_report_parts')
    .addColumn('report_id', 'text', (c) => c.notNull().references('progress_reports.id'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id'))
    .addColumn('code', 'text')
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('progress_report_parts_pk', ['report_id', 'goal_id'])
    .execute()
  // An issued version: the whole report as it was sent, and the PDF's bytes, frozen.
  await db.schema
    .createTable('progress_report_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('progress_reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('pdf', 'blob', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('correction_reason', 'text')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('progress_report_versions_number', ['report_id', 'version'])
    .execute()
  // A parent read an issued version: once per person per version, with an optional comment kept in the record.
  await db.schema
    .createTable('progress_report_acks')
    .addColumn('version_id', 'text', (c) => c.notNull().references('progress_report_versions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('progress_report_acks_pk', ['version_id', 'user_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('progress_report_acks').execute()
  await db.schema.dropTable('progress_report_versions').execute()
  await db.schema.dropTable('progress_report_parts').execute()
  await db.schema.dropTable('progress_reports').execute()
  await db.schema.alterTable('schools').dropColumn('progress_codes').execute()
  await db.schema.dropTable('reporting_periods').execute()
}
