import type { IsoDate } from './school-date.ts'
import type { SessionStatus } from './session-status.ts'

/**
 * "Delivered as scheduled" for a week (docs/domain.md#a-week-in-one-go): which of the week's sessions one press
 * records, and why each other one is left out. The rule reads the session's status as of today, the same status
 * the week shows: only a pending session (scheduled, not recorded, not in the future, within the recording
 * window) is recorded; the caller's week lists only services the person may record.
 */
export type BulkLeftOut = 'future' | 'recorded' | 'outside_window' | 'group'

export interface BulkSession {
  studentId: string
  studentName: string
  serviceId: string
  serviceName: string
  date: IsoDate
  /** The mandate in force that day: the minutes recorded as delivered. */
  mandateMinutes: number
  status: SessionStatus
  /** A session of a named group: recorded once for the group (who was there), never as delivered for all unseen. */
  inGroup: boolean
}

export type BulkItem = Omit<BulkSession, 'status' | 'inGroup'>

export interface BulkPlan {
  include: BulkItem[]
  leftOut: (BulkItem & { why: BulkLeftOut })[]
}

const LEFT_OUT: Record<Exclude<SessionStatus, 'pending'>, BulkLeftOut> = {
  upcoming: 'future',
  delivered: 'recorded',
  missed: 'recorded',
  unrecorded: 'outside_window',
}

/** One session's key in the confirmation: the service and the day (a service has one session a day). */
export function bulkKey(item: { serviceId: string; date: IsoDate }): string {
  return `${item.serviceId}:${item.date}`
}

/** What one press records, and what it leaves alone, in date order then student and service. */
export function weekBulkPlan(sessions: readonly BulkSession[]): BulkPlan {
  const sorted = [...sessions].sort(
    (a, b) => a.date.localeCompare(b.date) || a.studentName.localeCompare(b.studentName) || a.serviceName.localeCompare(b.serviceName),
  )
  const plan: BulkPlan = { include: [], leftOut: [] }
  for (const { status, inGroup, ...item } of sorted) {
    if (status !== 'pending') plan.leftOut.push({ ...item, why: LEFT_OUT[status] })
    else if (inGroup) plan.leftOut.push({ ...item, why: 'group' })
    else plan.include.push(item)
  }
  return plan
}

/**
 * The sessions a confirmed list asks for that the plan still includes. A key no longer included (recorded
 * since, by a double submit or someone else, or never offered) is skipped, so confirming twice records once.
 */
export function confirmedItems(plan: BulkPlan, keys: readonly string[]): BulkItem[] {
  const asked = new Set(keys)
  return plan.include.filter((item) => asked.has(bulkKey(item)))
}
