import { formatSchoolDate, type Weekday } from '#shared/school-date.ts'
import { REASON_LABELS, type MissedReason } from '#shared/services.ts'
import type { SessionStatus } from '#shared/session-status.ts'

/** The words and colours a session's status is shown with, on the week and in the log. */
export type BadgeTone = 'good' | 'warn' | 'bad' | 'neutral' | 'info'

interface RecordText {
  kind: 'delivered' | 'missed' | 'make_up'
  minutes: number | null
  reason: MissedReason | null
}

/** "Delivered, 20 min (short by 10 min)", "Missed: Provider absent", "Unrecorded": the badge a session wears. */
export function sessionBadge(status: SessionStatus, record: RecordText | null, mandateMinutes: number): { tone: BadgeTone; label: string } {
  switch (status) {
    case 'delivered': {
      const minutes = record?.minutes ?? 0
      const short = mandateMinutes - minutes
      return { tone: short > 0 ? 'warn' : 'good', label: `Delivered, ${minutes} min${short > 0 ? ` (short by ${short} min)` : ''}` }
    }
    case 'missed':
      return { tone: 'warn', label: `Missed: ${record?.reason ? REASON_LABELS[record.reason] : 'no reason given'}` }
    case 'pending':
      return { tone: 'info', label: 'Pending' }
    case 'unrecorded':
      // Red: an undocumented session is not a delivered one (docs/domain.md#session-status).
      return { tone: 'bad', label: 'Unrecorded' }
    case 'upcoming':
      return { tone: 'neutral', label: 'Upcoming' }
  }
}

/** What a record says, in a few words: "Delivered, 30 min", "Missed: Student absent", "Make-up, 30 min". */
export function describeRecord(r: RecordText): string {
  if (r.kind === 'missed') return `Missed: ${r.reason ? REASON_LABELS[r.reason] : 'no reason given'}`
  return `${r.kind === 'make_up' ? 'Make-up' : 'Delivered'}, ${r.minutes ?? 0} min`
}

export const STATUS_HELP: Partial<Record<SessionStatus, string>> = {
  pending: 'Record it within 5 school days.',
  unrecorded: 'More than 5 school days without a record: it counts as not delivered until someone records it.',
}

const SHORT_DATE = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })
const FULL_DATE = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })

/** "Jan 5" */
export function shortDate(date: string): string {
  return SHORT_DATE.format(new Date(`${date}T00:00:00Z`))
}

/** "Jan 5, 2027" */
export function fullDate(date: string): string {
  return FULL_DATE.format(new Date(`${date}T00:00:00Z`))
}

/** "Oct 14, 2026, 3:05 PM": when a record was written, in the reader's clock. */
export function recordedAt(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })
}

export const WEEKDAY_SHORT: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri' }
export const WEEKDAY_LONG: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday' }

/** "Tue, Thu" */
export function weekdayList(days: readonly Weekday[]): string {
  return days.map((d) => WEEKDAY_SHORT[d]).join(', ')
}

/** The session a form or record is about, for labels: "Speech-language therapy, Tue, Oct 14 (Johnny Miller)". */
export function sessionName(serviceName: string, date: string, studentName?: string): string {
  return `${serviceName}, ${formatSchoolDate(date)}${studentName ? ` (${studentName})` : ''}`
}
