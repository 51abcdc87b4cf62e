import { addDays, daysBetween, eachDay, type IsoDate, MAX_LOOP_DAYS, weekdayOf } from './school-date.ts'

/** Instructional days are Monday–Friday minus the school's closures (docs/domain.md#school-calendar). */
export function isInstructionalDay(date: IsoDate, closures: ReadonlySet<IsoDate>): boolean {
  const day = weekdayOf(date)
  return day !== 'sat' && day !== 'sun' && !closures.has(date)
}

// Whole-school views compute the same stretch of calendar for thousands of services: remember it per
// closure set (keyed by the set object, so a changed calendar is a new set and a fresh cache).
const daysCache = new WeakMap<ReadonlySet<IsoDate>, Map<string, readonly IsoDate[]>>()

/** Instructional days from `start` to `end`, both included, oldest first. */
export function instructionalDaysBetween(start: IsoDate, end: IsoDate, closures: ReadonlySet<IsoDate>): IsoDate[] {
  let perSet = daysCache.get(closures)
  if (!perSet) daysCache.set(closures, (perSet = new Map()))
  const key = `${start}|${end}`
  let days = perSet.get(key)
  if (!days) {
    // eachDay counts the days (with a cap): comparing strings never ends past 9999-12-31.
    const out = eachDay(start, end).filter((d) => isInstructionalDay(d, closures))
    if (perSet.size > 500) perSet.clear()
    perSet.set(key, (days = out))
  }
  return [...days]
}

/** The last `count` instructional days up to and including `asOf`, oldest first. */
export function lastInstructionalDays(asOf: IsoDate, count: number, closures: ReadonlySet<IsoDate>): IsoDate[] {
  const out: IsoDate[] = []
  // A school year has long breaks; 4 calendar days per school day is a generous bound that still ends, and
  // never more than MAX_LOOP_DAYS however large `count` is. Stops at year 0000 rather than leave the calendar.
  const guardMax = Math.min(Math.max(0, count) * 4 + 30, MAX_LOOP_DAYS)
  for (let d: IsoDate | null = asOf, guard = 0; d && out.length < count && guard < guardMax; guard++) {
    if (isInstructionalDay(d, closures)) out.push(d)
    d = d > '0000-01-01' ? addDays(d, -1) : null
  }
  return out.reverse()
}

/**
 * How many instructional days `date` lies before `today` (0 = today). Records may be made up to
 * RECORDING_WINDOW school days back; beyond that a session or check counts as unrecorded.
 */
export function instructionalDaysBack(date: IsoDate, today: IsoDate, closures: ReadonlySet<IsoDate>): number {
  if (daysBetween(date, today) < 0) return -1
  if (date === today) return 0
  // Counted over a capped list of days (eachDay), never by comparing strings.
  return eachDay(addDays(date, 1), today).filter((d) => isInstructionalDay(d, closures)).length
}

/**
 * The recording window: the last RECORDING_WINDOW school days up to today (today counted) are still pending, and
 * a record may be made or corrected up to RECORDING_WINDOW school days back. Older unrecorded sessions count as
 * not delivered.
 */
export const RECORDING_WINDOW = 5
