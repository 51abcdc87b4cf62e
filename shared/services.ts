import { addSections, t } from './i18n/i18n.ts'
import { catalogueLabels } from './labels.ts'
import { instructionalDaysBetween } from './school-calendar.ts'
import { type IsoDate, type Weekday, weekdayOf } from './school-date.ts'
import type { MandatePeriod } from './service-periods.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

export const MISSED_REASONS = [
  'provider_absent',
  'provider_other_duty',
  'scheduling_conflict',
  'staff_vacancy',
  'student_absent',
  'student_unavailable',
  'student_declined',
] as const
export type MissedReason = (typeof MISSED_REASONS)[number]

/** School closures and unrecorded sessions are reasons too, but never chosen by hand. */
export type MissReason = MissedReason | 'unrecorded'

export const MISS_REASONS: readonly MissReason[] = [...MISSED_REASONS, 'unrecorded']

export const REASON_LABELS = catalogueLabels(MISS_REASONS, (reason) => t(`domain.reasons.${reason}`))

/** Who is responsible for a miss (docs/domain.md#missed-reasons). */
export const REASON_RESPONSIBILITY: Record<MissReason, 'school' | 'student'> = {
  provider_absent: 'school',
  provider_other_duty: 'school',
  scheduling_conflict: 'school',
  staff_vacancy: 'school',
  unrecorded: 'school',
  student_absent: 'student',
  student_unavailable: 'student',
  student_declined: 'student',
}

/** The default make-up policy (docs/domain.md#make-up-policy): school-responsible misses owe a make-up session. */
export const DEFAULT_MAKE_UP_REASONS: readonly MissReason[] = [
  'provider_absent',
  'provider_other_duty',
  'scheduling_conflict',
  'staff_vacancy',
  'unrecorded',
]

export const SCHOOL_REASONS: readonly MissedReason[] = ['provider_absent', 'provider_other_duty', 'scheduling_conflict', 'staff_vacancy']

export interface ServiceTerm {
  /** The first day this mandate applies (an IEP amendment starts a new term). */
  effectiveFrom: IsoDate
  minutesPerSession: number
  weekdays: readonly Weekday[]
  /**
   * How often the mandate repeats; absent or `week` is one session per listed weekday. A month or reporting period
   * owes sessionsPerPeriod × minutesPerSession, or minutesPerPeriod, and lists no weekdays (shared/service-periods.ts).
   */
  per?: MandatePeriod
  sessionsPerPeriod?: number | null
  minutesPerPeriod?: number | null
}

export interface ServiceSchedule {
  startDate: IsoDate
  endDate: IsoDate
  /** Sorted by effectiveFrom; the first starts on or before startDate. */
  terms: readonly ServiceTerm[]
  /**
   * The school's own reporting periods (docs/progress-reports.md#periods), oldest first: a term "per reporting
   * period" counts in them (docs/formats.md#reporting-periods). Absent or empty: calendar quarters.
   */
  reportingPeriods?: { start: IsoDate; end: IsoDate }[]
}

export interface ScheduledSession {
  date: IsoDate
  /** The mandate in force on that day: sessions before an amendment keep the old minutes. */
  minutes: number
}

/** The term in force on `date`, or null before the first one. */
export function termOn(terms: readonly ServiceTerm[], date: IsoDate): ServiceTerm | null {
  let found: ServiceTerm | null = null
  for (const t of terms) if (t.effectiveFrom <= date) found = t
  return found
}

/**
 * The sessions a service owes between `from` and `to` (both included): each listed weekday of the term in
 * force, on instructional days, within the service's dates.
 */
export function scheduledSessions(
  service: ServiceSchedule,
  closures: ReadonlySet<IsoDate>,
  from: IsoDate,
  to: IsoDate,
): ScheduledSession[] {
  const start = from > service.startDate ? from : service.startDate
  const end = to < service.endDate ? to : service.endDate
  if (start > end) return []
  const out: ScheduledSession[] = []
  for (const date of instructionalDaysBetween(start, end, closures)) {
    const term = termOn(service.terms, date)
    if (term && (term.weekdays as readonly string[]).includes(weekdayOf(date))) out.push({ date, minutes: term.minutesPerSession })
  }
  return out
}

/** Whether the service schedules a session on `date` (what a delivered or missed record must fall on). */
export function isScheduledOn(service: ServiceSchedule, closures: ReadonlySet<IsoDate>, date: IsoDate): ScheduledSession | null {
  return scheduledSessions(service, closures, date, date)[0] ?? null
}
