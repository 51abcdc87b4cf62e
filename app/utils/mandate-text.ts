import { addSections, t } from '#shared/i18n/i18n.ts'
import type { Weekday } from '#shared/school-date.ts'
import type { ServiceTerm } from '#shared/services.ts'
import { weekdayList } from './session-text.ts'
import { services } from '#shared/i18n/en/services.ts'

addSections({ services })

/**
 * What a term mandates, in words: "30 min × Tue, Thu", "4 sessions of 15 min a month" or "60 min each reporting
 * period, in sessions of about 30 min" (docs/formats.md#period-mandates).
 */
export function mandateText(term: Pick<ServiceTerm, 'minutesPerSession' | 'per' | 'sessionsPerPeriod' | 'minutesPerPeriod'> & { weekdays: readonly string[] }): string {
  if (!term.per || term.per === 'week') {
    return t('services.periods.weeklyMandate', { minutes: term.minutesPerSession, weekdays: weekdayList(term.weekdays as readonly Weekday[]) })
  }
  const period = t(term.per === 'month' ? 'services.periods.inMonth' : 'services.periods.inReportingPeriod')
  if (term.sessionsPerPeriod) return t('services.periods.sessionsMandate', { count: term.sessionsPerPeriod, minutes: term.minutesPerSession, period })
  return t('services.periods.minutesMandate', { total: term.minutesPerPeriod ?? 0, minutes: term.minutesPerSession, period })
}
