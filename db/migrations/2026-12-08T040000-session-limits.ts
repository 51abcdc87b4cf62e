import { sql, type Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What a signed-in device is, for the person's own list of devices, and when it was last used, for idle sign-out.
  // Times are epoch milliseconds of the app's clock.
  await db.schema.alterTable('auth_sessions').addColumn('created_at', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('auth_sessions').addColumn('last_seen_at', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('auth_sessions').addColumn('user_agent', 'text').execute()
  await db.schema.alterTable('auth_sessions').addColumn('ip', 'text').execute()
  await db.schema.alterTable('auth_sessions').addColumn('method', 'text').execute()
  // Sessions from before: Lucia kept each one 30 days past its last refresh, so that refresh is the best guess of both.
  await sql`update auth_sessions set created_at = (expires_at - 30 * 86400) * 1000, last_seen_at = (expires_at - 30 * 86400) * 1000`.execute(db)

  // Each school's limits: staff minutes without activity, family days.
  await db.schema.alterTable('schools').addColumn('staff_idle_minutes', 'integer', (c) => c.notNull().defaultTo(30)).execute()
  await db.schema.alterTable('schools').addColumn('family_session_days', 'integer', (c) => c.notNull().defaultTo(30)).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['created_at', 'last_seen_at', 'user_agent', 'ip', 'method']) {
    await db.schema.alterTable('auth_sessions').dropColumn(column).execute()
  }
  await db.schema.alterTable('schools').dropColumn('staff_idle_minutes').execute()
  await db.schema.alterTable('schools').dropColumn('family_session_days').execute()
}
