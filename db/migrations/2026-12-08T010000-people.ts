import { sql, type Kysely } from 'kysely'

// Frozen in time: a migration never imports app code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // An account the school has switched off: it cannot sign in and its sessions are refused, but every record it wrote
  // keeps it as the author, so the account is never deleted.
  await db.schema.alterTable('users').addColumn('deactivated_at', 'text').execute()
  await db.schema.alterTable('users').addColumn('deactivated_by', 'text', (c) => c.references('users.id')).execute()

  // A school role may now be plain 'staff': a person the admin invited to the school before any student's team.
  // SQLite cannot change a check constraint, so the table is rebuilt (nothing references it).
  await db.schema
    .createTable('school_roles_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('school_admin', 'staff')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute()
  await sql`insert into school_roles_next (id, school_id, user_id, role, created_at, removed_at) select id, school_id, user_id, role, created_at, removed_at from school_roles`.execute(db)
  await db.schema.dropTable('school_roles').execute()
  await db.schema.alterTable('school_roles_next').renameTo('school_roles').execute()
  await db.schema.createIndex('school_roles_user').on('school_roles').column('user_id').execute()
  await db.schema.createIndex('school_roles_school').on('school_roles').column('school_id').execute()

  // An invite to the school's staff, with no student yet: the same token (stored hashed), mail and accept page as a
  // team invite; accepting it makes the account and a 'staff' school role.
  await db.schema
    .createTable('staff_invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by', 'text', (c) => c.references('users.id'))
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema.createIndex('staff_invites_school').on('staff_invites').column('school_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('staff_invites').execute()
  await sql`delete from school_roles where role = 'staff'`.execute(db)
  await db.schema.dropIndex('school_roles_user').execute()
  await db.schema.dropIndex('school_roles_school').execute()
  await db.schema.alterTable('users').dropColumn('deactivated_by').execute()
  await db.schema.alterTable('users').dropColumn('deactivated_at').execute()
}
