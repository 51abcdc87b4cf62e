import { formatDay } from './i18n/format.ts'
import { addSections, t } from './i18n/i18n.ts'
import { scheduledSessions, type ServiceSchedule } from './services.ts'
import { daysBetween, eachDay, type IsoDate, weekdayOf } from './school-date.ts'
import { school } from './i18n/en/school.ts'

addSections({ school })

/**
 * Adding or removing school closures (docs/domain.md#school-calendar): which dates a request closes, and what it
 * changes for the students' sessions, computed with the same session rules as every other page.
 */

/** A break is at most one school year long: a longer range is a typing mistake, and the loop stays short. */
export const MAX_BREAK_DAYS = 366

export interface SchoolYearBounds {
  start: IsoDate | null
  end: IsoDate | null
}

export type ClosureDates = { ok: true; dates: IsoDate[] } | { ok: false; field: 'date' | 'endDate'; message: string }

function outsideYear(date: IsoDate, year: SchoolYearBounds): boolean {
  return Boolean((year.start && date < year.start) || (year.end && date > year.end))
}

function isWeekend(date: IsoDate): boolean {
  const day = weekdayOf(date)
  return day === 'sat' || day === 'sun'
}

/** Why `date` cannot be (the first or last day of) a closure: outside the school year, or for one day, a weekend. */
function dateRefusal(date: IsoDate, year: SchoolYearBounds, single: boolean): string | null {
  if (outsideYear(date, year)) {
    return t('school.closurePreview.outsideYear', { date: formatDay(date, 'medium'), start: formatDay(year.start ?? date, 'medium'), end: formatDay(year.end ?? date, 'medium') })
  }
  if (single && isWeekend(date)) return t('school.closurePreview.weekend', { date: formatDay(date, 'weekdayLong') })
  return null
}

/**
 * The dates a new closure (one day, or a break from `start` to `end`) adds to the calendar: every weekday in it
 * that is not a closure already. One day on a weekend, a day outside the school year, an end before the start
 * or a range longer than MAX_BREAK_DAYS is refused, naming the field it is about.
 */
export function datesToClose(start: IsoDate, end: IsoDate | undefined, year: SchoolYearBounds, existing: ReadonlySet<IsoDate>): ClosureDates {
  const single = end === undefined || end === start
  const startWhy = dateRefusal(start, year, single)
  if (startWhy) return { ok: false, field: 'date', message: startWhy }
  if (single) return { ok: true, dates: existing.has(start) ? [] : [start] }
  if (end < start) return { ok: false, field: 'endDate', message: t('school.closurePreview.endBeforeStart') }
  if (daysBetween(start, end) >= MAX_BREAK_DAYS) return { ok: false, field: 'endDate', message: t('school.closurePreview.tooLong', { days: MAX_BREAK_DAYS }) }
  const endWhy = dateRefusal(end, year, false)
  if (endWhy) return { ok: false, field: 'endDate', message: endWhy }
  const dates = eachDay(start, end).filter((d) => !isWeekend(d) && !existing.has(d))
  if (dates.length === 0) return { ok: false, field: 'date', message: t('school.closurePreview.nothingToClose') }
  return { ok: true, dates }
}

export interface ClosureImpact {
  /** Scheduled sessions on the dates, counted as if the dates were open. */
  sessions: number
  /** How many students those sessions belong to. */
  students: number
}

/**
 * The sessions that fall on `dates` when those dates are school days: what a new closure takes off the schedule
 * ("no longer due"), or what removing one puts back ("become due"). `closures` is the calendar apart from `dates`.
 */
export function sessionsOnDates(services: readonly (ServiceSchedule & { studentId: string })[], closures: ReadonlySet<IsoDate>, dates: readonly IsoDate[]): ClosureImpact {
  if (dates.length === 0) return { sessions: 0, students: 0 }
  const wanted = new Set(dates)
  const open = new Set([...closures].filter((d) => !wanted.has(d)))
  const sorted = [...dates].sort()
  const students = new Set<string>()
  let sessions = 0
  for (const service of services) {
    const n = scheduledSessions(service, open, sorted[0]!, sorted.at(-1)!).filter((s) => wanted.has(s.date)).length
    sessions += n
    if (n > 0) students.add(service.studentId)
  }
  return { sessions, students: students.size }
}

/** "3 sessions of 2 students are no longer due." / "1 session of 1 student becomes due." / "No session is scheduled…" */
export function impactSentence(change: 'add' | 'remove', impact: ClosureImpact): string {
  if (impact.sessions === 0) return t('school.closurePreview.noSessions')
  const students = t('school.closurePreview.students', { count: impact.students })
  return t(change === 'add' ? 'school.closurePreview.noLongerDue' : 'school.closurePreview.becomeDue', { count: impact.sessions, students })
}
