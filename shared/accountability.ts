import { addSections, t } from './i18n/i18n.ts'
import { catalogueLabels } from './labels.ts'
import { lastInstructionalDays } from './school-calendar.ts'
import { addDays, type IsoDate } from './school-date.ts'
import { DEFAULT_MAKE_UP_REASONS, type MissedReason, type MissReason, scheduledSessions, type ServiceSchedule } from './services.ts'
import { PENDING_DAYS, type RecordLike } from './session-status.ts'
import { type MissLike, periodTally } from './period-mandate.ts'
import { servicePeriods } from './service-periods.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

export const ALERTS = ['consecutive_misses', 'repeated_school_misses', 'low_delivery_rate'] as const
export type Alert = (typeof ALERTS)[number]

export interface ServiceNumbers {
  minutesMandated: number
  minutesDelivered: number
  deliveryRate: number
  sessions: { due: number; delivered: number; missed: number; unrecorded: number; pending: number; madeUp: number }
  missedByReason: Partial<Record<MissedReason, number>>
  ledger: { minutesOwed: number; minutesMadeUp: number; balance: number }
  alerts: Alert[]
}

export interface AccountabilityInput {
  service: ServiceSchedule
  /** Current versions of the service's records; voided ones are ignored. */
  records: readonly RecordLike[]
  closures: ReadonlySet<IsoDate>
  asOf: IsoDate
  /** Reasons that owe a make-up (the school's policy); defaults to docs/domain.md#missed-reasons. */
  owedReasons?: readonly MissReason[]
}

/**
 * numerator ÷ denominator rounded to 3 decimals, half up. Multiplying before dividing keeps the half exact:
 * 203 / 400 = 0.5075 → 0.508, where Math.round(203 / 400 * 1000) sees 507.4999… and gives 0.507.
 */
function ratio3(numerator: number, denominator: number): number {
  return Math.round((numerator * 1000) / denominator) / 1000
}

/**
 * One service's accountability numbers as of a date, exactly as docs/formats.md#accountability-numbers defines them. The same function
 * serves the school and the family, so both see the same numbers.
 */
