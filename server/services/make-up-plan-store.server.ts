import { randomUUID } from 'node:crypto'
import type { MakeUpPlansTable } from '#db/schema.ts'
import type { PlanView } from '#shared/make-up-plans.ts'
import type { AuditActionOf } from '#shared/audit-events.ts'
import { type Executor, recordChange } from './audit.server.ts'

/**
 * The make_up_plans table: its current versions, and a new version with its audit row. Kept apart from the rules
 * (make-up-plans.server.ts) so that recording a make-up (session-records.server.ts) can close a plan without a cycle.
 */
export interface MakeUpPlan extends PlanView {
  studentId: string
  version: number
  recordId: string | null
  changeReason: string | null
}

function shape(r: MakeUpPlansTable): MakeUpPlan {
  return {
    planId: r.plan_id,
    version: r.version,
    serviceId: r.service_id,
    studentId: r.student_id,
    repaysDate: r.repays_date,
    plannedDate: r.planned_date,
    status: r.status,
    recordId: r.record_id,
    changeReason: r.change_reason,
  }
}

/** The newest version of each plan of these services (or of one plan), oldest planned day first. */
export async function currentPlans(db: Executor, by: { serviceIds?: string[]; planId?: string; studentId?: string }): Promise<MakeUpPlan[]> {
  if (by.serviceIds && by.serviceIds.length === 0) return []
  let q = db
    .selectFrom('make_up_plans as p')
    .selectAll('p')
    .where(({ eb, selectFrom }) =>
      eb('p.version', '=', selectFrom('make_up_plans as newer').select((n) => n.fn.max('newer.version').as('v')).whereRef('newer.plan_id', '=', 'p.plan_id')),
    )
  if (by.serviceIds) q = q.where('p.service_id', 'in', by.serviceIds)
  if (by.planId) q = q.where('p.plan_id', '=', by.planId)
  if (by.studentId) q = q.where('p.student_id', '=', by.studentId)
  const rows = await q.orderBy('p.planned_date').orderBy('p.created_at').execute()
  return rows.map(shape)
}

/** Writes one version of a plan and its audit row, in the caller's transaction. */
export async function savePlanVersion(
  trx: Executor,
  plan: Omit<MakeUpPlan, 'version'> & { version: number },
  audit: { actorId: string; now: Date; action: AuditActionOf<'make_up_plan'>; serviceName: string; before?: unknown },
): Promise<MakeUpPlan> {
  await trx
    .insertInto('make_up_plans')
    .values({
      id: randomUUID(),
      plan_id: plan.planId,
      version: plan.version,
      service_id: plan.serviceId,
      student_id: plan.studentId,
      repays_date: plan.repaysDate,
      planned_date: plan.plannedDate,
      status: plan.status,
      record_id: plan.recordId,
      change_reason: plan.changeReason,
      created_by: audit.actorId,
      created_at: audit.now.toISOString(),
    })
    .execute()
  await recordChange(
    trx,
    { actorId: audit.actorId, studentId: plan.studentId, now: audit.now },
    {
      entity: 'make_up_plan',
      entityId: plan.planId,
      action: audit.action,
      before: audit.before,
      after: { service: audit.serviceName, repaysDate: plan.repaysDate, plannedDate: plan.plannedDate, status: plan.status, changeReason: plan.changeReason },
    },
  )
  return { ...plan }
}

/**
 * A make-up recorded for a session with an open plan closes that plan (its new version names the record), in the
 * recording's transaction: the plan is then done, and only the record counts.
 */
export async function closePlanFor(
  trx: Executor,
  args: { serviceId: string; serviceName: string; repaysDate: string; recordId: string; actorId: string; now: Date },
): Promise<void> {
  const open = (await currentPlans(trx, { serviceIds: [args.serviceId] })).find((p) => p.status === 'planned' && p.repaysDate === args.repaysDate)
  if (!open) return
  await savePlanVersion(
    trx,
    { ...open, version: open.version + 1, status: 'made_up', recordId: args.recordId, changeReason: null },
    { actorId: args.actorId, now: args.now, action: 'close', serviceName: args.serviceName },
  )
}
