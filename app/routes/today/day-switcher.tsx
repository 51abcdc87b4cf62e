import { Link } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { today } from '#shared/i18n/en/today.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ today })

// 44 px, the tap target's minimum: two short lines fit, and a phone keeps the room for the students (issue 15).
const CHIP =
  'flex min-h-11 w-full flex-col items-center justify-center rounded-md border border-slate-300 bg-white px-1 py-1 text-center text-sm leading-tight text-slate-900 hover:bg-slate-100 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white'

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
 * Relative, so that one student's Today tab stays on that student.
 */
export function DaySwitcher({ today, recordableDays, selected }: { today: string; recordableDays: readonly string[]; selected: string }) {
  const past = recordableDays.filter((d) => d < today)
  const todayOpen = recordableDays.includes(today)
  const { t } = useTranslation()
  return (
    <nav aria-label={t('today.days.label')}>
      <ul className="grid grid-cols-4 gap-2 sm:grid-cols-7">
        <Chip to="." current={selected === today} top={t('today.days.today')} bottom={todayOpen ? formatDay(today, 'monthDay') : t('today.days.noSchool')} />
        {past.map((d) => (
          <Chip key={d} to={`?date=${d}`} current={selected === d} top={formatDay(d, 'weekday')} bottom={formatDay(d, 'monthDay')} />
        ))}
      </ul>
    </nav>
  )
}
