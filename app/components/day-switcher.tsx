import { Link } from '@remix-run/react'
import { formatSchoolDate } from '#shared/school-date.ts'

const CHIP =
  'inline-flex min-h-11 w-full items-center justify-center rounded-md border px-2 py-2 sm:w-auto sm:px-3 text-center text-sm font-medium aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white'

/**
 * Today, then the past school days a record may still be made for (newest first). Plain links with
 * ?date=, so the choice is in the URL: a reload or a shared link shows the same day.
 */
export function DaySwitcher({ today, recordableDays, selected }: { today: string; recordableDays: readonly string[]; selected: string }) {
  const past = recordableDays.filter((d) => d < today)
  const todayOpen = recordableDays.includes(today)
  return (
    <nav aria-labelledby="day-switcher-label" className="space-y-2">
      <p id="day-switcher-label" className="text-sm text-slate-700">
        Choose a day. Records for a past day show as late.
      </p>
      <ul className="grid grid-cols-3 gap-2 sm:flex sm:flex-wrap">
        <li>
          <Link to="/today" aria-current={selected === today ? 'page' : undefined} className={`${CHIP} border-slate-300 bg-white text-slate-900`}>
            {todayOpen ? 'Today' : 'Today (no school)'}
          </Link>
        </li>
        {past.map((d) => (
          <li key={d}>
            <Link
              to={`/today?date=${d}`}
              aria-current={selected === d ? 'page' : undefined}
              className={`${CHIP} border-slate-300 bg-white text-slate-900`}
            >
              {formatSchoolDate(d)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
