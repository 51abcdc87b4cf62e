import type { Kysely } from 'kysely'

// Frozen in time: a migration never imports app code. The hard account lock is gone (docs/decisions/009-sign-in-throttle.md):
// failed sign-ins are counted in the server's memory per account+client and per client, and recorded in the audit log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sign_in_failures_email_at').ifExists().execute()
  await db.schema.dropTable('sign_in_failures').ifExists().execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sign_in_failures_email_at').on('sign_in_failures').columns(['email', 'at']).execute()
}
