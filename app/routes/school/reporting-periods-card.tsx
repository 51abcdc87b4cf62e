import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { formatDay } from '#shared/i18n/format.ts'
import type { ReportingPeriod } from '#shared/reporting-periods.ts'
import { reports } from '#shared/i18n/en/reports.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ reports })

/** The school calendar's reporting periods, beside its closures; the admin changes them on their own page. */
export function ReportingPeriodsCard({ schoolId, periods }: { schoolId: string; periods: ReportingPeriod[] }) {
  const { t } = useTranslation()
  return (
    <Card title={t('reports.periodsPage.calendarHeading')} headingId="reporting-periods">
      {periods.length ? (
        <ul className="mb-3 space-y-1" aria-labelledby="reporting-periods">
          {periods.map((p) => (
            <li key={p.id}>
              <span className="font-medium">{p.name}</span>: <time dateTime={p.start}>{formatDay(p.start, 'medium')}</time> –{' '}
              <time dateTime={p.end}>{formatDay(p.end, 'medium')}</time>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-3 text-slate-700">{t('reports.periodsPage.calendarNone')}</p>
      )}
      <TextLink to={`/school/${schoolId}/reporting-periods`}>{t('reports.periodsPage.link')}</TextLink>
    </Card>
  )
}
