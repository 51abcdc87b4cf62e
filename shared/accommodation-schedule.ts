import type { Applies } from './schemas/plan.ts'
import { type IsoDate, weekdayOf } from './school-date.ts'

const DAY_NAMES = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday' } as const

/** "Every school day", "Tuesday and Thursday", "During Math", "Tests only". */
export function describeApplies(applies: Applies): string {
  switch (applies.kind) {
    case 'daily':
      return 'Every school day'
    case 'weekdays': {
      const names = applies.days.map((d) => DAY_NAMES[d])
      return names.length === 1 ? `${names[0]} only` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
    }
    case 'subject':
      return `During ${applies.subject}`
    case 'tests':
      return 'Tests only'
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
