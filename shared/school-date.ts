/** Calendar dates as 'YYYY-MM-DD' strings: a school day has no time zone, so we never pass Date objects around. */
export type IsoDate = string

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const
export type Weekday = (typeof WEEKDAYS)[number]

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

// A school year has a few hundred distinct dates and whole-school views ask about each thousands of times.
const weekdayMemo = new Map<IsoDate, (typeof DAY_KEYS)[number]>()

export function weekdayOf(date: IsoDate): (typeof DAY_KEYS)[number] {
  let day = weekdayMemo.get(date)
  if (!day) {
    day = DAY_KEYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!
    if (weekdayMemo.size > 5000) weekdayMemo.clear()
    weekdayMemo.set(date, day)
  }
  return day
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Today's date where the person is, from their clock: the school day they are living in. */
export function localIsoDate(now: Date): IsoDate {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

const LONG = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' })

/** "Tue, Oct 14" */
export function formatSchoolDate(date: IsoDate): string {
  return LONG.format(new Date(`${date}T00:00:00Z`))
}
