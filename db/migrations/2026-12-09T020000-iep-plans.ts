import { sql, type Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per plan year of a student (docs/iep-calendar.md): its own dates, all optional. The current plan is the
  // one not yet replaced; starting the next plan marks it replaced and adds a new row, so every year keeps its dates.
  await db.schema
    .createTable('iep_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('annual_review_date', 'text')
    .addColumn('reevaluation_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('replaced_at', 'text')
    .addColumn('replaced_by', 'text', (c) => c.references('users.id'))
    .execute()
  // At most one current plan per student.
  await sql`create unique index iep_plans_current on iep_plans (student_id) where replaced_at is null`.execute(db)
  await db.schema.createIndex('iep_plans_student').on('iep_plans').columns(['student_id', 'created_at']).execute()

  // A goal ended when the next plan started: it leaves the current plan, its versions and data stay readable.
  await db.schema.alterTable('goals').addColumn('ended_at', 'text').execute()
  await db.schema.alterTable('goals').addColumn('ended_by', 'text').execute()
  await db.schema.alterTable('goals').addColumn('ended_reason', 'text').execute()
  await db.schema.alterTable('goals').addColumn('ended_plan_id', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['ended_at', 'ended_by', 'ended_reason', 'ended_plan_id']) {
    await db.schema.alterTable('goals').dropColumn(column).execute()
  }
  await db.schema.dropTable('iep_plans').execute()
}
