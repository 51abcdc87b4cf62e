import { sql, type Kysely } from 'kysely'

// Frozen in time: a migration never imports app code, so the languages are spelled out here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The language a person reads Same Page and its mail in (docs/languages.md); every existing account reads English.
  await db.schema
    .alterTable('users')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en').check(sql`language in ('en', 'es')`))
    .execute()
  // The language the invitation mail is written in and the sign-up page starts in, chosen by whoever invites.
  await db.schema
    .alterTable('invites')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en').check(sql`language in ('en', 'es')`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('invites').dropColumn('language').execute()
  await db.schema.alterTable('users').dropColumn('language').execute()
}
