import { addSections, t } from '#shared/i18n/i18n.ts'
import { formatDay, formatMoment } from '#shared/i18n/format.ts'
import type { Weekday } from '#shared/school-date.ts'
import { REASON_LABELS, type MissedReason } from '#shared/services.ts'
import type { SessionStatus } from '#shared/session-status.ts'
import { sessions } from '#shared/i18n/en/sessions.ts'

addSections({ sessions })

/** The words and colours a session's status is shown with, on the week and in the log. */
export type BadgeTone = 'good' | 'warn' | 'bad' | 'neutral' | 'info'

interface RecordText {
  kind: 'delivered' | 'missed' | 'make_up'
  minutes: number | null
  reason: MissedReason | null
}

function missedText(reason: MissedReason | null): string {
  return t('sessions.badgeMissed', { reason: reason ? REASON_LABELS[reason] : t('sessions.noReasonGiven') })
}

/** "Delivered, 20 min (short by 10 min)", "Missed: Provider absent", "Unrecorded": the badge a session wears. */
export function sessionBadge(status: SessionStatus, record: RecordText | null, mandateMinutes: number): { tone: BadgeTone; label: string } {
  switch (status) {
    case 'delivered': {
      const minutes = record?.minutes ?? 0
      const short = mandateMinutes - minutes
      return short > 0
        ? { tone: 'warn', label: t('sessions.badgeDeliveredShort', { minutes, short }) }
        : { tone: 'good', label: t('sessions.badgeDelivered', { minutes }) }
    }
    case 'missed':
      return { tone: 'warn', label: missedText(record?.reason ?? null) }
    case 'pending':
      return { tone: 'info', label: t('sessions.badgePending') }
    case 'unrecorded':
      // Red: an undocumented session is not a delivered one (docs/domain.md#session-status).
      return { tone: 'bad', label: t('sessions.badgeUnrecorded') }
    case 'upcoming':
      return { tone: 'neutral', label: t('sessions.badgeUpcoming') }
  }
}

/** What a record says, in a few words: "Delivered, 30 min", "Missed: Student absent", "Make-up, 30 min". */
export function describeRecord(r: RecordText): string {
  if (r.kind === 'missed') return missedText(r.reason)
  return t(r.kind === 'make_up' ? 'sessions.recordMakeUp' : 'sessions.badgeDelivered', { minutes: r.minutes ?? 0 })
}

/** What a pending or unrecorded session asks of the reader, or null. */
export function statusHelp(status: SessionStatus): string | null {
  if (status === 'pending') return t('sessions.helpPending')
  if (status === 'unrecorded') return t('sessions.helpUnrecorded')
  return null
}

/** "Jan 5" */
export function shortDate(date: string): string {
  return formatDay(date, 'monthDay')
}

/** "Jan 5, 2027" */
export function fullDate(date: string): string {
  return formatDay(date, 'medium')
}

/** "Oct 14, 2026, 3:05 PM": when a record was written, in the reader's clock. */
export function recordedAt(iso: string): string {
  return formatMoment(iso, 'dateTime')
}

/** "Tue" */
export function weekdayShort(day: Weekday): string {
  return t(`sessions.weekdayShort.${day}`)
}

/** "Tuesday" */
export function weekdayLong(day: Weekday): string {
  return t(`sessions.weekdayLong.${day}`)
}

/** "Tue, Thu" */
export function weekdayList(days: readonly Weekday[]): string {
  return days.map(weekdayShort).join(t('sessions.listSeparator'))
}

/** The session a form or record is about, for labels: "Speech-language therapy, Tue, Oct 14 (Johnny Miller)". */
export function sessionName(serviceName: string, date: string, studentName?: string): string {
  const words = { service: serviceName, date: formatDay(date) }
  return studentName ? t('sessions.sessionNameFor', { ...words, student: studentName }) : t('sessions.sessionName', words)
}
