import type { IsoDate } from '../school-date.ts'
import { activeLanguage } from './i18n.ts'

/**
 * Dates and numbers in the reader's language. School dates are calendar days with no time of day, so they
 * are formatted in UTC (the day never shifts with the server's or the phone's time zone).
 */
const DAY_STYLES = {
  /** "Tue, Oct 14" */
  weekdayShort: { weekday: 'short', month: 'short', day: 'numeric' },
  /** "Tuesday, October 14" */
  weekdayLong: { weekday: 'long', month: 'long', day: 'numeric' },
  /** "Oct 14" */
  monthDay: { month: 'short', day: 'numeric' },
  /** "Oct 14, 2026" */
  medium: { month: 'short', day: 'numeric', year: 'numeric' },
  /** "October 14, 2026" */
  long: { month: 'long', day: 'numeric', year: 'numeric' },
  /** "October 2026" */
  monthYear: { month: 'long', year: 'numeric' },
  /** "Tue" */
  weekday: { weekday: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>

export type DayStyle = keyof typeof DAY_STYLES

const MOMENT_STYLES = {
  /** "Oct 14, 2026, 3:05 PM" */
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  /** "Oct 14, 2026" */
  date: { dateStyle: 'medium' },
  /** "October 14, 2026" */
  longDate: { dateStyle: 'long' },
  /** "3:05 PM" */
  time: { hour: 'numeric', minute: '2-digit' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>

export type MomentStyle = keyof typeof MOMENT_STYLES

const cache = new Map<string, Intl.DateTimeFormat>()
function formatter(language: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${language}|${key}`
  let f = cache.get(id)
  if (!f) {
    f = new Intl.DateTimeFormat(locale(language), options)
    cache.set(id, f)
  }
  return f
}

// English dates as American schools write them; other languages by their own customs.
function locale(language: string): string {
  return language === 'en' ? 'en-US' : language
}

/** A school day ("2026-10-14") in words. */
export function formatDay(date: IsoDate, style: DayStyle = 'weekdayShort', language: string = activeLanguage()): string {
  return formatter(language, `day:${style}`, { ...DAY_STYLES[style], timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))
}

/** A moment (an ISO timestamp) in the reader's time zone. */
export function formatMoment(at: string | Date, style: MomentStyle = 'dateTime', language: string = activeLanguage()): string {
  return formatter(language, `moment:${style}`, MOMENT_STYLES[style]).format(typeof at === 'string' ? new Date(at) : at)
}

/** A number with the reader's digit grouping ("1,234"). */
export function formatNumber(value: number, language: string = activeLanguage()): string {
  return new Intl.NumberFormat(locale(language)).format(value)
}
