import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { trialPercentage } from '#shared/mastery.ts'
import type { PromptLevel, RegulationState, TrialResult } from '#shared/schemas/plan.ts'
import { recordChange } from './audit.server.ts'
import { assertInSchoolYear } from './school-year.server.ts'
import { t } from '#shared/i18n/i18n.ts'

export interface NewProgressPoint {
  studentId: string
  goalId: string
  date: string
  value?: number | undefined
  trials?: TrialResult[] | undefined
  promptLevel: PromptLevel
  regulation: RegulationState
  note: string
}

/** A data point is evidence: it is added, or voided with a reason, never edited or deleted. */
export async function addProgressPoint(
  db: DB,
  args: NewProgressPoint & { actorId: string; now: Date; today: string },
): Promise<{ pointId: string; value: number }> {
  if (args.date > args.today) throw new DomainError('BAD_REQUEST', t('refusals.futureProgress'), 'date')
  const value = args.trials?.length ? trialPercentage(args.trials) : args.value
  if (value === undefined) throw new DomainError('BAD_REQUEST', t('refusals.enterValue'), 'value')
  return db.transaction().execute(async (trx) => {
    const goal = await trx
      .selectFrom('goals')
      .select(['id', 'student_id', 'ended_at'])
      .where('id', '=', args.goalId)
      .where('student_id', '=', args.studentId)
      .executeTakeFirst()
    if (!goal) throw new DomainError('NOT_FOUND', t('refusals.goalNotFound'))
    // An ended goal keeps its data; new data goes to the goals of the current plan (docs/iep-calendar.md).
    if (goal.ended_at) throw new DomainError('BAD_REQUEST', t('refusals.goalEnded'))
    await assertInSchoolYear(trx, args.studentId, args.date, 'date')
    const pointId = randomUUID()
    const row = {
      id: pointId,
      goal_id: args.goalId,
      student_id: args.studentId,
      date: args.date,
      value,
      trials: args.trials?.length ? JSON.stringify(args.trials) : null,
      prompt_level: args.promptLevel,
      regulation: args.regulation,
      note: args.note,
      recorded_by: args.actorId,
      recorded_at: args.now.toISOString(),
      voided_at: null,
      voided_by: null,
      void_reason: null,
    }
    await trx.insertInto('progress_points').values(row).execute()
    await recordChange(trx, args, {
      entity: 'progress_point',
      entityId: pointId,
      action: 'create',
      after: { goalId: args.goalId, date: args.date, value, trials: args.trials ?? null, promptLevel: args.promptLevel, regulation: args.regulation, note: args.note },
    })
    return { pointId, value }
  })
}

export async function voidProgressPoint(
  db: DB,
  args: { studentId: string; pointId: string; reason: string; actorId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const point = await trx
      .selectFrom('progress_points')
      .select(['id', 'voided_at', 'date', 'value'])
      .where('id', '=', args.pointId)
      .where('student_id', '=', args.studentId)
      .executeTakeFirst()
    if (!point) throw new DomainError('NOT_FOUND', t('refusals.dataPointNotFound'))
    if (point.voided_at) throw new DomainError('CONFLICT', t('refusals.dataPointVoided'))
    await trx
      .updateTable('progress_points')
      .set({ voided_at: args.now.toISOString(), voided_by: args.actorId, void_reason: args.reason })
      .where('id', '=', point.id)
      .execute()
    await recordChange(trx, args, {
      entity: 'progress_point',
      entityId: point.id,
      action: 'void',
      before: { date: point.date, value: point.value, voidedAt: null },
      after: { date: point.date, value: point.value, voidedAt: args.now.toISOString(), reason: args.reason },
    })
  })
}
