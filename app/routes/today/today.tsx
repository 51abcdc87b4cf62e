import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { Trans } from 'react-i18next'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Card } from '#app/components/card.tsx'
import { DaySwitcher } from './day-switcher.tsx'
import { KeepForOffline } from '#app/pwa/keep-for-offline.tsx'
import type { QuickProgressResult } from './quick-progress-form.tsx'
import { StudentTodayCard } from './student-today-card.tsx'
import { RefusedElsewhere, SyncStatus } from './sync-status.tsx'
import { requireAppPage } from '#app/utils/app-pages.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { checkKey } from './shown-check.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'
import { useCheckSync } from './use-check-sync.ts'
import { useUndo } from './use-undo.ts'
import { UndoBar } from './undo-bar.tsx'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { noSchoolSentence } from '#shared/school-day.ts'
import { asPlannedTargets } from '#shared/accommodation-fidelity.ts'
import { todayFormEchoSchema, todayFormSchema, type TodayFormEcho } from '#shared/schemas/today.ts'
import { parseForm, type FormFailure } from '#app/utils/parse-form.ts'
import { today } from '#shared/i18n/en/today.ts'

addSections({ today })

// The same page serves /today (every student of mine) and a student's Today tab (that student only).
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const user = await requireAppPage(context, request, 'today')
  const me = { id: user.id, name: user.name }
  const date = new URL(request.url).searchParams.get('date') || undefined
  const result = await actionResult(() => context.trpc.today.forMe({ date }))
  if (result.ok) return { view: onlyStudent(result.data, params.studentId), me, dateError: null }
  // A mistyped ?date= is the person's mistake, not the app's: say so over today's page.
  const view = onlyStudent(await context.trpc.today.forMe({}), params.studentId)
  const dateError = result.fieldErrors.date?.join(' ') ?? result.message
  return data({ view, me, dateError: t('today.badDateInAddress', { reason: dateError }) }, { status: 400 })
}

function onlyStudent<V extends { students: { id: string }[] }>(view: V, studentId: string | undefined): V {
  if (studentId === undefined) return view
  const students = view.students.filter((s) => s.id === studentId)
  if (!students.length) throw new Response(t('common.notFound'), { status: 404 })
  return { ...view, students }
}

type CheckFailure = { intent: 'check'; ok: false; accommodationId: string; message: string; fieldErrors: Record<string, string[]> }

/**
 * Only reached without scripts (a tap before the page's JavaScript arrived, or none at all): with scripts,
 * taps go through the phone's queue and progress through a fetcher to the same procedures.
 */
export async function action({ context, request }: ActionFunctionArgs): Promise<CheckFailure | QuickProgressResult | Response> {
  requireUser(context, request)
  const form = await request.formData()
  const typed = parseForm(form, todayFormEchoSchema)
  if (!typed.ok) {
    return { intent: 'check', ok: false, accommodationId: '', message: t('today.unknownAction'), fieldErrors: {} }
  }
  const parsed = parseForm(form, todayFormSchema)
  if (!parsed.ok) return refused(typed.value, parsed)
  const submitted = parsed.value
  if (submitted.intent === 'allAsPlanned') {
    const result = await recordAllAsPlanned(context, submitted)
    if (result.ok) return redirect(`${new URL(request.url).pathname}?date=${encodeURIComponent(submitted.date)}`)
    return refused(typed.value, result)
  }
  if (submitted.intent === 'check') {
    const { intent: _intent, ...check } = submitted
    const result = await actionResult(() => context.trpc.checks.record({ ...check, clientId: crypto.randomUUID() }))
    // After a saved tap, a fresh GET: reloading the page must not post it again.
    if (result.ok) return redirect(`${new URL(request.url).pathname}?date=${encodeURIComponent(check.date)}`)
    return refused(typed.value, result)
  }
  const { intent: _intent, ...point } = submitted
  const result = await actionResult(() => context.trpc.progress.add(point))
  if (result.ok) return { intent: 'progress', studentId: point.studentId, ok: true, goalId: point.goalId, value: result.data.value, date: point.date }
  return refused(typed.value, result)
}

