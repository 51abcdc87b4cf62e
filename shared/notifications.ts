import { addSections, t } from './i18n/i18n.ts'
import { formatSchoolDate, type IsoDate } from './school-date.ts'
import { type MissedReason, REASON_LABELS } from './services.ts'
import { ALERT_TEXT, type Alert } from './accountability.ts'
import { RECORDING_WINDOW } from './school-calendar.ts'
import { domain } from './i18n/en/domain.ts'
import { notices } from './i18n/en/notices.ts'

addSections({ domain, notices })

/**
 * What a notice is about. Parents: a missed session, a support not provided, an alert starting or clearing.
 * Case managers: a session still unrecorded once the recording window closed, and the alerts of their caseload.
 * Parents again: a change to the plan, before and after, to acknowledge (shared/plan-change.ts).
 * Case managers again: a date of the IEP's calendar due soon or late (shared/iep-calendar.ts), at most once a day each.
 */
export const NOTIFICATION_KINDS = ['session_missed', 'support_not_provided', 'alert_started', 'alert_cleared', 'session_unrecorded', 'plan_change', 'progress_report', 'iep_due', 'concern_reopened', 'records_ready'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** "Provider absent" → "provider absent", but "ABA therapy" stays as written (an initialism keeps its capitals). */
export function lowerFirst(text: string): string {
  if (text.length > 1 && text[1] === text[1]!.toUpperCase() && text[1] !== text[1]!.toLowerCase()) return text
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/**
 * What a parent reads when a session is recorded as missed: "Speech-language therapy on Tue, Oct 14 was
 * missed: provider absent. A make-up is owed." The last sentence only when the school's make-up policy owes
 * one for that reason, so the notice never promises what the school has not agreed to.
 */
export function missedSessionText(args: { serviceName: string; date: IsoDate; reason: MissedReason; makeUpOwed: boolean }): string {
  const words = { service: args.serviceName, date: formatSchoolDate(args.date), reason: lowerFirst(REASON_LABELS[args.reason]) }
  return args.makeUpOwed ? t('domain.missedSessionMakeUp', words) : t('domain.missedSession', words)
}

/** A make-up recorded for the session a notice is about. */
export interface MakeUpDone {
  date: IsoDate
  minutes: number
}

/** The missed record a notice is about, as it stands now (its latest version). */
export interface MissNow {
  kind: 'delivered' | 'missed' | 'make_up'
  minutes: number | null
  voided: boolean
}

/**
 * What has happened since a missed-session notice was sent: "Since then: made up on Thu, Dec 3 (30 min)." Computed
 * from the current records each time the notice is shown, so a notice that said "a make-up is owed" stays true
 * once the make-up is recorded (and again if the make-up is voided), and a miss the school later corrected to
 * delivered, or withdrew, no longer reads as a miss. Null while nothing has changed.
 */
export function noticeSinceText(makeUps: readonly MakeUpDone[], now: MissNow | null = null): string | null {
  if (now?.voided) return t('domain.noticeSince.withdrawn')
  if (now?.kind === 'delivered') return t('domain.noticeSince.corrected', { minutes: now.minutes ?? 0 })
  if (makeUps.length === 0) return null
  const days = [...makeUps]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((m) => t('domain.noticeSince.madeUpDay', { date: formatSchoolDate(m.date), minutes: m.minutes }))
  return t('domain.noticeSince.madeUp', { days: days.join(t('domain.noticeSince.and')) })
}

/** "Extended time on tests was not provided on Wed, Oct 14: substitute did not know." */
export function supportNotProvidedText(args: { support: string; date: IsoDate; reason: string | null }): string {
  const words = { support: args.support, date: formatSchoolDate(args.date), reason: args.reason?.trim().replace(/[.\s]+$/, '') ?? '' }
  return words.reason ? t('notices.supportNotProvided', words) : t('notices.supportNotProvidedNoReason', words)
}

/** "New alert for Speech-language therapy: The last two sessions were both missed or not recorded." */
export function alertText(args: { serviceName: string; alert: Alert; started: boolean }): string {
  const words = { service: args.serviceName, alert: ALERT_TEXT[args.alert] }
  return args.started ? t('notices.alertStarted', words) : t('notices.alertCleared', words)
}

/** What a case manager reads when the window to record a session has closed with nothing recorded. */
export function sessionUnrecordedText(args: { serviceName: string; date: IsoDate }): string {
  return t('notices.sessionUnrecorded', { service: args.serviceName, date: formatSchoolDate(args.date), days: RECORDING_WINDOW })
}

/** One alert of one service, as a stable key for comparing what was on before with what is on now. */
export function alertKey(serviceKey: string, alert: Alert): string {
  return `${serviceKey}:${alert}`
}

/**
 * What changed between the alerts known before and the alerts on now: each started and each cleared once.
 * Keys are `alertKey`s; the comparison is a set difference, so order and repeats do not matter.
 */
export function alertTransitions(before: Iterable<string>, now: Iterable<string>): { started: string[]; cleared: string[] } {
  const was = new Set(before)
  const is = new Set(now)
  return { started: [...is].filter((k) => !was.has(k)).sort(), cleared: [...was].filter((k) => !is.has(k)).sort() }
}
