import { type CsvCell, toCsv } from './csv.ts'
import { type ConcernStatus, STATUS_LABELS, type Step, ladderStep } from './concerns.ts'

/** The five columns families are taught to keep (date, issue, person contacted, response, follow-up), then status and step. */
export const CONCERN_LOG_HEADER = ['Date', 'Issue', 'Person contacted', 'Response', 'Follow-up', 'Status', 'Step'] as const

export interface ConcernLogRow {
  date: string
  issue: string
  personContacted: string
  response: string
  followUp: string
  status: ConcernStatus
  step: Step
}

/** The concern log as CSV (`GET /api/students/{id}/concerns.csv`), oldest first, formula injection neutralised. */
export function concernLogCsv(rows: readonly ConcernLogRow[]): string {
  const cells: CsvCell[][] = [...rows]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((r) => [r.date, r.issue, r.personContacted, r.response, r.followUp, STATUS_LABELS[r.status], `${r.step}. ${ladderStep(r.step).title}`])
  return toCsv(CONCERN_LOG_HEADER, cells)
}
