import type { Alert } from '#shared/accountability.ts'

/** Plain words for the accountability numbers (docs/formats.md#accountability-numbers), shared by the student page and the caseload tables. */

/** 0.8 → "80%", 0.897 → "89.7%": the rate has 3 decimals, so one decimal of % shows it exactly (never a 90% that hides the alert). */
export function formatRate(rate: number): string {
  const pct = Math.round(rate * 1000) / 10
  return `${Number.isInteger(pct) ? pct : pct.toFixed(1)}%`
}

/** The same bar as the alert (docs/formats.md#alerts): under 90% delivered needs a look, under 75% is serious. */
export function rateTone(rate: number): 'good' | 'warn' | 'bad' {
  if (rate >= 0.9) return 'good'
  return rate >= 0.75 ? 'warn' : 'bad'
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`
}

/**
 * Minutes as sessions of `perSession` minutes: exact when they divide ("6 sessions"), else to the nearest half
 * ("about 1½ sessions", "about half a session"), "less than half a session" below that.
 */
export function sessionsPhrase(minutes: number, perSession: number): string {
  if (perSession <= 0) return plural(minutes, 'minute')
  const exact = minutes / perSession
  if (Number.isInteger(exact)) return plural(exact, 'session')
  const half = Math.round(exact * 2) / 2
  if (half === 0) return 'less than half a session'
  if (half === 0.5) return 'about half a session'
  if (Number.isInteger(half)) return `about ${plural(half, 'session')}`
  return `about ${Math.floor(half)}½ sessions`
}

export interface LedgerNumbers {
  minutesPerSession: number
  sessions: { madeUp: number }
  ledger: { minutesOwed: number; minutesMadeUp: number; balance: number }
}

/**
 * The compensatory ledger in one sentence: "6 sessions (180 minutes) owed to Johnny; 1 made up (30 minutes);
 * 150 minutes still owed." Minutes lead when they are not whole sessions (a short session's shortfall):
 * "15 minutes (about half a session) owed to Johnny; …".
 */
export function ledgerSentence(n: LedgerNumbers, first: string): string {
  const { minutesOwed, minutesMadeUp, balance } = n.ledger
  if (minutesOwed === 0 && minutesMadeUp === 0) return `Nothing is owed to ${first}.`
  const sessions = sessionsPhrase(minutesOwed, n.minutesPerSession)
  const minutes = plural(minutesOwed, 'minute')
  const whole = n.minutesPerSession > 0 && minutesOwed % n.minutesPerSession === 0
  const owed =
    minutesOwed === 0 ? `Nothing owed to ${first}` : whole ? `${sessions} (${minutes}) owed to ${first}` : `${minutes} (${sessions}) owed to ${first}`
  const madeUp = n.sessions.madeUp === 0 ? 'none made up yet' : `${n.sessions.madeUp} made up (${plural(minutesMadeUp, 'minute')})`
  const still = balance === 0 ? 'nothing still owed' : `${plural(balance, 'minute')} still owed`
  return `${owed}; ${madeUp}; ${still}.`
}

/** Short names for the alerts, for table cells; the student page uses the full ALERT_TEXT. */
export const ALERT_SHORT: Record<Alert, string> = {
  consecutive_misses: '2 missed in a row',
  repeated_school_misses: '3+ school misses in 30 days',
  low_delivery_rate: 'Under 90% delivered',
}

const WEEKDAY_NAMES: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri' }

/** ["tue", "thu"] → "Tue and Thu". */
export function weekdayList(days: readonly string[]): string {
  const names = days.map((d) => WEEKDAY_NAMES[d] ?? d)
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

const MONTH_DAY = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })

/** "2026-11-23" → "Nov 23". */
export function formatMonthDay(date: string): string {
  return MONTH_DAY.format(new Date(`${date}T00:00:00Z`))
}
