import { sql, type Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A step recorded by mistake is taken back by a later row, never by deleting it: `move` rows go up the ladder, a
  // `take_back` row withdraws the latest move still standing (its `step` is the step the concern is back at).
  await db.schema
    .alterTable('concern_steps')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('move').check(sql`kind in ('move', 'take_back')`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('concern_steps').dropColumn('kind').execute()
}
