import type { Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One authenticator key per person. The key itself must be kept (codes are computed from it), so it is stored as
  // is; `last_step` is the latest 30-second step a code was accepted for, so no code is ever accepted twice.
  // A row with no `enabled_at` is a set-up not yet confirmed with a first code.
  await db.schema
    .createTable('two_step_keys')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('key', 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('enabled_at', 'text')
    .addColumn('last_step', 'integer')
    .execute()
  // Ten single-use recovery codes, shown once: only a SHA-256 of each is kept.
  await db.schema
    .createTable('two_step_recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute()
  await db.schema.createIndex('two_step_recovery_codes_user').on('two_step_recovery_codes').column('user_id').execute()
  // A sign-in whose password was right, waiting for its code: the browser holds the token, the table its hash.
  await db.schema
    .createTable('two_step_challenges')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('redirect_to', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('two_step_challenges_user').on('two_step_challenges').column('user_id').execute()
  await db.schema.alterTable('schools').addColumn('require_two_step', 'integer', (c) => c.notNull().defaultTo(0)).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('schools').dropColumn('require_two_step').execute()
  await db.schema.dropTable('two_step_challenges').execute()
  await db.schema.dropTable('two_step_recovery_codes').execute()
  await db.schema.dropTable('two_step_keys').execute()
}
