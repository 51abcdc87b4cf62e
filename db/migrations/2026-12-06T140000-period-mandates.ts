import { sql, type Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A term's mandate repeats each week (one session per listed weekday, as before), month or reporting period; a
  // period owes sessions_per_period sessions of minutes_per_session, or minutes_per_period minutes. Existing rows are weekly.
  await db.schema
    .alterTable('service_terms')
    .addColumn('per', 'text', (c) => c.notNull().defaultTo('week').check(sql`per in ('week', 'month', 'reporting_period')`))
    .execute()
  await db.schema.alterTable('service_terms').addColumn('sessions_per_period', 'integer').execute()
  await db.schema.alterTable('service_terms').addColumn('minutes_per_period', 'integer').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service_terms').dropColumn('minutes_per_period').execute()
  await db.schema.alterTable('service_terms').dropColumn('sessions_per_period').execute()
  await db.schema.alterTable('service_terms').dropColumn('per').execute()
}
