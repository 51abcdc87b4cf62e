import { addSections, t } from './i18n/i18n.ts'
import { catalogueLabels } from './labels.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

/**
 * The record of access (FERPA 34 CFR 99.32): which kinds of a student's records a person at school opened. Kinds
 * are coarse on purpose: a family reads "Dana Rivera opened the plan", not a list of procedure names, and one page
 * view makes one row per kind, not one per query.
 */
// i18next reads ':' and '.' inside a key as separators, so the export kinds have their own catalogue keys.
const RECORD_KIND_KEYS = {
  plan: 'plan',
  records: 'records',
  history: 'history',
  team: 'team',
  notes: 'notes',
  concerns: 'concerns',
  brief: 'brief',
  notices: 'notices',
  today: 'today',
  access: 'access',
  'export:sessions.csv': 'exportSessionsCsv',
  'export:concerns.csv': 'exportConcernsCsv',
  'export:brief.pdf': 'exportBriefPdf',
  'export:accountability.json': 'exportAccountabilityJson',
  reports: 'reports',
  'export:report.pdf': 'exportReportPdf',
  attachments: 'attachments',
  'export:attachment': 'exportAttachment',
  'export:records.zip': 'exportRecordsZip',
} as const

export const RECORD_KINDS = catalogueLabels(Object.keys(RECORD_KIND_KEYS) as (keyof typeof RECORD_KIND_KEYS)[], (kind) =>
  t(`domain.recordKinds.${RECORD_KIND_KEYS[kind]}`),
)

export type RecordKind = keyof typeof RECORD_KINDS

export function recordKindLabel(what: string): string {
  return (RECORD_KINDS as Record<string, string>)[what] ?? what
}

/**
 * Student-scoped reads that are not logged, each with its reason. `students.get` is the student's name, grade and
 * school (directory information, shown in the header of every student page): logging it would add a row to every
 * page view without telling the family anything the page's own row does not.
 */
export const UNLOGGED_READS: Readonly<Record<string, string>> = {
  get 'students.get'() {
    return t('domain.unloggedReads.studentsGet')
  },
  get 'students.schoolDay'() {
    return t('domain.unloggedReads.studentsSchoolDay')
  },
  get 'records.exports'() {
    return t('domain.unloggedReads.recordsExports')
  },
}

// Exact procedures first, then the router they belong to.
const BY_PROCEDURE: Readonly<Record<string, RecordKind>> = {
  'team.history': 'history',
  'goals.versions': 'history',
  'services.versions': 'history',
  'disputes.history': 'history',
  'notifications.forStudent': 'notices',
  'reports.pdf': 'export:report.pdf',
  // The one read behind every download of an attached file (server/http/attachments.server.ts).
  'attachments.file': 'export:attachment',
  'records.file': 'export:records.zip',
}

const BY_ROUTER: Readonly<Record<string, RecordKind>> = {
  profiles: 'plan',
  goals: 'plan',
  accommodations: 'plan',
  progress: 'plan',
  planChanges: 'plan',
  iepCalendar: 'plan',
  services: 'records',
  effects: 'records',
  sessions: 'records',
  checks: 'records',
  accountability: 'records',
  team: 'team',
  notebooks: 'notes',
  concerns: 'concerns',
  disputes: 'concerns',
  brief: 'brief',
  access: 'access',
  reports: 'reports',
  // Who reads the record as the family's advocate (docs/advocates.md): part of who is on the team.
  advocates: 'team',
  attachments: 'attachments',
}

/** The kind of record a tRPC query path reads; null when it is not logged (UNLOGGED_READS) or not known. */
export function recordKindForPath(path: string): RecordKind | null {
  if (path in UNLOGGED_READS) return null
  return BY_PROCEDURE[path] ?? BY_ROUTER[path.split('.')[0] ?? ''] ?? null
}

/** Reads within this window by the same person, of the same student and kind, make one row (a page view, a reload). */
export const ACCESS_COALESCE_MS = 60_000
