import { type Kysely, sql } from 'kysely'

// Frozen in time: a migration never imports app code. Every table here is append-only: an edit is a new
// version, a response is a new entry, a step up is a new step row, a withdrawn dispute is a new dispute row.
export async function up(db: Kysely<unknown>): Promise<void> {
  // visibility: 'team' (the whole team) or 'family' (parents only); fixed when the concern is logged.
  await db.schema
    .createTable('concerns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('team', 'family')`))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    // Which side logged it ('parent' or 'case_manager'): that side keeps it up to date; everyone who sees it may respond.
    .addColumn('created_by_role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('concerns_student').on('concerns').column('student_id').execute()

  await db.schema
    .createTable('concern_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('concern_id', 'text', (c) => c.notNull().references('concerns.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('issue', 'text', (c) => c.notNull())
    .addColumn('person_contacted', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('follow_up', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'waiting', 'resolved')`))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('concern_versions_version', ['concern_id', 'version'])
    .execute()

  // kind: 'session' (a session record's record_id), 'check' (an accommodation check's id), 'progress' (a point's id).
  await db.schema
    .createTable('concern_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('concern_id', 'text', (c) => c.notNull().references('concerns.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session', 'check', 'progress')`))
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('concern_links_record', ['concern_id', 'kind', 'record_id'])
    .execute()

  await db.schema
    .createTable('concern_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('concern_id', 'text', (c) => c.notNull().references('concerns.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('contact', 'response')`))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('person', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('concern_updates_concern').on('concern_updates').column('concern_id').execute()

  // The ladder's history: the latest row is the current step; filed_on is a state complaint's filing date.
  await db.schema
    .createTable('concern_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('concern_id', 'text', (c) => c.notNull().references('concerns.id'))
    .addColumn('step', 'integer', (c) => c.notNull().check(sql`step between 1 and 6`))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('concern_steps_concern').on('concern_steps').column('concern_id').execute()

  // A parent's dispute flag on a record; the latest row per (kind, record_id) says whether it stands.
  await db.schema
    .createTable('record_disputes')
    // A counter, not a uuid: two rows written in the same millisecond still have an order (the later one counts).
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session', 'check')`))
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('dispute', 'withdraw')`))
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('record_disputes_student').on('record_disputes').columns(['student_id', 'kind', 'record_id']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['record_disputes', 'concern_steps', 'concern_updates', 'concern_links', 'concern_versions', 'concerns']) {
    await db.schema.dropTable(table).execute()
  }
}
