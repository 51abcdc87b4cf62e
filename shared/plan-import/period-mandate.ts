import { addSections, t } from '../i18n/i18n.ts'
import type { PlanService } from './schema.ts'
import { domain } from '../i18n/en/domain.ts'

addSections({ domain })

type Issue = [field: string, message: string]

const isPeriod = (per: unknown) => per === 'month' || per === 'reporting_period'

/**
 * What a service's mandate lacks or has too much of (docs/import-format.md#services), read from the raw entry so it
 * is said with the entry's other problems: a weekly service needs weekdays and takes no period amounts; a service
 * per month or reporting period takes exactly one of its two amounts.
 */
export function periodIssues(item: unknown): Issue[] {
  if (typeof item !== 'object' || item === null) return []
  const s = item as Record<string, unknown>
  if (isPeriod(s.per)) {
    return (s.sessionsPerPeriod === undefined) === (s.minutesPerPeriod === undefined) ? [['sessionsPerPeriod', t('domain.periods.amountOne')]] : []
  }
  if (s.per !== undefined && s.per !== 'week') return [] // the schema names the unknown period
  const issues: Issue[] = []
  if (s.weekdays === undefined) issues.push(['weekdays', t('domain.planImport.listMissing', { what: t('domain.planImport.expects.weekdays') })])
  else if (Array.isArray(s.weekdays) && s.weekdays.length === 0) issues.push(['weekdays', t('domain.planImport.empty', { what: t('domain.planImport.expects.someWeekday') })])
  for (const field of ['sessionsPerPeriod', 'minutesPerPeriod']) if (s[field] !== undefined) issues.push([field, t('domain.periods.amountWeekly')])
  return issues
}

/** Whether a plan's service is held on set weekdays (false: on any school day of its months or periods). */
export function heldWeekly(service: PlanService): boolean {
  return !isPeriod(service.per)
}

/** "any school day from 2026-09-01 to 2027-06-11": where a period service's sessions may fall, for refusals. */
export function heldAnyDay(service: PlanService): string {
  return t('domain.periods.heldAnyDay', { start: service.startDate, end: service.endDate })
}

