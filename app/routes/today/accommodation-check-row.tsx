import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { describeApplies } from '#shared/accommodation-schedule.ts'
import { CHECK_CHOICES, type CheckStatus } from '#shared/accommodation-fidelity.ts'
import type { Applies } from '#shared/schemas/plan.ts'
import { formatMoment } from '#shared/i18n/format.ts'
import { checkRules } from './check-rules-loader.ts'
import type { ShownCheck } from './shown-check.ts'
import type { TapResult } from './use-check-sync.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { Button, buttonClasses } from '#app/components/button.tsx'
import { Field } from '#app/components/field.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { CheckChip } from './check-chip.tsx'
import { today } from '#shared/i18n/en/today.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ today })

export interface TodayAccommodation {
  id: string
  title: string
  description: string
  /** The language the title and description are in (a family's, where someone wrote them in it). */
  language?: string
  applies: Applies
  applicability: 'applies' | 'conditional'
  /** The day's latest check as loaded, and a parent's dispute on it (shown while that check is the one shown). */
  check?: { recordedAt: string } | null
  dispute?: { comment: string; byName: string } | null
}

/** A refusal from the no-script path (the page's action), for this row. */
export interface RowFailure {
  message: string
  fieldErrors: Record<string, string[]>
}

const PRESSED =
  'aria-pressed:border-brand-700 aria-pressed:bg-brand-700 aria-pressed:text-white aria-pressed:ring-2 aria-pressed:ring-brand-700 aria-pressed:ring-offset-2 aria-pressed:hover:bg-brand-800'

// A symbol, not a word: hidden from screen readers, which hear aria-pressed instead.
const CHOSEN_MARK = '✓'

function Hidden({ studentId, accommodationId, date }: { studentId: string; accommodationId: string; date: string }) {
  return (
    <>
      <input type="hidden" name="intent" value="check" />
      <input type="hidden" name="studentId" value={studentId} />
      <input type="hidden" name="accommodationId" value={accommodationId} />
      <input type="hidden" name="date" value={date} />
    </>
  )
}

function RecordedLine({ shown }: { shown: ShownCheck | null }) {
  const hydrated = useHydrated()
  const { t } = useTranslation()
  if (!shown) return <p className="text-sm text-slate-700">{t('today.row.notRecorded')}</p>
  // The time is the reader's local time, so it is only known in the browser.
  const time = hydrated ? formatMoment(shown.recordedAt, 'time') : null
  const status = t(`today.check.${shown.status}`)
  const by = { name: shown.recordedBy, time: time ?? '' }
  return (
    <div className="space-y-1 text-sm text-slate-700">
      <p className="flex flex-wrap items-center gap-2">
        <CheckChip status={shown.status} label={shown.reason ? t('today.row.statusWithReason', { status, reason: shown.reason }) : status} />
        {shown.late ? <StatusBadge tone="warn">{t('today.row.late')}</StatusBadge> : null}
        {shown.pending ? <StatusBadge tone="info">{t('today.row.waiting')}</StatusBadge> : null}
      </p>
      <p>
        {shown.pending
          ? t(time ? 'today.row.tappedByAt' : 'today.row.tappedBy', by)
          : t(time ? 'today.row.recordedByAt' : 'today.row.recordedBy', by)}
      </p>
    </div>
  )
}

/**
 * One support for one day. The four choices are submit buttons of a plain form, so a tap made before the
 * page's scripts arrive still reaches the server; once they run, a tap goes to the phone's queue instead
 * and shows at once. "Not provided" first asks why, in a field of its own.
 */
