import { useEffect, useRef, useState, type MouseEvent } from 'react'
import { Trans } from 'react-i18next'
import { useTranslation } from '#app/utils/use-translation.ts'
import type { CheckView, TodayStudent } from '#app/utils/api-types.ts'
import { asPlannedTargets, type CheckStatus } from '#shared/accommodation-fidelity.ts'
import { can } from '#shared/permissions.ts'
import { formatDay } from '#shared/i18n/format.ts'
import type { QueuedCheck } from './check-queue.client.ts'
import { checkKey, shownCheck } from './shown-check.ts'
import type { CheckTap, RefusedCheck, TapResult } from './use-check-sync.ts'
import { AccommodationCheckRow, type RowFailure } from './accommodation-check-row.tsx'
import { Card } from '#app/components/card.tsx'
import { QuickProgressForm, type QuickProgressResult } from './quick-progress-form.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { Button } from '#app/components/button.tsx'
import { seenBeforeToday } from './profile-seen.ts'
import type { UndoableTap } from './use-undo.ts'
import { today } from '#shared/i18n/en/today.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ today })

/** The short form of the two profiles (docs/domain.md#profiles): what an adult needs in the moment, before anything else. */
const SHORT_PROFILE = [
  ['givingInstructions', (s: TodayStudent) => s.communication.givingInstructions],
  ['whatHelps', (s: TodayStudent) => s.regulation.whatHelps],
  ['whatToAvoid', (s: TodayStudent) => s.regulation.whatToAvoid],
  ['calmPlace', (s: TodayStudent) => s.regulation.calmPlace],
] as const

// A symbol, not a word: the summary's own text and the details' open state are what is read aloud.
const OPEN_MARK = '▾'

/**
 * Open on the person's first visit of the day (and always without scripts: the server renders it open), folded
 * on later visits that day, where one tap opens it again.
 */
