import { addSections, t } from './i18n/i18n.ts'
import type { Applies } from './schemas/plan.ts'
import { type IsoDate, weekdayOf } from './school-date.ts'
import { listInWords } from './word-list.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

/** "Every school day", "Tuesday and Thursday", "During Math", "Tests only". */
export function describeApplies(applies: Applies): string {
  switch (applies.kind) {
    case 'daily':
      return t('domain.applies.daily')
    case 'weekdays': {
      const names = applies.days.map((d) => t(`domain.weekdays.${d}`))
      return names.length === 1 ? t('domain.applies.oneDay', { day: names[0]! }) : listInWords(names)
    }
    case 'subject':
      return t('domain.applies.subject', { subject: applies.subject })
    case 'tests':
      return t('domain.applies.tests')
  }
}

export type DayApplicability = 'applies' | 'conditional' | 'not_today'

/**
 * Whether an accommodation is in play on a school day. Subject and test accommodations are `conditional`:
 * the app cannot know the timetable, so they are shown with their condition rather than hidden.
 */
export function applicabilityOn(applies: Applies, startDate: IsoDate, date: IsoDate): DayApplicability {
  if (date < startDate) return 'not_today'
  const day = weekdayOf(date)
  if (day === 'sat' || day === 'sun') return 'not_today'
  switch (applies.kind) {
    case 'daily':
      return 'applies'
    case 'weekdays':
      return (applies.days as readonly string[]).includes(day) ? 'applies' : 'not_today'
    case 'subject':
    case 'tests':
      return 'conditional'
  }
}
