import { applicabilityOn } from './accommodation-schedule.ts'
import type { Applies } from './schemas/plan.ts'
import { instructionalDaysBetween } from './school-calendar.ts'
import type { IsoDate } from './school-date.ts'

/** The four choices a person makes for a support on a day (and what a plan import may carry). */
export const CHECK_CHOICES = ['used', 'not_needed', 'not_provided', 'declined'] as const
export type CheckChoice = (typeof CHECK_CHOICES)[number]
/**
 * What a record may say: a choice, or `cleared`, an undo that takes the day's choice back: a day whose latest
 * record is cleared counts as not recorded (docs/formats.md#accommodation-fidelity).
 */
export const CHECK_STATUSES = [...CHECK_CHOICES, 'cleared'] as const
export type CheckStatus = (typeof CHECK_STATUSES)[number]

export interface CheckRecord {
  date: IsoDate
  status: CheckStatus
  /** Ordering of corrections on the same day: the latest record is the one that counts. */
  recordedAt: string
}

export interface FidelityInput {
  applies: Applies
  startDate: IsoDate
  records: readonly CheckRecord[]
  closures: ReadonlySet<IsoDate>
  asOf: IsoDate
  /** Optional window start (recentFidelity: RECENT_FIDELITY_DAYS school days back); days before it are not counted. */
  from?: IsoDate
}

export interface Fidelity {
  applicableDays: number
  recordedDays: number
  usedDays: number
  /** Applicable days whose latest record is not_needed: left out of the share. When they are all of them there is no share. */
  notNeededDays: number
  fidelity: number
  /** Applicable days without a record, oldest first: the gaps a case manager follows up. */
  unrecordedDates: IsoDate[]
}

/**
 * numerator ÷ denominator rounded to 3 decimals, half up. Multiplying before dividing keeps the half exact:
 * 203 / 400 = 0.5075 → 0.508, where Math.round(203 / 400 * 1000) sees 507.4999… and gives 0.507.
 */
function ratio3(numerator: number, denominator: number): number {
  return Math.round((numerator * 1000) / denominator) / 1000
}

/** Latest record per day; a day whose latest record is `cleared` (an undo) has none. */
export function latestByDay(records: readonly CheckRecord[]): Map<IsoDate, CheckRecord> {
  const out = new Map<IsoDate, CheckRecord>()
  for (const r of records) {
    const prev = out.get(r.date)
    if (!prev || r.recordedAt > prev.recordedAt) out.set(r.date, r)
  }
  for (const [date, r] of out) if (r.status === 'cleared') out.delete(date)
  return out
}

/**
 * Accommodation fidelity exactly as docs/formats.md#accommodation-fidelity defines it: applicable instructional days from the start date
 * up to asOf (subject and test accommodations: only days with a record, since the app cannot know the
 * timetable); used ÷ (applicable − days recorded not_needed), 3 decimals, 1 when the divisor is 0.
 */
export function accommodationFidelity(input: FidelityInput): Fidelity {
  const start = input.from && input.from > input.startDate ? input.from : input.startDate
  const latest = latestByDay(input.records.filter((r) => r.date >= start && r.date <= input.asOf))
  const days = instructionalDaysBetween(start, input.asOf, input.closures)
  const applicable = days.filter((d) => {
    const a = applicabilityOn(input.applies, input.startDate, d)
    return a === 'applies' || (a === 'conditional' && latest.has(d))
  })
  const recorded = applicable.filter((d) => latest.has(d))
  const used = recorded.filter((d) => latest.get(d)!.status === 'used').length
  const notNeeded = recorded.filter((d) => latest.get(d)!.status === 'not_needed').length
  const divisor = applicable.length - notNeeded
  return {
    applicableDays: applicable.length,
    recordedDays: recorded.length,
    usedDays: used,
    notNeededDays: notNeeded,
    fidelity: divisor === 0 ? 1 : ratio3(used, divisor),
    unrecordedDates: applicable.filter((d) => !latest.has(d)),
  }
}

/** The student page's period: the last 20 school days up to asOf. */
export const RECENT_FIDELITY_DAYS = 20

/** Fidelity over a recent window (`from`, the first of the last RECENT_FIDELITY_DAYS school days, to asOf). */
export function recentFidelity(input: FidelityInput & { from: IsoDate }): Fidelity {
  return accommodationFidelity(input)
}

/** Fidelity since the accommodation started, up to asOf: what the accountability view and the brief count. */
export function fidelitySinceStart(input: Omit<FidelityInput, 'from'>): Fidelity {
  return accommodationFidelity(input)
}

/**
 * What "All as planned" records as used: every support that applies on the day (not the conditional ones,
 * which apply only when their subject or test happened) and has no record yet. Recorded ones keep theirs.
 */
export function asPlannedTargets<R extends { applicability: 'applies' | 'conditional'; recorded: boolean }>(rows: readonly R[]): R[] {
  return rows.filter((r) => r.applicability === 'applies' && !r.recorded)
}
