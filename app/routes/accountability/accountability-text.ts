import type { Alert } from '#shared/accountability.ts'
import { formatDay, formatNumber } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { accountability } from '#shared/i18n/en/accountability.ts'

addSections({ accountability })

/** Plain words for the accountability numbers (docs/formats.md#accountability-numbers), shared by the student page and the caseload tables. */

/** 0.8 → "80%", 0.897 → "89.7%": the rate has 3 decimals, so one decimal of % shows it exactly (never a 90% that hides the alert). */
export function formatRate(rate: number): string {
  const pct = Math.round(rate * 1000) / 10
  return t('accountability.rate', { pct: formatNumber(pct) })
}

/**
 * Minutes as sessions of `perSession` minutes: exact when they divide ("6 sessions"), else to the nearest half
 * ("about 1½ sessions", "about half a session"), "less than half a session" below that.
 */
export function sessionsPhrase(minutes: number, perSession: number): string {
  if (perSession <= 0) return t('common.minutes', { count: minutes })
  const exact = minutes / perSession
  if (Number.isInteger(exact)) return t('accountability.sessions', { count: exact })
  const half = Math.round(exact * 2) / 2
  if (half === 0) return t('accountability.lessThanHalfSession')
  if (half === 0.5) return t('accountability.aboutHalfSession')
  if (Number.isInteger(half)) return t('accountability.aboutSessions', { sessions: t('accountability.sessions', { count: half }) })
  return t('accountability.aboutAndHalfSessions', { whole: Math.floor(half) })
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
  if (minutesOwed === 0 && minutesMadeUp === 0) return t('accountability.ledger.nothing', { name: first })
  const sessions = sessionsPhrase(minutesOwed, n.minutesPerSession)
  const minutes = t('common.minutes', { count: minutesOwed })
  const whole = n.minutesPerSession > 0 && minutesOwed % n.minutesPerSession === 0
  const owed =
    minutesOwed === 0
      ? t('accountability.ledger.owedNothing', { name: first })
      : t(whole ? 'accountability.ledger.owedSessionsFirst' : 'accountability.ledger.owedMinutesFirst', { sessions, minutes, name: first })
  const madeUp =
    n.sessions.madeUp === 0
      ? t('accountability.ledger.noneMadeUp')
      : t('accountability.ledger.madeUp', { n: n.sessions.madeUp, minutes: t('common.minutes', { count: minutesMadeUp }) })
  const still = balance === 0 ? t('accountability.ledger.nothingStill') : t('accountability.ledger.still', { minutes: t('common.minutes', { count: balance }) })
  return t('accountability.ledger.sentence', { owed, madeUp, still })
}

/** Short names for the alerts, for table cells; the student page uses the full ALERT_TEXT. An unknown alert shows as it is. */
export function alertShort(alert: string): string {
  return alert in ALERT_SHORT_KEYS ? t(`accountability.alertShort.${alert as Alert}`) : alert
}

const ALERT_SHORT_KEYS: Record<Alert, true> = { consecutive_misses: true, repeated_school_misses: true, low_delivery_rate: true }

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const

/** ["tue", "thu"] → "Tue and Thu". */
export function weekdayList(days: readonly string[]): string {
  const names = days.map((d) => ((WEEKDAYS as readonly string[]).includes(d) ? t(`accountability.weekday.${d as (typeof WEEKDAYS)[number]}`) : d))
  if (names.length <= 1) return names[0] ?? ''
  return t('accountability.listAnd', { items: names.slice(0, -1).join(t('accountability.listSeparator')), last: names.at(-1) ?? '' })
}

/** "2026-11-23" → "Nov 23". */
export function formatMonthDay(date: string): string {
  return formatDay(date, 'monthDay')
}
