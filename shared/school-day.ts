import { addSections, t } from './i18n/i18n.ts'
import { addDays, formatSchoolDate, type IsoDate, weekdayOf } from './school-date.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

/**
 * What kind of day a date is for one school: the answer every page gives before it lists supports or
 * sessions ("No school today: Thanksgiving. Next school day: Mon, Nov 30."). The school year's first and
 * last days bound it: a weekday in the summer break is not a school day.
 */
export interface SchoolCalendar {
  /** The school year's first and last days; null when the school has not set its year. */
  yearStart: IsoDate | null
  yearEnd: IsoDate | null
  /** Weekday closures (holidays, breaks, weather), date → label. */
  closures: ReadonlyMap<IsoDate, string>
}

export type SchoolDayKind = 'school_day' | 'weekend' | 'closure' | 'before_year' | 'after_year'

export interface SchoolDayInfo {
  date: IsoDate
  kind: SchoolDayKind
  /** The closure's label ("Thanksgiving") when kind is 'closure'. */
  closureLabel: string | null
  /** The first school day after `date` in the school year, or null when the year has none left. */
  nextSchoolDay: IsoDate | null
  yearStart: IsoDate | null
  yearEnd: IsoDate | null
}

// A school year is under 400 days; a search for the next school day never needs to look further.
const MAX_LOOKAHEAD_DAYS = 400

export function schoolDayKind(date: IsoDate, calendar: SchoolCalendar): SchoolDayKind {
  if (calendar.yearStart && date < calendar.yearStart) return 'before_year'
  if (calendar.yearEnd && date > calendar.yearEnd) return 'after_year'
  const day = weekdayOf(date)
  if (day === 'sat' || day === 'sun') return 'weekend'
  return calendar.closures.has(date) ? 'closure' : 'school_day'
}

export function isSchoolDay(date: IsoDate, calendar: SchoolCalendar): boolean {
  return schoolDayKind(date, calendar) === 'school_day'
}

/** The first school day strictly after `date` (the year's first day when `date` is before it); null past the year's end. */
export function nextSchoolDay(date: IsoDate, calendar: SchoolCalendar): IsoDate | null {
  let d = calendar.yearStart && date < calendar.yearStart ? addDays(calendar.yearStart, -1) : date
  for (let i = 0; i < MAX_LOOKAHEAD_DAYS; i++) {
    d = addDays(d, 1)
    if (calendar.yearEnd && d > calendar.yearEnd) return null
    if (isSchoolDay(d, calendar)) return d
  }
  return null
}

/** The latest school day up to and including `date`, within the school year; null before its first day. */
export function latestSchoolDay(date: IsoDate, calendar: SchoolCalendar): IsoDate | null {
  let d = calendar.yearEnd && date > calendar.yearEnd ? calendar.yearEnd : date
  for (let i = 0; i < MAX_LOOKAHEAD_DAYS; i++, d = addDays(d, -1)) {
    if (calendar.yearStart && d < calendar.yearStart) return null
    if (isSchoolDay(d, calendar)) return d
  }
  return null
}

export function describeSchoolDay(date: IsoDate, calendar: SchoolCalendar): SchoolDayInfo {
  const kind = schoolDayKind(date, calendar)
  return {
    date,
    kind,
    closureLabel: kind === 'closure' ? (calendar.closures.get(date) ?? null) : null,
    nextSchoolDay: nextSchoolDay(date, calendar),
    yearStart: calendar.yearStart,
    yearEnd: calendar.yearEnd,
  }
}

/**
 * One plain sentence about a day that is not a school day, naming why and when school is next; null on a
 * school day (a page then simply lists the day's supports or sessions). `when` is "today" or a date's words.
 */
export function noSchoolSentence(info: SchoolDayInfo, when = t('domain.schoolDay.today')): string | null {
  const next = info.nextSchoolDay ? t('domain.schoolDay.next', { date: formatSchoolDate(info.nextSchoolDay) }) : ''
  switch (info.kind) {
    case 'school_day':
      return null
    case 'weekend': {
      const day = weekdayOf(info.date)
      const name = day === 'sat' ? t('domain.schoolDay.saturday') : day === 'sun' ? t('domain.schoolDay.sunday') : t('domain.schoolDay.theWeekend')
      return t('domain.schoolDay.weekend', { when, day: name, next })
    }
    case 'closure':
      return t('domain.schoolDay.closure', { when, label: info.closureLabel ?? t('domain.schoolDay.closureUnnamed'), next })
    case 'before_year':
      return t('domain.schoolDay.beforeYear', { when, date: formatSchoolDate(info.yearStart!), year: info.yearStart!.slice(0, 4) })
    case 'after_year':
      return t('domain.schoolDay.afterYear', { when, date: formatSchoolDate(info.yearEnd!), year: info.yearEnd!.slice(0, 4) })
  }
}

/** The calendar of a school from its stored rows. */
export function schoolCalendar(year: { start: IsoDate | null; end: IsoDate | null }, closures: readonly { date: IsoDate; label: string }[]): SchoolCalendar {
  return { yearStart: year.start, yearEnd: year.end, closures: new Map(closures.map((c) => [c.date, c.label])) }
}
