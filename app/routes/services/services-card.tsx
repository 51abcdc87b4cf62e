import { Link } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import type { Service } from '#app/utils/api-types.ts'
import { fullDate, shortDate, weekdayList } from '#app/utils/session-text.ts'
import { Card } from '#app/components/card.tsx'
import type { ServiceTerm } from '#shared/services.ts'
import { mandateText } from '#app/utils/mandate-text.ts'
import { services } from '#shared/i18n/en/services.ts'

addSections({ services })

const LINK = 'inline-flex min-h-11 items-center font-medium text-brand-700 underline'

/**
 * What the IEP mandates: each service with its provider, minutes × weekdays, setting and dates, and every
 * amendment since it started. Sessions before an amendment keep the old mandate.
 */
/** "From Jan 5: 20 min on Tue, Thu": one amendment of a service's mandate. */
export function AmendmentLine({ term }: { term: ServiceTerm }) {
  const { t } = useTranslation()
  if (term.per && term.per !== 'week') return t('services.periods.amendmentLine', { date: shortDate(term.effectiveFrom), mandate: mandateText(term) })
  return t('services.amendmentLine', { date: shortDate(term.effectiveFrom), minutes: term.minutesPerSession, weekdays: weekdayList(term.weekdays) })
}

/** "30 min × Tue, Thu · with Ms. Lee", or a month's or period's mandate in its own words. */
export function mandateLine(term: ServiceTerm, provider: string): string {
  if (term.per && term.per !== 'week') return t('services.periods.cardMandate', { mandate: mandateText(term), provider })
  return t('services.mandate', { minutes: term.minutesPerSession, weekdays: weekdayList(term.weekdays), provider })
}

export function ServicesCard({ services, studentId, canManage }: { services: Service[]; studentId: string; canManage: boolean }) {
  const { t } = useTranslation()
  const base = `/students/${studentId}`
  return (
    <Card
      title={t('services.title')}
      headingId="services"
      actions={
        canManage ? (
          <Link to={`${base}/services/new`} className={LINK}>
            {t('services.addService')}
          </Link>
        ) : null
      }
    >
      {services.length === 0 ? (
        <p className="text-slate-700">{t('services.noServices')}</p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-labelledby="services">
          {services.map((s) => (
            <li key={s.id} className="space-y-1 py-3">
              <h3 className="text-lg font-semibold text-slate-900">{s.name}</h3>
              <p className="text-slate-800">
                {mandateLine(s.current, s.providerName)}
              </p>
              <p className="text-sm text-slate-700">
                {t('services.settingDates', {
                  setting: t(s.setting === 'pull-out' ? 'services.pullOut' : 'services.pushIn'),
                  grouping: t(s.grouping === 'group' ? 'services.group' : 'services.individual'),
                  start: fullDate(s.startDate),
                  end: fullDate(s.endDate),
                })}
              </p>
              {s.grouping === 'group' && s.groupName ? <p className="text-sm text-slate-700">{t('services.groups.inGroup', { name: s.groupName })}</p> : null}
              {s.terms.length > 1 ? (
                <ul className="space-y-1 text-sm text-slate-700" aria-label={t('services.amendmentsTo', { name: s.name })}>
                  {s.terms.slice(1).map((term) => (
                    <li key={term.effectiveFrom}>
                      <AmendmentLine term={term} />
                      {term.note ? t('services.amendmentNote', { note: term.note }) : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
              {canManage ? (
                <Link to={`${base}/services/${s.id}/amend`} className={`${LINK} text-sm`} aria-label={t('services.amendName', { name: s.name })}>
                  {t('services.amend')}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 flex flex-wrap gap-x-4">
        <Link to={`${base}/sessions`} className={LINK}>
          {t('services.sessionLog')}
        </Link>
      </p>
    </Card>
  )
}
