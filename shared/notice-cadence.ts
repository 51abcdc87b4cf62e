import type { TeamRole } from './roles.ts'

/**
 * How a person hears about one student's misses and alerts outside the app: each as it happens, in one email a
 * day, in one email a week, or only in the app (docs/mail.md). The in-app notice exists whatever the choice.
 */
export const NOTICE_CADENCES = ['immediate', 'daily', 'weekly', 'app_only'] as const
export type NoticeCadence = (typeof NOTICE_CADENCES)[number]

/**
 * The choice nobody has made yet. Parents: the weekly digest, read on Friday afternoon, rather than a message per
 * miss. Case managers answer for the gaps, so theirs come daily. Other staff: only in the app, as before mail.
 */
export function defaultCadence(role: TeamRole): NoticeCadence {
  if (role === 'parent') return 'weekly'
  if (role === 'case_manager') return 'daily'
  return 'app_only'
}
