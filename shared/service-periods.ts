import { instructionalDaysBetween, isInstructionalDay } from './school-calendar.ts'
import type { IsoDate } from './school-date.ts'
import { isScheduledOn, type ScheduledSession, type ServiceSchedule, type ServiceTerm, termOn } from './services.ts'

/** How often a term's mandate repeats (docs/formats.md#period-mandates). `week` is one session per listed weekday. */
export const MANDATE_PERIODS = ['week', 'month', 'reporting_period'] as const
export type MandatePeriod = (typeof MANDATE_PERIODS)[number]

/**
 * Reporting periods are the school's own (docs/progress-reports.md#periods) when it has set them; otherwise three
 * calendar months from 1 September: Sep–Nov, Dec–Feb, Mar–May, Jun–Aug (docs/formats.md#reporting-periods), the
 * most common default.
 */
const REPORTING_MONTHS = 3
const REPORTING_FIRST_MONTH = 9

export function isPeriodTerm(term: ServiceTerm): boolean {
  return term.per !== undefined && term.per !== 'week'
}

/** The minutes a whole period owes under a term: sessions × minutes each, or the minutes written. */
export function minutesPerPeriodOf(term: ServiceTerm): number {
  return term.sessionsPerPeriod ? term.sessionsPerPeriod * term.minutesPerSession : (term.minutesPerPeriod ?? 0)
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function monthStart(year: number, month: number): IsoDate {
  const y = year + Math.floor((month - 1) / 12)
  const m = ((((month - 1) % 12) + 12) % 12) + 1
  return `${y}-${pad(m)}-01`
}

/**
 * The school's reporting period a day counts in: the one holding it, or for a day between two periods the next one
 * (a mandate is never lost in a gap), so the periods cover their whole span without overlapping. A day before the
 * first or after the last falls back to calendar quarters (null here).
 */
export function schoolPeriodSpan(periods: readonly { start: IsoDate; end: IsoDate }[], date: IsoDate): { start: IsoDate; end: IsoDate } | null {
  if (periods.length === 0 || date < periods[0]!.start || date > periods.at(-1)!.end) return null
  const i = periods.findIndex((p) => p.end >= date)
  const start = i === 0 ? periods[0]!.start : dayAfter(periods[i - 1]!.end)
  return { start, end: periods[i]!.end }
}

function dayAfter(date: IsoDate): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

/** The first and last calendar day of the month or reporting period holding `date`. */
export function periodBounds(
  per: Exclude<MandatePeriod, 'week'>,
  date: IsoDate,
  reportingPeriods: readonly { start: IsoDate; end: IsoDate }[] = [],
): { start: IsoDate; end: IsoDate } {
  if (per === 'reporting_period') {
    const own = schoolPeriodSpan(reportingPeriods, date)
    if (own) return own
  }
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  let first = month
  let length = 1
  if (per === 'reporting_period') {
    length = REPORTING_MONTHS
    first = month - ((((month - REPORTING_FIRST_MONTH) % REPORTING_MONTHS) + REPORTING_MONTHS) % REPORTING_MONTHS)
  }
  const start = monthStart(year, first)
  const next = monthStart(year, first + length)
  const end = new Date(`${next}T00:00:00Z`)
  end.setUTCDate(0)
  return { start, end: end.toISOString().slice(0, 10) }
}

export interface ServicePeriod {
  per: Exclude<MandatePeriod, 'week'>
  start: IsoDate
  end: IsoDate
  /** The last school day of the period on which the service runs under a period term: when its mandate is due. */
  lastDay: IsoDate
  /**
   * The period's mandate in minutes: sessions × sessionMinutes, or the minutes per period prorated by the school
   * days the service runs in it (rounded half up).
   */
  minutes: number
  /**
   * Sessions the period owes: sessions per period prorated and rounded half up, or for a minutes-per-period mandate
   * the sessions of sessionMinutes it takes to give `minutes` (rounded up).
   */
  sessions: number
  /** Minutes of one session under the term in force on lastDay: what a missed session stands for. */
  sessionMinutes: number
}

/**
 * Every month or reporting period in which the service runs under a period term, oldest first. Each school day of
 * the period carries 1/(school days of the whole period) of the mandate of the term in force that day, so a
 * partial first or last period, a closure and an amendment mid-period all prorate the same way.
 */
export function servicePeriods(service: ServiceSchedule, closures: ReadonlySet<IsoDate>): ServicePeriod[] {
  const acc = new Map<string, { per: ServicePeriod['per']; start: IsoDate; end: IsoDate; lastDay: IsoDate; minutes: number; sessions: number; term: ServiceTerm }>()
  for (const date of instructionalDaysBetween(service.startDate, service.endDate, closures)) {
    const term = termOn(service.terms, date)
    if (!term || !isPeriodTerm(term)) continue
    const per = term.per as ServicePeriod['per']
    const bounds = periodBounds(per, date, service.reportingPeriods)
    const key = `${per}:${bounds.start}`
    let p = acc.get(key)
    if (!p) acc.set(key, (p = { per, ...bounds, lastDay: date, minutes: 0, sessions: 0, term }))
    p.lastDay = date
    p.term = term
    p.minutes += minutesPerPeriodOf(term)
    p.sessions += term.sessionsPerPeriod ?? 0
  }
  return [...acc.values()].map((p) => {
    const days = instructionalDaysBetween(p.start, p.end, closures).length
    const sessionMinutes = p.term.minutesPerSession
    // Sessions are whole: a prorated "4 sessions a month" owes whole sessions of the latest term's minutes.
    const sessions = p.term.sessionsPerPeriod ? Math.round(p.sessions / days) : null
    const minutes = sessions === null ? Math.round(p.minutes / days) : sessions * sessionMinutes
    return {
      per: p.per,
      start: p.start,
      end: p.end,
      lastDay: p.lastDay,
      minutes,
      sessions: sessions ?? Math.ceil(minutes / sessionMinutes),
      sessionMinutes,
    }
  })
}

/** The period term in force on a school day of the service, or null (a weekly term, or outside its dates). */
export function periodTermOn(service: ServiceSchedule, date: IsoDate): ServiceTerm | null {
  if (date < service.startDate || date > service.endDate) return null
  const term = termOn(service.terms, date)
  return term && isPeriodTerm(term) ? term : null
}

/** The period holding `date` among the service's periods, if any. */
export function periodHolding(periods: readonly ServicePeriod[], per: ServicePeriod['per'], date: IsoDate): ServicePeriod | null {
  return periods.find((p) => p.per === per && p.start <= date && date <= p.end) ?? null
}

/**
 * What a delivered or missed record may fall on: a scheduled weekly session, or any school day on which a month's or
 * reporting period's term is in force (the provider chooses the days; docs/domain.md#period-sessions).
 */
export function recordableOn(service: ServiceSchedule, closures: ReadonlySet<IsoDate>, date: IsoDate): ScheduledSession | null {
  const weekly = isScheduledOn(service, closures, date)
  if (weekly) return weekly
  const term = periodTermOn(service, date)
  return term && isInstructionalDay(date, closures) ? { date, minutes: term.minutesPerSession } : null
}
