import { isInstructionalDay } from './school-calendar.ts'
import { addDays, type IsoDate } from './school-date.ts'

/**
 * Planned make-ups (docs/domain.md#planned-make-ups): a make-up scheduled ahead for a missed session. A plan is
 * not a record: the ledger counts only the make-up recorded on or after its day.
 */

/** How long after a service ends a make-up may still be planned: owed minutes outlive the service's last day. */
export const MAKE_UP_GRACE_DAYS = 60

export type PlanProblem = 'not_school_day' | 'in_past' | 'not_after_session' | 'after_service' | 'nothing_owed' | 'already_planned'

export interface PlanFacts {
  plannedDate: IsoDate
  repaysDate: IsoDate
  today: IsoDate
  closures: ReadonlySet<IsoDate>
  /** The service's last day, when it has one. */
  serviceEnd: IsoDate | null
  /** Minutes the missed session still owes (0: nothing to repay). */
  owedMinutes: number
  /** Whether the missed session already has an open plan (other than the one being moved). */
  openPlan: boolean
}

/** Why a make-up may not be planned for that day (null: it may), in the order a person fixes them. */
export function planProblem(f: PlanFacts): PlanProblem | null {
  if (f.owedMinutes <= 0) return 'nothing_owed'
  if (f.openPlan) return 'already_planned'
  if (f.plannedDate < f.today) return 'in_past'
  if (f.plannedDate <= f.repaysDate) return 'not_after_session'
  if (!isInstructionalDay(f.plannedDate, f.closures)) return 'not_school_day'
  if (f.serviceEnd && f.plannedDate > addDays(f.serviceEnd, MAKE_UP_GRACE_DAYS)) return 'after_service'
  return null
}

/** A plan's current state, as the week and the parent read it. */
export interface PlanView {
  planId: string
  serviceId: string
  repaysDate: IsoDate
  plannedDate: IsoDate
  status: 'planned' | 'cancelled' | 'made_up'
}

/** The open plan for one missed session, if any: at most one is ever open. */
export function openPlanFor<P extends PlanView>(plans: readonly P[], serviceId: string, repaysDate: IsoDate): P | undefined {
  return plans.find((p) => p.status === 'planned' && p.serviceId === serviceId && p.repaysDate === repaysDate)
}

/** Whether a plan's day has come, so its make-up can be recorded (never before the day: a make-up is not future). */
export function isDue(plan: { plannedDate: IsoDate }, today: IsoDate): boolean {
  return plan.plannedDate <= today
}
