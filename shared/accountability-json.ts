import type { ServiceNumbers } from './accountability.ts'
import type { IsoDate } from './school-date.ts'

/** What `accountabilityJson` reads of the student's numbers (server/services/accountability.server.ts gives more). */
export interface AccountabilityJsonInput {
  format: 'same-page/accountability@1'
  student: { id: string; name: string }
  asOf: IsoDate
  services: (ServiceNumbers & { key: string; name: string; disputedRecords: number; per: 'week' | 'month' | 'reporting_period' })[]
  accommodations: { title: string; applicableDays: number; recordedDays: number; usedDays: number; fidelity: number; disputedChecks: number }[]
}

export interface PlannedMakeUpInput {
  serviceKey: string
  repaysDate: IsoDate
  plannedDate: IsoDate
}

/**
 * `same-page/accountability@1` exactly as docs/formats.md#accountability-json documents it, in its order: the
 * service adds the provider, the schedule and the weekly trend for the page, which are not part of the public
 * contract. One function for the JSON download and the records export, so the two files are the same.
 */
export function accountabilityJson(a: AccountabilityJsonInput, planned: readonly PlannedMakeUpInput[]) {
  return {
    format: a.format,
    student: { id: a.student.id, name: a.student.name },
    asOf: a.asOf,
    services: a.services.map((s) => ({
      key: s.key,
      name: s.name,
      minutesMandated: s.minutesMandated,
      minutesDelivered: s.minutesDelivered,
      deliveryRate: s.deliveryRate,
      sessions: {
        due: s.sessions.due,
        delivered: s.sessions.delivered,
        missed: s.sessions.missed,
        unrecorded: s.sessions.unrecorded,
        pending: s.sessions.pending,
        madeUp: s.sessions.madeUp,
      },
      missedByReason: { ...s.missedByReason },
      ledger: { minutesOwed: s.ledger.minutesOwed, minutesMadeUp: s.ledger.minutesMadeUp, balance: s.ledger.balance },
      alerts: [...s.alerts],
      // Added after the first release of @1, at the end: readers that do not know it ignore it.
      disputedRecords: s.disputedRecords,
      // Make-ups planned ahead and not yet held: listed, never counted in the numbers above.
      plannedMakeUps: planned.filter((p) => p.serviceKey === s.key).map((p) => ({ repaysDate: p.repaysDate, plannedDate: p.plannedDate })),
      // Added with services per month or reporting period (docs/formats.md#period-mandates): how to read the numbers.
      per: s.per,
    })),
    accommodations: a.accommodations.map((x) => ({
      title: x.title,
      applicableDays: x.applicableDays,
      recordedDays: x.recordedDays,
      usedDays: x.usedDays,
      fidelity: x.fidelity,
      disputedChecks: x.disputedChecks,
    })),
  }
}
