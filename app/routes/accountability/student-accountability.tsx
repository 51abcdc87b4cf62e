import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { lazy, Suspense } from 'react'
import { Trans } from 'react-i18next'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert, WarningList } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card, ListCard } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { StatusBadge, TitledStatus } from '#app/components/status-badge.tsx'
import { ColumnHeads, Table } from '#app/components/table.tsx'
import { formatMonthDay, formatRate, ledgerSentence, weekdayList } from './accountability-text.ts'
import { mandateText } from '#app/utils/mandate-text.ts'
import { fidelityDaysSentence, fidelityReading } from '#shared/fidelity-words.ts'
import { rateTone } from '#shared/rate-tone.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { firstName } from '#shared/plan-labels.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import type { ServiceAccountability, StudentAccountability } from '#app/utils/api-types.ts'
import { ALERT_TEXT } from '#shared/accountability.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { activeLanguage, addSections, t } from '#shared/i18n/i18n.ts'
import { withReaderTitles } from '#shared/plain-translations.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { MISSED_REASONS, REASON_LABELS, REASON_RESPONSIBILITY } from '#shared/services.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { accountability } from '#shared/i18n/en/accountability.ts'
import { domain } from '#shared/i18n/en/domain.ts'

addSections({ accountability, domain })

// Recharts is only needed once the page is interactive: its own chunk keeps it off the first paint.
const ServiceTrendChart = lazy(() => import('./service-trend-chart.client.tsx'))

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  // The server's school day, the same one the procedure checks "not in the future" against.
  const today = localIsoDate(context.now())
  const asked = new URL(request.url).searchParams.get('asOf') || undefined
  // Each support by the name its reader reads (docs/languages.md#plain-summaries); the JSON export keeps the plan's.
  const forReader = async (numbers: StudentAccountability) => {
    const supports = await loadOr404(() => context.trpc.accommodations.list({ studentId }))
    return { ...numbers, accommodations: withReaderTitles(numbers.accommodations, supports, activeLanguage()) }
  }
  const result = await actionResult(() => context.trpc.accountability.student({ studentId, asOf: asked }))
  if (result.ok) return { numbers: await forReader(result.data), today, asOfError: null }
  // Anything but a bad date (a mangled id, a student they may not see) is the same 404 as every student page.
  if (!result.fieldErrors.asOf) throw new Response(t('common.notFound'), { status: 404 })
  // A mistyped or future date is the person's mistake: say so over today's numbers.
  const numbers = await forReader(await loadOr404(() => context.trpc.accountability.student({ studentId })))
  return data({ numbers, today, asOfError: t('accountability.student.badAsOf', { problem: result.fieldErrors.asOf.join(' ') }) }, { status: 400 })
}

export default function AccountabilityPage() {
  const { numbers, today, asOfError } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  const { t } = useTranslation()
  if (!parent) return null
  const { student } = parent
  const first = firstName(student)
  const asOf = numbers.asOf
  const jsonHref = `/api/students/${student.id}/accountability?asOf=${asOf}`

  return (
    <div className="space-y-6">
      <TextLink to={`/students/${student.id}`}>{t('accountability.student.back', { name: first })}</TextLink>

      <div className="space-y-2">
        <h2 className="text-2xl font-semibold text-slate-900">{t('accountability.student.title')}</h2>
        <p className="text-slate-700">{t('accountability.student.intro', { name: first, date: formatDay(asOf) })}</p>
      </div>

      <AlertList services={numbers.services} asOf={asOf} />

      <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t('accountability.student.chooseDate')}>
        <div className="min-w-0 flex-1 sm:max-w-xs">
          <Field
            label={t('accountability.student.asOf')}
            type="date"
            name="asOf"
            max={today}
            defaultValue={asOf}
            required
            errors={asOfError ? [asOfError] : undefined}
          />
        </div>
        <Button type="submit" variant="secondary">
          {t('accountability.student.show')}
        </Button>
      </Form>


      {numbers.services.length === 0 ? (
        <Card>
          <p className="text-slate-700">{t('accountability.student.noServices', { date: formatDay(asOf) })}</p>
        </Card>
      ) : (
        numbers.services.map((s) => <ServiceCard key={s.key} service={s} first={first} />)
      )}

      <AccommodationCard accommodations={numbers.accommodations} asOf={asOf} />

      <p className="no-print">
        <a href={jsonHref} download={`accountability-${asOf}.json`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
          {t('accountability.student.download')}
        </a>
      </p>
    </div>
  )
}

