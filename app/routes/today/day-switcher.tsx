import { Link } from '@remix-run/react'

const WEEKDAY = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'UTC' })
const MONTH_DAY = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })

const CHIP =
  'flex min-h-14 w-full flex-col items-center justify-center rounded-md border border-slate-300 bg-white px-1 py-1 text-center text-sm leading-tight text-slate-900 hover:bg-slate-100 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white'

function Chip({ to, current, top, bottom }: { to: string; current: boolean; top: string; bottom: string }) {
  return (
    <li>
      <Link to={to} aria-current={current ? 'page' : undefined} className={CHIP}>
        <span className="font-semibold">{top}</span> <span>{bottom}</span>
      </Link>
    </li>
  )
}

/**
 * Today, then the past school days a record may still be made for (newest first), as a two-row strip that
 * fits a phone. Plain links with ?date=, so the day is in the URL: a reload or a shared link shows the same day.
 */
export function DaySwitcher({ today, recordableDays, selected }: { today: string; recordableDays: readonly string[]; selected: string }) {
  const past = recordableDays.filter((d) => d < today)
  const todayOpen = recordableDays.includes(today)
  const at = (d: string) => new Date(`${d}T00:00:00Z`)
  return (
    <nav aria-label="Choose a day">
      <ul className="grid grid-cols-4 gap-2 sm:grid-cols-7">
        <Chip to="/today" current={selected === today} top="Today" bottom={todayOpen ? MONTH_DAY.format(at(today)) : 'no school'} />
        {past.map((d) => (
          <Chip key={d} to={`/today?date=${d}`} current={selected === d} top={WEEKDAY.format(at(d))} bottom={MONTH_DAY.format(at(d))} />
        ))}
      </ul>
    </nav>
  )
}