export function serviceNumbers(input: AccountabilityInput): ServiceNumbers {
  const { service, closures, asOf } = input
  const owed = new Set<MissReason>(input.owedReasons ?? DEFAULT_MAKE_UP_REASONS)
  const live = input.records.filter((r) => !r.voided && r.date <= asOf)
  const byDate = new Map<IsoDate, RecordLike>()
  for (const r of live) if (r.kind !== 'make_up') byDate.set(r.date, r)

  const scheduled = scheduledSessions(service, closures, service.startDate, asOf)
  // The last PENDING_DAYS instructional days up to asOf: an unrecorded session in them is pending.
  const pendingFrom = lastInstructionalDays(asOf, PENDING_DAYS, closures)[0] ?? asOf
  const isPending = (date: IsoDate) => !byDate.has(date) && date >= pendingFrom
  const due = scheduled.filter((s) => !isPending(s.date))
  const pending = scheduled.length - due.length

  let minutesMandated = 0
  let minutesOwed = 0
  let delivered = 0
  let missed = 0
  let unrecorded = 0
  const missedByReason: Partial<Record<MissedReason, number>> = {}
  // Due sessions, oldest first, marked true when missed (any reason) or unrecorded: for the alerts.
  const missLike: MissLike[] = []
  for (const s of due) {
    minutesMandated += s.minutes
    const record = byDate.get(s.date)
    if (!record) {
      unrecorded++
      if (owed.has('unrecorded')) minutesOwed += s.minutes
      missLike.push({ date: s.date, miss: true, schoolMiss: true })
    } else if (record.kind === 'missed') {
      missed++
      const reason = record.reason!
      missedByReason[reason] = (missedByReason[reason] ?? 0) + 1
      if (owed.has(reason)) minutesOwed += s.minutes
      missLike.push({ date: s.date, miss: true, schoolMiss: SCHOOL_REASON_SET.has(reason) })
    } else {
      delivered++
      minutesOwed += Math.max(0, s.minutes - (record.minutes ?? 0))
      missLike.push({ date: s.date, miss: false, schoolMiss: false })
    }
  }

  // Months and reporting periods (docs/formats.md#period-mandates); a weekly-only service has none.
  const periods = periodTally({ service, records: live, closures, asOf, pendingFrom, owed, schoolReasons: SCHOOL_REASON_SET })
  minutesMandated += periods.minutesMandated
  minutesOwed += periods.minutesOwed
  delivered += periods.sessions.delivered
  missed += periods.sessions.missed
  unrecorded += periods.sessions.unrecorded
  for (const [reason, n] of Object.entries(periods.missedByReason) as [MissedReason, number][]) missedByReason[reason] = (missedByReason[reason] ?? 0) + n
  if (periods.missLike.length) {
    missLike.push(...periods.missLike)
    missLike.sort((a, b) => a.date.localeCompare(b.date))
  }
  const dueCount = due.length + periods.sessions.due

  const makeUps = live.filter((r) => r.kind === 'make_up')
  const minutesMadeUp = makeUps.reduce((sum, r) => sum + (r.minutes ?? 0), 0)
  const minutesDelivered = live.filter((r) => r.kind === 'delivered' || r.kind === 'make_up').reduce((sum, r) => sum + (r.minutes ?? 0), 0)
  const deliveryRate = minutesMandated === 0 ? 1 : ratio3(minutesDelivered, minutesMandated)

  const alerts: Alert[] = []
  const lastTwo = missLike.slice(-2)
  if (lastTwo.length === 2 && lastTwo.every((s) => s.miss)) alerts.push('consecutive_misses')
  const windowStart = addDays(asOf, -29)
  if (missLike.filter((s) => s.schoolMiss && s.date >= windowStart).length >= 3) alerts.push('repeated_school_misses')
  if (dueCount > 0 && deliveryRate < 0.9) alerts.push('low_delivery_rate')

  return {
    minutesMandated,
    minutesDelivered,
    deliveryRate,
    sessions: { due: dueCount, delivered, missed, unrecorded, pending: pending + periods.sessions.pending, madeUp: makeUps.length },
    missedByReason,
    ledger: { minutesOwed, minutesMadeUp, balance: Math.max(0, minutesOwed - minutesMadeUp) },
    alerts,
  }
}

/** The school reasons (docs/formats.md#alerts), for the repeated-misses alert (which the make-up policy does not change). */
const SCHOOL_REASON_SET = new Set<string>(['provider_absent', 'provider_other_duty', 'scheduling_conflict', 'staff_vacancy'])

export interface WeekPoint {
  weekOf: IsoDate
  mandated: number
  delivered: number
}

/** Minutes delivered against mandated per week (Monday-based), for the trend chart. */
export function weeklyTrend(input: AccountabilityInput): WeekPoint[] {
  const { service, closures, asOf } = input
  const weeks = new Map<IsoDate, WeekPoint>()
  const monday = (d: IsoDate) => {
    const day = new Date(`${d}T00:00:00Z`).getUTCDay()
    return addDays(d, -((day + 6) % 7))
  }
  const point = (d: IsoDate) => {
    const key = monday(d)
    let p = weeks.get(key)
    if (!p) weeks.set(key, (p = { weekOf: key, mandated: 0, delivered: 0 }))
    return p
  }
  for (const s of scheduledSessions(service, closures, service.startDate, asOf)) point(s.date).mandated += s.minutes
  for (const p of servicePeriods(service, closures)) if (p.lastDay <= asOf) point(p.lastDay).mandated += p.minutes
  for (const r of input.records) {
    if (!r.voided && r.date <= asOf && (r.kind === 'delivered' || r.kind === 'make_up')) point(r.date).delivered += r.minutes ?? 0
  }
  return [...weeks.values()].sort((a, b) => a.weekOf.localeCompare(b.weekOf))
}

export const ALERT_TEXT = catalogueLabels(ALERTS, (alert) => t(`domain.alerts.${alert}`))
