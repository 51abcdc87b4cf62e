import { DomainError, isDomainError } from '../domain-error.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { domain } from '../i18n/en/domain.ts'

addSections({ domain })

/** One problem in a plan file: where (a JSON path such as `services[0].weekdays[2]`, "" for the whole file) and what. */
export interface PlanError {
  path: string
  message: string
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out
}

/** `services[0].weekdays[2]: "fri day" is not a weekday: "mon"…"fri" expected` — the whole file is "(file)". */
export function formatPlanError(error: PlanError): string {
  return t('domain.planImport.line', { path: error.path || t('domain.planImport.file'), message: error.message })
}

/**
 * A refused import: every problem found, nothing written. A DomainError (BAD_REQUEST) whose message lists the
 * problems one per line, so a caller that only reads messages still sees them all.
 */
export class PlanImportError extends DomainError {
  readonly errors: PlanError[]
  constructor(errors: PlanError[]) {
    super('BAD_REQUEST', errors.map(formatPlanError).join('\n'))
    this.errors = errors
  }
}

/** By shape, not instanceof (the Remix bundle and the server hold separate copies of this module). */
export function isPlanImportError(error: unknown): error is PlanImportError {
  return isDomainError(error) && Array.isArray((error as { errors?: unknown }).errors)
}
