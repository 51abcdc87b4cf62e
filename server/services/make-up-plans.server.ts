import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { sessions } from '#shared/i18n/en/sessions.ts'
import { openPlanFor, type PlanProblem, planProblem } from '#shared/make-up-plans.ts'
import type { IsoDate } from '#shared/school-date.ts'
import type { Executor } from './audit.server.ts'
import { closureSet, closuresForStudent } from './calendar.server.ts'
import { currentPlans, type MakeUpPlan, savePlanVersion } from './make-up-plan-store.server.ts'
import { sessionsForServices } from './session-checklist.server.ts'
import { getService, listServices } from './services.server.ts'

/** Each refusal, with the field it belongs to, as a person reads it. */
const PROBLEMS: Record<PlanProblem, { field: 'plannedDate' | 'repaysDate'; key: Exclude<keyof typeof sessions.plannedMakeUps.refusals, 'notFound' | 'closed'> }> = {
  nothing_owed: { field: 'repaysDate', key: 'nothingOwed' },
  already_planned: { field: 'repaysDate', key: 'alreadyPlanned' },
  in_past: { field: 'plannedDate', key: 'inPast' },
  not_after_session: { field: 'plannedDate', key: 'notAfterSession' },
  not_school_day: { field: 'plannedDate', key: 'notSchoolDay' },
  after_service: { field: 'plannedDate', key: 'afterService' },
}

interface Who {
  actorId: string
  now: Date
  today: IsoDate
}

/** Refuses a planned day the rules do not allow, naming the field and the days. */
async function checkPlan(db: DB, args: { studentId: string; serviceId: string; repaysDate: IsoDate; plannedDate: IsoDate; today: IsoDate; exceptPlanId?: string }) {
  const service = await getService(db, args.studentId, args.serviceId)
  const closures = closureSet(await closuresForStudent(db, args.studentId))
  const [sessions] = await sessionsForServices(db, [service], args.repaysDate, args.repaysDate, args.today)
  const owedMinutes = sessions?.owed.find((o) => o.date === args.repaysDate)?.owedMinutes ?? 0
  const open = openPlanFor(await currentPlans(db, { serviceIds: [service.id] }), service.id, args.repaysDate)
  const problem = planProblem({
    plannedDate: args.plannedDate,
    repaysDate: args.repaysDate,
    today: args.today,
    closures,
    serviceEnd: service.endDate,
    owedMinutes,
    openPlan: !!open && open.planId !== args.exceptPlanId,
  })
  if (problem) {
    const { field, key } = PROBLEMS[problem]
    throw new DomainError('BAD_REQUEST', t(`sessions.plannedMakeUps.refusals.${key}`, { date: formatDay(args.plannedDate), session: formatDay(args.repaysDate), service: service.name }), field)
  }
  return service
}

/** Plans a make-up for a missed session on a later school day. At most one plan of a session is open at a time. */
export async function planMakeUp(db: DB, args: Who & { studentId: string; serviceId: string; repaysDate: IsoDate; plannedDate: IsoDate }): Promise<MakeUpPlan> {
  const service = await checkPlan(db, args)
  return db.transaction().execute(async (trx) => {
    // Looked at again inside the transaction: two plans sent at once still leave one open.
    if (openPlanFor(await currentPlans(trx, { serviceIds: [service.id] }), service.id, args.repaysDate)) {
      throw new DomainError('CONFLICT', t('sessions.plannedMakeUps.refusals.alreadyPlanned', { session: formatDay(args.repaysDate), service: service.name }), 'repaysDate')
    }
    return savePlanVersion(
      trx,
      { planId: randomUUID(), version: 1, serviceId: service.id, studentId: args.studentId, repaysDate: args.repaysDate, plannedDate: args.plannedDate, status: 'planned', recordId: null, changeReason: null },
      { actorId: args.actorId, now: args.now, action: 'plan', serviceName: service.name },
    )
  })
}

/** The open plan, or a refusal: a cancelled or made-up plan is not changed again. */
async function openPlan(db: Executor, studentId: string, planId: string): Promise<MakeUpPlan> {
  const [plan] = await currentPlans(db, { planId, studentId })
  if (!plan) throw new DomainError('NOT_FOUND', t('sessions.plannedMakeUps.refusals.notFound'))
  if (plan.status !== 'planned') throw new DomainError('CONFLICT', t('sessions.plannedMakeUps.refusals.closed'))
  return plan
}

/** Moves a plan to another day: a new version, with why. */
export async function moveMakeUpPlan(db: DB, args: Who & { studentId: string; planId: string; plannedDate: IsoDate; changeReason: string }): Promise<MakeUpPlan> {
  const plan = await openPlan(db, args.studentId, args.planId)
  const service = await checkPlan(db, { ...args, serviceId: plan.serviceId, repaysDate: plan.repaysDate, exceptPlanId: plan.planId })
  return db.transaction().execute(async (trx) => {
    // Looked at again inside the transaction: a plan cancelled or made up meanwhile is not moved.
    const current = await openPlan(trx, args.studentId, args.planId)
    return savePlanVersion(
      trx,
      { ...current, version: current.version + 1, plannedDate: args.plannedDate, changeReason: args.changeReason },
      { actorId: args.actorId, now: args.now, action: 'move', serviceName: service.name, before: { plannedDate: plan.plannedDate } },
    )
  })
}

/** Cancels a plan, with why; the session stays owed. */
export async function cancelMakeUpPlan(db: DB, args: Omit<Who, 'today'> & { studentId: string; planId: string; changeReason: string }): Promise<MakeUpPlan> {
  const plan = await openPlan(db, args.studentId, args.planId)
  const service = await getService(db, args.studentId, plan.serviceId)
  return db.transaction().execute(async (trx) => {
    const current = await openPlan(trx, args.studentId, args.planId)
    return savePlanVersion(
      trx,
      { ...current, version: current.version + 1, status: 'cancelled', changeReason: args.changeReason },
      { actorId: args.actorId, now: args.now, action: 'cancel', serviceName: service.name, before: { status: current.status } },
    )
  })
}

export interface PlannedMakeUp {
  planId: string
  serviceId: string
  serviceKey: string
  serviceName: string
  repaysDate: IsoDate
  plannedDate: IsoDate
}

/** A student's open plans, with their services' names: what the family and the week show as planned. */
export async function plannedMakeUps(db: DB, studentId: string): Promise<PlannedMakeUp[]> {
  const services = await listServices(db, { studentIds: [studentId] })
  const byId = new Map(services.map((s) => [s.id, s]))
  const plans = await currentPlans(db, { serviceIds: services.map((s) => s.id) })
  return plans
    .filter((p) => p.status === 'planned')
    .map((p) => ({
      planId: p.planId,
      serviceId: p.serviceId,
      serviceKey: byId.get(p.serviceId)?.key ?? '',
      serviceName: byId.get(p.serviceId)?.name ?? '',
      repaysDate: p.repaysDate,
      plannedDate: p.plannedDate,
    }))
}
