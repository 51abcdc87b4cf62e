import { formatDay } from './i18n/format.ts'
import { addSections, t } from './i18n/i18n.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

/** Calendar dates as 'YYYY-MM-DD' strings: a school day has no time zone, so we never pass Date objects around. */
export type IsoDate = string

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const
export type Weekday = (typeof WEEKDAYS)[number]

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

// A school year has a few hundred distinct dates and whole-school views ask about each thousands of times.
const weekdayMemo = new Map<IsoDate, (typeof DAY_KEYS)[number]>()

export function weekdayOf(date: IsoDate): (typeof DAY_KEYS)[number] {
  let day = weekdayMemo.get(date)
  if (!day) {
    day = DAY_KEYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!
    if (weekdayMemo.size > 5000) weekdayMemo.clear()
    weekdayMemo.set(date, day)
  }
  return day
}

/**
 * The dates the app accepts anywhere (forms, tRPC inputs, plan files): wide enough for any real school record,
 * narrow enough that every loop over days stays short (shared/schemas/dates.ts refuses the rest).
 */
export const DATE_MIN: IsoDate = '2000-01-01'
export const DATE_MAX: IsoDate = '2100-12-31'

/**
 * The most days any loop over a stretch of calendar may count: DATE_MIN to DATE_MAX is 36,890 days. A caller
 * that skipped validation gets a DateSpanError instead of a loop that never ends.
 */
export const MAX_LOOP_DAYS = 40_000

const DAY_MS = 86_400_000

/** A stretch of calendar too long (or a date too odd) to walk day by day. */
export class DateSpanError extends RangeError {
  constructor(message: string) {
    super(message)
    this.name = 'DateSpanError'
  }
}

/** Milliseconds since the epoch of a 'YYYY-MM-DD' at UTC midnight; throws on anything that is not one. */
function utcMs(date: IsoDate): number {
  const ms = ISO_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN
  if (!Number.isFinite(ms)) throw new DateSpanError(t('domain.dates.notADate', { value: String(date).slice(0, 20) }))
  return ms
}

/** 'YYYY-MM-DD' of a UTC-midnight time; years past 9999 have no such form (toISOString gives "+010000-…"). */
function isoOf(ms: number): IsoDate {
  const iso = new Date(ms).toISOString()
  if (iso.length !== 24) throw new DateSpanError(t('domain.dates.outsideCalendar'))
  return iso.slice(0, 10)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoOf(utcMs(date) + days * DAY_MS)
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS)
}

/**
 * Every date from `start` to `end`, both included, oldest first; none when `end` is before `start`. The loop
 * counts days rather than comparing strings (past 9999-12-31 the strings stop sorting), and refuses a stretch
 * longer than MAX_LOOP_DAYS before it starts.
 */
export function eachDay(start: IsoDate, end: IsoDate): IsoDate[] {
  const first = utcMs(start)
  const span = Math.round((utcMs(end) - first) / DAY_MS)
  if (span < 0) return []
  if (span >= MAX_LOOP_DAYS) {
    throw new DateSpanError(t('domain.dates.spanTooLong', { start, end, days: span + 1, max: MAX_LOOP_DAYS }))
  }
  const out: IsoDate[] = []
  for (let i = 0; i <= span; i++) out.push(isoOf(first + i * DAY_MS))
  return out
}

/** Today's date where the person is, from their clock: the school day they are living in. */
export function localIsoDate(now: Date): IsoDate {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** "Tue, Oct 14" */
export function formatSchoolDate(date: IsoDate): string {
  return formatDay(date, 'weekdayShort')
}
