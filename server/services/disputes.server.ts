import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import type { DisputeKind } from '#shared/schemas/concerns.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { t } from '#shared/i18n/i18n.ts'

/**
 * A parent's dispute flag on a session record or an accommodation check (docs/domain.md#disputes). Append-only: flagging adds
 * a `dispute` row, withdrawing adds a `withdraw` row; the latest row per record says whether the dispute stands.
 */

export interface ActiveDispute {
  kind: DisputeKind
  recordId: string
  comment: string
  byName: string
  at: string
}

export interface DisputeEntry {
  action: 'dispute' | 'withdraw'
  comment: string
  byName: string
  at: string
}

export function disputeKey(kind: DisputeKind, recordId: string): string {
  return `${kind}:${recordId}`
}

async function recordBelongsToStudent(db: Executor, studentId: string, kind: DisputeKind, recordId: string): Promise<boolean> {
  if (kind === 'session') {
    return !!(await db.selectFrom('session_records').select('id').where('record_id', '=', recordId).where('student_id', '=', studentId).executeTakeFirst())
  }
  return !!(await db.selectFrom('accommodation_checks').select('id').where('id', '=', recordId).where('student_id', '=', studentId).executeTakeFirst())
}

/** Every dispute row of the students, oldest first, with who wrote it. */
async function disputeRows(db: Executor, studentIds: readonly string[]) {
  if (studentIds.length === 0) return []
  return db
    .selectFrom('record_disputes')
    .innerJoin('users', 'users.id', 'record_disputes.created_by')
    .select([
      'record_disputes.student_id',
      'record_disputes.kind',
      'record_disputes.record_id',
      'record_disputes.action',
      'record_disputes.comment',
      'record_disputes.created_at',
      'users.name as by_name',
    ])
    .where('record_disputes.student_id', 'in', studentIds)
    .orderBy('record_disputes.id')
    .execute()
}

/** The disputes that stand (flagged and not withdrawn), by `kind:recordId`. */
export async function activeDisputes(db: Executor, studentId: string): Promise<Map<string, ActiveDispute>> {
  return (await activeDisputesOf(db, [studentId])).get(studentId) ?? new Map()
}

/** The same for several students, in one query: per student, by `kind:recordId`. */
export async function activeDisputesOf(db: Executor, studentIds: readonly string[]): Promise<Map<string, Map<string, ActiveDispute>>> {
  // The last row of each record decides: a withdrawal after a dispute leaves nothing standing.
  const latest = new Map<string, Map<string, Awaited<ReturnType<typeof disputeRows>>[number]>>(studentIds.map((id) => [id, new Map()]))
  for (const row of await disputeRows(db, studentIds)) latest.get(row.student_id)?.set(disputeKey(row.kind, row.record_id), row)
  const out = new Map<string, Map<string, ActiveDispute>>()
  for (const [studentId, rows] of latest) {
    const standing = new Map<string, ActiveDispute>()
    for (const [key, row] of rows) {
      if (row.action === 'dispute') standing.set(key, { kind: row.kind, recordId: row.record_id, comment: row.comment, byName: row.by_name, at: row.created_at })
    }
    out.set(studentId, standing)
  }
  return out
}

export async function listDisputes(db: DB, studentId: string): Promise<ActiveDispute[]> {
  return [...(await activeDisputes(db, studentId)).values()]
}

export async function disputeHistory(db: DB, studentId: string, kind: DisputeKind, recordId: string): Promise<DisputeEntry[]> {
  return (await disputeRows(db, [studentId]))
    .filter((r) => r.kind === kind && r.record_id === recordId)
    .map((r) => ({ action: r.action, comment: r.comment, byName: r.by_name, at: r.created_at }))
}

export async function disputeRecord(
  db: DB,
  args: { studentId: string; kind: DisputeKind; recordId: string; comment: string; actorId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await recordBelongsToStudent(trx, args.studentId, args.kind, args.recordId))) {
      throw new DomainError('NOT_FOUND', t('refusals.recordNotFound'))
    }
    if ((await activeDisputes(trx, args.studentId)).has(disputeKey(args.kind, args.recordId))) {
      throw new DomainError('CONFLICT', t('refusals.alreadyDisputed'))
    }
    await trx
      .insertInto('record_disputes')
      .values({ student_id: args.studentId, kind: args.kind, record_id: args.recordId, action: 'dispute', comment: args.comment, created_by: args.actorId, created_at: args.now.toISOString() })
      .execute()
    await recordChange(trx, args, { entity: `${args.kind}_dispute`, entityId: args.recordId, action: 'dispute', after: { comment: args.comment } })
  })
}

export async function withdrawDispute(
  db: DB,
  args: { studentId: string; kind: DisputeKind; recordId: string; comment: string; actorId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const active = (await activeDisputes(trx, args.studentId)).get(disputeKey(args.kind, args.recordId))
    if (!active) throw new DomainError('NOT_FOUND', t('refusals.noDisputeToWithdraw'))
    await trx
      .insertInto('record_disputes')
      .values({ student_id: args.studentId, kind: args.kind, record_id: args.recordId, action: 'withdraw', comment: args.comment, created_by: args.actorId, created_at: args.now.toISOString() })
      .execute()
    await recordChange(trx, args, { entity: `${args.kind}_dispute`, entityId: args.recordId, action: 'withdraw', before: { comment: active.comment }, after: { comment: args.comment } })
  })
}
