import { sql, type Kysely } from 'kysely'

/**
 * Every input of a student's accountability numbers (docs/formats.md#accountability-numbers), as table → the SQL
 * naming the students a changed row touches. A trigger per table and event bumps those students' generation, in
 * the same statement as the write, so no write path can forget to and a new one needs nothing.
 */
const STUDENTS_OF_SCHOOL = (school: string) => `select id from students where school_id = ${school}`
const WATCHED: { table: string; events: ('insert' | 'update' | 'delete')[]; students: (row: 'new' | 'old') => string; columns?: string[] }[] = [
  { table: 'session_records', events: ['insert', 'update', 'delete'], students: (r) => `select ${r}.student_id` },
  { table: 'services', events: ['insert', 'update', 'delete'], students: (r) => `select ${r}.student_id` },
  { table: 'service_terms', events: ['insert', 'update', 'delete'], students: (r) => `select student_id from services where id = ${r}.service_id` },
  { table: 'accommodations', events: ['insert', 'update', 'delete'], students: (r) => `select ${r}.student_id` },
  {
    table: 'accommodation_versions',
    events: ['insert', 'update', 'delete'],
    students: (r) => `select student_id from accommodations where id = ${r}.accommodation_id`,
  },
  { table: 'accommodation_checks', events: ['insert', 'update', 'delete'], students: (r) => `select ${r}.student_id` },
  { table: 'record_disputes', events: ['insert', 'update', 'delete'], students: (r) => `select ${r}.student_id` },
  { table: 'students', events: ['update'], students: (r) => `select ${r}.id`, columns: ['name', 'school_id'] },
  { table: 'users', events: ['update'], students: (r) => `select student_id from services where provider_id = ${r}.id`, columns: ['name'] },
  { table: 'school_closures', events: ['insert', 'update', 'delete'], students: (r) => STUDENTS_OF_SCHOOL(`${r}.school_id`) },
  { table: 'reporting_periods', events: ['insert', 'update', 'delete'], students: (r) => STUDENTS_OF_SCHOOL(`${r}.school_id`) },
  { table: 'schools', events: ['update'], students: (r) => STUDENTS_OF_SCHOOL(`${r}.id`), columns: ['make_up_reasons', 'year_start', 'year_end'] },
]

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A student's numbers are as current as their generation: a kept copy made at an older one is never read.
  await db.schema
    .createTable('numbers_generations')
    .addColumn('student_id', 'text', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    // Clustered on the key: a view of a school looks one up per service, one B-tree search each rather than two.
    .modifyEnd(sql`without rowid`)
    .execute()

  // The school and caseload views' columns for one service as of one day (docs/performance.md).
  await db.schema
    .createTable('service_numbers_kept')
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('delivery_rate', 'real', (c) => c.notNull())
    .addColumn('balance', 'integer', (c) => c.notNull())
    // Comma-separated alert keys, in the order serviceNumbers gives them ('' for none).
    .addColumn('alerts', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_numbers_kept_pk', ['service_id', 'as_of'])
    .modifyEnd(sql`without rowid`)
    .execute()
  await db.schema.createIndex('service_numbers_kept_as_of').on('service_numbers_kept').columns(['as_of']).execute()

  // One student's whole accountability@1 document as of one day, for the student page and its JSON download.
  await db.schema
    .createTable('student_numbers_kept')
    .addColumn('student_id', 'text', (c) => c.notNull())
    // The asOf, and the day it was made (the current term of each service is the one in force that day).
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('made_on', 'text', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('student_numbers_kept_pk', ['student_id', 'as_of', 'made_on'])
    .modifyEnd(sql`without rowid`)
    .execute()

  for (const w of WATCHED) {
    for (const event of w.events) {
      const rows = event === 'delete' ? ['old' as const] : event === 'insert' ? ['new' as const] : ['old' as const, 'new' as const]
      const on = event === 'update' && w.columns ? `update of ${w.columns.join(', ')}` : event
      const bumps = rows
        .map(
          (r) =>
            `insert into numbers_generations (student_id, generation) select s.student_id, 1 from (${w.students(r).replace(/^select (\S+)/, 'select $1 as student_id')}) s where s.student_id is not null ` +
            'on conflict (student_id) do update set generation = generation + 1;',
        )
        .join('\n')
      await sql.raw(`create trigger numbers_${w.table}_${event} after ${on} on ${w.table} begin\n${bumps}\nend`).execute(db)
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const w of WATCHED) for (const event of w.events) await sql.raw(`drop trigger if exists numbers_${w.table}_${event}`).execute(db)
  await db.schema.dropTable('student_numbers_kept').execute()
  await db.schema.dropTable('service_numbers_kept').execute()
  await db.schema.dropTable('numbers_generations').execute()
}
