import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { Alert } from '#app/components/alert.tsx'
import { Card } from '#app/components/card.tsx'
import { DaySwitcher } from './day-switcher.tsx'
import type { QuickProgressResult } from './quick-progress-form.tsx'
import { StudentTodayCard } from './student-today-card.tsx'
import { RefusedElsewhere, SyncStatus } from './sync-status.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { checkKey } from './shown-check.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'
import { useCheckSync } from './use-check-sync.ts'
import { formatSchoolDate } from '#shared/school-date.ts'
import { noSchoolSentence } from '#shared/school-day.ts'
import type { CheckStatus } from '#shared/accommodation-fidelity.ts'
import type { PromptLevel, RegulationState } from '#shared/schemas/plan.ts'

const LONG_DATE = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' })

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const me = { id: user.id, name: user.name }
  const date = new URL(request.url).searchParams.get('date') || undefined
  const result = await actionResult(() => context.trpc.today.forMe({ date }))
  if (result.ok) return { view: result.data, me, dateError: null }
  // A mistyped ?date= is the person's mistake, not the app's: say so over today's page.
  const view = await context.trpc.today.forMe({})
  const dateError = result.fieldErrors.date?.join(' ') ?? result.message
  return data({ view, me, dateError: `The date in the address is not valid. ${dateError}` }, { status: 400 })
}

type CheckFailure = { intent: 'check'; ok: false; accommodationId: string; message: string; fieldErrors: Record<string, string[]> }

/**
 * Only reached without scripts (a tap before the page's JavaScript arrived, or none at all): with scripts,
 * taps go through the phone's queue and progress through a fetcher to the same procedures.
 */
export async function action({ context, request }: ActionFunctionArgs): Promise<CheckFailure | QuickProgressResult | Response> {
  requireUser(context, request)
  const form = await request.formData()
  const s = (key: string) => String(form.get(key) ?? '')
  const intent = s('intent')
  const studentId = s('studentId')
  const date = s('date')

  if (intent === 'check') {
    const accommodationId = s('accommodationId')
    const result = await actionResult(() =>
      context.trpc.checks.record({
        studentId,
        accommodationId,
        date,
        status: s('status') as CheckStatus,
        reason: form.has('reason') ? s('reason') : undefined,
        clientId: crypto.randomUUID(),
      }),
    )
    // After a saved tap, a fresh GET: reloading the page must not post it again.
    if (result.ok) return redirect(`/today?date=${encodeURIComponent(date)}`)
    return { intent, ok: false, accommodationId, message: result.message, fieldErrors: result.fieldErrors }
  }

  if (intent !== 'progress') return { intent: 'check', ok: false, accommodationId: '', message: 'That action is not known.', fieldErrors: {} }
  const values = { goalId: s('goalId'), value: s('value').trim(), promptLevel: s('promptLevel'), regulation: s('regulation'), note: s('note') }
  const result = await actionResult(() =>
    context.trpc.progress.add({
      studentId,
      goalId: values.goalId,
      date,
      value: values.value === '' ? undefined : Number(values.value),
      // The schema checks these against its lists; an unknown word comes back as a field error.
      promptLevel: (values.promptLevel || 'independent') as PromptLevel,
      regulation: values.regulation as RegulationState,
      note: values.note,
    }),
  )
  if (result.ok) return { intent: 'progress', studentId, ok: true, goalId: values.goalId, value: result.data.value, date }
  const fieldErrors = { ...result.fieldErrors }
  if (fieldErrors.goalId) fieldErrors.goalId = ['Choose a goal.']
  return { intent: 'progress', studentId, ok: false, message: result.message, fieldErrors, values }
}

export default function Today() {
  const { view, me, dateError } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const sync = useCheckSync(me.id)
  const { date, today, recordableDays, students, todayInfo } = view
  const noSchool = todayInfo ? noSchoolSentence(todayInfo) : null
  const recordable = recordableDays.includes(date)
  const past = date < today
  const rowFailure = actionData && 'intent' in actionData && actionData.intent === 'check' ? actionData : null
  const progressResult = actionData && 'intent' in actionData && actionData.intent === 'progress' ? actionData : null
  // A refusal is said beside its row when the row is on screen, and above the students otherwise.
  const rowsOnScreen = new Set(students.flatMap((s) => (s.closure ? [] : s.accommodations.map((a) => checkKey(a.id, date)))))
  const refusedElsewhere = sync.refused.filter((r) => !rowsOnScreen.has(checkKey(r.item.accommodationId, r.item.date)))

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        {date === today ? (
          <>
            <h1 className="text-2xl font-semibold">Today’s supports</h1>
            <p className="text-slate-700">
              <time dateTime={date}>{LONG_DATE.format(new Date(`${date}T00:00:00Z`))}</time>
            </p>
          </>
        ) : (
          <h1 className="text-2xl font-semibold">
            Supports on <time dateTime={date}>{formatSchoolDate(date)}</time>
          </h1>
        )}
      </div>
      {dateError ? <Alert>{dateError}</Alert> : null}
      <DaySwitcher today={today} recordableDays={recordableDays} selected={date} />
      {past && recordable ? <Alert tone="info">A past school day: records will show as late.</Alert> : null}
      {date === today && noSchool ? (
        <Alert tone="info">
          {noSchool}
          {recordableDays.length ? ' To record a recent school day, choose it above.' : ''}
        </Alert>
      ) : null}
      {students.length > 1 ? (
        <nav aria-label="Students on this page" className="flex flex-wrap items-center gap-x-4">
          <span className="text-slate-700">Jump to</span>
          {students.map((s) => (
            <a key={s.id} href={`#student-${s.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
              {s.firstName}
            </a>
          ))}
        </nav>
      ) : null}
      <SyncStatus
        waiting={sync.waiting.length}
        sentThisVisit={sync.sentThisVisit}
        refusedThisVisit={sync.refused.length}
        signedOut={sync.signedOut}
        memoryOnly={sync.memoryOnly}
        signInHref={`/sign-in?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}
      />
      <RefusedElsewhere refused={refusedElsewhere} />
      {students.length === 0 ? (
        <Card>
          <p className="text-slate-700">You are not on any student’s team yet.</p>
        </Card>
      ) : (
        students.map((s) => (
          <StudentTodayCard
            key={s.id}
            student={s}
            date={date}
            today={today}
            recordable={recordable}
            me={me.name}
            waiting={sync.waiting}
            confirmed={sync.confirmed}
            refused={sync.refused}
            rowFailure={rowFailure}
            progressResult={progressResult?.studentId === s.id ? progressResult : null}
            tap={sync.tap}
          />
        ))
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => {
  const view = loaded?.view
  if (!view || view.date === view.today) return [{ title: 'Today’s supports · Same Page' }]
  return [{ title: `Supports on ${formatSchoolDate(view.date)} · Same Page` }]
}
