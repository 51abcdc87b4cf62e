import type { ServiceSessions, SessionRecord } from '#app/utils/api-types.ts'
import { formatDay } from '#shared/i18n/format.ts'
import type { SessionRow } from '#shared/session-status.ts'

export type LogEntry =
  | { type: 'session'; key: string; date: string; serviceName: string; row: SessionRow<SessionRecord> }
  | { type: 'make_up'; key: string; date: string; serviceName: string; record: SessionRecord }

/** Every scheduled session and every make-up of the student's services, oldest first, by month. */
export function sessionLogByMonth(services: ServiceSessions[]): { month: string; entries: LogEntry[] }[] {
  const entries: LogEntry[] = services.flatMap((svc) => [
    ...svc.rows.map((row): LogEntry => ({ type: 'session', key: `${svc.service.id}-${row.date}`, date: row.date, serviceName: svc.service.name, row })),
    ...svc.makeUps.map((record): LogEntry => ({ type: 'make_up', key: record.recordId, date: record.date, serviceName: svc.service.name, record })),
  ])
  entries.sort((a, b) => a.date.localeCompare(b.date) || a.serviceName.localeCompare(b.serviceName) || a.type.localeCompare(b.type))
  const months: { month: string; entries: LogEntry[] }[] = []
  for (const entry of entries) {
    const month = entry.date.slice(0, 7)
    const last = months.at(-1)
    if (last?.month === month) last.entries.push(entry)
    else months.push({ month, entries: [entry] })
  }
  return months
}

/** "2026-10" → "October 2026" */
export function monthLabel(month: string): string {
  return formatDay(`${month}-01`, 'monthYear')
}
