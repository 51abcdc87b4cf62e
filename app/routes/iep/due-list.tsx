import { Link } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { formatDay } from '#shared/i18n/format.ts'
import { DUE_WITHIN_DAYS, type DueItem, dueItemText } from '#shared/iep-calendar.ts'
import { iepCalendar } from '#shared/i18n/en/iepCalendar.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ iepCalendar })

const LATE_ID = 'due-late-heading'
const DUE_ID = 'due-soon-heading'

/**
 * The case manager's home list (docs/iep-calendar.md): what is late, then what is due in the next 30 days, each a
 * link to the page where it is done. Shown only to people who keep some student's calendar.
 */
export function DueList({ items }: { items: readonly DueItem[] }) {
  const { t } = useTranslation()
  const late = items.filter((i) => i.state === 'late')
  const due = items.filter((i) => i.state === 'due')
  const day = (d: string) => formatDay(d, 'medium')
  const list = (heading: string, id: string, rows: readonly DueItem[]) =>
    rows.length ? (
      <section aria-labelledby={id} className="mt-4">
        <h3 id={id} className="font-semibold">
          {heading}
        </h3>
        <ul className="mt-1 divide-y divide-slate-200">
          {rows.map((item) => (
            <li key={item.key} className="py-2">
              <Link to={item.href} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline-offset-2 hover:underline">
                {dueItemText(item, day)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    ) : null
  return (
    <Card title={t('iepCalendar.home.title')} headingId="due-heading">
      <p className="text-slate-700">{t('iepCalendar.home.intro', { days: DUE_WITHIN_DAYS })}</p>
      {items.length === 0 ? <p className="mt-2 text-slate-700">{t('iepCalendar.home.nothing', { days: DUE_WITHIN_DAYS })}</p> : null}
      {list(t('iepCalendar.home.late'), LATE_ID, late)}
      {list(t('iepCalendar.home.due', { days: DUE_WITHIN_DAYS }), DUE_ID, due)}
    </Card>
  )
}