/** Alerts first, in plain words and naming the service: the reason to read the rest of the page. */
function AlertList({ services, asOf }: { services: readonly ServiceAccountability[]; asOf: string }) {
  const { t } = useTranslation()
  const alerts = services.flatMap((s) => s.alerts.map((a) => ({ key: `${s.key}-${a}`, service: s.name, text: ALERT_TEXT[a] })))
  if (services.length === 0) return null
  if (alerts.length === 0) {
    return <Alert tone="success">{t('accountability.student.noAlerts', { date: formatDay(asOf) })}</Alert>
  }
  return (
    <WarningList heading={t('accountability.student.needsAttention')} headingId="alerts-heading" headingLevel={3}>
      {alerts.map((a) => (
        <li key={a.key}>
          <span className="font-semibold">{t('accountability.student.alertService', { service: a.service })}</span> {a.text}
        </li>
      ))}
    </WarningList>
  )
}

function ServiceCard({ service: s, first }: { service: ServiceAccountability; first: string }) {
  const { t } = useTranslation()
  const id = `service-${s.key}`
  // Not recorded is red (docs/domain.md#session-status: an undocumented session is not a delivered one); a miss may be the student's.
  const sessionCells: { label: string; value: number; tone?: 'warn' | 'bad' }[] = [
    { label: t('accountability.student.due'), value: s.sessions.due },
    { label: t('accountability.student.delivered'), value: s.sessions.delivered },
    { label: t('accountability.student.missed'), value: s.sessions.missed, tone: s.sessions.missed > 0 ? 'warn' : undefined },
    { label: t('accountability.student.unrecorded'), value: s.sessions.unrecorded, tone: s.sessions.unrecorded > 0 ? 'bad' : undefined },
    { label: t('accountability.student.pending'), value: s.sessions.pending },
    { label: t('accountability.student.madeUp'), value: s.sessions.madeUp },
  ]
  const reasons = MISSED_REASONS.filter((r) => (s.missedByReason[r] ?? 0) > 0)
  return (
    <Card title={s.name} headingLevel={3} headingId={id}>
      <p className="-mt-2 text-slate-700">
        {s.per === 'week'
          ? t('accountability.student.schedule', {
              provider: s.providerName,
              minutes: t('common.minutes', { count: s.minutesPerSession }),
              days: weekdayList(s.weekdays),
            })
          : t('accountability.periods.schedule', { provider: s.providerName, mandate: mandateText(s) })}
      </p>
      {s.per === 'week' ? null : <p className="mt-1 text-sm text-slate-700">{t('accountability.periods.dueRule')}</p>}
      {s.disputedRecords > 0 ? (
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <StatusBadge tone="bad">{t('accountability.student.disputed')}</StatusBadge>
          <span className="text-slate-800">{t('accountability.student.disputedRecords', { count: s.disputedRecords })}</span>
        </p>
      ) : null}

      <div role="group" aria-label={t('accountability.student.numbersLabel', { service: s.name })} className="mt-4 space-y-5">
        <div className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-slate-900">
              <Trans
                i18nKey="accountability.student.deliveredOfMandated"
                values={{ delivered: s.minutesDelivered, mandated: t('accountability.mandatedMinutes', { count: s.minutesMandated }) }}
                components={{ big: <span className="text-2xl font-semibold" /> }}
              />
            </p>
            <StatusBadge tone={s.sessions.due === 0 ? 'neutral' : rateTone(s.deliveryRate)}>{t('accountability.student.rateDelivered', { rate: formatRate(s.deliveryRate) })}</StatusBadge>
          </div>
          <div aria-hidden="true" className="h-3 overflow-hidden rounded-full bg-slate-200">
            <div className="h-full rounded-full bg-brand-700" style={{ width: `${Math.min(100, s.deliveryRate * 100)}%` }} />
          </div>
        </div>

        <div>
          <h4 id={`${id}-sessions`} className="font-semibold text-slate-900">
            {t('accountability.student.sessionsHeading')}
          </h4>
          <dl aria-labelledby={`${id}-sessions`} className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
            {sessionCells.map((c) => (
              <div key={c.label} className={`rounded-md p-2 ${CELL_TONES[c.tone ?? 'plain']}`}>
                <dt className="text-sm">{c.label}</dt>
                <dd className="text-xl font-semibold">{c.value}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-sm text-slate-700">
            <Trans i18nKey="accountability.student.unrecordedHelp" components={{ strong: <strong className="text-red-900" /> }} />
          </p>
        </div>

        <div>
          <h4 className="font-semibold text-slate-900">{t('accountability.student.owedHeading', { name: first })}</h4>
          <p className="mt-1 text-lg font-medium text-slate-900">{ledgerSentence(s, first)}</p>
          <p className="mt-1 text-sm text-slate-700">{t('accountability.student.owedHelp')}</p>
        </div>

        <div>
          <h4 id={`${id}-reasons`} className="font-semibold text-slate-900">
            {t('accountability.student.reasonsHeading')}
          </h4>
          {reasons.length === 0 && s.sessions.unrecorded === 0 ? (
            <p className="mt-1 text-slate-700">{t('accountability.student.noMisses')}</p>
          ) : (
            <ul aria-labelledby={`${id}-reasons`} className="mt-1 divide-y divide-slate-200">
              {reasons.map((r) => (
                <ReasonRow key={r} label={REASON_LABELS[r]} count={s.missedByReason[r] ?? 0} school={REASON_RESPONSIBILITY[r] === 'school'} />
              ))}
              {s.sessions.unrecorded > 0 ? <ReasonRow label={REASON_LABELS.unrecorded} count={s.sessions.unrecorded} school /> : null}
            </ul>
          )}
        </div>
      </div>

      <WeeklyTrend service={s} />
    </Card>
  )
}

const CELL_TONES = { plain: 'bg-slate-50 text-slate-900', warn: 'bg-amber-50 text-amber-950', bad: 'bg-red-50 text-red-900' } as const

function ReasonRow({ label, count, school }: { label: string; count: number; school: boolean }) {
  const { t } = useTranslation()
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span>
        <Trans
          i18nKey="accountability.student.reasonRow"
          values={{ reason: label, sessions: t('accountability.sessions', { count }) }}
          components={{ strong: <span className="font-semibold" /> }}
        />
      </span>
      <StatusBadge tone={school ? 'warn' : 'neutral'}>
        {school ? t('accountability.student.schoolResponsible') : t('accountability.student.studentReason')}
      </StatusBadge>
    </li>
  )
}

function WeeklyTrend({ service: s }: { service: ServiceAccountability }) {
  const hydrated = useHydrated()
  const { t } = useTranslation()
  const weeks = s.trend
  if (weeks.length === 0) return null
  return (
    <div className="mt-6 space-y-3">
      <h4 className="font-semibold text-slate-900">{t('accountability.student.weekByWeek')}</h4>
      <figure className="space-y-2">
        <div
          role="img"
          aria-label={t('accountability.student.chartLabel', {
            weeks: t('accountability.weeks', { count: weeks.length }),
            from: formatMonthDay(weeks[0]!.weekOf),
            to: formatMonthDay(weeks.at(-1)!.weekOf),
          })}
          className="h-[220px] w-full"
        >
          {hydrated ? (
            <Suspense fallback={<ChartPlaceholder />}>
              <ServiceTrendChart weeks={weeks} />
            </Suspense>
          ) : (
            <ChartPlaceholder />
          )}
        </div>
        <figcaption>
          <ul aria-label={t('accountability.student.legend')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
            <li className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block size-4 border border-slate-600 bg-slate-300" />
              {t('accountability.student.legendMandated')}
            </li>
            <li className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block size-4 bg-brand-700" />
              {t('accountability.student.legendDelivered')}
            </li>
          </ul>
        </figcaption>
      </figure>
      <Table
        caption={t('accountability.student.weeksCaption', { service: s.name })}
        head={
          <ColumnHeads
            columns={[
              t('accountability.student.weekOfHead'),
              { label: t('accountability.student.mandatedHead'), numeric: true },
              { label: t('accountability.student.deliveredHead'), numeric: true },
            ]}
          />
        }
      >
        {weeks.map((w) => (
          <tr key={w.weekOf}>
            <th scope="row" className="py-1.5 pr-4 font-normal">
              {formatMonthDay(w.weekOf)}
            </th>
            <td className="py-1.5 pr-4 text-right tabular-nums">{w.mandated}</td>
            <td className={`py-1.5 text-right tabular-nums ${w.delivered < w.mandated ? 'font-semibold text-red-900' : ''}`}>{w.delivered}</td>
          </tr>
        ))}
      </Table>
    </div>
  )
}

function ChartPlaceholder() {
  return <div className="h-full w-full animate-pulse rounded bg-slate-100" />
}

function AccommodationCard({ accommodations, asOf }: { accommodations: (StudentAccountability['accommodations'][number] & { titleLang: string })[]; asOf: string }) {
  const { t } = useTranslation()
  return (
    <ListCard
      title={t('accountability.numbers.sinceStartTitle')}
      headingLevel={3}
      headingId="accommodation-use"
      intro={t('accountability.student.accommodationsIntro', { date: formatDay(asOf) })}
      count={accommodations.length}
      none={t('accountability.student.noAccommodations')}
      listLabel={t('accountability.numbers.sinceStartLabel')}
    >
      {accommodations.map((a) => (
        <li key={a.accommodationId} className="space-y-1 py-3">
          <TitledStatus
            level={4}
            title={a.title}
            lang={a.titleLang}
            badge={
              {
                share: { tone: rateTone(a.fidelity), label: t('accountability.numbers.sinceStartRate', { rate: formatRate(a.fidelity) }) },
                not_needed: { label: t('domain.numbers.notNeeded') },
                no_days: { label: t('accountability.student.noDaysYet') },
              }[fidelityReading(a)]
            }
          />
          {a.applicableDays > 0 ? (
            <p className="text-slate-800">
              {fidelityDaysSentence(a)}{' '}
              <span className={a.recordedDays < a.applicableDays ? 'font-medium text-red-900' : ''}>
                {t('accountability.student.recordedOn', { n: a.recordedDays })}
              </span>
            </p>
          ) : (
            <p className="text-slate-800">{t('accountability.student.notApplied')}</p>
          )}
          {a.disputedChecks > 0 ? (
            <p className="flex flex-wrap items-center gap-2">
              <StatusBadge tone="bad">{t('accountability.student.disputed')}</StatusBadge>
              <span className="text-slate-800">{t('accountability.student.disputedChecks', { count: a.disputedChecks })}</span>
            </p>
          ) : null}
        </li>
      ))}
    </ListCard>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const student = matches.find((m) => m.id === 'student')?.data as { student?: { name: string } } | undefined
  const name = student?.student?.name
  const title = name ? t('accountability.student.pageTitle', { name }) : t('accountability.student.title')
  return [{ title: t('common.titleSuffix', { title: data ? title : t('common.notFound') }) }]
}
