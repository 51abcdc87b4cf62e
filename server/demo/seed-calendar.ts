/** A realistic US school-year calendar for the demo, computed for whichever year the seed runs in. */

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** The n-th given weekday (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay()
    const day = 1 + ((weekday - first + 7) % 7) + (n - 1) * 7
    return iso(year, month, day)
  }
  const lastDate = new Date(Date.UTC(year, month, 0))
  const day = lastDate.getUTCDate() - ((lastDate.getUTCDay() - weekday + 7) % 7)
  return iso(year, month, day)
}

function range(start: string, end: string): string[] {
  const out: string[] = []
  for (let d = new Date(`${start}T00:00:00Z`); d.toISOString().slice(0, 10) <= end; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10))
  }
  return out
}

export function demoClosures(startYear: number): { date: string; label: string }[] {
  const next = startYear + 1
  const thanksgiving = nthWeekday(startYear, 11, 4, 4)
  const friday = new Date(`${thanksgiving}T00:00:00Z`)
  friday.setUTCDate(friday.getUTCDate() + 1)
  return [
    { date: nthWeekday(startYear, 9, 1, 1), label: 'Labor Day' },
    { date: nthWeekday(startYear, 10, 1, 2), label: 'Indigenous Peoples’ Day' },
    { date: thanksgiving, label: 'Thanksgiving' },
    { date: friday.toISOString().slice(0, 10), label: 'Thanksgiving break' },
    ...range(iso(startYear, 12, 21), iso(next, 1, 1)).map((date) => ({ date, label: 'Winter break' })),
    { date: nthWeekday(next, 1, 1, 3), label: 'Martin Luther King Jr. Day' },
    { date: nthWeekday(next, 2, 1, 3), label: 'Presidents’ Day' },
    ...range(iso(next, 3, 23), iso(next, 3, 27)).map((date) => ({ date, label: 'Spring break' })),
    { date: nthWeekday(next, 5, 1, -1), label: 'Memorial Day' },
  ]
}