/** Without scripts: the same choice of supports the phone makes (asPlannedTargets), each through checks.record. */
async function recordAllAsPlanned(context: ActionFunctionArgs['context'], { studentId, date }: { studentId: string; date: string }) {
  const day = await actionResult(() => context.trpc.today.forMe({ date }))
  if (!day.ok) return day
  const student = day.data.students.find((s) => s.id === studentId)
  if (!student) return { ok: false as const, message: t('today.quick.studentNotFound'), fieldErrors: {} }
  const targets = asPlannedTargets(student.accommodations.map((a) => ({ id: a.id, applicability: a.applicability, recorded: a.check !== null })))
  for (const a of targets) {
    const saved = await actionResult(() => context.trpc.checks.record({ studentId, accommodationId: a.id, date, status: 'used', clientId: crypto.randomUUID() }))
    if (!saved.ok) return saved
  }
  return { ok: true as const }
}

/** A refusal said where it belongs: beside the tapped row, or in the progress form with what was typed. */
function refused(typed: TodayFormEcho, failure: Omit<FormFailure, 'ok'>): CheckFailure | QuickProgressResult {
  const { message } = failure
  if (typed.intent !== 'progress') return { intent: 'check', ok: false, accommodationId: typed.accommodationId, message, fieldErrors: failure.fieldErrors }
  const fieldErrors = { ...failure.fieldErrors }
  if (fieldErrors.goalId) fieldErrors.goalId = [t('today.chooseGoal')]
  const { goalId, value, promptLevel, regulation, note } = typed
  return { intent: 'progress', studentId: typed.studentId, ok: false, message, fieldErrors, values: { goalId, value, promptLevel, regulation, note } }
}

export default function Today() {
  const { view, me, dateError } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const sync = useCheckSync(me.id)
  const undo = useUndo(sync.tap)
  const { t } = useTranslation()
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
    // While the undo bar shows, room below the last student so the bar never covers a row.
    <div className={`space-y-4 ${undo.last ? 'pb-24' : ''}`}>
      <div className="space-y-1">
        {date === today ? (
          <>
            <h1 className="text-2xl font-semibold">{t('today.title')}</h1>
            <p className="text-slate-700">
              <time dateTime={date}>{formatDay(date, 'weekdayLong')}</time>
            </p>
          </>
        ) : (
          <h1 className="text-2xl font-semibold">
            <Trans i18nKey="today.supportsOnHeading" values={{ date: formatDay(date) }} components={{ time: <time dateTime={date} /> }} />
          </h1>
        )}
      </div>
      {dateError ? <Alert>{dateError}</Alert> : null}
      <DaySwitcher today={today} recordableDays={recordableDays} selected={date} />
      {past && recordable ? <Alert tone="info">{t('today.pastDay')}</Alert> : null}
      {date === today && noSchool ? (
        <Alert tone="info">
          {noSchool}
          {recordableDays.length ? ` ${t('today.chooseRecentDay')}` : ''}
        </Alert>
      ) : null}
      {students.length > 1 ? (
        <nav aria-label={t('today.studentsOnPage')} className="flex flex-wrap items-center gap-x-4">
          <span className="text-slate-700">{t('today.jumpTo')}</span>
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
      <KeepForOffline studentIds={students.map((s) => s.id)} />
      {/* A refusal of no one row (All as planned without scripts): said above the students. */}
      {rowFailure && !rowFailure.accommodationId ? <Alert>{t('today.row.notSaved', { message: rowFailure.message })}</Alert> : null}
      {students.length === 0 ? (
        <Card>
          <p className="text-slate-700">{t('today.noStudents')}</p>
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
            userId={me.id}
            waiting={sync.waiting}
            confirmed={sync.confirmed}
            refused={sync.refused}
            rowFailure={rowFailure}
            progressResult={progressResult?.studentId === s.id ? progressResult : null}
            record={undo.record}
          />
        ))
      )}
      {undo.last ? <UndoBar what={undo.last.what} onUndo={undo.undo} /> : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => {
  const view = loaded?.view
  const title = !view || view.date === view.today ? t('today.title') : t('today.supportsOnTitle', { date: formatDay(view.date) })
  return [{ title: t('common.titleSuffix', { title }) }]
}
