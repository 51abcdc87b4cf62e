import { sql, type Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // How many calendar days a school has to answer a parent's request for records: 45 under FERPA, fewer in
  // many states (docs/records.md#records-requests).
  await db.schema.alterTable('schools').addColumn('records_request_days', 'integer', (c) => c.notNull().defaultTo(45)).execute()

  // One student's whole record in one ZIP file (docs/records.md): built in the background, stored in the data
  // folder, downloadable by the person it was built for. `side` says whose copy it is: the family's holds the
  // family-only concerns, the school's never does.
  await db.schema
    .createTable('record_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('family', 'school')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'building', 'ready', 'failed')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('size', 'integer')
    .addColumn('sha256', 'text')
    // JSON: every file's path in the ZIP, what was given.
    .addColumn('contents', 'text')
    .addColumn('error', 'text')
    .execute()
  await db.schema.createIndex('record_exports_student').on('record_exports').columns(['student_id', 'created_at']).execute()
  await db.schema.createIndex('record_exports_status').on('record_exports').columns(['status']).execute()

  // A parent's request for records, logged by the school admin with the day it was received; fulfilled with a
  // school-side export, whose hash and file list say exactly what was given.
  await db.schema
    .createTable('records_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('logged_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('logged_at', 'text', (c) => c.notNull())
    .addColumn('export_id', 'text', (c) => c.references('record_exports.id'))
    .addColumn('fulfilled_on', 'text')
    .addColumn('fulfilled_by', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('records_requests_school').on('records_requests').columns(['school_id', 'received_on']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('records_requests').execute()
  await db.schema.dropTable('record_exports').execute()
  await db.schema.alterTable('schools').dropColumn('records_request_days').execute()
}
