import type { Insertable, Kysely, Transaction } from 'kysely'
import type { AuditLogTable, Database } from '#db/schema.ts'
import type { AuditEvent } from '#shared/audit-events.ts'
import { appendChained } from './audit-chain.server.ts'

export type Executor = Kysely<Database> | Transaction<Database>

export type AuditEntry = AuditEvent & {
  actorId: string | null
  studentId?: string | null
  entityId: string
  before?: unknown
  after?: unknown
  at: Date
}

/** An audit row as stored, before the chain adds its id and hashes. */
export type AuditRow = Omit<Insertable<AuditLogTable>, 'id' | 'prev_hash' | 'hash' | 'entity' | 'action'> & { entity: AuditEvent['entity']; action: AuditEvent['action'] }

/**
 * The one audit helper (docs/domain.md#records-are-evidence): every write calls it inside the write's own transaction, so a
 * change and its evidence land together or not at all. The row joins the hash chain there (audit-chain.server.ts);
 * called outside a transaction, it opens one, so reading the chain's head and appending stay one step.
 */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await appendAuditRows(db, [
    {
      at: entry.at.toISOString(),
      actor_id: entry.actorId,
      student_id: entry.studentId ?? null,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  ])
}

/** Who made a change, for which student, and when: a service's own arguments (`args`) usually carry all three. */
export interface AuditedBy {
  actorId: string | null
  studentId?: string | null
  now: Date
}

/** What a change did: the entity, its action, and what it was before and after. */
export type AuditChange = AuditEvent & { entityId: string; before?: unknown; after?: unknown }

/** `recordAudit` for a change made by `by`: the actor, student and time are the caller's, named once. */
export function recordChange(db: Executor, by: AuditedBy, change: AuditChange): Promise<void> {
  return recordAudit(db, { actorId: by.actorId, studentId: by.studentId, ...change, at: by.now })
}

/** Many audit rows at once (a plan import's thousands), chained in order. */
export async function appendAuditRows(db: Executor, rows: AuditRow[]): Promise<void> {
  if (db.isTransaction) return appendChained(db, 'audit_log', rows)
  return (db as Kysely<Database>).transaction().execute((trx) => appendChained(trx, 'audit_log', rows))
}