export function AccommodationCheckRow({
  studentId,
  accommodation,
  date,
  shown,
  canRecord,
  refusedMessage,
  failure,
  onTap,
}: {
  studentId: string
  accommodation: TodayAccommodation
  date: string
  shown: ShownCheck | null
  canRecord: boolean
  refusedMessage: string | null
  failure: RowFailure | null
  onTap: (status: CheckStatus, reason?: string) => TapResult
}) {
  const a = accommodation
  const { t } = useTranslation()
  const [askingReason, setAskingReason] = useState(false)
  const [reasonErrors, setReasonErrors] = useState<string[] | undefined>(undefined)
  const [tapErrors, setTapErrors] = useState<string[]>([])
  const reasonOpen = askingReason || Boolean(failure?.fieldErrors.reason)
  const reasonId = `reason-${a.id}`
  const notProvidedId = `not-provided-${a.id}`
  const choicesId = `choices-${a.id}`
  // A recorded row is one line once scripts run (its choices behind "Change"); without scripts every row stays
  // whole, so the plain forms still work.
  const hydrated = useHydrated()
  const [changing, setChanging] = useState(false)
  const collapsed = hydrated && canRecord && shown !== null && !changing && !reasonOpen
  // A support that applies only with its subject or test is folded too until recorded: on most days there is
  // nothing to record for it, and one tap opens its choices when its lesson or test happened.
  const folded = hydrated && canRecord && shown === null && a.applicability === 'conditional' && !changing && !reasonOpen
  const changeButton = useRef<HTMLButtonElement>(null)
  const [refocus, setRefocus] = useState(false)
  useEffect(() => {
    if (!refocus || !(collapsed || folded)) return
    // The pressed button is gone with the choices: the row's own "Change" keeps the keyboard in place.
    changeButton.current?.focus()
    setRefocus(false)
  }, [refocus, collapsed, folded])

  // Opening a folded row: the keyboard lands on the choice it shows (or the first), not at the top of the page.
  useEffect(() => {
    if (!changing) return
    const group = document.getElementById(choicesId)
    group?.querySelector<HTMLButtonElement>('button[aria-pressed=true], button')?.focus()
  }, [changing, choicesId])

  function tapped(result: TapResult): TapResult {
    if (result.ok) {
      setChanging(false)
      setRefocus(true)
    }
    return result
  }

  function choose(event: MouseEvent<HTMLButtonElement>, status: CheckStatus) {
    event.preventDefault()
    if (status === 'not_provided') {
      setAskingReason(true)
      setReasonErrors(undefined)
      return
    }
    setAskingReason(false)
    // Tapping the choice already shown records nothing new.
    if (shown?.status === status) {
      setChanging(false)
      return
    }
    const result = tapped(onTap(status))
    setTapErrors(result.ok ? [] : Object.values(result.fieldErrors).flat())
  }

  function saveReason(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    // The same reading the page's action gives this form without scripts.
    const rules = checkRules()
    const parsed = rules ? rules.readReasonForm(new FormData(event.currentTarget)) : { ok: false as const, message: t('today.stillLoading'), fieldErrors: { form: [t('today.stillLoading')] } }
    const result = parsed.ok ? tapped(onTap('not_provided', parsed.value.reason)) : parsed
    if (result.ok) {
      setAskingReason(false)
      setReasonErrors(undefined)
      return
    }
    setReasonErrors(result.fieldErrors.reason ?? Object.values(result.fieldErrors).flat())
  }

  // Back to the button that opened the field, so a keyboard user does not land at the top of the page.
  function closeReason() {
    setAskingReason(false)
    setReasonErrors(undefined)
    document.getElementById(notProvidedId)?.focus()
  }

  const rowMessage = refusedMessage ?? (failure && !failure.fieldErrors.reason ? failure.message : null)
  const disputed = Boolean(a.dispute && a.check && shown && !shown.pending && shown.recordedAt === a.check.recordedAt)
  const notSaved = rowMessage ? (
    <p role="alert" className="w-full rounded-md border border-red-300 bg-red-50 p-2 text-sm font-medium text-red-900">
      {t('today.row.notSaved', { message: rowMessage })}
    </p>
  ) : null

  if (collapsed || folded) {
    const statusWord = shown ? t(`today.check.${shown.status}`) : ''
    return (
      <li className="flex items-center gap-2 py-0.5">
        <div className="min-w-0 flex-1 space-y-1">
          <h4 className="font-semibold leading-snug text-slate-900" lang={a.language}>
            {a.title}
          </h4>
          {/* Why it was not provided stays in sight: it is what the team follows up. */}
          {shown?.reason ? <p className="break-words text-sm text-slate-700">{shown.reason}</p> : null}
          {shown?.late || shown?.pending || disputed || !shown ? (
            <p className="flex flex-wrap gap-1">
              {shown ? null : <StatusBadge tone="info">{describeApplies(a.applies)}</StatusBadge>}
              {shown?.late ? <StatusBadge tone="warn">{t('today.row.late')}</StatusBadge> : null}
              {shown?.pending ? <StatusBadge tone="info">{t('today.row.waiting')}</StatusBadge> : null}
              {disputed ? <StatusBadge tone="bad">{t('today.row.disputed')}</StatusBadge> : null}
            </p>
          ) : null}
          {notSaved}
        </div>
        {shown ? null : (
          // Its lesson or test happened: one tap, as on the whole rows.
          <button
            type="button"
            className={`shrink-0 ${buttonClasses('secondary')} px-3`}
            aria-label={t('today.row.choiceLabel', { status: t('today.check.used'), title: a.title })}
            onClick={(e) => choose(e, 'used')}
          >
            {t('today.check.used')}
          </button>
        )}
        <button
          ref={changeButton}
          type="button"
          className={shown ? 'inline-flex min-h-11 shrink-0 items-center rounded-md' : `shrink-0 ${buttonClasses('secondary')} px-3`}
          aria-expanded={false}
          aria-controls={choicesId}
          aria-label={shown ? t('today.quick.changeLabel', { title: a.title, status: statusWord }) : t('today.quick.otherLabel', { title: a.title })}
          onClick={() => setChanging(true)}
        >
          {/* The chip is the button: the status in its own colour, with a pencil saying it can be changed. */}
          {shown ? <CheckChip status={shown.status} changeable /> : t('today.quick.other')}
        </button>
      </li>
    )
  }

  return (
    <li id={choicesId} className="space-y-2 py-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-semibold text-slate-900" lang={a.language}>
          {a.title}
        </h4>
        {a.applicability === 'conditional' ? <StatusBadge tone="info">{describeApplies(a.applies)}</StatusBadge> : null}
      </div>
      <p className="text-slate-700" lang={a.language}>
        {a.description}
      </p>
      {disputed && a.dispute ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge tone="bad">{t('today.row.disputed')}</StatusBadge>
          <span className="text-slate-800">{t('today.row.dispute', { name: a.dispute.byName, comment: a.dispute.comment })}</span>
        </p>
      ) : null}

      {canRecord ? (
        <form method="post">
          <Hidden studentId={studentId} accommodationId={a.id} date={date} />
          <div role="group" aria-label={t('today.row.recordGroup', { title: a.title })} className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {CHECK_CHOICES.map((status) => (
              <Button
                key={status}
                type="submit"
                name="status"
                value={status}
                variant="secondary"
                aria-label={t('today.row.choiceLabel', { status: t(`today.check.${status}`), title: a.title })}
                aria-pressed={shown?.status === status}
                id={status === 'not_provided' ? notProvidedId : undefined}
                aria-controls={status === 'not_provided' && reasonOpen ? reasonId : undefined}
                className={`relative whitespace-nowrap ${PRESSED}`}
                onClick={(e) => choose(e, status)}
              >
                {/* A mark besides the fill, so the choice does not rest on colour; placed aside so labels keep one line. */}
                {shown?.status === status ? (
                  <span aria-hidden="true" className="absolute left-1 text-xs">
                    {CHOSEN_MARK}
                  </span>
                ) : null}
                {t(`today.check.${status}`)}
              </Button>
            ))}
          </div>
        </form>
      ) : null}

      {canRecord && reasonOpen ? (
        <form method="post" id={reasonId} onSubmit={saveReason} noValidate className="space-y-3 rounded-md border border-slate-300 bg-slate-50 p-3">
          <Hidden studentId={studentId} accommodationId={a.id} date={date} />
          <input type="hidden" name="status" value="not_provided" />
          <Field
            label={t('today.row.reasonLabel', { title: a.title })}
            name="reason"
            hint={t('today.row.reasonHint')}
            maxLength={300}
            required
            autoFocus
            autoComplete="off"
            errors={reasonErrors ?? failure?.fieldErrors.reason}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" aria-label={t('today.row.saveReasonLabel', { title: a.title })}>
              {t('today.row.saveReason')}
            </Button>
            <Button variant="secondary" onClick={closeReason} aria-label={t('today.row.cancelLabel', { title: a.title })}>
              {t('today.row.cancel')}
            </Button>
          </div>
        </form>
      ) : null}

      <RecordedLine shown={shown} />
      {changing && canRecord ? (
        <Button
          variant="secondary"
          aria-expanded={true}
          aria-controls={choicesId}
          aria-label={t('today.quick.keepLabel', { title: a.title })}
          onClick={() => {
            setChanging(false)
            setRefocus(true)
          }}
        >
          {t('today.quick.keep')}
        </Button>
      ) : null}
      {tapErrors.length ? <p className="text-sm font-medium text-red-800">{tapErrors.join(' ')}</p> : null}
      {notSaved}
    </li>
  )
}
