import type { Kysely, Transaction } from 'kysely'
import type { Database } from '#db/schema.ts'

export type Executor = Kysely<Database> | Transaction<Database>

export interface AuditEntry {
  actorId: string | null
  studentId?: string | null
  entity: string
  entityId: string
  action: string
  before?: unknown
  after?: unknown
  at: Date
}

/**
 * The one audit helper (DESIGN.md §5): every write calls it inside the write's own transaction, so a
 * change and its evidence land together or not at all.
 */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at.toISOString(),
      actor_id: entry.actorId,
      student_id: entry.studentId ?? null,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute()
}
