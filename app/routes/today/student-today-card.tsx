import { Trans, useTranslation } from 'react-i18next'
import type { CheckView, TodayStudent } from '#app/utils/api-types.ts'
import type { CheckStatus } from '#shared/accommodation-fidelity.ts'
import { can } from '#shared/permissions.ts'
import { formatDay } from '#shared/i18n/format.ts'
import type { QueuedCheck } from './check-queue.client.ts'
import { checkKey, shownCheck } from './shown-check.ts'
import type { CheckTap, RefusedCheck, TapResult } from './use-check-sync.ts'
import { AccommodationCheckRow, type RowFailure } from './accommodation-check-row.tsx'
import { Card } from '#app/components/card.tsx'
import { QuickProgressForm, type QuickProgressResult } from './quick-progress-form.tsx'
import { TextLink } from '#app/components/text-link.tsx'

/** The short form of the two profiles (docs/domain.md#profiles): what an adult needs in the moment, before anything else. */
const SHORT_PROFILE = [
  ['givingInstructions', (s: TodayStudent) => s.communication.givingInstructions],
  ['whatHelps', (s: TodayStudent) => s.regulation.whatHelps],
  ['whatToAvoid', (s: TodayStudent) => s.regulation.whatToAvoid],
  ['calmPlace', (s: TodayStudent) => s.regulation.calmPlace],
] as const

function ShortProfile({ student }: { student: TodayStudent }) {
  const { t } = useTranslation()
  const rows = SHORT_PROFILE.map(([label, pick]) => [label, pick(student).trim()] as const).filter(([, text]) => text)
  return (
    <section aria-labelledby={`help-${student.id}`} className="rounded-md bg-brand-50 p-3">
      <h3 id={`help-${student.id}`} className="font-semibold text-brand-800">
        {t('today.card.howToHelp', { name: student.firstName })}
      </h3>
      {rows.length === 0 ? (
        <p className="mt-1 text-slate-700">{t('today.card.profilesNotWritten')}</p>
      ) : (
        <dl className="mt-2 space-y-2">
          {rows.map(([label, text]) => (
            <div key={label}>
              <dt className="text-sm font-semibold text-slate-700">{t(`today.card.${label}`)}</dt>
              <dd className="text-slate-900">{text}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}

export function StudentTodayCard({
  student,
  date,
  today,
  recordable,
  me,
  waiting,
  confirmed,
  refused,
  rowFailure,
  progressResult,
  tap,
}: {
  student: TodayStudent
  date: string
  today: string
  /** The day is one a record may still be made for. */
  recordable: boolean
  me: string
  waiting: readonly QueuedCheck[]
  confirmed: ReadonlyMap<string, CheckView>
  refused: readonly RefusedCheck[]
  rowFailure: (RowFailure & { accommodationId: string }) | null
  progressResult: QuickProgressResult | null
  tap: (change: CheckTap) => TapResult
}) {
  const s = student
  const canRecord = s.canRecord && recordable
  const { t } = useTranslation()
  const isToday = date === today
  const canAddProgress = can(s.role, 'progress.record')

  return (
    <Card
      title={s.name}
      headingId={`student-${s.id}`}
      actions={
        <TextLink to={`/students/${s.id}`} aria-label={t('today.card.fullPlanFor', { name: s.name })}>
          {t('today.card.fullPlan')}
        </TextLink>
      }
    >
      {s.closure ? (
        <p className="text-lg">
          <Trans
            i18nKey={isToday ? 'today.card.noSchoolToday' : 'today.card.noSchoolOn'}
            values={{ date: formatDay(date), closure: s.closure }}
            components={{ strong: <span className="font-semibold" /> }}
          />
        </p>
      ) : (
        <div className="space-y-4">
          <ShortProfile student={s} />
          <section aria-labelledby={`supports-${s.id}`}>
            <h3 id={`supports-${s.id}`} className="font-semibold text-slate-900">
              {isToday ? t('today.card.supportsToday') : t('today.card.supportsOn', { date: formatDay(date) })}
            </h3>
            {s.canRecord && !recordable ? (
              <p className="mt-1 text-sm text-slate-700">{t('today.card.notRecordable')}</p>
            ) : null}
            {s.accommodations.length === 0 ? (
              <p className="mt-1 text-slate-700">{t('today.card.noSupports')}</p>
            ) : (
              <ul className="divide-y divide-slate-200" aria-label={t('today.card.supportsOf', { name: s.firstName })}>
                {s.accommodations.map((a) => {
                  const key = checkKey(a.id, date)
                  const mine = waiting.filter((w) => checkKey(w.accommodationId, w.date) === key)
                  const refusal = refused.filter((r) => checkKey(r.item.accommodationId, r.item.date) === key).at(-1)
                  return (
                    <AccommodationCheckRow
                      key={a.id}
                      studentId={s.id}
                      accommodation={a}
                      date={date}
                      shown={shownCheck({ loaded: a.check, confirmed: confirmed.get(key), waiting: mine, me, today })}
                      canRecord={canRecord}
                      refusedMessage={refusal?.message ?? null}
                      failure={rowFailure?.accommodationId === a.id ? rowFailure : null}
                      onTap={(status: CheckStatus, reason?: string) =>
                        tap({ studentId: s.id, accommodationId: a.id, date, status, reason, title: a.title, studentName: s.name })
                      }
                    />
                  )
                })}
              </ul>
            )}
          </section>
          {canAddProgress ? (
            <QuickProgressForm studentId={s.id} firstName={s.firstName} goals={s.goals} date={date} noScriptResult={progressResult} />
          ) : null}
        </div>
      )}
    </Card>
  )
}