function ShortProfile({ student, userId, today }: { student: TodayStudent; userId: string; today: string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(true)
  // Seen earlier today on this phone: folded (after hydration, so the server's HTML and the first render agree).
  const asked = useRef(false)
  useEffect(() => {
    // Once per mount: asking marks it seen, so a second ask (React's strict double effects) would fold it.
    if (asked.current) return
    asked.current = true
    if (seenBeforeToday(userId, student.id, today)) setOpen(false)
  }, [userId, student.id, today])
  const rows = SHORT_PROFILE.map(([label, pick]) => [label, pick(student).trim()] as const).filter(([, text]) => text)
  return (
    <section aria-labelledby={`help-${student.id}`} className="rounded-md bg-brand-50 px-3">
      <details className="group" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 [&::-webkit-details-marker]:hidden">
          <h3 id={`help-${student.id}`} className="font-semibold text-brand-800">
            {t('today.card.howToHelp', { name: student.firstName })}
          </h3>
          <span aria-hidden="true" className="text-brand-800 group-open:rotate-180">
            {OPEN_MARK}
          </span>
        </summary>
        <div className="pb-3">
          <ProfileRows rows={rows} />
        </div>
      </details>
    </section>
  )
}

function ProfileRows({ rows }: { rows: (readonly [(typeof SHORT_PROFILE)[number][0], string])[] }) {
  const { t } = useTranslation()
  return (
    <>
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
    </>
  )
}

/**
 * "All as planned": one tap records every support that applies today and is not recorded yet as used. With
 * scripts each is its own queued tap (own client id, offline-safe); without, the page's action records them.
 */
function AllAsPlanned({
  student,
  date,
  targets,
  onAll,
}: {
  student: TodayStudent
  date: string
  targets: number
  onAll: () => void
}) {
  const { t } = useTranslation()
  if (targets === 0) return null
  return (
    <form method="post">
      <input type="hidden" name="intent" value="allAsPlanned" />
      <input type="hidden" name="studentId" value={student.id} />
      <input type="hidden" name="date" value={date} />
      <Button
        type="submit"
        className="w-full"
        aria-label={t('today.quick.allAsPlannedLabel', { count: targets, name: student.firstName })}
        onClick={(e: MouseEvent<HTMLButtonElement>) => {
          e.preventDefault()
          onAll()
        }}
      >
        {t('today.quick.allAsPlanned', { count: targets })}
      </Button>
    </form>
  )
}

export function StudentTodayCard({
  student,
  date,
  today,
  recordable,
  me,
  userId,
  waiting,
  confirmed,
  refused,
  rowFailure,
  progressResult,
  record,
}: {
  student: TodayStudent
  date: string
  today: string
  /** The day is one a record may still be made for. */
  recordable: boolean
  me: string
  userId: string
  waiting: readonly QueuedCheck[]
  confirmed: ReadonlyMap<string, CheckView>
  refused: readonly RefusedCheck[]
  rowFailure: (RowFailure & { accommodationId: string }) | null
  progressResult: QuickProgressResult | null
  /** Records taps made as one action (one choice, or All as planned), undoable for a minute. */
  record: (taps: readonly UndoableTap[], what: string) => TapResult
}) {
  const s = student
  const canRecord = s.canRecord && recordable
  const { t } = useTranslation()
  const isToday = date === today
  const canAddProgress = can(s.role, 'progress.record')
  const rows = s.accommodations.map((a) => {
    const key = checkKey(a.id, date)
    const mine = waiting.filter((w) => checkKey(w.accommodationId, w.date) === key)
    return { a, key, shown: shownCheck({ loaded: a.check, confirmed: confirmed.get(key), waiting: mine, me, today }) }
  })
  const planned = canRecord ? asPlannedTargets(rows.map((r) => ({ ...r, applicability: r.a.applicability, recorded: r.shown !== null }))) : []
  const change = (a: TodayStudent['accommodations'][number], status: CheckStatus, reason?: string): CheckTap => ({
    studentId: s.id,
    accommodationId: a.id,
    date,
    status,
    reason,
    title: a.title,
    studentName: s.name,
  })

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
        <div className="space-y-3">
          <ShortProfile student={s} userId={userId} today={today} />
          <section aria-labelledby={`supports-${s.id}`}>
            {/* Read aloud, not shown: the card already says whose day it is, and a phone needs the room. */}
            <h3 id={`supports-${s.id}`} className="sr-only">
              {isToday ? t('today.card.supportsToday') : t('today.card.supportsOn', { date: formatDay(date) })}
            </h3>
            {s.canRecord && !recordable ? (
              <p className="mt-1 text-sm text-slate-700">{t('today.card.notRecordable')}</p>
            ) : null}
            <AllAsPlanned
              student={s}
              date={date}
              targets={planned.length}
              onAll={() =>
                record(
                  planned.map((r) => ({ change: change(r.a, 'used'), before: r.shown })),
                  t('today.quick.lastAll', { count: planned.length, name: s.firstName }),
                )
              }
            />
            {s.accommodations.length === 0 ? (
              <p className="mt-1 text-slate-700">{t('today.card.noSupports')}</p>
            ) : (
              <ul className="divide-y divide-slate-200" aria-label={t('today.card.supportsOf', { name: s.firstName })}>
                {rows.map(({ a, key, shown }) => {
                  const refusal = refused.filter((r) => checkKey(r.item.accommodationId, r.item.date) === key).at(-1)
                  return (
                    <AccommodationCheckRow
                      key={a.id}
                      studentId={s.id}
                      accommodation={a}
                      date={date}
                      shown={shown}
                      canRecord={canRecord}
                      refusedMessage={refusal?.message ?? null}
                      failure={rowFailure?.accommodationId === a.id ? rowFailure : null}
                      onTap={(status: CheckStatus, reason?: string) =>
                        record([{ change: change(a, status, reason), before: shown }], t('today.quick.lastTap', { title: a.title, status: t(`today.check.${status}`) }))
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
