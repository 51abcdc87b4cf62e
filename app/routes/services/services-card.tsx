import { Link } from '@remix-run/react'
import type { Service } from '#app/utils/api-types.ts'
import { fullDate, shortDate, weekdayList } from '#app/utils/session-text.ts'
import { Card } from '#app/components/card.tsx'

const LINK = 'inline-flex min-h-11 items-center font-medium text-brand-700 underline'

/**
 * What the IEP mandates: each service with its provider, minutes × weekdays, setting and dates, and every
 * amendment since it started. Sessions before an amendment keep the old mandate.
 */
export function ServicesCard({ services, studentId, canManage }: { services: Service[]; studentId: string; canManage: boolean }) {
  const base = `/students/${studentId}`
  return (
    <Card
      title="Services"
      headingId="services"
      actions={
        canManage ? (
          <Link to={`${base}/services/new`} className={LINK}>
            Add a service
          </Link>
        ) : null
      }
    >
      {services.length === 0 ? (
        <p className="text-slate-700">No services are in the plan yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-labelledby="services">
          {services.map((s) => (
            <li key={s.id} className="space-y-1 py-3">
              <h3 className="text-lg font-semibold text-slate-900">{s.name}</h3>
              <p className="text-slate-800">
                {s.current.minutesPerSession} min × {weekdayList(s.current.weekdays)} · with {s.providerName}
              </p>
              <p className="text-sm text-slate-700">
                {s.setting === 'pull-out' ? 'Pull-out' : 'Push-in'} · {s.grouping === 'group' ? 'group' : 'individual'} · {fullDate(s.startDate)} to{' '}
                {fullDate(s.endDate)}
              </p>
              {s.terms.length > 1 ? (
                <ul className="space-y-1 text-sm text-slate-700" aria-label={`Amendments to ${s.name}`}>
                  {s.terms.slice(1).map((t) => (
                    <li key={t.effectiveFrom}>
                      From {shortDate(t.effectiveFrom)}: {t.minutesPerSession} min on {weekdayList(t.weekdays)}
                      {t.note ? ` (${t.note})` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
              {canManage ? (
                <Link to={`${base}/services/${s.id}/amend`} className={`${LINK} text-sm`} aria-label={`Amend ${s.name}`}>
                  Amend
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 flex flex-wrap gap-x-4">
        <Link to={`${base}/sessions`} className={LINK}>
          Session log
        </Link>
      </p>
    </Card>
  )
}
