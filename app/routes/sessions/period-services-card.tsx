import { Link } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import type { ServiceSessions } from '#app/utils/api-types.ts'
import { describeRecord } from '#app/utils/session-text.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { Card } from '#app/components/card.tsx'
import { RecordSessionForms } from './session-actions.tsx'
import { sessionTarget, type SessionActionData } from './session-forms.ts'
import { SavedMessage } from './session-record-parts.tsx'
import type { WeekStudent } from './session-week-day.tsx'
import { sessions } from '#shared/i18n/en/sessions.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ sessions })

type Period = NonNullable<ServiceSessions['period']>

/**
 * The week's services mandated per month or reporting period, once each: "1 of 4 sessions this month", what is
 * recorded so far, and a form that asks the day held (docs/domain.md#period-sessions). No phantom dated sessions.
 */
export function PeriodServicesCard({ students, today, result }: { students: WeekStudent[]; today: string; result: SessionActionData | undefined }) {
  const { t } = useTranslation()
  const items = students.flatMap((student) => student.services.filter((svc) => svc.period).map((svc) => ({ student, svc, period: svc.period! })))
  if (items.length === 0) return null
  return (
    <Card title={t('sessions.periods.title')} headingId="period-services">
      <p className="mb-4 text-slate-700">{t('sessions.periods.intro')}</p>
      <ul className="divide-y divide-slate-200" aria-labelledby="period-services">
        {items.map(({ student, svc, period }) => (
          <PeriodItem key={svc.service.id} student={student} svc={svc} period={period} today={today} result={result} />
        ))}
      </ul>
    </Card>
  )
}

function PeriodItem({ student, svc, period, today, result }: { student: WeekStudent; svc: ServiceSessions; period: Period; today: string; result: SessionActionData | undefined }) {
  const { t } = useTranslation()
  const target = sessionTarget(svc.service.id, 'period')
  const name = t('sessions.periods.serviceName', { service: svc.service.name, student: student.name })
  const progress = t(period.per === 'month' ? 'sessions.periods.progressMonth' : 'sessions.periods.progressPeriod', { count: period.sessions, done: period.delivered })
  const day = today < period.start ? period.start : today > period.end ? period.end : today
  return (
    <li className="space-y-2 py-3">
      <h3 className="font-medium text-slate-900">{t('sessions.studentService', { student: student.name, service: svc.service.name })}</h3>
      <p className="font-medium text-slate-900">{progress}</p>
      <p className="text-sm text-slate-700">
        {t('sessions.periods.minutesSoFar', { done: period.minutesDelivered, total: period.minutes, start: formatDay(period.start), end: formatDay(period.end) })}
      </p>
      {period.records.length ? (
        <ul className="space-y-1 text-sm text-slate-700" aria-label={t('sessions.periods.recordedList', { name })}>
          {period.records.map((r) => (
            <li key={r.recordId}>
              <Link to={`/students/${student.id}/sessions?versions=${r.recordId}#record-${r.recordId}`} className="text-brand-700 underline">
                {t('sessions.periods.recordedOn', { date: formatDay(r.date), record: describeRecord(r) })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <SavedMessage message={result?.ok && result.target === target ? result.message : null} />
      {day <= today ? (
        <RecordSessionForms
          session={{ studentId: student.id, serviceId: svc.service.id, date: day, mandateMinutes: period.sessionMinutes, name, target, pickDayUpTo: today }}
          result={result}
        />
      ) : null}
    </li>
  )
}
