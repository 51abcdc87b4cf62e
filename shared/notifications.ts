import { t } from './i18n/i18n.ts'
import { formatSchoolDate, type IsoDate } from './school-date.ts'
import { type MissedReason, REASON_LABELS } from './services.ts'

export const NOTIFICATION_KINDS = ['session_missed'] as const
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
