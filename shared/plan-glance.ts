import type { CheckStatus } from './accommodation-fidelity.ts'
import type { IsoDate } from './school-date.ts'
import { mondayOf } from './school-week.ts'

/** The numbers a service needs to be ranked: the same serviceNumbers the school's caseload ranks by. */
export interface RankedService {
  name: string
  deliveryRate: number
  ledger: { balance: number }
}

/**
 * Services furthest behind first, by the caseload's rule (lowest delivery rate, then the most minutes still
 * owed), then by name so that two equal services keep one order on every screen.
 */
export function furthestBehindFirst<T extends RankedService>(services: readonly T[]): T[] {
  return [...services].sort((a, b) => a.deliveryRate - b.deliveryRate || b.ledger.balance - a.ledger.balance || a.name.localeCompare(b.name))
}

export interface LoggedCheck {
  title: string
  date: IsoDate
  status: CheckStatus
  /** False when a later record for the same support and day replaced it. */
  current: boolean
}

export interface SupportNotProvided {
  title: string
  /** The days of this week it was recorded "Not provided", oldest first. */
  dates: IsoDate[]
}

/**
 * The supports recorded "Not provided" this school week (Monday of `today`'s week up to `today`), by the
 * record that counts for each day: a check corrected to "Used" is not a support missed.
 */
export function supportsNotProvidedThisWeek(checks: readonly LoggedCheck[], today: IsoDate): SupportNotProvided[] {
  const from = mondayOf(today)
  const byTitle = new Map<string, Set<IsoDate>>()
  for (const c of checks) {
    if (!c.current || c.status !== 'not_provided' || c.date < from || c.date > today) continue
    const dates = byTitle.get(c.title) ?? new Set<IsoDate>()
    dates.add(c.date)
    byTitle.set(c.title, dates)
  }
  return [...byTitle.entries()]
    .map(([title, dates]) => ({ title, dates: [...dates].sort() }))
    .sort((a, b) => b.dates.length - a.dates.length || a.title.localeCompare(b.title))
}
