import { addSections, t } from '#shared/i18n/i18n.ts'
import { recordKindLabel } from '#shared/record-access.ts'
import { ROLE_LABELS, type StudentRole } from '#shared/roles.ts'
import { student } from '#shared/i18n/en/student.ts'

addSections({ student })

export interface AccessRow {
  at: string
  name: string
  role: string
  what: string
}

/** A role as people say it; a role this version does not know is shown as stored rather than hidden. */
export function accessRoleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role
}

/** One line of the record of access as a sentence, for screen readers and the page's summary. */
export function describeAccess(row: AccessRow): string {
  return t('student.accessSentence', { name: row.name, role: accessRoleLabel(row.role as StudentRole), what: recordKindLabel(row.what) })
}

/** The people at school who opened the records, each once, in the order they first appear. */
export function distinctReaders(rows: readonly AccessRow[]): string[] {
  return [...new Set(rows.map((r) => t('student.accessReader', { name: r.name, role: accessRoleLabel(r.role) })))]
}
