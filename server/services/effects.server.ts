import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { type EffectKind, effectDateProblem, originOf, standingEffects } from '#shared/effects.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { type Executor, recordChange } from './audit.server.ts'

/** What happened next (docs/effects.md): effects at home, append-only. Who may write is the gate's to say. */

export interface Effect {
  /** The row as it stands (a correction has its own id; correcting or removing names this id). */
  id: string
  date: IsoDate
  kind: EffectKind
  goalId: string | null
  note: string
  recordedBy: string
  recordedByName: string
  recordedAt: string
  /** Whether this entry corrects an earlier one. */
  corrected: boolean
}

function rowsOf(db: Executor, studentId: string) {
  return db
    .selectFrom('effects')
    .innerJoin('users', 'users.id', 'effects.recorded_by')
    .select([
      'effects.id',
      'effects.action',
      'effects.replaces',
      'effects.goal_id',
      'effects.date',
      'effects.kind',
      'effects.note',
      'effects.recorded_by',
      'effects.recorded_at',
      'users.name as recorded_by_name',
    ])
    .where('effects.student_id', '=', studentId)
    .orderBy('effects.recorded_at')
    .orderBy('effects.id')
    .execute()
}

/**
 * The student's effects as they stand, newest day first. A plain exported read (the family ZIP reads it too): the
 * caller has passed the gate (`effects.view`).
 */
export async function listEffects(db: Executor, studentId: string): Promise<Effect[]> {
  const rows = await rowsOf(db, studentId)
  return standingEffects(rows)
    .map((r) => ({
      id: r.id,
      date: r.date,
      kind: r.kind,
      goalId: r.goal_id,
      note: r.note,
      recordedBy: r.recorded_by,
      recordedByName: r.recorded_by_name,
      recordedAt: r.recorded_at,
      corrected: r.action === 'correct',
    }))
    .sort((a, b) => b.date.localeCompare(a.date) || b.recordedAt.localeCompare(a.recordedAt))
}

/** Every entry ever written (records, corrections, removals), oldest first: the effects' own history. */
export async function effectEntries(db: Executor, studentId: string) {
  return rowsOf(db, studentId)
}

/** Who first recorded the effect a row stands for: only they correct or remove it (the owned rule `effect.correctOwn`). */
export async function effectRecorder(db: Executor, studentId: string, effectId: string): Promise<string | null> {
  const rows = await rowsOf(db, studentId)
  return originOf(rows, effectId)?.recorded_by ?? null
}

interface EffectWriter {
  studentId: string
  actorId: string
  now: Date
  today: IsoDate
}

async function assertSound(db: Executor, args: EffectWriter & { date: IsoDate; goalId?: string | undefined }): Promise<void> {
  const year = await db
    .selectFrom('students')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .select(['schools.year_start', 'schools.year_end'])
    .where('students.id', '=', args.studentId)
    .executeTakeFirst()
  const problem = effectDateProblem(args.date, args.today, { start: year?.year_start ?? null, end: year?.year_end ?? null })
  if (problem) throw new DomainError('BAD_REQUEST', problem, 'date')
  if (args.goalId) {
    const goal = await db.selectFrom('goals').select('id').where('id', '=', args.goalId).where('student_id', '=', args.studentId).executeTakeFirst()
    if (!goal) throw new DomainError('BAD_REQUEST', t('effects.goalNotFound'), 'goalId')
  }
}

type Fields = { date: IsoDate; kind: EffectKind; goalId?: string | undefined; note: string }

export async function recordEffect(db: DB, args: EffectWriter & Fields): Promise<{ effectId: string }> {
  return db.transaction().execute(async (trx) => {
    await assertSound(trx, args)
    const id = randomUUID()
    await trx
      .insertInto('effects')
      .values({
        id,
        student_id: args.studentId,
        action: 'record',
        replaces: null,
        goal_id: args.goalId ?? null,
        date: args.date,
        kind: args.kind,
        note: args.note,
        recorded_by: args.actorId,
        recorded_at: args.now.toISOString(),
      })
      .execute()
    await recordChange(trx, args, { entity: 'effect', entityId: id, action: 'record', after: { date: args.date, kind: args.kind, goalId: args.goalId ?? null, note: args.note } })
    return { effectId: id }
  })
}

/** The row that stands for `effectId`, or a refusal: not found, or already corrected or removed by a later row. */
async function standing(trx: Executor, studentId: string, effectId: string) {
  const rows = await rowsOf(trx, studentId)
  const row = rows.find((r) => r.id === effectId)
  if (!row || row.action === 'remove') throw new DomainError('NOT_FOUND', t('effects.notFound'))
  if (rows.some((r) => r.replaces === effectId)) throw new DomainError('CONFLICT', t('effects.alreadyReplaced'))
  return row
}

/** A correction is a new row in place of the earlier one; the earlier one stays in the record. */
export async function correctEffect(db: DB, args: EffectWriter & Fields & { effectId: string }): Promise<{ effectId: string }> {
  return db.transaction().execute(async (trx) => {
    const before = await standing(trx, args.studentId, args.effectId)
    await assertSound(trx, args)
    const id = randomUUID()
    await trx
      .insertInto('effects')
      .values({
        id,
        student_id: args.studentId,
        action: 'correct',
        replaces: args.effectId,
        goal_id: args.goalId ?? null,
        date: args.date,
        kind: args.kind,
        note: args.note,
        recorded_by: args.actorId,
        recorded_at: args.now.toISOString(),
      })
      .execute()
    await recordChange(trx, args, {
      entity: 'effect',
      entityId: id,
      action: 'correct',
      before: { date: before.date, kind: before.kind, goalId: before.goal_id, note: before.note },
      after: { date: args.date, kind: args.kind, goalId: args.goalId ?? null, note: args.note },
    })
    return { effectId: id }
  })
}

/** A removal is a row too: the effect no longer counts or shows, and the history keeps what it said. */
export async function removeEffect(db: DB, args: EffectWriter & { effectId: string; reason: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await standing(trx, args.studentId, args.effectId)
    const id = randomUUID()
    await trx
      .insertInto('effects')
      .values({
        id,
        student_id: args.studentId,
        action: 'remove',
        replaces: args.effectId,
        goal_id: before.goal_id,
        date: before.date,
        kind: before.kind,
        note: args.reason,
        recorded_by: args.actorId,
        recorded_at: args.now.toISOString(),
      })
      .execute()
    await recordChange(trx, args, { entity: 'effect', entityId: id, action: 'remove', before: { date: before.date, kind: before.kind, note: before.note }, after: { reason: args.reason } })
  })
}
