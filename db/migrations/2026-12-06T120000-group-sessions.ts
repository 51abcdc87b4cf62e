import type { Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Services with the same provider and group name are one group (shared/group-sessions.ts); null: not in a group.
  await db.schema.alterTable('services').addColumn('group_name', 'text').execute()
  // The records written together by one group recording share this id; null for a session recorded on its own.
  await db.schema.alterTable('session_records').addColumn('group_session_id', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('session_records').dropColumn('group_session_id').execute()
  await db.schema.alterTable('services').dropColumn('group_name').execute()
}
