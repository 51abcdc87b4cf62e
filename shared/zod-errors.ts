import type { ZodError } from 'zod'
import { addSections, t } from './i18n/i18n.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

/** Field path → messages, for forms; issues without a path go under "form". */
export function fieldErrors(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form'
    ;(out[key] ??= []).push(issue.message)
  }
  return out
}

/** One line naming each bad field, for API clients. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? t('domain.fieldProblem', { path: i.path.join('.'), message: i.message }) : i.message))
    .join(t('domain.problemSeparator'))
}
