import { type Kysely, sql } from 'kysely'

// Frozen in time: a migration never imports app code.
// Plan tables keep every version: the current goal is its highest version, earlier ones stay as evidence.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('schools').addColumn('year_start', 'text').execute()
  await db.schema.alterTable('schools').addColumn('year_end', 'text').execute()
  // The goal areas a provider works in (JSON array); they may edit the plain parts of those goals.
  await db.schema.alterTable('team_members').addColumn('areas', 'text').execute()

  await db.schema
    .createTable('profile_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('communication', 'regulation')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addUniqueConstraint('profile_versions_unique', ['student_id', 'kind', 'version'])
    .execute()

  await db.schema
    .createTable('goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .execute()
  await db.schema.createIndex('goals_student').on('goals').column('student_id').execute()

  await db.schema
    .createTable('goal_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('official_text', 'text', (c) => c.notNull())
    .addColumn('plain_means', 'text', (c) => c.notNull())
    .addColumn('plain_looks_like', 'text', (c) => c.notNull())
    .addColumn('plain_adults_help', 'text', (c) => c.notNull())
    .addColumn('plain_measure', 'text', (c) => c.notNull())
    .addColumn('baseline', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull().check(sql`unit in ('percent', 'minutes', 'count')`))
    .addColumn('mastery', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addUniqueConstraint('goal_versions_unique', ['goal_id', 'version'])
    .execute()

  await db.schema
    .createTable('accommodations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .execute()
  await db.schema.createIndex('accommodations_student').on('accommodations').column('student_id').execute()

  await db.schema
    .createTable('accommodation_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('accommodation_id', 'text', (c) => c.notNull().references('accommodations.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('applies', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addUniqueConstraint('accommodation_versions_unique', ['accommodation_id', 'version'])
    .execute()

  await db.schema
    .createTable('progress_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('trials', 'text')
    .addColumn('prompt_level', 'text', (c) => c.notNull())
    .addColumn('regulation', 'text', (c) =>
      c.notNull().check(sql`regulation in ('calm', 'uneasy', 'dysregulated')`),
    )
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('voided_by', 'text', (c) => c.references('users.id'))
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema.createIndex('progress_points_goal_date').on('progress_points').columns(['goal_id', 'date']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['progress_points', 'accommodation_versions', 'accommodations', 'goal_versions', 'goals', 'profile_versions']) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.alterTable('team_members').dropColumn('areas').execute()
  await db.schema.alterTable('schools').dropColumn('year_end').execute()
  await db.schema.alterTable('schools').dropColumn('year_start').execute()
}
