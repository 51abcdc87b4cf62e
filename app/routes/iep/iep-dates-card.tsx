import { Link, useFetcher } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { formatDay, formatMoment } from '#shared/i18n/format.ts'
import { IEP_DATE_FIELDS, type IepDates } from '#shared/iep-calendar.ts'
import { iepCalendar } from '#shared/i18n/en/iepCalendar.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ iepCalendar })

export type IepDatesResult = { ok: true; message: string } | { ok: false; message: string; fieldErrors: Record<string, string[] | undefined>; values?: Record<string, string> }

/**
 * The current plan's dates (docs/iep-calendar.md), for everyone who reads the plan; the case manager changes them
 * in place (the form posts to /students/:id/iep-dates, which answers here) and starts the next plan from here.
 */
export function IepDatesCard({
  studentId,
  plan,
  canEdit,
  canStartNext,
  endedGoals,
}: {
  studentId: string
  plan: IepDates | null
  canEdit: boolean
  canStartNext: boolean
  endedGoals: readonly { id: string; area: string; endedAt: string; reason: string }[]
}) {
  const { t } = useTranslation()
  const fetcher = useFetcher<IepDatesResult>({ key: `iep-dates-${studentId}` })
  const result = fetcher.data
  const typed = result && !result.ok ? result.values : undefined
  const base = `/students/${studentId}`
  return (
    <Card title={t('iepCalendar.card.title')} headingId="iep-dates-heading">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4" aria-label={t('iepCalendar.card.datesLabel')}>
        {IEP_DATE_FIELDS.map((field) => (
          <div key={field}>
            <dt className="text-sm text-slate-600">{t(`iepCalendar.card.${field}`)}</dt>
            <dd className="font-medium">{plan?.[field] ? formatDay(plan[field], 'medium') : t('iepCalendar.card.notSet')}</dd>
          </div>
        ))}
      </dl>
      {canEdit ? (
        <details className="mt-4" open={result ? true : undefined}>
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t('iepCalendar.card.edit')}</summary>
          <fetcher.Form method="post" action={`${base}/iep-dates`} className="mt-2 space-y-4" noValidate>
            {result ? result.ok ? <Alert tone="success">{result.message}</Alert> : <Alert>{result.message}</Alert> : null}
            <p className="text-sm text-slate-700">{t('iepCalendar.card.hint')}</p>
            <div className="grid gap-4 sm:grid-cols-2">
              {IEP_DATE_FIELDS.map((field) => (
                <Field
                  key={field}
                  label={t(`iepCalendar.card.${field}`)}
                  name={field}
                  type="date"
                  defaultValue={typed?.[field] ?? plan?.[field] ?? ''}
                  errors={result && !result.ok ? result.fieldErrors[field] : undefined}
                />
              ))}
            </div>
            <Button type="submit" disabled={fetcher.state !== 'idle'}>
              {t('iepCalendar.card.save')}
            </Button>
          </fetcher.Form>
        </details>
      ) : null}
      {canStartNext && plan ? (
        <p className="mt-4">
          <Link to={`${base}/next-plan`} className="font-medium text-brand-700 underline">
            {t('iepCalendar.card.nextPlan')}
          </Link>
        </p>
      ) : null}
      {endedGoals.length ? (
        <div className="mt-6">
          <h3 className="font-semibold">{t('iepCalendar.card.endedGoals')}</h3>
          <p className="text-sm text-slate-700">{t('iepCalendar.card.endedGoalsIntro')}</p>
          <ul className="mt-2 space-y-2" aria-label={t('iepCalendar.card.endedGoals')}>
            {endedGoals.map((g) => (
              <li key={g.id}>
                <Link to={`${base}/goals/${g.id}`} className="font-medium text-brand-700 underline">
                  {g.area}
                </Link>{' '}
                <span className="text-sm text-slate-700">{t('iepCalendar.card.endedOn', { date: formatMoment(g.endedAt, 'date'), reason: g.reason })}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  )
}
