
import type { CheckView, TodayStudent } from '#app/utils/api-types.ts'
import type { CheckStatus } from '#shared/accommodation-fidelity.ts'
import { can } from '#shared/permissions.ts'
import { formatSchoolDate } from '#shared/school-date.ts'
import type { QueuedCheck } from './check-queue.client.ts'
import { checkKey, shownCheck } from './shown-check.ts'
import type { CheckTap, RefusedCheck, TapResult } from './use-check-sync.ts'
import { AccommodationCheckRow, type RowFailure } from './accommodation-check-row.tsx'
import { Card } from '#app/components/card.tsx'
import { QuickProgressForm, type QuickProgressResult } from './quick-progress-form.tsx'
import { TextLink } from '#app/components/text-link.tsx'

/** The short form of the two profiles (docs/domain.md#profiles): what an adult needs in the moment, before anything else. */
const SHORT_PROFILE = [
  ['How to give an instruction', (s: TodayStudent) => s.communication.givingInstructions],
  ['What helps', (s: TodayStudent) => s.regulation.whatHelps],
  ['What to avoid', (s: TodayStudent) => s.regulation.whatToAvoid],
  ['Where to calm down', (s: TodayStudent) => s.regulation.calmPlace],
] as const

function ShortProfile({ student }: { student: TodayStudent }) {
  const rows = SHORT_PROFILE.map(([label, pick]) => [label, pick(student).trim()] as const).filter(([, text]) => text)
  return (
    <section aria-labelledby={`help-${student.id}`} className="rounded-md bg-brand-50 p-3">
      <h3 id={`help-${student.id}`} className="font-semibold text-brand-800">
        How to help {student.firstName}
      </h3>
      {rows.length === 0 ? (
        <p className="mt-1 text-slate-700">The profiles are not written yet.</p>
      ) : (
        <dl className="mt-2 space-y-2">
          {rows.map(([label, text]) => (
            <div key={label}>
              <dt className="text-sm font-semibold text-slate-700">{label}</dt>
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
  const day = date === today ? 'today' : `on ${formatSchoolDate(date)}`

  return (
    <Card
      title={s.name}
      headingId={`student-${s.id}`}
      actions={
        <TextLink to={`/students/${s.id}`} aria-label={`Full plan for ${s.name}`}>
          Full plan
        </TextLink>
      }
    >
      {s.closure ? (
        <p className="text-lg">
          <span className="font-semibold">No school {day}</span> — {s.closure}.
        </p>
      ) : (
        <div className="space-y-4">
          <ShortProfile student={s} />
          <section aria-labelledby={`supports-${s.id}`}>
            <h3 id={`supports-${s.id}`} className="font-semibold text-slate-900">
              Supports {day}
            </h3>
            {s.canRecord && !recordable ? (
              <p className="mt-1 text-sm text-slate-700">Records can be made for today and the last few school days only; these are shown as they are.</p>
            ) : null}
            {s.accommodations.length === 0 ? (
              <p className="mt-1 text-slate-700">No supports apply on this day.</p>
            ) : (
              <ul className="divide-y divide-slate-200" aria-label={`${s.firstName}’s supports`}>
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
          {can(s.role, 'progress.record') ? (
            <QuickProgressForm studentId={s.id} firstName={s.firstName} goals={s.goals} date={date} noScriptResult={progressResult} />
          ) : null}
        </div>
      )}
    </Card>
  )
}
