import { sql, type Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // An undone tap is taken back by a later row, never by deleting or editing it: a `clear` row (its `status` is
  // the choice it takes back) makes the support "not recorded" for that day again; the latest row still counts.
  await db.schema
    .alterTable('accommodation_checks')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('record').check(sql`kind in ('record', 'clear')`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accommodation_checks').dropColumn('kind').execute()
}
