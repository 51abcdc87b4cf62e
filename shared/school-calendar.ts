import { addDays, type IsoDate, weekdayOf } from './school-date.ts'

/** Instructional days are Monday–Friday minus the school's closures (FORMATS.md). */
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
    const out: IsoDate[] = []
    for (let d = start; d <= end; d = addDays(d, 1)) {
      if (isInstructionalDay(d, closures)) out.push(d)
    }
    if (perSet.size > 500) perSet.clear()
    perSet.set(key, (days = out))
  }
  return [...days]
}

/** The last `count` instructional days up to and including `asOf`, oldest first. */
export function lastInstructionalDays(asOf: IsoDate, count: number, closures: ReadonlySet<IsoDate>): IsoDate[] {
  const out: IsoDate[] = []
  // A school year has long breaks; 4 calendar days per school day is a generous bound that still ends.
  for (let d = asOf, guard = 0; out.length < count && guard < count * 4 + 30; d = addDays(d, -1), guard++) {
    if (isInstructionalDay(d, closures)) out.unshift(d)
  }
  return out
}

/**
 * How many instructional days `date` lies before `today` (0 = today). Records may be made up to
 * RECORDING_WINDOW school days back; beyond that a session or check counts as unrecorded.
 */
export function instructionalDaysBack(date: IsoDate, today: IsoDate, closures: ReadonlySet<IsoDate>): number {
  if (date > today) return -1
  let n = 0
  for (let d = addDays(date, 1); d <= today; d = addDays(d, 1)) {
    if (isInstructionalDay(d, closures)) n++
  }
  return n
}

export const RECORDING_WINDOW = 5
