import { type CsvCell, toCsv } from './csv.ts'

/**
 * The session log header of docs/formats.md#session-log-csv, in its order. `disputed` (a parent flagged the record; true/false) came later and
 * is appended last, so a reader that picks columns by position or by name keeps working.
 */
export const SESSION_LOG_HEADER = ['date', 'service', 'status', 'minutes', 'reason', 'note', 'recorded_by', 'recorded_at', 'repays', 'voided', 'disputed'] as const

/** What one row needs: the current version of a session record and its service's name. */
export interface SessionLogRecord {
  date: string
  serviceName: string
  kind: 'delivered' | 'missed' | 'make_up'
  minutes: number | null
  reason: string | null
  note: string | null
  recordedBy: string | null
  recordedAt: string
  repaysDate: string | null
  voided: boolean
  /** A parent's dispute flag stands on this record. */
  disputed: boolean
}

/** The session log as CSV (`GET /api/students/{id}/sessions.csv`): one row per record, oldest first. */
export function sessionLogCsv(records: readonly SessionLogRecord[]): string {
  const rows: CsvCell[][] = [...records]
    .sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt))
    .map((r) => [r.date, r.serviceName, r.kind, r.minutes, r.reason, r.note, r.recordedBy, r.recordedAt, r.repaysDate, r.voided, r.disputed])
  return toCsv(SESSION_LOG_HEADER, rows)
}
