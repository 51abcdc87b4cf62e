import { sql, type Kysely } from 'kysely'

// Frozen in time: a migration never imports app code. Every table here is append-only.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What happened next (docs/effects.md): an effect at home after school or the next day, against a date and, where
  // known, a goal. Never edited in place: a correction is a new row that `replaces` the earlier one, a removal is a
  // `remove` row that replaces it; the effect as it stands is a row no later row replaces (at most one may).
  await db.schema
    .createTable('effects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('record', 'correct', 'remove')`))
    .addColumn('replaces', 'text', (c) => c.references('effects.id').unique())
    .addColumn('goal_id', 'text', (c) => c.references('goals.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('shutdown', 'school_refusal', 'meltdown', 'sleep', 'other')`))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('effects_student').on('effects').columns(['student_id', 'date']).execute()

  // Agreements (docs/domain.md#agreements): the day a concern ended with an agreement (one per concern), each
  // promised item, and the item marked done (once).
  await db.schema
    .createTable('concern_agreements')
    .addColumn('concern_id', 'text', (c) => c.primaryKey().references('concerns.id'))
    .addColumn('agreed_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('agreement_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('concern_id', 'text', (c) => c.notNull().references('concern_agreements.concern_id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('compensatory', 'extended_year', 'independent_evaluation', 'tutoring', 'plan_change', 'other')`),
    )
    .addColumn('what', 'text', (c) => c.notNull())
    // Who does it: a team member, or free text ("the district office").
    .addColumn('who_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('who_text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .addColumn('done_at', 'text')
    .execute()
  await db.schema.createIndex('agreement_items_concern').on('agreement_items').column('concern_id').execute()

  // A watched concern reopened by a new alert on a linked service: one row per concern and alert start, never twice.
  await db.schema
    .createTable('concern_reopens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('concern_id', 'text', (c) => c.notNull().references('concerns.id'))
    .addColumn('alert_key', 'text', (c) => c.notNull())
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('concern_reopens_once', ['concern_id', 'alert_key', 'date'])
    .execute()

  // A family-only concern shared with the team later: when and by whom (the visibility column then reads 'team').
  await db.schema.alterTable('concerns').addColumn('shared_at', 'text').execute()
  await db.schema.alterTable('concerns').addColumn('shared_by', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('concerns').dropColumn('shared_by').execute()
  await db.schema.alterTable('concerns').dropColumn('shared_at').execute()
  for (const table of ['concern_reopens', 'agreement_items', 'concern_agreements', 'effects']) await db.schema.dropTable(table).execute()
}
